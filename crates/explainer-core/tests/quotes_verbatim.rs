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

#[test]
fn the_check_command_passes_the_shipped_content_with_a_summary() {
    let file = sources_dir::shipped_file();
    let (ok, out) = sources_dir::run_check(&[&file]);
    assert!(ok, "{out}");
    let content = sources_dir::shipped_content();
    let lines: Vec<&str> = out.lines().collect();
    // The summary's two lines close the output: counts, then how much there is to read.
    let [.., counts, reading] = lines[..] else {
        panic!("{out}")
    };
    assert!(counts.contains(": OK: "), "{out}");
    assert!(
        counts.contains(&format!("{} steps", content.steps.len())),
        "{counts}"
    );
    assert!(counts.contains("lines verified verbatim"), "{counts}");
    let lengths = explainer_core::reading::Lengths::of(&content);
    assert!(
        reading.contains(&format!("{} words of our own", lengths.own_words)),
        "{reading}"
    );
    assert!(
        reading.contains(&format!(
            "default reading path {} words",
            lengths.reading_path
        )),
        "{reading}"
    );
    assert!(reading.contains("leads of "), "{reading}");
}

#[test]
fn the_check_command_lists_every_problem_and_fails() {
    let file = sources_dir::shipped_file();
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // Two independent problems: a changed quote and a sentence without its marker.
    let quote = value.pointer_mut("/steps/0/citations/0/quote").unwrap();
    let changed = quote.as_str().unwrap().replacen(' ', "  X ", 1);
    *quote = serde_json::Value::String(changed);
    let body = value.pointer_mut("/steps/0/details/0").unwrap();
    let text = body.as_str().unwrap().to_owned();
    *body = serde_json::Value::String(format!("{text} An uncited sentence."));
    let dir = std::env::temp_dir().join(format!("check-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("content.json");
    std::fs::write(&broken, value.to_string()).unwrap();
    let (ok, out) = sources_dir::run_check(&[&broken]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!ok, "{out}");
    assert!(
        out.contains("steps[0].citations[0].quote: not verbatim"),
        "{out}"
    );
    assert!(out.contains("matches the article only up to"), "{out}");
    assert!(
        out.contains("steps[0].details[0]: the sentence “An uncited sentence.” names no citation"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.contains(": 2 problem(s)")), "{out}");
}

/// Content that breaks no rule but is too long to read fails the check, with
/// every figure over budget named.
#[test]
fn content_over_the_reading_budgets_fails_the_check() {
    use explainer_core::check::check;
    use explainer_core::reading::{OWN_WORDS_MAX, READING_PATH_MAX};
    let articles = sources_dir::load_articles();
    let file = sources_dir::shipped_file();
    let text = std::fs::read_to_string(&file).unwrap();
    let report = check("content.json", &text, &articles);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A long headline and dek: 2 × 900 words on the default reading path.
    let long = vec!["a"; 900].join(" ");
    value["title"] = serde_json::Value::String(long.clone());
    value["dek"] = serde_json::Value::String(long.clone());
    // And method paragraphs: our own words, though off the reading path.
    let method = value["method"].as_array_mut().unwrap();
    for _ in 0..(OWN_WORDS_MAX / 900 + 1) {
        method.push(serde_json::Value::String(long.clone()));
    }
    let text = value.to_string();
    // Every rule still holds: only the budgets fail.
    explainer_core::load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    let report = check("content.json", &text, &articles);
    let summary = report.summary.expect("a summary of valid content");
    assert!(summary.lengths.reading_path > READING_PATH_MAX);
    assert!(summary.lengths.own_words > OWN_WORDS_MAX);
    assert_eq!(report.problems.len(), 2, "{:#?}", report.problems);
    assert!(
        report.problems[0].reason.contains("our own words"),
        "{:#?}",
        report.problems
    );
    assert!(
        report.problems[1].reason.contains("default reading path"),
        "{:#?}",
        report.problems
    );
}

#[test]
fn the_check_command_says_clearly_when_the_articles_are_missing() {
    let file = sources_dir::shipped_file();
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
