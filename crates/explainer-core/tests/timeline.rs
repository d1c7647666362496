//! The timeline: groups of events, every event cited from its own quotes,
//! every time only as precise as its quote (or a cited reason it is inferred),
//! each group's events in time order where years decide it, and answers after
//! what they answer.

use explainer_core::{load_content, ContentError, Precision};

/// A small valid file with a timeline of two groups: the first in time order
/// (a year, then a stated range), the second a thread of one event with a
/// month and no year, whose place relative to the first group no text gives.
fn valid() -> String {
    let base = include_str!("fixtures/minimal.json").trim_end();
    let base = base.strip_suffix('}').expect("fixture is an object");
    format!(
        r#"{base},
  "timeline": [
    {{ "id": "dated", "title": "In time order", "events": [
    {{ "id": "e-one", "speaker": "record", "who": "Officials", "text": "An order. [t1]", "step": "intro",
      "when": [{{ "label": "2020", "year": 2020, "evidence": "t1" }}],
      "citations": [{{ "id": "t1", "source": "src-a", "quote": "Ordered in 2020.", "speaker": "record", "who": "Officials" }}] }},
    {{ "id": "e-three", "speaker": "outlet", "who": "BuzzFeed News", "text": "Access. [t3]", "step": "storage",
      "when": [{{ "label": "September 2021 to January 2022", "year": 2021, "month": 9, "end_year": 2022, "end_month": 1, "evidence": "t3" }}],
      "citations": [{{ "id": "t3", "source": "src-b", "quote": "between at least September 2021 and January 2022", "speaker": "outlet", "who": "BuzzFeed News" }}] }}
    ] }},
    {{ "id": "thread", "title": "A move", "note": "No article gives its year.", "events": [
    {{ "id": "e-two", "speaker": "subject", "who": "TikTok", "text": "A move. [t2]", "step": "storage",
      "when": [{{ "label": "June (no year given)", "month": 6, "evidence": "t2" }}],
      "responds_to": "e-one",
      "citations": [{{ "id": "t2", "source": "src-b", "quote": "It moved in June.", "speaker": "subject", "who": "TikTok" }}] }}
    ] }}
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
    let events = content.events();
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["e-one", "e-three", "e-two"]);
    let precisions: Vec<Precision> = events.iter().map(|e| e.when[0].precision()).collect();
    assert_eq!(
        precisions,
        [Precision::Year, Precision::Range, Precision::Month]
    );
    assert_eq!(
        content.timeline[1].note.as_deref(),
        Some("No article gives its year.")
    );
    assert_eq!(content.events_of_step("storage").len(), 2);
    assert_eq!(content.event("e-two").unwrap().sort_key(), None);
    assert_eq!(
        content.event("e-three").unwrap().sort_key(),
        Some((2021, 9))
    );
    assert_eq!(
        content.event("e-two").unwrap().responds_to.as_deref(),
        Some("e-one")
    );
}

#[test]
fn a_year_the_quote_does_not_state_is_reported_unless_inferred_with_a_reason() {
    let text = with(
        r#""label": "2020", "year": 2020"#,
        r#""label": "2019", "year": 2019"#,
    );
    assert_only(
        &text,
        "timeline[0].events[0].when[0].evidence",
        &["2019", "inferred"],
    );
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
        "timeline[0].events[0].when[0].inferred",
        &["names no citation"],
    );
}

#[test]
fn a_month_the_quote_does_not_state_is_reported() {
    let text = with(
        r#""month": 6, "evidence": "t2""#,
        r#""month": 7, "evidence": "t2""#,
    );
    assert_only(&text, "timeline[1].events[0].when[0].evidence", &["July"]);
    let text = with(
        r#""month": 6, "evidence": "t2""#,
        r#""month": 13, "evidence": "t2""#,
    );
    assert_only(&text, "timeline[1].events[0].when[0].month", &["1 to 12"]);
}

#[test]
fn a_group_s_events_out_of_time_order_are_reported() {
    let text = with(
        r#""year": 2021, "month": 9, "end_year": 2022, "end_month": 1, "evidence": "t3""#,
        r#""year": 2019, "inferred": "Earlier. [t3]", "evidence": "t3""#,
    );
    assert_only(
        &text,
        "timeline[0].events[1].when",
        &["2019", "\"e-one\"", "time order"],
    );
}

