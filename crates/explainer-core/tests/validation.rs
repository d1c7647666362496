//! `load_content` accepts a small valid file and reports each class of broken
//! content with the file name, the field path and the offending value.

use explainer_core::{load_content, ContentError, FlowStatus, Perspective, Problem, Side, Speaker};

const FILE: &str = "content.json";

/// A minimal valid content file. Every string the tests replace occurs exactly
/// once (checked by [`with`]), so each mutation breaks exactly one thing.
const VALID: &str = include_str!("fixtures/minimal.json");

/// `VALID` with `from` (which must occur exactly once) replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert_eq!(
        VALID.matches(from).count(),
        1,
        "fixture should contain {from:?} exactly once"
    );
    VALID.replacen(from, to, 1)
}

fn load_err(text: &str) -> ContentError {
    match load_content(FILE, text) {
        Ok(_) => panic!("content was accepted but should be rejected:\n{text}"),
        Err(e) => e,
    }
}

/// The content is rejected with a problem at `path` whose reason contains every needle.
fn assert_problem(text: &str, path: &str, needles: &[&str]) -> ContentError {
    let err = load_err(text);
    assert_eq!(err.file, FILE);
    assert!(!err.problems.is_empty());
    let found = err
        .problems
        .iter()
        .any(|p| p.path == path && needles.iter().all(|n| p.reason.contains(n)));
    assert!(
        found,
        "expected a problem at {path:?} mentioning {needles:?}, got {:#?}",
        err.problems
    );
    err
}

/// As [`assert_problem`], and that problem is the only one reported.
fn assert_only_problem(text: &str, path: &str, needles: &[&str]) {
    let err = assert_problem(text, path, needles);
    assert_eq!(
        err.problems.len(),
        1,
        "unexpected extra problems: {:#?}",
        err.problems
    );
}

// ---------------------------------------------------------------- valid content

#[test]
fn valid_minimal_content_parses_with_all_fields() {
    let content = load_content(FILE, VALID).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.title, "Where does the data go?");
    assert_eq!(content.perspectives[1].label, "A creator");
    let creator = Perspective::nth(1);
    assert_eq!(content.perspective_id(creator), "creator");
    assert_eq!(content.sources.len(), 2);
    assert_eq!(content.sources[1].relays, vec!["Forbes".to_owned()]);
    assert_eq!(content.sources[0].publisher, None);
    assert_eq!(content.places.len(), 2);
    assert_eq!(content.places[1].label_for("creator"), "Creator cloud");
    assert_eq!(content.places[1].label_for("user"), "Cloud");
    assert_eq!(content.places[0].region_size(), None);
    assert_eq!(content.flows[0].status, FlowStatus::Stated);
    assert!(content.flow_applies(&content.flows[0], creator));
    assert!(!content.flow_applies(&content.flows[0], Perspective::FIRST));
    assert_eq!(content.step_index("storage"), Some(1));
    assert_eq!(content.steps[0].flows, Vec::<String>::new());
    assert_eq!(
        content.steps[1].dispute.as_ref().map(|d| d.plain()),
        Some("Can China reach it?".to_owned())
    );
    assert_eq!(content.steps[1].details.len(), 2);
    let sides: Vec<Side> = content.steps[1]
        .citations
        .iter()
        .map(|c| c.speaker.side())
        .collect();
    assert_eq!(sides, [Side::Subject, Side::Others]);
    assert_eq!(content.steps[1].citations[1].speaker, Speaker::Outlet);
    assert_eq!(content.answer.citations[0].id, "a-safe");
    // One citation in the answer, three in steps, one on the flow.
    assert_eq!(content.citations().len(), 5);
    let fields: Vec<String> = content.steps[1]
        .cited_texts()
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    assert_eq!(fields, ["lead", "details[0]", "details[1]", "dispute"]);
}

