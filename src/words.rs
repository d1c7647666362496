//! Build time: the interface's words in the story's language, one table per
//! language in `locales/` (TOML), with the story's subject put in for
//! `{subject}`. The renderer provides them to the components as Leptos context
//! ([`provide_words`], [`words`]); the live app (the wasm) carries none.

use std::path::Path;
use std::sync::Arc;

use explainer_core::page::fill;
use explainer_core::{Dating, FlowStatus, Precision, Speaker, UpdateKind};
use leptos::prelude::*;
use serde::Deserialize;

/// The folder of the language tables, at the repository's root.
pub const LOCALES_DIR: &str = "locales";
/// What a table's strings write for the story's subject.
const SUBJECT_SLOT: &str = "{subject}";

/// A section of the table: a struct of strings, every one required (the build
/// fails on a missing or unknown key).
macro_rules! section {
    ($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$field_doc])* pub $field: String,)*
        }
    };
}

/// Every word of the interface the build renders from a table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Counts in words, from zero (larger counts in digits).
    pub numbers: Vec<String>,
    /// Whose words a quote reports.
    pub speaker: SpeakerWords,
    /// Who asserts a flow.
    pub status: StatusWords,
    /// A dispute's label and column headings.
    pub dispute: DisputeWords,
    pub masthead: MastheadWords,
    pub evidence: EvidenceWords,
    pub quote: QuoteWords,
    pub pager: PagerWords,
    pub edition: EditionWords,
    pub perspectives: PerspectiveWords,
    pub views: ViewWords,
    pub diagram: DiagramWords,
    pub flows: FlowWords,
    pub step: StepWords,
    pub step_list: StepListWords,
    pub timeline: TimelineWords,
    pub precision: PrecisionWords,
    pub sources: SourceWords,
    pub corrections: CorrectionWords,
    pub method: MethodWords,
    pub embed: EmbedWords,
    pub update: UpdateWords,
    pub failure: FailureWords,
    pub head: HeadWords,
    pub dates: DateWords,
    pub card: CardWords,
}

section!(
    /// The badge of each speaker (`Speaker`).
    SpeakerWords { subject, outlet, author, officials, record }
);
section!(
    /// The name of each line style (`FlowStatus`).
    StatusWords { stated, reported, alleged, planned }
);
section!(
    /// A dispute's label and the headings over the subject's points and everyone else's.
    DisputeWords { label, subject, others }
);
section!(
    /// Above the headline (unless the content gives its own), and the answer's heading.
    MastheadWords { kicker, answer_heading }
);
section!(
    /// The evidence button's two states and its count of quotes (`{n}`).
    EvidenceWords { show, hide, one_quote, quotes }
);
section!(
    /// A quote's names (`{n}`, `{speaker}`), its link back, its missing publisher.
    QuoteWords { label, name, number, back, no_publisher, ours }
);
section!(
    /// Previous, Next, the count (`{n}`, `{total}`) and what a screen reader hears.
    PagerWords { label, previous, next, count, announcement, keyboard_tip }
);
section!(
    /// The link to this edition from another.
    EditionWords { link }
);
section!(
    /// The perspective switch and its announcement (`{label}`).
    PerspectiveWords { label, announcement }
);
section!(
    /// The switch between the walk-through and the timeline.
    ViewWords { label, steps, timeline }
);
section!(
    /// The diagram's caption (`{label}`: whose data) and legend; what a place or
    /// an arrow opens, and an arrow's name (`{label}`, `{from}`, `{to}`).
    DiagramWords { whose, caption, legend, opens, arrow }
);
section!(
    /// The table of flows.
    FlowWords { heading, caption, what, from, to, status, sources, explained_in }
);
section!(
    /// A step's links, marks and share control.
    StepWords { link, on_the_timeline, updated, share, share_address, share_copied, share_failed }
);
section!(
    /// The list of every step.
    StepListWords { heading }
);
section!(
    /// The timeline's texts.
    TimelineWords { heading, count, intro, inferred, in_answer_to, explained_in, announcement }
);
section!(
    /// How precisely an event is dated (`{precision}`: one of the first five).
    PrecisionWords { year, month_year, month, range, relative, given, inferred }
);
section!(
    /// The sources section (`{count}`: how many, in words).
    SourceWords { heading, intro, publisher, no_publisher, date, no_date, relays, file, cited_in }
);
section!(
    /// The corrections log.
    CorrectionWords { heading, changed, correction, update }
);
section!(
    /// The method note's heading and the single file's link.
    MethodWords { heading, download, download_note }
);
section!(
    /// The embed panel.
    EmbedWords { heading, intro, iframe, pym, copy, copied, copy_failed }
);
section!(
    /// The notice of a newer version.
    UpdateWords { title, reload, what_changed }
);
section!(
    /// What the page says if the live app stops.
    FailureWords { stopped }
);
/// How a day is written (the corrections' dates).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    /// The template: `{day}`, `{month}`, `{year}`.
    pub day: String,
    /// The months' names, January first.
    pub months: Vec<String>,
}

