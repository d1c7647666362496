//! The timeline: every event cited from its own quotes, every time only as
//! precise as its quote, events in time order where years decide it, and a
//! cited reason wherever they do not.

use explainer_core::{load_content, ContentError, Precision};

/// A small valid file with a three-event timeline: a year, a month without a
/// year (placed by a cited reason), and a stated range.
fn valid() -> String {
    let base = include_str!("fixtures/minimal.json").trim_end();
    let base = base.strip_suffix('}').expect("fixture is an object");
    format!(
        r#"{base},
  "timeline": [
    {{ "id": "e-one", "speaker": "record", "who": "Officials", "text": "An order. [t1]", "step": "intro",
      "when": [{{ "label": "2020", "year": 2020, "evidence": "t1" }}],
      "citations": [{{ "id": "t1", "source": "src-a", "quote": "Ordered in 2020." }}] }},
    {{ "id": "e-two", "speaker": "tiktok", "who": "TikTok", "text": "A move. [t2]", "step": "storage",
      "when": [{{ "label": "June (no year given)", "month": 6, "evidence": "t2" }}],
      "order": "It answers the order. [t2]", "responds_to": "e-one",
      "citations": [{{ "id": "t2", "source": "src-b", "quote": "It moved in June." }}] }},
    {{ "id": "e-three", "speaker": "outlet", "who": "BuzzFeed News", "text": "Access. [t3]", "step": "storage",
      "when": [{{ "label": "September 2021 to January 2022", "year": 2021, "month": 9, "end_year": 2022, "end_month": 1, "evidence": "t3" }}],
      "citations": [{{ "id": "t3", "source": "src-b", "quote": "between at least September 2021 and January 2022" }}] }}
  ]
}}"#
    )
}

fn with(from: &str, to: &str) -> String {
    let text = valid();
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture should contain {from:?} once"
    );
    text.replacen(from, to, 1)
}

fn problems(text: &str) -> ContentError {
    load_content("content.json", text).expect_err("should be rejected")
}

fn assert_only(text: &str, path: &str, needles: &[&str]) {
    let err = problems(text);
    assert_eq!(err.problems.len(), 1, "{err}");
    let p = &err.problems[0];
    assert_eq!(p.path, path, "{err}");
    for needle in needles {
        assert!(
            p.reason.contains(needle),
            "{needle:?} not in {:?}",
            p.reason
        );
    }
}

#[test]
fn a_valid_timeline_parses_with_its_precisions() {
    let content = load_content("content.json", &valid()).unwrap_or_else(|e| panic!("{e}"));
    let precisions: Vec<Precision> = content
        .timeline
        .iter()
        .map(|e| e.when[0].precision())
        .collect();
    assert_eq!(
        precisions,
        [Precision::Year, Precision::Month, Precision::Range]
    );
    assert_eq!(content.events_of_step("storage").len(), 2);
    assert_eq!(content.timeline[1].sort_key(), None);
    assert_eq!(content.timeline[2].sort_key(), Some((2021, 9)));
}

#[test]
fn a_year_the_quote_does_not_state_is_reported_unless_inferred_with_a_reason() {
    let text = with(
        r#""label": "2020", "year": 2020"#,
        r#""label": "2019", "year": 2019"#,
    );
    assert_only(&text, "timeline[0].when[0].evidence", &["2019", "inferred"]);
    let text = with(
        r#""label": "2020", "year": 2020, "evidence": "t1""#,
        r#""label": "2019 (inferred)", "year": 2019, "evidence": "t1", "inferred": "The order came a year before. [t1]""#,
    );
    load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    // The reason must itself be cited.
    let text = with(
        r#""label": "2020", "year": 2020, "evidence": "t1""#,
        r#""label": "2019 (inferred)", "year": 2019, "evidence": "t1", "inferred": "A year before.""#,
    );
    assert_only(
        &text,
        "timeline[0].when[0].inferred",
        &["names no citation"],
    );
}

