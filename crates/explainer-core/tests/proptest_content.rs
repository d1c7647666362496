//! Property tests for `load_content` on mutated copies of the shipped
//! shipped `content.json`: character ranges deleted, garbage inserted, string
//! values replaced with huge text or markup, values replaced with other types,
//! list items duplicated or dropped, and the file truncated.
//!
//! Whatever arrives: no panic; an error names the file and lists at least one
//! problem, each with a reason; a success is content that passes validation.

use explainer_core::validate::validate;
use explainer_core::{load_content, ContentError};
use proptest::prelude::*;

mod common;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};

const FILE: &str = "content.json";
mod sources_dir;

/// The shipped story's content, read once.
fn shipped() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(sources_dir::shipped_text)
}

fn config() -> Config {
    common::config(3_000)
}

/// One change to the file. Positions are fractions of the current length, so
/// they stay meaningful after earlier changes.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteRange {
        at: f64,
        len: usize,
    },
    Insert {
        at: f64,
        garbage: String,
    },
    ReplaceString {
        pick: prop::sample::Index,
        with: String,
    },
    ReplaceValue {
        pick: prop::sample::Index,
        with: Value,
    },
    DuplicateItem {
        pick: prop::sample::Index,
    },
    DropItem {
        pick: prop::sample::Index,
    },
    Truncate {
        at: f64,
    },
}

fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "1e999", "-0", "NaN",
            "\\u0000", "\\ud800", "\"\\ud800\"", "\u{feff}", "\u{0}", "/*", "//", "'", ",,",
            "\"id\": \"x\"", "\"steps\": []", ", \"extra\": 1", "<script>alert(1)</script>",
        ])
        .prop_map(str::to_owned),
        1 => (1usize..400).prop_map(|n| "[".repeat(n)),
        1 => (1usize..400).prop_map(|n| format!("{}{}", "{\"a\":".repeat(n), "}".repeat(n))),
    ]
}

/// A replacement for a string value: huge, markup, empty, or odd.
fn replacement_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (2_001usize..25_000).prop_map(|n| "x".repeat(n)),
        1 => (401usize..2_500).prop_map(|n| "é".repeat(n)),
        3 => prop::sample::select(vec![
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</p>", "<!-- -->",
            "<?php ?>", "", " ", "\n\t", "nope", "UPPER", "a b", "open-app", "backups", "user",
            "creator", "subject", "outlet", "officials", "stated", "alleged",
            "000_8e6a2be691cabf52", "\u{0}", "\u{202e}", "a < b", "a<1",
        ])
        .prop_map(str::to_owned),
        2 => any::<String>(),
    ]
}

fn replacement_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([1, "a", null])),
        Just(serde_json::json!({"id": "x"})),
        Just(serde_json::json!(1e300)),
        Just(serde_json::json!(-1.5)),
        replacement_text().prop_map(Value::String),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => (0.0..1.0f64, 1usize..400).prop_map(|(at, len)| Mutation::DeleteRange { at, len }),
        2 => (0.0..1.0f64, garbage()).prop_map(|(at, garbage)| Mutation::Insert { at, garbage }),
        4 => (any::<prop::sample::Index>(), replacement_text())
            .prop_map(|(pick, with)| Mutation::ReplaceString { pick, with }),
        2 => (any::<prop::sample::Index>(), replacement_value())
            .prop_map(|(pick, with)| Mutation::ReplaceValue { pick, with }),
        1 => any::<prop::sample::Index>().prop_map(|pick| Mutation::DuplicateItem { pick }),
        1 => any::<prop::sample::Index>().prop_map(|pick| Mutation::DropItem { pick }),
        1 => (0.0..1.0f64).prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// Char index -> byte index, clamped.
fn byte_at(text: &str, fraction: f64) -> usize {
    let chars = text.chars().count();
    let index = ((chars as f64) * fraction) as usize;
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(b, _)| b)
}

/// JSON pointers of every node in `value` that satisfies `keep`.
fn pointers(value: &Value, at: String, keep: &dyn Fn(&Value) -> bool, out: &mut Vec<String>) {
    if keep(value) {
        out.push(at.clone());
    }
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), keep, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{k}"), keep, out);
            }
        }
        _ => {}
    }
}

/// Applies a structural change if the text still parses; otherwise leaves it.
fn edit_json(
    text: &mut String,
    keep: &dyn Fn(&Value) -> bool,
    pick: &prop::sample::Index,
    change: &dyn Fn(&mut Value),
) {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let mut found = Vec::new();
    pointers(&value, String::new(), keep, &mut found);
    if found.is_empty() {
        return;
    }
    let pointer = &found[pick.index(found.len())];
    if let Some(node) = value.pointer_mut(pointer) {
        change(node);
    }
    *text = serde_json::to_string_pretty(&value).unwrap_or_default();
}