section!(
    /// The page's title (`{title}`: the explainer's).
    HeadWords { title }
);
section!(
    /// The social cards' alternative text and a step page's link.
    CardWords { alt, step_alt, read_step }
);

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
        fill_subject(&mut table, subject);
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

    /// A count in words ("five"), or in digits past the table's words.
    pub fn number(&self, count: usize) -> String {
        self.numbers
            .get(count)
            .cloned()
            .unwrap_or_else(|| count.to_string())
    }

    /// A `YYYY-MM-DD` day in the language's form ("June 3, 2026", "3 de junio de
    /// 2026"); anything else as written.
    pub fn day(&self, date: &str) -> String {
        let mut parts = date.split('-').map(|p| p.parse::<usize>().ok());
        let (Some(Some(year)), Some(Some(month)), Some(Some(day)), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return date.to_owned();
        };
        let Some(name) = month.checked_sub(1).and_then(|m| self.dates.months.get(m)) else {
            return date.to_owned();
        };
        fill(
            &self.dates.day,
            &[
                ("day", &day.to_string()),
                ("month", name),
                ("year", &year.to_string()),
            ],
        )
    }

    /// The label of a correction or an update.
    pub fn update_kind(&self, kind: UpdateKind) -> &str {
        match kind {
            UpdateKind::Correction => &self.corrections.correction,
            UpdateKind::Update => &self.corrections.update,
        }
    }

    /// How precisely a dating places its event, and whether the article gives
    /// it or it is inferred: " (year given)".
    pub fn precision(&self, dating: &Dating) -> String {
        let p = &self.precision;
        let precision = match dating.precision() {
            Precision::Year => &p.year,
            Precision::MonthYear => &p.month_year,
            Precision::Month => &p.month,
            Precision::Range => &p.range,
            Precision::Relative => &p.relative,
        };
        let how = if dating.is_inferred() {
            &p.inferred
        } else {
            &p.given
        };
        fill(how, &[("precision", precision)])
    }

    /// A link to a step by number and title.
    pub fn step_link(&self, index: usize, title: &str) -> String {
        about_step(&self.step.link, index, title)
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

/// A template about step `index` (from 0) filled with its number (`{n}`) and
/// its `title` ("Step {n}: {title}", "Opens step {n}: {title}").
pub fn about_step(template: &str, index: usize, title: &str) -> String {
    fill(
        template,
        &[("n", &(index + 1).to_string()), ("title", title)],
    )
}

/// Puts the subject in every string of a table.
fn fill_subject(value: &mut toml::Value, subject: &str) {
    match value {
        toml::Value::String(text) => *text = text.replace(SUBJECT_SLOT, subject),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| fill_subject(v, subject)),
        toml::Value::Array(items) => items.iter_mut().for_each(|v| fill_subject(v, subject)),
        _ => {}
    }
}

/// The language of the quotes, when it is not the page's (an edition in another
/// language keeps the articles' words): the quotes carry it as their `lang`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotesLanguage(pub Option<String>);

/// The quotes' language, if it is not the page's ([`QuotesLanguage`]).
pub fn quotes_language() -> Option<String> {
    use_context::<QuotesLanguage>().and_then(|l| l.0)
}

/// Makes the words available to the components rendered in this owner.
pub fn provide_words(words: Arc<Words>) {
    provide_context(words);
}

/// The words provided by the renderer ([`provide_words`]).
pub fn words() -> Arc<Words> {
    expect_context::<Arc<Words>>()
}

/// The English table with the subject "Acme", for the other modules' tests.
#[cfg(test)]
pub fn english() -> Result<Words, String> {
    Words::load(Path::new(env!("CARGO_MANIFEST_DIR")), "en-US", "Acme")
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
    fn every_languages_table_has_every_key_and_no_other() -> Result<(), String> {
        let dir = root().join(LOCALES_DIR);
        let mut read = 0;
        for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let words =
                    Words::parse(&text, "Acme").map_err(|e| format!("{}: {e}", path.display()))?;
                assert!(words.numbers.len() >= 10, "{}: numbers", path.display());
                read += 1;
            }
        }
        assert!(read >= 2, "{read} tables in {}", dir.display());
        let spanish = Words::load(root(), "es-US", "Acme")?;
        assert_eq!(spanish.dispute.subject, "Lo que dice Acme");
        Ok(())
    }

    #[test]
    fn days_are_written_in_the_languages_form() -> Result<(), String> {
        let english = Words::load(root(), "en-US", "Acme")?;
        let spanish = Words::load(root(), "es-US", "Acme")?;
        assert_eq!(english.day("2026-12-03"), "December 3, 2026");
        assert_eq!(spanish.day("2026-06-03"), "3 de junio de 2026");
        assert_eq!(spanish.day("2026-13-03"), "2026-13-03");
        assert_eq!(english.day("soon"), "soon");
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
