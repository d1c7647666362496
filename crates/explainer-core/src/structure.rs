//! Finding every structural problem in a content file, not only the first.
//!
//! serde stops at the first type error, so each top-level field and each list
//! item is deserialized on its own: an editor sees one problem per broken item,
//! each with its field path.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::content::{Answer, Content, Flow, Group, PerspectiveEntry, Place, Source, Step, Update};
use crate::problem::Problem;

/// The top-level fields of a content file, in the order they are checked.
pub const TOP_LEVEL_FIELDS: [&str; 12] = [
    "kicker",
    "title",
    "dek",
    "answer",
    "method",
    "perspectives",
    "sources",
    "places",
    "flows",
    "steps",
    "timeline",
    "updates",
];

/// Deserializes a parsed JSON document into [`Content`], item by item, so that
/// every structural problem is found, each with its path. One pass serves both
/// the good case and the bad one, which keeps the wasm small.
pub fn parse_content(value: &Value) -> Result<Content, Vec<Problem>> {
    let Some(object) = value.as_object() else {
        return Err(vec![problem(
            String::new(),
            format!("the file must hold a JSON object, not {}", kind_of(value)),
        )]);
    };
    let mut problems = Vec::new();
    for key in object.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            problems.push(problem(
                key.clone(),
                format!(
                    "unknown field `{key}`, expected one of {}",
                    TOP_LEVEL_FIELDS.join(", ")
                ),
            ));
        }
    }
    let mut field = |name: &str| {
        let found = object.get(name);
        if found.is_none() {
            problems.push(problem(name.to_owned(), format!("missing field `{name}`")));
        }
        found
    };
    let (title, dek, answer, method, perspectives) = (
        field("title"),
        field("dek"),
        field("answer"),
        field("method"),
        field("perspectives"),
    );
    let (sources, places, flows, steps) = (
        field("sources"),
        field("places"),
        field("flows"),
        field("steps"),
    );
    // Every field is checked, even after one fails, so all problems are reported.
    let title = title.and_then(|v| check(&mut problems, "title", v));
    let dek = dek.and_then(|v| check(&mut problems, "dek", v));
    let answer = answer.and_then(|v| check::<Answer>(&mut problems, "answer", v));
    let method = method.and_then(|v| list(&mut problems, "method", v));
    let perspectives =
        perspectives.and_then(|v| list::<PerspectiveEntry>(&mut problems, "perspectives", v));
    let sources = sources.and_then(|v| list::<Source>(&mut problems, "sources", v));
    let places = places.and_then(|v| list::<Place>(&mut problems, "places", v));
    let flows = flows.and_then(|v| list::<Flow>(&mut problems, "flows", v));
    let steps = steps.and_then(|v| list::<Step>(&mut problems, "steps", v));
    // A file without a timeline is complete: the page then shows no timeline.
    let timeline = match object.get("timeline") {
        Some(v) => list::<Group>(&mut problems, "timeline", v),
        None => Some(Vec::new()),
    };
    let updates = match object.get("updates") {
        Some(v) => list::<Update>(&mut problems, "updates", v),
        None => Some(Vec::new()),
    };
    let kicker = match object.get("kicker") {
        Some(v) => check(&mut problems, "kicker", v).map(Some),
        None => Some(None),
    };
    let content = (|| {
        Some(Content {
            kicker: kicker?,
            title: title?,
            dek: dek?,
            answer: answer?,
            method: method?,
            perspectives: perspectives?,
            sources: sources?,
            places: places?,
            flows: flows?,
            steps: steps?,
            timeline: timeline?,
            updates: updates?,
        })
    })();
    match content {
        Some(content) if problems.is_empty() => Ok(content),
        _ => Err(problems),
    }
}

/// Deserializes one value, recording the problem with its full path.
fn check<T: DeserializeOwned>(problems: &mut Vec<Problem>, path: &str, value: &Value) -> Option<T> {
    serde_path_to_error::deserialize::<_, T>(value)
        .map_err(|error| {
            let inner = error.path().to_string();
            let full = match inner.as_str() {
                "." => path.to_owned(),
                _ if inner.starts_with('[') => format!("{path}{inner}"),
                _ => format!("{path}.{inner}"),
            };
            problems.push(problem(full, error.into_inner().to_string()));
        })
        .ok()
}

/// Deserializes each item of a list on its own, so one broken item does not
/// hide the problems of the next.
fn list<T: DeserializeOwned>(
    problems: &mut Vec<Problem>,
    path: &str,
    value: &Value,
) -> Option<Vec<T>> {
    let Some(items) = value.as_array() else {
        problems.push(problem(
            path.to_owned(),
            format!("expected a list, found {}", kind_of(value)),
        ));
        return None;
    };
    let parsed: Vec<Option<T>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| check(problems, &format!("{path}[{i}]"), item))
        .collect();
    parsed.into_iter().collect()
}

fn problem(path: String, reason: String) -> Problem {
    Problem { path, reason }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
