//! The build refuses content that does not validate: `postbuild` (the step
//! Trunk runs after every build, and `scripts/render.sh` after an edit) lists
//! every problem with its path, exits with failure and writes nothing.
//! Run with `cargo test --no-default-features --features ssr`.
#![cfg(feature = "ssr")]

use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// The shipped story's content text.
fn shipped() -> String {
    explainer_core::story::StoryFiles::default_of_repository()
        .expect("the default story")
        .content_text
}

/// A fresh folder standing in for Trunk's staging folder.
fn staging(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postbuild-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp folder");
    fs::write(
        dir.join("index.html"),
        r#"<!doctype html><html><head></head><body><div id="app-status"></div><div id="app"></div></body></html>"#,
    )
    .expect("index.html");
    dir
}

/// Runs postbuild on `dir` with `content` as the content file.
fn postbuild(dir: &PathBuf, content: &str) -> (bool, String) {
    let file = dir.join("content-under-test.json");
    fs::write(&file, content).expect("content file");
    let out = Command::new(env!("CARGO_BIN_EXE_postbuild"))
        .arg(dir)
        .env("EXPLAINER_CONTENT_FILE", &file)
        .env("EXPLAINER_TEMPLATE_FILE", dir.join("template.html"))
        .env_remove("EXPLAINER_PUBLIC_URL")
        .output()
        .expect("postbuild runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn invalid_content_fails_the_build_with_every_problem_and_its_path() {
    let mut value: serde_json::Value = serde_json::from_str(&shipped()).expect("shipped content");
    // Two unrelated problems: a step pointing to a place that does not exist,
    // and a sentence of ours that names no quote.
    value["steps"][1]["places"] = serde_json::json!(["nowhere"]);
    value["steps"][2]["details"][0] =
        serde_json::Value::String("A sentence with no marker.".into());
    let dir = staging("invalid");
    let (ok, stderr) = postbuild(&dir, &value.to_string());
    assert!(!ok, "the build accepted invalid content; stderr: {stderr}");
    assert!(stderr.contains("problem(s)"), "no problem count: {stderr}");
    assert!(
        stderr.contains("steps[1].places"),
        "no path for the unknown place: {stderr}"
    );
    assert!(
        stderr.contains("nowhere"),
        "the unknown place is not named: {stderr}"
    );
    assert!(
        stderr.contains("steps[2].details[0]"),
        "no path for the uncited sentence: {stderr}"
    );
    let page = fs::read_to_string(dir.join("index.html")).expect("index.html");
    assert!(
        page.contains(r#"<div id="app"></div>"#),
        "the page was written anyway"
    );
    assert!(
        !dir.join("version.json").exists(),
        "version.json was written anyway"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn content_that_is_not_json_fails_the_build_and_says_so() {
    let dir = staging("not-json");
    let (ok, stderr) = postbuild(&dir, "{ \"title\": ");
    assert!(!ok, "the build accepted a broken file");
    assert!(stderr.contains("not valid JSON"), "{stderr}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_page_trunk_minified_fails_the_build_instead_of_taking_the_kept_template() {
    // Trunk's --minify drops the head's marker and unquotes `id="app"`; the page
    // is still Trunk's, not a rendered one, so the template kept from an earlier
    // build must not stand in for it.
    let dir = built_site("minified");
    let kept = fs::read_to_string(dir.join("template.html")).expect("the build's kept template");
    let minified = kept
        .replace("<!-- postbuild:head -->", "")
        .replace(r#"<div id="app"></div>"#, "<div id=app></div>");
    fs::write(dir.join("index.html"), &minified).expect("index.html");
    let (ok, stderr) = postbuild(&dir, &shipped());
    assert!(
        !ok,
        "the build rendered into the kept template; stderr: {stderr}"
    );
    assert!(
        stderr.contains("--minify"),
        "the failure does not say why: {stderr}"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// The template the build kept from Trunk's output (`trunk build --release` writes it).
fn kept_template() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/postbuild/index.html")
}

/// Copies the built site (`dist/`, from `trunk build --release`) to a fresh folder.
fn built_site(name: &str) -> PathBuf {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").exists(),
        "no built site in {}: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    let dir = std::env::temp_dir().join(format!("postbuild-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp folder");
    // The template the build kept from Trunk's output, where this run's postbuild reads it.
    fs::copy(kept_template(), dir.join("template.html")).expect("the build's kept template");
    for entry in fs::read_dir(&dist).expect("dist") {
        let entry = entry.expect("entry");
        if entry.path().is_file() {
            fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
        }
    }
    dir
}

fn wasm_of(dir: &PathBuf) -> Vec<u8> {
    let name = fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("a wasm file");
    fs::read(dir.join(name)).expect("wasm")
}

#[test]
fn an_edited_content_file_re_renders_the_built_site_without_touching_the_wasm() {
    let dir = built_site("edit");
    let wasm_before = wasm_of(&dir);
    let version_before = fs::read_to_string(dir.join("version.json")).expect("version.json");
    let mut value: serde_json::Value = serde_json::from_str(&shipped()).expect("shipped content");
    let new_title = "An edited title for the second step";
    value["steps"][1]["title"] = serde_json::Value::String(new_title.into());
    let (ok, stderr) = postbuild(&dir, &value.to_string());
    assert!(ok, "re-rendering failed: {stderr}");
    let page = fs::read_to_string(dir.join("index.html")).expect("index.html");
    assert!(page.contains(new_title), "the page does not show the edit");
    assert_eq!(
        page.matches("<div id=\"app\">").count(),
        1,
        "rendered twice"
    );
    let story = explainer_core::story::StoryFiles::default_of_repository()
        .expect("the default story")
        .story;
    let single = fs::read_to_string(dir.join(story.single_file())).expect("single file");
    assert!(
        single.contains(new_title),
        "the single file does not show the edit"
    );
    // The step's share page too, with its card beside it.
    let step_dir = dir.join(explainer_core::share::step_page_path(
        value["steps"][1]["id"].as_str().expect("step id"),
    ));
    let share_page = fs::read_to_string(step_dir.join("index.html")).expect("step page");
    assert!(
        share_page.contains(&format!(
            r#"<meta property="og:title" content="{new_title}">"#
        )),
        "the step's share page does not show the edit"
    );
    assert!(
        step_dir.join(explainer_core::share::CARD_FILE).exists(),
        "no card"
    );
    let version_after = fs::read_to_string(dir.join("version.json")).expect("version.json");
    assert_ne!(version_before, version_after, "the version did not change");
    assert!(
        page.contains(&format!(
            "content=\"{}\"",
            serde_json::from_str::<serde_json::Value>(&version_after).expect("json")["version"]
                .as_str()
                .expect("version")
        )),
        "the page does not carry the new version"
    );
    assert_eq!(wasm_of(&dir), wasm_before, "the wasm changed");
    let _ = fs::remove_dir_all(&dir);
}

/// Every string of a words table, with `subject` put in.
fn table_strings(value: &toml::Value, subject: &str, out: &mut Vec<String>) {
    match value {
        toml::Value::String(text) => out.push(text.replace("{subject}", subject)),
        toml::Value::Table(table) => table
            .iter()
            .for_each(|(_, v)| table_strings(v, subject, out)),
        toml::Value::Array(items) => items.iter().for_each(|v| table_strings(v, subject, out)),
        _ => {}
    }
}

#[test]
fn the_wasm_carries_none_of_the_interfaces_words_from_the_table() {
    let dir = built_site("words");
    let wasm = wasm_of(&dir);
    let story = explainer_core::story::StoryFiles::default_of_repository()
        .expect("the default story")
        .story;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let table = fs::read_to_string(root.join("locales/en.toml")).expect("locales/en.toml");
    let mut table: toml::Value = toml::from_str(&table).expect("the table parses");
    // Counts in words ("eight") are single words found inside others ("height").
    if let Some(t) = table.as_table_mut() {
        t.remove("numbers");
    }
    let mut strings = Vec::new();
    table_strings(&table, &story.subject, &mut strings);
    assert!(strings.len() >= 10, "the table's strings: {strings:?}");
    let page = fs::read_to_string(dir.join("index.html")).expect("index.html");
    // A template's words between its slots ("Step " and " of " in "Step {n} of
    // {total}"); pieces under five bytes are too short to tell apart from code.
    let pieces = strings.iter().flat_map(|text| {
        text.split(['{', '}'])
            .step_by(2)
            .filter(|piece| piece.len() >= 5)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    });
    for text in pieces {
        let needle = text.as_bytes();
        assert!(
            !wasm.windows(needle.len()).any(|w| w == needle),
            "the wasm carries {text:?}: the live app must take its words from the page"
        );
    }
    // The words are the page's: the timeline's note, for one, is rendered there.
    let note = strings
        .iter()
        .find(|s| s.contains("statements are on the left"))
        .expect("the table has the timeline's note");
    assert!(page.contains(note.as_str()), "the page shows {note:?}");
}
