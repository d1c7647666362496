//! Finding every structural problem in a content file, not only the first.
//!
//! serde stops at the first type error. When the whole file does not
//! deserialize, each top-level field and each list item is deserialized on its
//! own, so an editor sees one problem per broken item, each with its field path.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::content::{Flow, PerspectiveLabels, Place, Source, Step};
use crate::validate::Problem;

/// The top-level fields of a content file, in the order they are checked.
pub const TOP_LEVEL_FIELDS: [&str; 9] = [
    "title",
    "dek",
    "intro",
    "method",
    "perspectives",
    "sources",
    "places",
    "flows",
    "steps",
];

/// Every structural problem in a parsed JSON document.
pub fn structural_problems(value: &Value) -> Vec<Problem> {
    let Some(object) = value.as_object() else {
        return vec![problem(
            String::new(),
            format!("the file must hold a JSON object, not {}", kind_of(value)),
        )];
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
    for field in TOP_LEVEL_FIELDS {
        let Some(value) = object.get(field) else {
            problems.push(problem(
                field.to_owned(),
                format!("missing field `{field}`"),
            ));
            continue;
        };
        let path = field.to_owned();
        match field {
            "title" | "dek" => check::<String>(path, value, &mut problems),
            "intro" | "method" => list::<String>(path, value, &mut problems),
            "perspectives" => check::<PerspectiveLabels>(path, value, &mut problems),
            "sources" => list::<Source>(path, value, &mut problems),
            "places" => list::<Place>(path, value, &mut problems),
            "flows" => list::<Flow>(path, value, &mut problems),
            _ => list::<Step>(path, value, &mut problems),
        }
    }
    problems
}

/// Deserializes one value, recording the problem with its full path.
fn check<T: DeserializeOwned>(path: String, value: &Value, problems: &mut Vec<Problem>) {
    if let Err(error) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = error.path().to_string();
        let full = match inner.as_str() {
            "." => path,
            _ if inner.starts_with('[') => format!("{path}{inner}"),
            _ => format!("{path}.{inner}"),
        };
        problems.push(problem(full, error.into_inner().to_string()));
    }
}

/// Deserializes each item of a list on its own.
fn list<T: DeserializeOwned>(path: String, value: &Value, problems: &mut Vec<Problem>) {
    match value.as_array() {
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                check::<T>(format!("{path}[{i}]"), item, problems);
            }
        }
        None => problems.push(problem(
            path,
            format!("expected a list, found {}", kind_of(value)),
        )),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The field list must follow the model: serialize the shipped content and compare keys.
    #[test]
    fn top_level_fields_match_the_model() {
        let text = include_str!("../../../public/content.json");
        let content: crate::Content = serde_json::from_str(text).expect("shipped content parses");
        let value = serde_json::to_value(&content).expect("content serializes");
        let mut keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = TOP_LEVEL_FIELDS.to_vec();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }
}
