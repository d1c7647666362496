//! A story's edition in another language (`content.<lang>.json` beside its
//! `content.json`): the same content in every respect but our words. Every id,
//! reference, status, speaker, number, date and quote is the original's, byte
//! for byte; our words are translated sentence for sentence, each translated
//! sentence naming exactly the quotes its original names; and every quote,
//! still in the articles' words, carries our `translation` beside it. So a
//! reader can check each translated sentence against the same quotes.

use serde_json::Value;

use crate::cited::parse;
use crate::content::Content;
use crate::problem::{ContentError, Problem};
use crate::validate::load_content;

/// Keys whose text is ours and so is translated (with all they hold): the
/// headline and dek, the answer's and events' `text`, labels, details, leads,
/// notes, `who` lines, a dating's `label` and `inferred`. Everything else is kept.
const TRANSLATED: [&str; 19] = [
    "kicker",
    "title",
    "dek",
    "text",
    "method",
    "label",
    "note_heading",
    "only_tag",
    "detail",
    "attribution",
    "lead",
    "details",
    "dispute",
    "perspective_notes",
    "perspective_labels",
    "who",
    "note",
    "basis",
    "inferred",
];

/// The key a translated quote's translation has, beside its `quote`.
pub const TRANSLATION_KEY: &str = "translation";

/// Every way `translated` (a parsed `content.<lang>.json`) fails to be an
/// edition of `original` (the parsed `content.json`), each with its path.
pub fn edition_problems(original: &Value, translated: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    compare(original, translated, "", Kept, &mut problems);
    problems
}

/// Everything an edition's file (`translated`, the text of a
/// `content.<lang>.json`) must satisfy against its original's text: the rules
/// of any content file, and being an edition of the original. The length
/// budgets are the original's alone: the edition says the same, sentence for
/// sentence, in its own language's words.
///
/// Returns the edition's content, read once, or every problem with its path
/// (`file` names the edition's file in them).
pub fn load_edition(file: &str, original: &str, translated: &str) -> Result<Content, ContentError> {
    let fail = |problems| ContentError {
        file: file.to_owned(),
        problems,
    };
    let parse = |text: &str| serde_json::from_str::<Value>(text);
    let (original, translated_value) = match (parse(original), parse(translated)) {
        (Ok(a), Ok(b)) => (a, b),
        (_, Err(e)) | (Err(e), _) => {
            return Err(fail(vec![Problem {
                path: String::new(),
                reason: format!("not valid JSON: {e}"),
            }]))
        }
    };
    let mut problems = edition_problems(&original, &translated_value);
    match load_content(file, translated) {
        Ok(content) if problems.is_empty() => Ok(content),
        Ok(_) => Err(fail(problems)),
        Err(error) => {
            problems.extend(error.problems);
            Err(fail(problems))
        }
    }
}

/// Whether a value is the original's to keep or ours to translate.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Kept,
    Ours,
}
use Role::{Kept, Ours};

fn compare(original: &Value, translated: &Value, path: &str, role: Role, out: &mut Vec<Problem>) {
    let mut problem = |reason: String| {
        out.push(Problem {
            path: path.to_owned(),
            reason,
        })
    };
    match (original, translated) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let Some(other) = b.get(key) else {
                    out.push(Problem {
                        path: at,
                        reason: "missing in the translation".into(),
                    });
                    continue;
                };
                compare(value, other, &at, role_of(path, key, role), out);
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                let at = format!("{path}.{key}").trim_start_matches('.').to_owned();
                if key != TRANSLATION_KEY || !a.contains_key("quote") {
                    out.push(Problem {
                        path: at,
                        reason: "not in the original: a translation adds no field".into(),
                    });
                }
            }
            if a.contains_key("quote") {
                let translation = b.get(TRANSLATION_KEY).and_then(Value::as_str);
                if translation.is_none_or(|t| t.trim().is_empty()) {
                    out.push(Problem {
                        path: format!("{path}.{TRANSLATION_KEY}"),
                        reason: "every quote needs our translation beside it".into(),
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                problem(format!(
                    "{} items in the original, {} in the translation",
                    a.len(),
                    b.len()
                ));
                return;
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, &format!("{path}[{i}]"), role, out);
            }
        }
        (Value::String(a), Value::String(b)) if role == Ours => {
            if b.trim().is_empty() {
                problem("the translation is empty".into());
            }
            // Text without markers (the method, labels) may be rephrased freely,
            // as long as it names no quote; cited text goes sentence for sentence.
            let (ours, theirs) = (markers(a), markers(b));
            let cited = |m: &[Vec<String>]| m.iter().any(|refs| !refs.is_empty());
            if (cited(&ours) || cited(&theirs)) && ours != theirs {
                problem(format!(
                    "its sentences name {} where the original's name {}: translate sentence for sentence, each with its original's marker",
                    show(&theirs),
                    show(&ours)
                ));
            }
        }
        (a, b) if a == b => {}
        (a, b) => problem(format!(
            "must be the original's {a} in every edition, not {b}"
        )),
    }
}