#[test]
fn groups_need_no_time_order_between_them() {
    // The thread's event, dated 2019, comes after the 2022 range: other groups
    // are threads whose place relative to the first no text gives.
    let text = with(
        r#""label": "June (no year given)", "month": 6, "evidence": "t2""#,
        r#""label": "June 2019 (inferred)", "year": 2019, "month": 6, "evidence": "t2", "inferred": "Before the order. [t2]""#,
    );
    let content = load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.event("e-two").unwrap().sort_key(), Some((2019, 6)));
    // A group needs a title and an event.
    let text = with(r#""title": "A move""#, r#""title": " ""#);
    assert_only(&text, "timeline[1].title", &["empty"]);
}

#[test]
fn answers_come_after_what_they_answer() {
    // `responds_to` must name an event earlier in the timeline's reading order:
    // e-three is in the first group, so before e-two.
    let text = with(r#""responds_to": "e-one""#, r#""responds_to": "e-three""#);
    load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    // A later event (here e-two, answered from e-three before it) is rejected.
    let text = with(
        r#""id": "e-three", "#,
        r#""id": "e-three", "responds_to": "e-two", "#,
    );
    assert_only(
        &text,
        "timeline[0].events[1].responds_to",
        &["\"e-two\"", "earlier"],
    );
    // So is the event itself, and an id no event has.
    let text = with(r#""responds_to": "e-one""#, r#""responds_to": "e-two""#);
    assert_only(&text, "timeline[1].events[0].responds_to", &["\"e-two\""]);
    let text = with(r#""responds_to": "e-one""#, r#""responds_to": "e-zero""#);
    assert_only(&text, "timeline[1].events[0].responds_to", &["\"e-zero\""]);
}

#[test]
fn evidence_and_markers_name_the_event_s_own_quotes() {
    let text = with(r#""evidence": "t1""#, r#""evidence": "t3""#);
    assert_only(
        &text,
        "timeline[0].events[0].when[0].evidence",
        &["\"t3\"", "no citation of this event"],
    );
    let text = with("An order. [t1]", "An order. [t3]");
    assert_only(
        &text,
        "timeline[0].events[0].text",
        &["\"t3\"", "this event"],
    );
    let text = with("Access. [t3]", "Access.");
    assert_only(&text, "timeline[0].events[1].text", &["names no citation"]);
}

#[test]
fn event_ids_are_unique_and_citation_ids_share_the_file_s_namespace() {
    // Event ids are unique across groups.
    let text =
        with(r#""id": "e-two""#, r#""id": "e-one""#).replace(r#""responds_to": "e-one","#, "");
    assert_only(&text, "timeline[1].events[0].id", &["\"e-one\"", "twice"]);
    let text = with(r#""id": "thread""#, r#""id": "dated""#);
    assert_only(&text, "timeline[1].id", &["\"dated\"", "twice"]);
    let text = with(r#""id": "t1""#, r#""id": "q-zero""#)
        .replace("[t1]", "[q-zero]")
        .replace(r#""evidence": "t1""#, r#""evidence": "q-zero""#);
    assert_only(
        &text,
        "timeline[0].events[0].citations[0].id",
        &["\"q-zero\"", "twice"],
    );
}

#[test]
fn an_event_needs_a_dating_and_a_known_step() {
    let text = with(r#""step": "intro","#, r#""step": "nowhere","#);
    assert_only(&text, "timeline[0].events[0].step", &["\"nowhere\""]);
    let text = with(
        r#"[{ "label": "2020", "year": 2020, "evidence": "t1" }]"#,
        "[]",
    );
    let err = problems(&text);
    assert!(
        err.problems
            .iter()
            .any(|p| p.path == "timeline[0].events[0].when"),
        "{err}"
    );
}

#[test]
fn precision_says_whether_the_article_gives_the_date_or_it_is_inferred() {
    let content = load_content("content.json", &valid()).unwrap_or_else(|e| panic!("{e}"));
    let precisions: Vec<(Precision, bool)> = content
        .events()
        .iter()
        .map(|e| (e.when[0].precision(), e.when[0].is_inferred()))
        .collect();
    assert_eq!(
        precisions,
        [
            (Precision::Year, false),
            (Precision::Range, false),
            (Precision::Month, false)
        ]
    );
    let text = with(
        r#""label": "2020", "year": 2020, "evidence": "t1""#,
        r#""label": "2019", "year": 2019, "evidence": "t1", "inferred": "A year before. [t1]""#,
    );
    let content = load_content("content.json", &text).unwrap_or_else(|e| panic!("{e}"));
    let dating = &content.timeline[0].events[0].when[0];
    assert_eq!(
        (dating.precision(), dating.is_inferred()),
        (Precision::Year, true)
    );
}
