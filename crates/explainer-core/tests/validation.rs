//! `load_content` accepts a small valid file and reports each class of broken
//! content with the file name, the field path and the offending value.

use explainer_core::{load_content, ContentError, FlowStatus, Perspective, Problem, Speaker};

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
    assert_eq!(content.perspectives.creator, "A creator");
    assert_eq!(content.sources.len(), 2);
    assert_eq!(content.sources[1].relays, vec!["Forbes".to_owned()]);
    assert_eq!(content.sources[0].publisher, None);
    assert_eq!(content.places.len(), 2);
    assert_eq!(
        content.places[1].label_for(Perspective::Creator),
        "Creator cloud"
    );
    assert_eq!(content.places[1].label_for(Perspective::User), "Cloud");
    assert_eq!(content.places[0].region_size(), None);
    assert_eq!(content.flows[0].status, FlowStatus::Stated);
    assert!(content.flows[0].applies_to(Perspective::Creator));
    assert!(!content.flows[0].applies_to(Perspective::User));
    assert_eq!(content.step_index("storage"), Some(1));
    assert_eq!(content.steps[0].flows, Vec::<String>::new());
    assert_eq!(
        content.steps[1].dispute.as_ref().map(|d| d.plain()),
        Some("Can China reach it?".to_owned())
    );
    let (tiktok, others) = content.steps[1].claims_by_side();
    assert_eq!(tiktok.len(), 1);
    assert_eq!(others[0].speaker, Speaker::Outlet);
    // Three citations in steps plus one on the flow.
    assert_eq!(content.citations().len(), 4);
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
    assert_eq!(
        content.steps[1].claims[0].citations[0]
            .quote
            .chars()
            .count(),
        400
    );
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
        r#"{ "id": "q-zero", "source": "src-a", "quote": "Quote in step zero." }"#,
        r#"{ "id": "q-zero", "source": 42, "quote": "Quote in step zero." }"#,
    );
    assert_only_problem(
        &text,
        "steps[0].claims[0].citations[0].source",
        &["42", "string"],
    );
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
    let text = with("First body.", &huge);
    // The marker " [safe]" stays: 50,007 characters in all.
    assert_only_problem(&text, "steps[0].body[0]", &["50007 characters"]);
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
        r#""steps": [{ "id": "storage", "title": "Again", "body": ["b. [c2]"], "claims": [{ "id": "c2", "speaker": "officials",
            "who": "Senators", "text": "t. [c2]", "citations": [{ "id": "q2", "source": "src-a", "quote": "q" }] }] },"#,
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
        r#""steps": [{ "id": "<script>", "title": "X", "body": ["b. [c2]"], "claims": [{ "id": "c2", "speaker": "outlet",
            "who": "W", "text": "t. [c2]", "citations": [{ "id": "q2", "source": "src-a", "quote": "q" }] }] },"#,
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
        "steps[1].claims[0].citations[0].source",
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
    let text = r#"{ "title": "T", "dek": "D", "intro": [], "method": [],
        "perspectives": { "user": "U", "creator": "C" },
        "sources": [], "places": [], "flows": [], "steps": [] }"#;
    assert_only_problem(text, "steps", &["at least one step"]);
}