/// Whether the value at `key` in the object at `path` is ours to translate. A
/// source's `title` is its article's own headline, and is kept; its publisher's
/// `name` and its date's `reason` are ours (their `evidence` is the article's).
fn role_of(path: &str, key: &str, parent: Role) -> Role {
    let source = path.starts_with("sources[");
    let ours = parent == Ours
        || match key {
            "title" => !source || path.contains('.'),
            "name" | "reason" => source,
            _ => TRANSLATED.contains(&key),
        };
    if ours {
        Ours
    } else {
        Kept
    }
}

/// The markers of a text's sentences, in order (none for a text without).
fn markers(text: &str) -> Vec<Vec<String>> {
    parse(text)
        .sentences
        .iter()
        .map(|s| s.refs.iter().map(|r| (*r).to_owned()).collect())
        .collect()
}

fn show(markers: &[Vec<String>]) -> String {
    if markers.is_empty() {
        return "no quote".into();
    }
    markers
        .iter()
        .map(|refs| format!("[{}]", refs.join(", ")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn original() -> Value {
        json!({
            "title": "Where does it go?",
            "sources": [{ "id": "a", "title": "The article’s headline", "note": "No date." }],
            "steps": [{
                "id": "one",
                "lead": "It says so. [q] Others disagree. [r, s]",
                "citations": [{ "id": "q", "source": "a", "quote": "We say so.", "speaker": "subject", "who": "The firm" }]
            }]
        })
    }

    fn spanish() -> Value {
        json!({
            "title": "¿Adónde va?",
            "sources": [{ "id": "a", "title": "The article’s headline", "note": "Sin fecha." }],
            "steps": [{
                "id": "one",
                "lead": "Dice que sí. [q] Otros no están de acuerdo. [r, s]",
                "citations": [{ "id": "q", "source": "a", "quote": "We say so.", "translation": "Así lo decimos.", "speaker": "subject", "who": "La empresa" }]
            }]
        })
    }

    fn paths(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn a_faithful_edition_has_no_problem() {
        assert_eq!(edition_problems(&original(), &spanish()), []);
        // Plain text of ours may be rephrased in any number of sentences.
        let mut es = spanish();
        es["sources"][0]["note"] = json!("Sin fecha. No la da el texto.");
        assert_eq!(edition_problems(&original(), &es), []);
        es["sources"][0]["note"] = json!("Sin fecha. [q]");
        assert_eq!(
            paths(&edition_problems(&original(), &es)),
            ["sources[0].note"]
        );
    }

    #[test]
    fn a_sentence_naming_other_quotes_is_a_problem_at_its_path() {
        let mut es = spanish();
        es["steps"][0]["lead"] = json!("Dice que sí. [r, s] Otros no están de acuerdo. [q]");
        let problems = edition_problems(&original(), &es);
        assert_eq!(paths(&problems), ["steps[0].lead"]);
        assert!(problems[0].reason.contains("[r, s] [q]"), "{problems:?}");
        // Two sentences made one: the markers differ too.
        es["steps"][0]["lead"] = json!("Dice que sí y otros no están de acuerdo. [q, r, s]");
        assert_eq!(
            paths(&edition_problems(&original(), &es)),
            ["steps[0].lead"]
        );
    }

    #[test]
    fn kept_values_missing_fields_and_translations_are_checked() {
        let mut es = spanish();
        es["steps"][0]["citations"][0]["quote"] = json!("Lo decimos.");
        es["sources"][0]["title"] = json!("El titular");
        es["steps"][0]["id"] = json!("uno");
        let problems = edition_problems(&original(), &es);
        assert_eq!(
            paths(&problems),
            [
                "sources[0].title",
                "steps[0].citations[0].quote",
                "steps[0].id"
            ]
        );
        let mut es = spanish();
        es["steps"][0]["citations"][0]
            .as_object_mut()
            .map(|c| c.remove(TRANSLATION_KEY));
        es["steps"][0]["extra"] = json!("x");
        es["sources"] = json!([]);
        let problems = edition_problems(&original(), &es);
        assert_eq!(
            paths(&problems),
            [
                "sources",
                "steps[0].citations[0].translation",
                "steps[0].extra"
            ]
        );
    }
}