fn apply(text: &mut String, mutation: &Mutation) {
    match mutation {
        Mutation::DeleteRange { at, len } => {
            let start = byte_at(text, *at);
            let end = text[start..]
                .char_indices()
                .nth(*len)
                .map_or(text.len(), |(b, _)| start + b);
            text.replace_range(start..end, "");
        }
        Mutation::Insert { at, garbage } => {
            let at = byte_at(text, *at);
            text.insert_str(at, garbage);
        }
        Mutation::ReplaceString { pick, with } => {
            edit_json(text, &|v| v.is_string(), pick, &|node| {
                *node = Value::String(with.clone())
            });
        }
        Mutation::ReplaceValue { pick, with } => {
            edit_json(text, &|_| true, pick, &|node| *node = with.clone());
        }
        Mutation::DuplicateItem { pick } => {
            edit_json(
                text,
                &|v| v.as_array().is_some_and(|a| !a.is_empty()),
                pick,
                &|node| {
                    if let Some(items) = node.as_array_mut() {
                        let first = items[0].clone();
                        items.push(first);
                    }
                },
            );
        }
        Mutation::DropItem { pick } => {
            edit_json(
                text,
                &|v| v.as_array().is_some_and(|a| !a.is_empty()),
                pick,
                &|node| {
                    if let Some(items) = node.as_array_mut() {
                        items.remove(0);
                    }
                },
            );
        }
        Mutation::Truncate { at } => {
            let at = byte_at(text, *at);
            text.truncate(at);
        }
    }
}

/// How the cases turned out: accepted, not JSON, wrong shape, breaking rules.
#[derive(Default, Debug)]
struct Tally {
    ok: AtomicUsize,
    not_json: AtomicUsize,
    structural: AtomicUsize,
    rules: AtomicUsize,
}

impl Tally {
    fn report(&self, name: &str) {
        let get = |a: &AtomicUsize| a.load(Ordering::Relaxed);
        eprintln!(
            "{name}: {} accepted, {} not JSON, {} wrong shape, {} breaking rules",
            get(&self.ok),
            get(&self.not_json),
            get(&self.structural),
            get(&self.rules)
        );
    }
}

fn check_outcome(text: &str, tally: &Tally) -> Result<(), TestCaseError> {
    let outcome = load_content(FILE, text);
    let bucket = match &outcome {
        Ok(_) => &tally.ok,
        Err(e)
            if e.problems[..1]
                .iter()
                .any(|p| p.reason.starts_with("not valid JSON")) =>
        {
            &tally.not_json
        }
        Err(_) if serde_json::from_str::<explainer_core::Content>(text).is_err() => {
            &tally.structural
        }
        Err(_) => &tally.rules,
    };
    bucket.fetch_add(1, Ordering::Relaxed);
    prop_assert_eq!(
        &outcome,
        &load_content(FILE, text),
        "load_content is deterministic"
    );
    match outcome {
        Ok(content) => {
            let problems = validate(&content);
            prop_assert!(
                problems.is_empty(),
                "accepted content fails validation: {:?}",
                problems
            );
            // What was accepted survives a round trip through JSON unchanged.
            let again =
                serde_json::to_string(&content).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let reloaded = load_content(FILE, &again);
            prop_assert_eq!(reloaded.as_ref(), Ok(&content));
        }
        Err(ContentError { file, problems }) => {
            prop_assert_eq!(file.as_str(), FILE);
            prop_assert!(!problems.is_empty(), "an error without problems");
            for problem in &problems {
                prop_assert!(
                    !problem.reason.trim().is_empty(),
                    "a problem without a reason at {:?}",
                    problem.path
                );
            }
            // The message the app shows counts and lists every problem.
            let shown = ContentError {
                file,
                problems: problems.clone(),
            }
            .to_string();
            let header = format!("{} problem(s)", problems.len());
            prop_assert!(shown.contains(&header), "{}", shown);
            for problem in &problems {
                let line = format!("\n- {problem}");
                prop_assert!(shown.contains(&line), "{:?} is listed", line);
            }
        }
    }
    Ok(())
}

/// One to four random mutations of the shipped file: no panic, and a full report.
#[test]
fn mutated_content_never_panics_and_is_reported_fully() {
    let tally = Tally::default();
    let result =
        TestRunner::new(config()).run(&prop::collection::vec(mutation(), 1..5), |mutations| {
            let mut text = shipped().to_owned();
            for m in &mutations {
                apply(&mut text, m);
            }
            check_outcome(&text, &tally)
        });
    tally.report("random mutations");
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Structural mutations only, so the file stays JSON and validation runs.
#[test]
fn structurally_mutated_content_is_validated() {
    let tally = Tally::default();
    let strategy = prop::collection::vec(
        prop_oneof![
            (any::<prop::sample::Index>(), replacement_text())
                .prop_map(|(pick, with)| Mutation::ReplaceString { pick, with }),
            (any::<prop::sample::Index>(), replacement_value())
                .prop_map(|(pick, with)| Mutation::ReplaceValue { pick, with }),
            any::<prop::sample::Index>().prop_map(|pick| Mutation::DuplicateItem { pick }),
            any::<prop::sample::Index>().prop_map(|pick| Mutation::DropItem { pick }),
        ],
        1..4,
    );
    let result = TestRunner::new(config()).run(&strategy, |mutations| {
        let mut text = shipped().to_owned();
        for m in &mutations {
            apply(&mut text, m);
        }
        prop_assert!(serde_json::from_str::<Value>(&text).is_ok(), "still JSON");
        check_outcome(&text, &tally)
    });
    tally.report("structural mutations");
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The shipped file itself loads: the mutations start from valid content.
#[test]
fn shipped_content_loads() {
    let content = load_content(FILE, shipped()).expect("shipped content.json is valid");
    assert!(validate(&content).is_empty());
}
