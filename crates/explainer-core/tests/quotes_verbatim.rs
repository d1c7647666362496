//! Every quote in the shipped content appears verbatim in the article it cites,
//! and the editor's `check` command says so (or lists what is wrong).

mod sources_dir;

use std::process::Command;

use explainer_core::check::{source_problems, verbatim_problems};

#[test]
fn every_quote_and_evidence_line_is_verbatim_in_its_article() {
    let articles = sources_dir::load_articles();
    let content = sources_dir::shipped_content();
    let (problems, checked) = verbatim_problems(&content, &articles);
    assert!(
        checked > content.citations().len(),
        "evidence lines are checked too"
    );
    assert!(
        problems.is_empty(),
        "{} of {checked} lines are not verbatim:\n{}",
        problems.len(),
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_article_is_a_listed_source_under_its_own_headline() {
    let articles = sources_dir::load_articles();
    let content = sources_dir::shipped_content();
    let problems = source_problems(&content, &articles);
    assert!(problems.is_empty(), "{problems:#?}");
}

fn run_check(file: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_check"))
        .arg(file)
        .output()
        .expect("the check binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_check_command_passes_the_shipped_content_with_a_summary() {
    let file =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/content.json");
    let (ok, out) = run_check(&file);
    assert!(ok, "{out}");
    let last = out.lines().last().unwrap_or_default();
    let content = sources_dir::shipped_content();
    assert!(last.contains(": OK: "), "{out}");
    assert!(
        last.contains(&format!("{} steps", content.steps.len())),
        "{last}"
    );
    assert!(last.contains("lines verified verbatim"), "{last}");
}

#[test]
fn the_check_command_lists_every_problem_and_fails() {
    let file =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/content.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // Two independent problems: a changed quote and a sentence without its marker.
    let quote = value
        .pointer_mut("/steps/0/claims/0/citations/0/quote")
        .unwrap();
    let changed = quote.as_str().unwrap().replacen(' ', "  X ", 1);
    *quote = serde_json::Value::String(changed);
    let body = value.pointer_mut("/steps/0/body/0").unwrap();
    let text = body.as_str().unwrap().to_owned();
    *body = serde_json::Value::String(format!("{text} An uncited sentence."));
    let dir = std::env::temp_dir().join(format!("check-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("content.json");
    std::fs::write(&broken, value.to_string()).unwrap();
    let (ok, out) = run_check(&broken);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!ok, "{out}");
    assert!(
        out.contains("steps[0].claims[0].citations[0].quote: not verbatim"),
        "{out}"
    );
    assert!(out.contains("matches the article only up to"), "{out}");
    assert!(
        out.contains("steps[0].body[0]: the sentence “An uncited sentence.” names no citation"),
        "{out}"
    );
    assert!(
        out.lines()
            .last()
            .unwrap_or_default()
            .contains("2 problem(s)"),
        "{out}"
    );
}

#[test]
fn the_check_command_says_clearly_when_the_articles_are_missing() {
    let file =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/content.json");
    let out = Command::new(env!("CARGO_BIN_EXE_check"))
        .arg(&file)
        .env("EXPLAINER_SOURCES_DIR", "/nonexistent/sources")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/sources") && err.contains("EXPLAINER_SOURCES_DIR"),
        "{err}"
    );
}
