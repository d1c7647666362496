//! Cited text: our own words, written so that every sentence names the quotes
//! it rests on.
//!
//! In `content.json` a cited text is a plain string in which every sentence
//! ends with a marker in square brackets naming one or more claim or citation
//! ids, after the sentence's closing punctuation:
//!
//! ```text
//! The city says it moved the records to a new server in June. [mayor-june] Its auditor said … [audit-today, audit-100]
//! ```
//!
//! [`parse`] splits such a string into [`Sentence`]s and reports, in words an
//! editor understands, every sentence that names nothing, every marker that is
//! malformed, and every marker that closes more than one sentence.

use serde::{Deserialize, Serialize};

use crate::ids::is_valid_id;

/// A string of our own words in which every sentence ends with a citation marker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CitedText(pub String);

impl CitedText {
    /// The raw text, markers included, as written in the content file.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The sentences with their references. Content that failed validation may
    /// hold malformed markers; those sentences come back with what could be read.
    pub fn sentences(&self) -> Vec<Sentence<'_>> {
        parse(&self.0).sentences
    }

    /// The words alone, without markers (for places that cannot link, such as
    /// an arrow's label drawn in the diagram or a description for screen readers).
    pub fn plain(&self) -> String {
        self.sentences()
            .iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl From<&str> for CitedText {
    fn from(text: &str) -> Self {
        CitedText(text.to_owned())
    }
}

/// One sentence of our own words and the ids it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence, trimmed, without its marker.
    pub text: &'a str,
    /// The claim or citation ids named by its marker, in the order written.
    pub refs: Vec<&'a str>,
}

/// What [`parse`] found: the sentences it could read and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed<'a> {
    /// Every sentence that ends with a marker.
    pub sentences: Vec<Sentence<'a>>,
    /// Every problem, as a reason an editor can act on.
    pub problems: Vec<String>,
}

/// Splits a cited text into sentences, checking the marker grammar.
///
/// ```
/// use explainer_core::cited::parse;
/// let parsed = parse("The city says so. [a] Reporting disagrees. [b, c]");
/// assert!(parsed.problems.is_empty());
/// assert_eq!(parsed.sentences[1].text, "Reporting disagrees.");
/// assert_eq!(parsed.sentences[1].refs, ["b", "c"]);
///
/// let parsed = parse("One claim. [a] Another claim with nothing.");
/// assert!(parsed.problems[0].contains("names no citation"));
/// ```
pub fn parse(text: &str) -> Parsed<'_> {
    let mut parsed = Parsed::default();
    let mut rest = text;
    loop {
        let Some(open) = rest.find('[') else {
            let trailing = rest.trim();
            if !trailing.is_empty() {
                parsed.problems.push(format!(
                    "the sentence “{}” names no citation: end it with a marker such as [claim-id]",
                    excerpt(trailing)
                ));
            }
            break;
        };
        let sentence = rest[..open].trim();
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            parsed.problems.push(format!(
                "a marker opens with “[” but never closes: “{}”",
                excerpt(&rest[open..])
            ));
            break;
        };
        let inside = &after[..close];
        rest = &after[close + 1..];
        if sentence.is_empty() {
            parsed.problems.push(format!(
                "the marker [{inside}] follows no sentence; put each marker right after the sentence it supports"
            ));
            continue;
        }
        if sentence.contains(']') {
            parsed.problems.push(format!(
                "“{}” holds a “]” that closes no marker",
                excerpt(sentence)
            ));
        }
        let refs: Vec<&str> = inside.split(',').map(str::trim).collect();
        if let Some(bad) = refs.iter().find(|id| !is_valid_id(id)) {
            parsed.problems.push(format!(
                "the marker [{inside}] after “{}” must name ids (lowercase letters, digits, '-'), separated by commas; {bad:?} is not one",
                excerpt(sentence)
            ));
            continue;
        }
        let breaks = sentence_breaks(sentence);
        if let Some(&first_end) = breaks.first() {
            parsed.problems.push(format!(
                "the marker [{inside}] closes more than one sentence (“{}” …); give each sentence its own marker",
                excerpt(sentence[..first_end].trim())
            ));
        }
        parsed.sentences.push(Sentence {
            text: sentence,
            refs,
        });
    }
    parsed
}

/// Abbreviations that end with a full stop but do not end a sentence.
const ABBREVIATIONS: [&str; 10] = ["Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Inc", "Co", "No", "vs"];

/// Byte offsets just after each sentence end (closing quotes included) inside `text` that is followed by
/// more text: a `.`, `?`, `!` or `…` (and any closing quotes) then a space and a
/// capital letter or an opening quote. Initials and abbreviations such as
/// "U.S." or "S. Silver" do not end sentences.
fn sentence_breaks(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut breaks = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '”' | '’' | '"' | '\'' | ')') {
            j += 1;
        }
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            continue;
        }
        let end = chars[j].0;
        while j < chars.len() && chars[j].1.is_whitespace() {
            j += 1;
        }
        let Some(&(_, next)) = chars.get(j) else {
            continue;
        };
        if !(next.is_uppercase() || matches!(next, '“' | '‘' | '"')) {
            continue;
        }
        if c == '.' && is_abbreviation(&text[..at]) {
            continue;
        }
        breaks.push(end);
    }
    breaks
}

/// Whether the word before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '‘' | '"'))
        .next()
        .unwrap_or_default();
    let letters_and_dots = !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    letters_and_dots || ABBREVIATIONS.contains(&word)
}

/// The first words of a long text, for messages.
fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_markers_and_keep_their_punctuation() {
        let parsed = parse("  One. [a]\nTwo? [b,c]  Three “quoted.” [d] ");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let texts: Vec<&str> = parsed.sentences.iter().map(|s| s.text).collect();
        assert_eq!(texts, ["One.", "Two?", "Three “quoted.”"]);
        assert_eq!(parsed.sentences[1].refs, ["b", "c"]);
    }

    #[test]
    fn sentence_ends_are_found_but_not_after_initials_or_abbreviations() {
        assert_eq!(sentence_breaks("Yes. No."), [4]);
        // Byte offset, after the closing quote.
        assert_eq!(sentence_breaks("It said “no.” Then it left."), [17]);
        assert!(sentence_breaks("The U.S. government").is_empty());
        assert!(sentence_breaks("according to S. Silver of Mr. Smith’s E.U. office.").is_empty());
        assert!(sentence_breaks("in 2020. due to").is_empty());
        assert_eq!(sentence_breaks("in 2020. Due to"), [8]);
    }

    #[test]
    fn plain_text_drops_the_markers() {
        let text = CitedText::from("All app traffic [a]");
        assert_eq!(text.plain(), "All app traffic");
        let text = CitedText::from("One. [a] Two. [b]");
        assert_eq!(text.plain(), "One. Two.");
    }
}
