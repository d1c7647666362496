//! A story folder as the editor's check reads it: its `story.json` with its
//! `content.json`, the shipped story passing, and a broken identity failing
//! with its field path.

use explainer_core::story::{date_modified, CONTENT_FILE, STORY_FILE};

mod sources_dir;

#[test]
fn the_shipped_story_is_published_before_its_updates() {
    let files = sources_dir::shipped_story();
    let content = sources_dir::shipped_content();
    let modified = date_modified(&files.story, &content).unwrap();
    assert!(files.story.date_published.as_str() <= modified);
    assert!(
        files.path(&files.story.publisher.logo).is_file(),
        "the logo is in the folder"
    );
}

#[test]
fn the_check_without_an_argument_checks_the_default_story() {
    let (ok, out) = sources_dir::run_check(&[]);
    assert!(ok, "{out}");
    let story = sources_dir::shipped_story();
    let folder = story
        .dir
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        out.lines()
            .any(|l| l.contains(&folder) && l.contains(CONTENT_FILE) && l.contains(": OK: ")),
        "the default story's content is checked and passes: {out}"
    );
}

#[test]
fn a_broken_story_json_fails_the_check_with_its_path() {
    let shipped = sources_dir::shipped_story();
    let dir = std::env::temp_dir().join(format!("story-folder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(CONTENT_FILE), &shipped.content_text).unwrap();
    let mut story: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shipped.path(STORY_FILE)).unwrap()).unwrap();
    story["date_published"] = "26 November 2026".into();
    std::fs::write(dir.join(STORY_FILE), story.to_string()).unwrap();
    let (ok, out) = sources_dir::run_check(&[&dir]);
    assert!(!ok, "{out}");
    assert!(out.contains("date_published"), "{out}");

    // Published after its own updates: the dates disagree.
    story["date_published"] = "2099-01-01".into();
    std::fs::write(dir.join(STORY_FILE), story.to_string()).unwrap();
    let (ok, out) = sources_dir::run_check(&[&dir]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("date_published 2099-01-01 is after the update"),
        "{out}"
    );

    // Without its story.json, the folder says which file is missing.
    std::fs::remove_file(dir.join(STORY_FILE)).unwrap();
    let (ok, out) = sources_dir::run_check(&[&dir]);
    assert!(!ok, "{out}");
    assert!(out.contains(STORY_FILE), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_edition_in_another_language_is_checked_sentence_for_sentence() {
    let shipped = sources_dir::shipped_story();
    assert!(
        !shipped.story.editions.is_empty(),
        "the shipped story has an edition in another language"
    );
    let (ok, out) = sources_dir::run_check(&[&shipped.dir]);
    assert!(ok, "{out}");
    for edition in &shipped.story.editions {
        let file = edition.content_file();
        assert!(
            out.lines()
                .any(|l| l.contains(&file) && l.contains(": OK: an edition of")),
            "{file} is checked against the content and passes: {out}"
        );
    }

    // One translated sentence naming another quote than its original fails the
    // check, at its path.
    let edition = &shipped.story.editions[0];
    let dir = std::env::temp_dir().join(format!("story-edition-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in [STORY_FILE, CONTENT_FILE] {
        std::fs::copy(shipped.path(name), dir.join(name)).unwrap();
    }
    let text = std::fs::read_to_string(shipped.path(&edition.content_file())).unwrap();
    let mut translated: serde_json::Value = serde_json::from_str(&text).unwrap();
    let original = sources_dir::shipped_content();
    let [first, second, ..] = original.steps[0].citations.as_slice() else {
        panic!("the first step has two quotes at least");
    };
    let lead = translated["steps"][0]["lead"].as_str().unwrap().to_owned();
    let swapped = lead
        .replace(&format!("[{}]", first.id), "[@]")
        .replace(&format!("[{}]", second.id), &format!("[{}]", first.id))
        .replace("[@]", &format!("[{}]", second.id));
    assert_ne!(
        swapped, lead,
        "the first lead names its first two quotes alone"
    );
    translated["steps"][0]["lead"] = swapped.into();
    std::fs::write(dir.join(edition.content_file()), translated.to_string()).unwrap();
    let (ok, out) = sources_dir::run_check(&[
        &dir,
        std::path::Path::new("--sources"),
        &shipped.sources_dir(),
    ]);
    assert!(!ok, "{out}");
    assert!(
        out.lines().any(|l| l.contains(&edition.content_file())
            && l.contains("steps[0].lead")
            && l.contains("sentence for sentence")),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