#[test]
fn boundary_values_are_accepted() {
    // Exactly 400 characters (multi-byte, so bytes are well over 400), a
    // 64-character id, underscores, and a box touching the diagram's far corner
    // in both orientations (boxes are 176 by 58 and upright in each; the
    // portrait drawing swaps x and y, so y may go no further than 420 - 88).
    let quote = "é".repeat(400);
    let long_id = "a".repeat(64);
    let text = with("Quote in step one.", &quote)
        .replace(r#""id": "src-a""#, &format!(r#""id": "{long_id}""#))
        .replace(r#""source": "src-a""#, &format!(r#""source": "{long_id}""#))
        .replace(r#""x": 400, "y": 300"#, r#""x": 552, "y": 332"#)
        .replace(r#""id": "upload""#, r#""id": "up_load-2""#)
        .replace(r#""flows": ["upload"]"#, r#""flows": ["up_load-2"]"#);
    let content = load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.sources[0].id, long_id);
    assert_eq!(content.steps[1].citations[0].quote.chars().count(), 400);
}

// ------------------------------------------------------------ syntax and types

#[test]
fn text_that_is_not_json_is_reported() {
    let err = load_err("hello, this is not JSON");
    assert_eq!(err.file, FILE);
    assert_eq!(err.problems.len(), 1);
    assert_eq!(err.problems[0].path, "");
    assert!(
        err.problems[0].reason.contains("line 1"),
        "{:?}",
        err.problems
    );
}

#[test]
fn empty_file_is_reported() {
    let err = load_err("");
    assert_eq!(err.problems.len(), 1);
    assert!(err.problems[0].reason.contains("EOF"), "{:?}", err.problems);
}

#[test]
fn truncated_json_is_reported_as_premature_end() {
    let cut = VALID.find(r#""steps""#).unwrap() + 20;
    let err = load_err(&VALID[..cut]);
    assert_eq!(err.file, FILE);
    assert_eq!(err.problems.len(), 1);
    assert!(
        err.problems[0].reason.contains("EOF"),
        "reason should say the file ends early: {:?}",
        err.problems
    );
}

#[test]
fn number_where_a_string_is_expected_reports_its_path_and_value() {
    let text = with(
        r#"{ "id": "q-zero", "source": "src-a","#,
        r#"{ "id": "q-zero", "source": 42,"#,
    );
    assert_only_problem(&text, "steps[0].citations[0].source", &["42", "string"]);
}

#[test]
fn string_where_a_number_is_expected_reports_its_path() {
    let text = with(r#""x": 100"#, r#""x": "far left""#);
    assert_only_problem(&text, "places[0].x", &["far left"]);
}

#[test]
fn unknown_enum_value_is_reported() {
    let text = with(r#""status": "stated""#, r#""status": "rumoured""#);
    assert_only_problem(&text, "flows[0].status", &["unknown variant", "rumoured"]);
}

#[test]
fn unknown_field_is_rejected() {
    let text = with(
        r#""detail": "In your pocket","#,
        r#""detail": "In your pocket", "colour": "red","#,
    );
    assert_only_problem(&text, "places[0].colour", &["unknown field", "`colour`"]);
}

#[test]
fn misspelt_top_level_field_is_rejected() {
    let text = with(r#""dek":"#, r#""desk":"#);
    let err = assert_problem(&text, "desk", &["unknown field", "`desk`"]);
    assert!(
        err.problems
            .iter()
            .any(|p| p.path == "dek" && p.reason.contains("missing field")),
        "{err}"
    );
    assert_eq!(err.problems.len(), 2, "{err}");
}

#[test]
fn type_errors_in_different_items_are_all_reported() {
    // Two broken steps and a broken place: serde alone would stop at the first.
    let text = with(r#""title": "Start here""#, r#""title": 7"#)
        .replacen(r#""title": "Storage""#, r#""title": ["Storage"]"#, 1)
        .replacen(r#""x": 400"#, r#""x": "east""#, 1);
    let err = load_content(FILE, &text).unwrap_err();
    for path in ["steps[0].title", "steps[1].title", "places[1].x"] {
        assert!(
            err.problems.iter().any(|p| p.path == path),
            "no problem at {path}: {err}"
        );
    }
}

#[test]
fn a_document_that_is_not_an_object_is_reported() {
    for (text, kind) in [
        ("[]", "a list"),
        ("42", "a number"),
        ("null", "null"),
        ("\"text\"", "a string"),
    ] {
        let err = load_content(FILE, text).unwrap_err();
        assert_eq!(err.problems.len(), 1, "{err}");
        assert!(err.problems[0].reason.contains(kind), "{err}");
    }
}

#[test]
fn enormous_strings_are_reported() {
    let huge = "a".repeat(50_000);
    let text = with("First lead.", &huge);
    // The marker " [q-zero]" stays: 50,009 characters in all.
    assert_only_problem(&text, "steps[0].lead", &["50009 characters"]);
}

#[test]
fn markup_in_text_is_reported_not_rendered() {
    let text = with("Start here", "<script>alert(1)</script>");
    assert_only_problem(&text, "steps[0].title", &["HTML markup"]);
    // A lone "<" in prose is fine.
    let text = with("Start here", "Less < more");
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn missing_required_field_is_reported_with_its_name() {
    let text = with(r#""label": "Videos [q-flow]", "#, "");
    assert_only_problem(&text, "flows[0]", &["missing field", "label"]);
}

// ------------------------------------------------------------------------ ids

#[test]
fn duplicate_source_ids_are_reported() {
    let text = with(
        "\"sources\": [\n",
        r#""sources": [{ "id": "src-b", "title": "Again" },"#,
    );
    assert_only_problem(&text, "sources[2].id", &["\"src-b\"", "twice"]);
}

#[test]
fn duplicate_place_ids_are_reported() {
    let text = with(
        "\"places\": [\n",
        r#""places": [{ "id": "cloud", "label": "Dup", "detail": "d", "x": 100, "y": 100, "step": "intro" },"#,
    );
    assert_only_problem(&text, "places[2].id", &["\"cloud\"", "twice"]);
}

#[test]
fn duplicate_flow_ids_are_reported() {
    let text = with(
        "\"flows\": [\n",
        r#""flows": [{ "id": "upload", "from": "cloud", "to": "device", "label": "l [q2]", "detail": "d. [q2]",
            "status": "reported", "attribution": "Reported. [q2]", "step": "intro",
            "citations": [{ "id": "q2", "source": "src-a", "quote": "q", "speaker": "outlet", "who": "W" }] },"#,
    );
    assert_only_problem(&text, "flows[1].id", &["\"upload\"", "twice"]);
}

#[test]
fn duplicate_step_ids_are_reported() {
    let text = with(
        "\"steps\": [\n",
        r#""steps": [{ "id": "storage", "title": "Again", "lead": "b. [q2]",
            "citations": [{ "id": "q2", "source": "src-a", "quote": "q", "speaker": "officials", "who": "Senators" }] },"#,
    );
    assert_only_problem(&text, "steps[2].id", &["\"storage\"", "twice"]);
}

#[test]
fn ids_with_invalid_characters_are_reported() {
    let too_long = "a".repeat(65);
    for bad in [
        "Bad Id",
        "<script>",
        "",
        "café",
        "UPPER",
        "a/b",
        too_long.as_str(),
    ] {
        let text = with(
            "\"sources\": [\n",
            &format!(r#""sources": [{{ "id": "{bad}", "title": "X" }},"#),
        );
        assert_only_problem(&text, "sources[0].id", &[&format!("{bad:?}"), "lowercase"]);
    }
}

#[test]
fn invalid_step_id_is_reported() {
    let text = with(
        "\"steps\": [\n",
        r#""steps": [{ "id": "<script>", "title": "X", "lead": "b. [q2]",
            "citations": [{ "id": "q2", "source": "src-a", "quote": "q", "speaker": "outlet", "who": "W" }] },"#,
    );
    assert_only_problem(&text, "steps[0].id", &["\"<script>\""]);
}

// --------------------------------------------------------- dangling references

#[test]
fn dangling_flow_from_is_reported() {
    let text = with(r#""from": "device""#, r#""from": "nowhere""#);
    assert_only_problem(&text, "flows[0].from", &["place", "\"nowhere\""]);
}

#[test]
fn dangling_flow_to_is_reported() {
    let text = with(r#""to": "cloud""#, r#""to": "the-moon""#);
    assert_only_problem(&text, "flows[0].to", &["place", "\"the-moon\""]);
}

#[test]
fn flow_to_itself_is_reported() {
    let text = with(r#""to": "cloud""#, r#""to": "device""#);
    assert_only_problem(&text, "flows[0].to", &["another place"]);
}

#[test]
fn dangling_flow_step_is_reported() {
    let text = with(
        r#""perspectives": ["creator"], "step": "storage""#,
        r#""perspectives": ["creator"], "step": "epilogue""#,
    );
    assert_only_problem(&text, "flows[0].step", &["step", "\"epilogue\""]);
}

#[test]
fn dangling_place_step_is_reported() {
    let text = with(
        r#""x": 100, "y": 100, "step": "intro""#,
        r#""x": 100, "y": 100, "step": "ghost-step""#,
    );
    assert_only_problem(&text, "places[0].step", &["step", "\"ghost-step\""]);
}

#[test]
fn a_box_needs_a_step_and_a_region_has_none() {
    let text = with(
        r#""x": 100, "y": 100, "step": "intro""#,
        r#""x": 100, "y": 100"#,
    );
    assert_only_problem(&text, "places[0].step", &["needs the step"]);
    let text = with(
        r#""x": 100, "y": 100, "step": "intro""#,
        r#""x": 200, "y": 150, "width": 300, "height": 200, "step": "intro""#,
    );
    assert_only_problem(&text, "places[0].step", &["region", "not a link"]);
    let region = with(
        r#""x": 100, "y": 100, "step": "intro""#,
        r#""x": 200, "y": 150, "width": 300, "height": 200"#,
    );
    assert!(
        explainer_core::load_content("t.json", &region).is_ok(),
        "a region without a step is valid"
    );
}

#[test]
fn dangling_step_place_is_reported() {
    let text = with(
        r#""places": ["cloud"]"#,
        r#""places": ["cloud", "basement"]"#,
    );
    assert_only_problem(&text, "steps[1].places[1]", &["place", "\"basement\""]);
}

#[test]
fn dangling_step_flow_is_reported() {
    let text = with(r#""flows": ["upload"]"#, r#""flows": ["download"]"#);
    assert_only_problem(&text, "steps[1].flows[0]", &["flow", "\"download\""]);
}

#[test]
fn dangling_citation_source_is_reported() {
    let text = with(
        r#""source": "src-a", "quote": "Quote in step one.""#,
        r#""source": "src-z", "quote": "Quote in step one.""#,
    );
    assert_only_problem(
        &text,
        "steps[1].citations[0].source",
        &["source", "\"src-z\""],
    );
}

#[test]
fn dangling_flow_citation_source_is_reported() {
    let text = with(
        r#""source": "src-b", "quote": "Quote for the flow.""#,
        r#""source": "nope", "quote": "Quote for the flow.""#,
    );
    assert_only_problem(&text, "flows[0].citations[0].source", &["\"nope\""]);
}

// -------------------------------------------------------------- content rules

#[test]
fn empty_step_list_is_reported() {
    let text = r#"{ "title": "T", "dek": "D", "method": [],
        "answer": { "text": "A. [a]", "citations": [{ "id": "a", "source": "s", "quote": "q", "speaker": "author", "who": "W" }] },
        "perspectives": [{ "id": "user", "label": "U" }],
        "sources": [{ "id": "s", "title": "S" }], "places": [], "flows": [], "steps": [] }"#;
    assert_only_problem(text, "steps", &["at least one step"]);
}

#[test]
fn step_without_citations_is_reported() {
    let text = with(
        r#""citations": [{ "id": "q-zero", "source": "src-a", "quote": "Quote in step zero.", "speaker": "subject", "who": "TikTok’s policy" }]"#,
        r#""citations": []"#,
    );
    // The lead now names a quote the step does not have; every problem is the step's.
    let err = assert_problem(&text, "steps[0].citations", &["at least one citation"]);
    assert!(err
        .problems
        .iter()
        .any(|p| p.path == "steps[0].lead" && p.reason.contains("\"q-zero\"")));
    assert!(
        err.problems.iter().all(|p| p.path.starts_with("steps[0]")),
        "{:#?}",
        err.problems
    );
}

#[test]
fn a_step_citation_no_sentence_names_is_reported() {
    let text = with(
        r#""who": "BuzzFeed News" }"#,
        r#""who": "BuzzFeed News" },
        { "id": "q-extra", "source": "src-b", "quote": "An extra quote.", "speaker": "author", "who": "The author" }"#,
    );
    assert_only_problem(
        &text,
        "steps[1].citations[2]",
        &["\"q-extra\"", "no sentence names"],
    );
    // A quote named only by a detail or the dispute's question is named.
    let text = with("Second lead. [q-one, q-report]", "Second lead. [q-one]");
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn an_answer_citation_no_sentence_names_is_reported() {
    let text = with(
        r#""who": "TikTok, as reported" }"#,
        r#""who": "TikTok, as reported" },
        { "id": "a-extra", "source": "src-b", "quote": "An extra quote.", "speaker": "outlet", "who": "Forbes" }"#,
    );
    assert_only_problem(
        &text,
        "answer.citations[1]",
        &["\"a-extra\"", "no sentence names"],
    );
}

#[test]
fn answer_citations_are_checked_like_any_other() {
    let text = with(
        r#""source": "src-a", "quote": "Quote for the answer.""#,
        r#""source": "src-z", "quote": "Quote for the answer.""#,
    );
    assert_only_problem(&text, "answer.citations[0].source", &["\"src-z\""]);
    let text = with("Quote for the answer.", &"x".repeat(401));
    assert_only_problem(&text, "answer.citations[0].quote", &["401"]);
}

#[test]
fn a_lead_over_sixty_words_is_reported_with_its_path() {
    let words = |n: usize| format!("{}.", vec!["word"; n].join(" "));
    let text = with("First lead. [q-zero]", &format!("{} [q-zero]", words(60)));
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
    let text = with("First lead. [q-zero]", &format!("{} [q-zero]", words(61)));
    assert_only_problem(&text, "steps[0].lead", &["61 words", "60", "details"]);
    // Words are counted across sentences, markers aside.
    let text = with(
        "First lead. [q-zero]",
        &format!("{} [q-zero] {} [q-zero]", words(30), words(31)),
    );
    assert_only_problem(&text, "steps[0].lead", &["61 words"]);
    // Details may be longer.
    let text = with(
        "No access, TikTok says. [q-one]",
        &format!("{} [q-one]", words(80)),
    );
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn an_answer_of_six_sentences_is_reported() {
    let five = "One. [a-safe] Two. [a-safe] Three. [a-safe] Four. [a-safe] Five. [a-safe]";
    let text = with("TikTok says it keeps the data safe. [a-safe]", five);
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
    let text = with(
        "TikTok says it keeps the data safe. [a-safe]",
        &format!("{five} Six. [a-safe]"),
    );
    assert_only_problem(&text, "answer.text", &["6 sentences", "5"]);
}

#[test]
fn flow_without_citations_is_reported() {
    let text = with(
        r#"[{ "id": "q-flow", "source": "src-b", "quote": "Quote for the flow.", "speaker": "subject", "who": "TikTok" }]"#,
        "[]",
    );
    let err = assert_problem(&text, "flows[0].citations", &["at least one citation"]);
    assert!(
        err.problems.iter().all(|p| p.path.starts_with("flows[0]")),
        "{:#?}",
        err.problems
    );
}

#[test]
fn quote_over_400_characters_is_reported_with_its_length() {
    let text = with("Quote in step one.", &"x".repeat(401));
    assert_only_problem(&text, "steps[1].citations[0].quote", &["401", "400"]);
}

#[test]
fn blank_quote_is_reported() {
    let text = with("Reported quote.", "   ");
    assert_only_problem(&text, "steps[1].citations[1].quote", &["empty"]);
}

#[test]
fn overlong_publisher_evidence_is_reported() {
    let evidence = "y".repeat(450);
    let text = with(
        r#"{ "id": "src-a", "title": "Article A" }"#,
        &format!(
            r#"{{ "id": "src-a", "title": "Article A",
                "publisher": {{ "name": "Wire", "basis": "Footer", "evidence": "{evidence}" }} }}"#
        ),
    );
    assert_only_problem(&text, "sources[0].publisher.evidence", &["450"]);
}

#[test]
fn place_outside_the_diagram_is_reported() {
    // The whole box must fit, not only its centre.
    for (x, y, shown) in [
        (700, 100, "700"),
        (100, 421, "421"),
        (-1, 100, "-1"),
        (600, 100, "600"),
        (100, 400, "400"),
        (84, 100, "84"),
    ] {
        let text = with(r#""x": 100, "y": 100"#, &format!(r#""x": {x}, "y": {y}"#));
        assert_problem(&text, "places[0]", &["does not fit", shown]);
    }
}

#[test]
fn region_with_a_non_positive_size_is_reported() {
    let text = with(
        r#""x": 400, "y": 300,"#,
        r#""x": 400, "y": 300, "width": -5, "height": 80,"#,
    );
    assert_problem(&text, "places[1]", &["must be positive"]);
}

#[test]
fn region_with_width_but_no_height_is_reported() {
    let text = with(
        r#""x": 400, "y": 300,"#,
        r#""x": 400, "y": 300, "width": 200,"#,
    );
    assert_only_problem(&text, "places[1]", &["width and height"]);
    let text = with(
        r#""x": 400, "y": 300,"#,
        r#""x": 400, "y": 300, "height": 80,"#,
    );
    assert_only_problem(&text, "places[1]", &["width and height"]);
    // A region is a frame, not a link: it has no step.
    let text = with(
        r#""x": 400, "y": 300, "step": "storage""#,
        r#""x": 400, "y": 300, "width": 200, "height": 80"#,
    );
    let content = load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.places[1].region_size(), Some((200.0, 80.0)));
}

#[test]
fn dispute_with_points_from_one_side_only_is_reported() {
    let text = with(
        r#""places": ["device"],"#,
        r#""places": ["device"], "dispute": "Who is right? [q-zero]","#,
    );
    assert_only_problem(&text, "steps[0].dispute", &["the subject", "somebody else"]);

    // The other side alone is just as one-sided.
    let text = with(
        r#""speaker": "subject", "who": "TikTok spokesperson""#,
        r#""speaker": "officials", "who": "TikTok spokesperson""#,
    );
    assert_only_problem(&text, "steps[1].dispute", &["the subject"]);
}

#[test]
fn a_dispute_point_citing_both_sides_is_reported() {
    let text = with(
        r#""Access happened, a report says. [q-report]"]"#,
        r#""Access happened, a report says. [q-report]", "Both agree on something. [q-one, q-report]"]"#,
    );
    assert_only_problem(&text, "steps[1].details[2]", &["one side only"]);
    // Two sentences of one point, one per side, make it cite both sides too.
    let text = with(
        "No access, TikTok says. [q-one]",
        "No access, TikTok says. [q-one] A report disagrees. [q-report]",
    );
    let err = assert_problem(&text, "steps[1].details[0]", &["one side only"]);
    // The remaining point is the others' alone, so the dispute has one side.
    assert!(
        err.problems.iter().any(|p| p.path == "steps[1].dispute"),
        "{err}"
    );
    // Without a dispute, a detail may cite both sides.
    let text = with(r#""dispute": "Can China reach it? [q-one, q-report]","#, "").replace(
        "No access, TikTok says. [q-one]",
        "No access, TikTok says. [q-one] A report disagrees. [q-report]",
    );
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn empty_title_is_reported() {
    let text = with(r#""title": "Start here""#, r#""title": " ""#);
    assert_only_problem(&text, "steps[0].title", &["empty"]);
}

// ------------------------------------------------------- reporting everything

#[test]
fn independent_problems_are_all_reported_at_once() {
    let text = with(r#""from": "device""#, r#""from": "nowhere""#)
        .replace(
            r#""x": 100, "y": 100, "step": "intro""#,
            r#""x": 100, "y": 100, "step": "ghost-step""#,
        )
        .replace(
            r#""source": "src-a", "quote": "Quote in step one.""#,
            r#""source": "src-z", "quote": "Quote in step one.""#,
        );
    let err = load_err(&text);
    assert!(err.problems.len() >= 3, "{:#?}", err.problems);
    for (path, value) in [
        ("flows[0].from", "nowhere"),
        ("places[0].step", "ghost-step"),
        ("steps[1].citations[0].source", "src-z"),
    ] {
        assert!(
            err.problems
                .iter()
                .any(|p| p.path == path && p.reason.contains(value)),
            "missing {path}: {:#?}",
            err.problems
        );
    }
}

#[test]
fn display_names_the_file_and_lists_every_problem() {
    let text = with(r#""from": "device""#, r#""from": "nowhere""#)
        .replace(r#""flows": ["upload"]"#, r#""flows": ["download"]"#)
        .replace("Reported quote.", &"z".repeat(401));
    let err = load_err(&text);
    assert_eq!(err.problems.len(), 3, "{:#?}", err.problems);
    let shown = err.to_string();
    assert!(
        shown.starts_with("content.json has 3 problem(s):"),
        "{shown}"
    );
    for problem in &err.problems {
        assert!(
            shown.contains(&format!("\n- {}: {}", problem.path, problem.reason)),
            "{shown}"
        );
    }
    assert_eq!(shown.lines().count(), 1 + err.problems.len(), "{shown}");
}

#[test]
fn problem_without_path_displays_only_its_reason() {
    let problem = Problem {
        path: String::new(),
        reason: "expected value".into(),
    };
    assert_eq!(problem.to_string(), "expected value");
    let problem = Problem {
        path: "steps".into(),
        reason: "empty".into(),
    };
    assert_eq!(problem.to_string(), "steps: empty");
}

// ------------------------------------------------- sentences cite their quotes

#[test]
fn a_sentence_without_a_marker_is_reported_with_its_path() {
    let text = with(
        "First lead. [q-zero]",
        "First lead. [q-zero] A second sentence.",
    );
    assert_only_problem(
        &text,
        "steps[0].lead",
        &["“A second sentence.”", "names no citation"],
    );
    let text = with(
        "Access happened, a report says. [q-report]",
        "Access happened, a report says.",
    );
    assert_problem(&text, "steps[1].details[1]", &["names no citation"]);
    let text = with(
        "TikTok says it keeps the data safe. [a-safe]",
        "TikTok says it keeps the data safe. [a-safe] Nobody knows.",
    );
    assert_only_problem(
        &text,
        "answer.text",
        &["“Nobody knows.”", "names no citation"],
    );
    let text = with(
        "Uploads go to the cloud. [q-flow]",
        "Uploads go to the cloud.",
    );
    assert_only_problem(&text, "flows[0].detail", &["names no citation"]);
    let text = with("TikTok says so. [q-flow]", "TikTok says so.");
    assert_only_problem(&text, "flows[0].attribution", &["names no citation"]);
    let text = with(
        "Can China reach it? [q-one, q-report]",
        "Can China reach it?",
    );
    assert_only_problem(&text, "steps[1].dispute", &["names no citation"]);
}

#[test]
fn a_marker_naming_a_quote_of_another_step_or_flow_is_reported() {
    // `q-one` is a citation of the second step, not the first.
    let text = with("First lead. [q-zero]", "First lead. [q-zero, q-one]");
    assert_only_problem(&text, "steps[0].lead", &["\"q-one\"", "this step"]);
    // A flow may name only its own citations, not its step's.
    let text = with("Videos [q-flow]", "Videos [q-report]");
    assert_only_problem(&text, "flows[0].label", &["\"q-report\"", "this flow"]);
    // The answer may name only its own citations.
    let text = with(
        "TikTok says it keeps the data safe. [a-safe]",
        "TikTok says it keeps the data safe. [a-safe, q-zero]",
    );
    assert_only_problem(&text, "answer.text", &["\"q-zero\"", "this answer"]);
    // An id that exists nowhere.
    let text = with(
        "Second lead. [q-one, q-report]",
        "Second lead. [q-one, q-reprt]",
    );
    assert_only_problem(&text, "steps[1].lead", &["\"q-reprt\""]);
}

#[test]
fn a_marker_closing_two_sentences_is_reported() {
    let text = with("First lead. [q-zero]", "First lead. Second lead. [q-zero]");
    assert_only_problem(
        &text,
        "steps[0].lead",
        &["more than one sentence", "First lead."],
    );
    // Initials and abbreviations do not end a sentence.
    let text = with(
        "First lead. [q-zero]",
        "U.S. data, says S. Silver of the E.U. office. [q-zero]",
    );
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn malformed_markers_are_reported() {
    for (marker, needle) in [
        ("First lead. [q-zero", "never closes"),
        ("First lead. [Q-zero]", "\"Q-zero\""),
        ("First lead. []", "\"\""),
        ("[q-zero] First lead. [q-zero]", "follows no sentence"),
        ("First lead.] [q-zero]", "closes no marker"),
    ] {
        let text = with("First lead. [q-zero]", marker);
        assert_problem(&text, "steps[0].lead", &[needle]);
    }
}

#[test]
fn citation_ids_are_unique_across_the_file() {
    let text = with(r#""id": "q-zero""#, r#""id": "q-one""#).replace("[q-zero]", "[q-one]");
    assert_only_problem(&text, "steps[1].citations[0].id", &["\"q-one\"", "twice"]);
    let text = with(r#""id": "q-flow""#, r#""id": "a-safe""#).replace("[q-flow]", "[a-safe]");
    assert_only_problem(&text, "flows[0].citations[0].id", &["\"a-safe\"", "twice"]);
}

#[test]
fn flow_status_must_match_who_its_citations_quote() {
    // Stated means TikTok says so.
    let text = with(
        r#""speaker": "subject", "who": "TikTok" }"#,
        r#""speaker": "outlet", "who": "Forbes" }"#,
    );
    assert_only_problem(&text, "flows[0].status", &["`stated`", "the subject"]);
    // Reported needs a report.
    let text = with(r#""status": "stated""#, r#""status": "reported""#);
    assert_only_problem(&text, "flows[0].status", &["reporting or officials"]);
    // Alleged needs the report and TikTok's denial.
    let text = with(r#""status": "stated""#, r#""status": "alleged""#);
    assert_only_problem(&text, "flows[0].status", &["denial"]);
    let both = with(
        r#""speaker": "subject", "who": "TikTok" }]"#,
        r#""speaker": "subject", "who": "TikTok" }, { "id": "q-forbes", "source": "src-b", "quote": "Reported quote.", "speaker": "outlet", "who": "Forbes" }]"#,
    );
    let alleged = both.replace(r#""status": "stated""#, r#""status": "alleged""#);
    load_content(FILE, &alleged).unwrap_or_else(|e| panic!("{e}"));
    // Reported while TikTok is quoted on it: if it denies it, it is alleged.
    let reported = both.replace(r#""status": "stated""#, r#""status": "reported""#);
    assert_only_problem(&reported, "flows[0].status", &["`alleged`"]);
    // Planned needs no particular speaker.
    let text = with(r#""status": "stated""#, r#""status": "planned""#);
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_citation_says_who_speaks() {
    let text = with(r#", "who": "TikTok" }"#, " }");
    assert_only_problem(&text, "flows[0].citations[0]", &["missing field", "`who`"]);
    let text = with(
        r#""speaker": "subject", "who": "TikTok" }"#,
        r#""who": "TikTok" }"#,
    );
    assert_only_problem(
        &text,
        "flows[0].citations[0]",
        &["missing field", "`speaker`"],
    );
    let text = with(r#", "who": "TikTok’s policy""#, "");
    assert_only_problem(&text, "steps[0].citations[0]", &["missing field", "`who`"]);
    let text = with(r#""who": "TikTok’s policy""#, r#""who": " ""#);
    assert_only_problem(&text, "steps[0].citations[0].who", &["empty"]);
    let text = with(r#""who": "TikTok, as reported""#, r#""who": """#);
    assert_only_problem(&text, "answer.citations[0].who", &["empty"]);
}

#[test]
fn markers_resolve_to_numbered_quotes_with_their_speaker() {
    use explainer_core::QuoteScope;
    let content = load_content(FILE, VALID).unwrap_or_else(|e| panic!("{e}"));
    let step = &content.steps[1];
    let scope = QuoteScope::new(&step.citations);
    let lead = step.lead.sentences();
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0].text, "Second lead.");
    let quotes = scope.resolve_all(&lead[0].refs);
    let numbers: Vec<usize> = quotes.iter().map(|q| q.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(quotes[0].speaker, Speaker::Subject);
    assert_eq!(quotes[1].speaker, Speaker::Outlet);
    assert_eq!(quotes[1].citation.quote, "Reported quote.");
    assert_eq!(quotes[1].who, "BuzzFeed News");
    let flow = QuoteScope::new(&content.flows[0].citations);
    assert_eq!(
        flow.resolve("q-flow").map(|q| q.speaker),
        Some(Speaker::Subject)
    );
    assert!(flow.resolve("q-zero").is_none());
    // In reading order, quotes are numbered as the texts first name them.
    let details: Vec<_> = step.details.iter().rev().collect();
    let read = QuoteScope::in_reading_order(&step.citations, &details);
    let ids: Vec<(usize, &str)> = read
        .quotes()
        .iter()
        .map(|q| (q.number, q.citation.id.as_str()))
        .collect();
    assert_eq!(ids, [(1, "q-report"), (2, "q-one")]);
    // A quote no text names comes last.
    let read = QuoteScope::in_reading_order(&step.citations, &[&step.details[1]]);
    assert_eq!(read.resolve("q-one").map(|q| q.number), Some(2));
}

// ------------------------------------------------------------ perspectives

#[test]
fn a_story_needs_a_perspective_with_its_own_id_and_label() {
    let none = VALID.replacen(
        &VALID[VALID.find("\"perspectives\": [").unwrap()..VALID.find("\"sources\"").unwrap()],
        "\"perspectives\": [],\n  ",
        1,
    );
    assert_problem(&none, "perspectives", &["at least one perspective"]);
    let twice = with(
        r#"{ "id": "user", "label": "A user" }"#,
        r#"{ "id": "creator", "label": "A user" }"#,
    );
    assert_problem(&twice, "perspectives[1].id", &["used twice"]);
    let unlabelled = with(r#""label": "A user""#, r#""label": " ""#);
    assert_only_problem(&unlabelled, "perspectives[0].label", &["empty"]);
}

#[test]
fn every_use_of_a_perspective_names_a_known_one() {
    let flow = with(
        r#""perspectives": ["creator"]"#,
        r#""perspectives": ["martian"]"#,
    );
    assert_only_problem(
        &flow,
        "flows[0].perspectives[0]",
        &["no perspective has the id \"martian\""],
    );
    let place = with(
        r#""perspective_labels": { "creator": "Creator cloud" }"#,
        r#""perspective_labels": { "martian": "Creator cloud" }"#,
    );
    assert_only_problem(
        &place,
        "places[1].perspective_labels.martian",
        &["no perspective"],
    );
    let note = with(
        r#""perspective_notes": { "creator":"#,
        r#""perspective_notes": { "martian":"#,
    );
    assert_problem(
        &note,
        "steps[0].perspective_notes.martian",
        &["no perspective"],
    );
}

#[test]
fn a_flow_or_note_for_one_perspective_needs_its_words() {
    let no_tag = with(r#", "only_tag": "creators only""#, "");
    assert_only_problem(
        &no_tag,
        "flows[0].perspectives[0]",
        &["only_tag", "perspectives[1]"],
    );
    let no_heading = with(r#", "note_heading": "If you are a creator""#, "");
    assert_only_problem(
        &no_heading,
        "steps[0].perspective_notes.creator",
        &["note_heading", "perspectives[1]"],
    );
}

#[test]
fn a_perspectives_note_is_cited_like_every_sentence() {
    let text = with("A note for creators. [q-zero]", "A note for creators.");
    assert_problem(
        &text,
        "steps[0].perspective_notes.creator",
        &["names no citation"],
    );
    let content = load_content(FILE, VALID).unwrap_or_else(|e| panic!("{e}"));
    assert!(content.steps[0].perspective_notes.contains_key("creator"));
}

#[test]
fn a_boxs_lines_fit_in_the_box() {
    let long = with(
        r#""label": "Cloud""#,
        r#""label": "The cloud of a company far away""#,
    );
    assert_only_problem(&long, "places[1].label", &["31 characters", "at most 22"]);
    let detail = with(
        r#""detail": "Texas""#,
        r#""detail": "Texas, in a data center of a big firm""#,
    );
    assert_only_problem(&detail, "places[1].detail", &["at most 31"]);
    let other = with(
        r#""creator": "Creator cloud""#,
        r#""creator": "The cloud a creator’s videos go to""#,
    );
    assert_only_problem(
        &other,
        "places[1].perspective_labels.creator",
        &["at most 22"],
    );
}