#[test]
fn step_without_claims_is_reported() {
    let start = VALID.find(
        r#""claims": [
        { "id": "no-access", "speaker": "tiktok", "who": "TikTok spokesperson""#,
    );
    let start = start.expect("fixture has the second step's claims");
    let end = VALID[start..].find("] }\n  ]").unwrap() + start + 1;
    let text = format!("{}\"claims\": []{}", &VALID[..start], &VALID[end..]);
    // The dispute on that step now has no sides either; the claims problem must be there.
    let err = assert_problem(&text, "steps[1].claims", &["at least one cited claim"]);
    assert!(
        err.problems.iter().all(|p| p.path.starts_with("steps[1]")),
        "{:#?}",
        err.problems
    );
}

#[test]
fn claim_without_citations_is_reported() {
    let text = with(
        r#"[{ "id": "q-report", "source": "src-b", "quote": "Reported quote." }]"#,
        "[]",
    );
    // The sentences that named the quote now name nothing in their step.
    let err = assert_problem(
        &text,
        "steps[1].claims[1].citations",
        &["at least one citation"],
    );
    assert!(err
        .problems
        .iter()
        .any(|p| p.path == "steps[1].body[0]" && p.reason.contains("\"q-report\"")));
}

#[test]
fn flow_without_citations_is_reported() {
    let text = with(
        r#"[{ "id": "q-flow", "source": "src-b", "quote": "Quote for the flow.", "speaker": "tiktok", "who": "TikTok" }]"#,
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
    assert_only_problem(
        &text,
        "steps[1].claims[0].citations[0].quote",
        &["401", "400"],
    );
}

#[test]
fn blank_quote_is_reported() {
    let text = with("Reported quote.", "   ");
    assert_only_problem(&text, "steps[1].claims[1].citations[0].quote", &["empty"]);
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
fn dispute_with_claims_from_one_side_only_is_reported() {
    let text = with(
        r#""places": ["device"],"#,
        r#""places": ["device"], "dispute": "Who is right? [safe]","#,
    );
    assert_only_problem(&text, "steps[0].dispute", &["TikTok", "somebody else"]);

    // The other side alone is just as one-sided.
    let text = with(
        r#""speaker": "tiktok", "who": "TikTok spokesperson""#,
        r#""speaker": "officials", "who": "TikTok spokesperson""#,
    );
    assert_only_problem(&text, "steps[1].dispute", &["TikTok"]);
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
        ("steps[1].claims[0].citations[0].source", "src-z"),
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
        "First body. [safe]",
        "First body. [safe] A second sentence.",
    );
    assert_only_problem(
        &text,
        "steps[0].body[0]",
        &["“A second sentence.”", "names no citation"],
    );
    let text = with("We keep it safe. [safe]", "We keep it safe.");
    assert_only_problem(&text, "steps[0].claims[0].text", &["names no citation"]);
    let text = with(
        "Uploads go to the cloud. [q-flow]",
        "Uploads go to the cloud.",
    );
    assert_only_problem(&text, "flows[0].detail", &["names no citation"]);
    let text = with("TikTok says so. [q-flow]", "TikTok says so.");
    assert_only_problem(&text, "flows[0].attribution", &["names no citation"]);
    let text = with(
        "Can China reach it? [no-access, access]",
        "Can China reach it?",
    );
    assert_only_problem(&text, "steps[1].dispute", &["names no citation"]);
}

#[test]
fn a_marker_naming_a_quote_of_another_step_or_flow_is_reported() {
    // `q-one` is a citation of the second step, not the first.
    let text = with("First body. [safe]", "First body. [q-one]");
    assert_only_problem(&text, "steps[0].body[0]", &["\"q-one\"", "this step"]);
    // A flow may name only its own citations, not its step's claims.
    let text = with("Videos [q-flow]", "Videos [access]");
    assert_only_problem(&text, "flows[0].label", &["\"access\"", "this flow"]);
    // An id that exists nowhere.
    let text = with("No access. [no-access]", "No access. [no-acces]");
    assert_only_problem(&text, "steps[1].claims[0].text", &["\"no-acces\""]);
}

#[test]
fn a_marker_closing_two_sentences_is_reported() {
    let text = with("First body. [safe]", "First body. Second body. [safe]");
    assert_only_problem(
        &text,
        "steps[0].body[0]",
        &["more than one sentence", "First body."],
    );
    // Initials and abbreviations do not end a sentence.
    let text = with(
        "First body. [safe]",
        "U.S. data, says S. Silver of the E.U. office. [safe]",
    );
    load_content(FILE, &text).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn malformed_markers_are_reported() {
    for (marker, needle) in [
        ("First body. [safe", "never closes"),
        ("First body. [Safe]", "\"Safe\""),
        ("First body. []", "\"\""),
        ("[safe] First body. [safe]", "follows no sentence"),
        ("First body.] [safe]", "closes no marker"),
    ] {
        let text = with("First body. [safe]", marker);
        assert_problem(&text, "steps[0].body[0]", &[needle]);
    }
}

#[test]
fn claim_and_citation_ids_are_unique_across_the_file() {
    let text = with(r#""id": "q-report""#, r#""id": "q-one""#)
        .replace("[q-report]", "[access]")
        .replace("[no-access, q-report]", "[no-access]");
    assert_only_problem(
        &text,
        "steps[1].claims[1].citations[0].id",
        &["\"q-one\"", "twice"],
    );
    let text = with(r#""id": "q-flow""#, r#""id": "safe""#).replace("[q-flow]", "[safe]");
    assert_only_problem(&text, "flows[0].citations[0].id", &["\"safe\"", "twice"]);
}

#[test]
fn flow_status_must_match_who_its_citations_quote() {
    // Stated means TikTok says so.
    let text = with(
        r#""speaker": "tiktok", "who": "TikTok" }"#,
        r#""speaker": "outlet", "who": "Forbes" }"#,
    );
    assert_only_problem(&text, "flows[0].status", &["`stated`", "TikTok"]);
    // Reported needs a report.
    let text = with(r#""status": "stated""#, r#""status": "reported""#);
    assert_only_problem(&text, "flows[0].status", &["reporting or officials"]);
    // Alleged needs the report and TikTok's denial.
    let text = with(r#""status": "stated""#, r#""status": "alleged""#);
    assert_only_problem(&text, "flows[0].status", &["denial"]);
    let both = with(
        r#""speaker": "tiktok", "who": "TikTok" }]"#,
        r#""speaker": "tiktok", "who": "TikTok" }, { "id": "q-forbes", "source": "src-b", "quote": "Reported quote.", "speaker": "outlet", "who": "Forbes" }]"#,
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
fn flow_citations_say_who_and_claim_citations_do_not() {
    let text = with(r#", "speaker": "tiktok", "who": "TikTok" }"#, " }");
    let err = assert_problem(&text, "flows[0].citations[0]", &["`who`"]);
    assert!(err
        .problems
        .iter()
        .any(|p| p.path == "flows[0].citations[0]" && p.reason.contains("`speaker`")));
    let text = with(
        r#""quote": "Quote in step zero." }"#,
        r#""quote": "Quote in step zero.", "speaker": "outlet" }"#,
    );
    assert_only_problem(
        &text,
        "steps[0].claims[0].citations[0]",
        &["claim's `speaker`"],
    );
}

#[test]
fn markers_resolve_to_numbered_quotes_with_their_speaker() {
    use explainer_core::QuoteScope;
    let content = load_content(FILE, VALID).unwrap_or_else(|e| panic!("{e}"));
    let step = &content.steps[1];
    let scope = QuoteScope::of_step(step);
    let body = step.body[0].sentences();
    assert_eq!(body.len(), 1);
    assert_eq!(body[0].text, "Second body.");
    let quotes = scope.resolve_all(&body[0].refs);
    let numbers: Vec<usize> = quotes.iter().map(|q| q.number).collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(quotes[0].speaker, Speaker::Tiktok);
    assert_eq!(quotes[1].speaker, Speaker::Outlet);
    assert_eq!(quotes[1].citation.quote, "Reported quote.");
    assert_eq!(quotes[1].who, "BuzzFeed News");
    let flow = QuoteScope::of_flow(&content.flows[0]);
    assert_eq!(
        flow.resolve("q-flow").map(|q| q[0].speaker),
        Some(Speaker::Tiktok)
    );
    assert!(flow.resolve("safe").is_none());
}
