//! Corrections and updates: dated by the editors, linked to the steps they changed.

use explainer_core::{load_content, UpdateKind};

fn with_updates(updates: &str) -> String {
    let base = include_str!("fixtures/minimal.json").trim_end();
    let base = base.strip_suffix('}').expect("fixture is an object");
    format!("{base},\n  \"updates\": {updates}\n}}")
}

const TWO: &str = r#"[
  { "id": "first", "date": "2026-11-02", "kind": "update", "text": "Added a step.", "steps": ["storage"] },
  { "id": "fix", "date": "2026-11-29", "kind": "correction", "text": "Corrected who said it.", "steps": ["intro", "storage"] }
]"#;

#[test]
fn updates_parse_newest_first_with_the_steps_they_changed() {
    let content =
        load_content("content.json", &with_updates(TWO)).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = content
        .updates_newest_first()
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(ids, ["fix", "first"]);
    assert_eq!(content.date_modified(), Some("2026-11-29"));
    assert_eq!(content.updates[1].kind, UpdateKind::Correction);
    assert_eq!(content.updates_of_step("storage").len(), 2);
    assert_eq!(content.updates_of_step("intro")[0].anchor(), "update-fix");
}

#[test]
fn a_file_without_updates_has_no_modification_date() {
    let content = load_content("content.json", include_str!("fixtures/minimal.json")).unwrap();
    assert!(content.updates.is_empty());
    assert_eq!(content.date_modified(), None);
}

#[test]
fn bad_dates_unknown_steps_and_empty_text_are_reported() {
    for (date, ok) in [
        ("2026-02-29", false),
        ("2024-02-29", true),
        ("2026-13-01", false),
        ("2026-1-5", false),
        ("29/11/2026", false),
        ("2026-11-31", false),
        ("2026-12-31", true),
    ] {
        let text = with_updates(&TWO.replace("2026-11-02", date));
        let result = load_content("content.json", &text);
        assert_eq!(result.is_ok(), ok, "{date}: {result:?}");
        if let Err(e) = result {
            assert!(
                e.problems.iter().any(|p| p.path == "updates[0].date"),
                "{e}"
            );
        }
    }
    let text = with_updates(&TWO.replace(r#"["intro", "storage"]"#, r#"["intro", "gone"]"#));
    let err = load_content("content.json", &text).unwrap_err();
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "updates[1].steps[1]");
    let text = with_updates(&TWO.replace("Added a step.", " "));
    let err = load_content("content.json", &text).unwrap_err();
    assert_eq!(err.problems[0].path, "updates[0].text");
    let text = with_updates(&TWO.replace(r#""id": "fix""#, r#""id": "first""#));
    let err = load_content("content.json", &text).unwrap_err();
    assert_eq!(err.problems[0].path, "updates[1].id");
}