#[test]
fn a_month_the_quote_does_not_state_is_reported() {
    let text = with(
        r#""month": 6, "evidence": "t2""#,
        r#""month": 7, "evidence": "t2""#,
    );
    assert_only(&text, "timeline[1].when[0].evidence", &["July"]);
    let text = with(
        r#""month": 6, "evidence": "t2""#,
        r#""month": 13, "evidence": "t2""#,
    );
    assert_only(&text, "timeline[1].when[0].month", &["1 to 12"]);
}

#[test]
fn events_out_of_time_order_are_reported() {
    let text = with(
        r#""year": 2021, "month": 9, "end_year": 2022, "end_month": 1, "evidence": "t3""#,
        r#""year": 2019, "inferred": "Earlier. [t3]", "evidence": "t3""#,
    );
    assert_only(
        &text,
        "timeline[2].when",
        &["2019", "\"e-one\"", "time order"],
    );
}

#[test]
fn an_event_no_year_places_needs_a_cited_reason_for_its_position() {
    let text = with(r#""order": "It answers the order. [t2]", "#, "");
    assert_only(&text, "timeline[1].order", &["cannot be decided"]);
}

#[test]
fn answers_come_after_what_they_answer() {
    let text = with(r#""responds_to": "e-one""#, r#""responds_to": "e-three""#);
    assert_only(&text, "timeline[1].responds_to", &["\"e-three\""]);
}

#[test]
fn evidence_and_markers_name_the_event_s_own_quotes() {
    let text = with(r#""evidence": "t1""#, r#""evidence": "t3""#);
    assert_only(
        &text,
        "timeline[0].when[0].evidence",
        &["\"t3\"", "no citation of this event"],
    );
    let text = with("An order. [t1]", "An order. [t3]");
    assert_only(&text, "timeline[0].text", &["\"t3\"", "this event"]);
    let text = with("Access. [t3]", "Access.");
    assert_only(&text, "timeline[2].text", &["names no citation"]);
}

#[test]
fn event_ids_are_unique_and_citation_ids_share_the_file_s_namespace() {
    let text =
        with(r#""id": "e-two""#, r#""id": "e-one""#).replace(r#""responds_to": "e-one", "#, "");
    assert_only(&text, "timeline[1].id", &["\"e-one\"", "twice"]);
    let text = with(r#""id": "t1""#, r#""id": "safe""#)
        .replace("[t1]", "[safe]")
        .replace(r#""evidence": "t1""#, r#""evidence": "safe""#);
    assert_only(&text, "timeline[0].citations[0].id", &["\"safe\"", "twice"]);
}

#[test]
fn an_event_needs_a_dating_and_a_known_step() {
    let text = with(r#""step": "intro","#, r#""step": "nowhere","#);
    assert_only(&text, "timeline[0].step", &["\"nowhere\""]);
    let text = with(
        r#"[{ "label": "2020", "year": 2020, "evidence": "t1" }]"#,
        "[]",
    );
    let err = problems(&text);
    assert!(
        err.problems.iter().any(|p| p.path == "timeline[0].when"),
        "{err}"
    );
}

#[test]
fn precision_says_whether_the_article_gives_the_date_or_it_is_inferred() {
    let content = load_content("content.json", &valid()).unwrap_or_else(|e| panic!("{e}"));
    let texts: Vec<String> = content
        .timeline
        .iter()
        .map(|e| e.when[0].precision_text())
        .collect();
    assert_eq!(
        texts,
        ["year given", "month without a year given", "period given"]
    );
    let text = with(
        r#""label": "2020", "year": 2020, "evidence": "t1""#,
        r#""label": "2019", "year": 2019, "evidence": "t1", "inferred": "A year before. [t1]""#,
    );
    let content = load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        content.timeline[0].when[0].precision_text(),
        "year inferred"
    );
}
