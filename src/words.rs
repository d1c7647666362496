//! Build time: the interface's words in the story's language, one table per
//! language in `locales/` (TOML), with the story's subject put in for
//! `{subject}`. The renderer provides them to the components as Leptos context
//! ([`provide_words`], [`words`]); the live app (the wasm) carries none.

use std::path::Path;
use std::sync::Arc;

use explainer_core::{FlowStatus, Speaker};
use leptos::prelude::*;
use serde::Deserialize;

/// The folder of the language tables, at the repository's root.
pub const LOCALES_DIR: &str = "locales";
/// What a table's strings write for the story's subject.
const SUBJECT_SLOT: &str = "{subject}";

/// Every word of the interface the build renders from a table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Whose words a quote reports.
    pub speaker: SpeakerWords,
    /// Who asserts a flow.
    pub status: StatusWords,
    /// The headings of a dispute's two columns.
    pub dispute: DisputeWords,
    /// The timeline's texts.
    pub timeline: TimelineWords,
}

/// The badge of each speaker (`Speaker`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerWords {
    pub subject: String,
    pub outlet: String,
    pub author: String,
    pub officials: String,
    pub record: String,
}

/// The name of each line style (`FlowStatus`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusWords {
    pub stated: String,
    pub reported: String,
    pub alleged: String,
    pub planned: String,
}

/// A dispute's column headings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisputeWords {
    /// Over the subject's points.
    pub subject: String,
    /// Over everyone else's.
    pub others: String,
}

/// The timeline's texts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineWords {
    /// After the count of events: how the groups are ordered and sided.
    pub intro: String,
}

impl Words {
    /// The table for `language` (`en-US`: `locales/en-US.toml` if it exists,
    /// else `locales/en.toml`) under `root`, with `subject` put in.
    pub fn load(root: &Path, language: &str, subject: &str) -> Result<Words, String> {
        let dir = root.join(LOCALES_DIR);
        let primary = language.split('-').next().unwrap_or(language);
        let file = [language, primary]
            .into_iter()
            .map(|name| dir.join(format!("{name}.toml")))
            .find(|file| file.is_file())
            .ok_or_else(|| {
                format!(
                    "no table of the interface's words for {language}: add {}/{primary}.toml",
                    dir.display()
                )
            })?;
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        Words::parse(&text, subject).map_err(|e| format!("{}: {e}", file.display()))
    }

    /// A table's text, with `subject` put in for every `{subject}`.
    pub fn parse(text: &str, subject: &str) -> Result<Words, String> {
        let mut table: toml::Value = toml::from_str(text).map_err(|e| e.to_string())?;
        fill(&mut table, subject);
        table.try_into().map_err(|e: toml::de::Error| e.to_string())
    }

    /// The badge of a speaker.
    pub fn speaker(&self, speaker: Speaker) -> &str {
        let s = &self.speaker;
        match speaker {
            Speaker::Subject => &s.subject,
            Speaker::Outlet => &s.outlet,
            Speaker::Author => &s.author,
            Speaker::Officials => &s.officials,
            Speaker::Record => &s.record,
        }
    }

    /// The name of a line style.
    pub fn status(&self, status: FlowStatus) -> &str {
        let s = &self.status;
        match status {
            FlowStatus::Stated => &s.stated,
            FlowStatus::Reported => &s.reported,
            FlowStatus::Alleged => &s.alleged,
            FlowStatus::Planned => &s.planned,
        }
    }
}

/// Puts the subject in every string of a table.
fn fill(value: &mut toml::Value, subject: &str) {
    match value {
        toml::Value::String(text) => *text = text.replace(SUBJECT_SLOT, subject),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| fill(v, subject)),
        toml::Value::Array(items) => items.iter_mut().for_each(|v| fill(v, subject)),
        _ => {}
    }
}

/// Makes the words available to the components rendered in this owner.
pub fn provide_words(words: Arc<Words>) {
    provide_context(words);
}

/// The words provided by the renderer ([`provide_words`]).
pub fn words() -> Arc<Words> {
    expect_context::<Arc<Words>>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_english_table_has_every_word_with_the_subject_put_in() -> Result<(), String> {
        let words = Words::load(root(), "en-US", "Acme")?;
        assert_eq!(words.speaker(Speaker::Subject), "Acme says");
        assert_eq!(words.status(FlowStatus::Alleged), "Alleged; Acme denies it");
        assert_eq!(words.dispute.subject, "What Acme says");
        assert!(words.timeline.intro.contains("Acme’s statements"));
        for speaker in Speaker::ALL {
            assert!(!words.speaker(speaker).contains(SUBJECT_SLOT));
        }
        Ok(())
    }

    #[test]
    fn a_missing_language_or_key_says_what_is_wrong() {
        let err = Words::load(root(), "xx-YY", "Acme")
            .err()
            .unwrap_or_default();
        assert!(err.contains("xx.toml"), "{err}");
        let text = std::fs::read_to_string(root().join("locales/en.toml")).unwrap_or_default();
        let broken = text.replace("planned = ", "planed = ");
        let err = Words::parse(&broken, "Acme").err().unwrap_or_default();
        assert!(err.contains("planed"), "{err}");
    }

    #[test]
    fn a_subject_with_quotes_is_put_in_as_written() -> Result<(), String> {
        let words = Words::load(root(), "en-US", r#"The "Company" \ Co"#)?;
        assert_eq!(
            words.speaker(Speaker::Subject),
            r#"The "Company" \ Co says"#
        );
        Ok(())
    }
}
