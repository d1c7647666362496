//! The editor's check: everything `content.json` must satisfy, the articles
//! included, reported at once with a one-line summary. The `check` binary and
//! the test suite both run it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::cited::CitedText;
use crate::content::{Content, FlowStatus, Speaker};
use crate::quotes::{appears_verbatim, matching_prefix};
use crate::reading::{minutes, Lengths, LEAD_MAX_WORDS, OWN_WORDS_MAX, READING_PATH_MAX};
use crate::validate::{load_content, Problem};

/// The articles, keyed by file stem (the source id).
pub type Articles = HashMap<String, String>;

/// Environment variable naming the folder of the articles.
pub const SOURCES_DIR_VAR: &str = "EXPLAINER_SOURCES_DIR";

/// Where the articles are: `$EXPLAINER_SOURCES_DIR`, else `shared/sources`
/// beside the repository (where CI puts them).
pub fn sources_dir() -> PathBuf {
    match std::env::var_os(SOURCES_DIR_VAR) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/sources"),
    }
}

/// Reads every `*.txt` article in `dir`; says clearly what is missing.
pub fn read_articles(dir: &Path) -> Result<Articles, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the source articles in {}: {e}. Put the articles there, or set {SOURCES_DIR_VAR} to their folder.",
            dir.display()
        )
    })?;
    let mut articles = Articles::new();
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            articles.insert(stem, text);
        }
    }
    if articles.is_empty() {
        return Err(format!(
            "no .txt articles in {}; set {SOURCES_DIR_VAR} to the folder that holds them",
            dir.display()
        ));
    }
    Ok(articles)
}

/// Counts for the summary line and the closing notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Steps in the walk-through.
    pub steps: usize,
    /// Sentences of our own words, each with its marker.
    pub sentences: usize,
    /// Markers' references to citations.
    pub references: usize,
    /// Citations (the answer's, the steps', the flows' and the events'), per speaker.
    pub speakers: BTreeMap<&'static str, usize>,
    /// Citations in all.
    pub citations: usize,
    /// Flows, per status.
    pub flows: BTreeMap<&'static str, usize>,
    /// Timeline events, and their datings per precision.
    pub events: usize,
    /// Datings per precision (year, month-year, month, range, relative).
    pub datings: BTreeMap<&'static str, usize>,
    /// Lines checked verbatim against the articles (quotes and evidence).
    pub verbatim_checked: usize,
    /// How much there is to read.
    pub lengths: Lengths,
}

impl Summary {
    /// Counts a valid content file.
    pub fn of(content: &Content) -> Summary {
        let mut texts: Vec<&CitedText> = vec![&content.answer.text];
        let mut summary = Summary {
            steps: content.steps.len(),
            events: content.events().len(),
            lengths: Lengths::of(content),
            ..Summary::default()
        };
        for step in &content.steps {
            texts.extend(step.cited_texts().into_iter().map(|(_, t)| t));
        }
        for flow in &content.flows {
            texts.extend([&flow.label, &flow.detail, &flow.attribution]);
            *summary.flows.entry(flow.status.as_str()).or_default() += 1;
        }
        for event in content.events() {
            texts.push(&event.text);
            for dating in &event.when {
                texts.extend(&dating.inferred);
                *summary
                    .datings
                    .entry(dating.precision().as_str())
                    .or_default() += 1;
            }
        }
        for (_, list) in content.citation_lists() {
            summary.citations += list.len();
            for citation in list {
                *summary
                    .speakers
                    .entry(citation.speaker.as_str())
                    .or_default() += 1;
            }
        }
        for text in texts {
            let sentences = text.sentences();
            summary.sentences += sentences.len();
            summary.references += sentences.iter().map(|s| s.refs.len()).sum::<usize>();
        }
        summary
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per_speaker = Speaker::ALL
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    self.speakers.get(s.as_str()).unwrap_or(&0),
                    s.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let per_status = FlowStatus::ALL
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    self.flows.get(s.as_str()).unwrap_or(&0),
                    s.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        write!(
            f,
            "{} steps, {} sentences ({} references), {} citations ({per_speaker}), {} flows ({per_status}), {} timeline events ({}), {} lines verified verbatim\n\
             {} words of our own (at most {OWN_WORDS_MAX}); default reading path {} words, {} minutes (at most {READING_PATH_MAX}); leads of {} words (at most {LEAD_MAX_WORDS} each)",
            self.steps,
            self.sentences,
            self.references,
            self.citations,
            self.flows.values().sum::<usize>(),
            self.events,
            self.datings
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", "),
            self.verbatim_checked,
            self.lengths.own_words,
            self.lengths.reading_path,
            minutes(self.lengths.reading_path),
            self.lengths
                .leads
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        )
    }
}

/// What the check found in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Every problem: structure, ids, citations, verbatim quotes, sources.
    pub problems: Vec<Problem>,
    /// Counts, when the file could be parsed.
    pub summary: Option<Summary>,
}

/// Checks a content file's text against the articles: everything validation
/// checks, plus every quote and piece of evidence verbatim in its article and
/// every article listed as a source under its own headline.
pub fn check(file: &str, text: &str, articles: &Articles) -> Report {
    let content = match load_content(file, text) {
        Ok(content) => content,
        Err(error) => {
            // The rules failed, but the quotes can still be checked if the file parses.
            let mut problems = error.problems;
            if let Ok(content) = serde_json::from_str::<Content>(text) {
                problems.extend(verbatim_problems(&content, articles).0);
                problems.extend(source_problems(&content, articles));
            }
            return Report {
                problems,
                summary: None,
            };
        }
    };
    let (mut problems, checked) = verbatim_problems(&content, articles);
    problems.extend(source_problems(&content, articles));
    let summary = Summary {
        verbatim_checked: checked,
        ..Summary::of(&content)
    };
    problems.extend(
        summary
            .lengths
            .over_budget()
            .into_iter()
            .map(|reason| Problem {
                path: String::new(),
                reason,
            }),
    );
    Report {
        problems,
        summary: Some(summary),
    }
}

/// Every quote and evidence line not found verbatim, with how far it matched;
/// and how many lines were checked.
pub fn verbatim_problems(content: &Content, articles: &Articles) -> (Vec<Problem>, usize) {
    let lines = content.verbatim_lines();
    let mut problems = Vec::new();
    for (path, source, quote) in &lines {
        let Some(article) = articles.get(*source) else {
            problems.push(Problem {
                path: path.clone(),
                reason: format!("no article file {source}.txt to check the quote against"),
            });
            continue;
        };
        if !appears_verbatim(article, quote) {
            let matched = matching_prefix(article, quote);
            problems.push(Problem {
                path: path.clone(),
                reason: format!(
                    "not verbatim in {source}.txt; it matches the article only up to “{matched}” ({} of {} words). Quote: “{quote}”",
                    matched.split_whitespace().count(),
                    quote.split_whitespace().count()
                ),
            });
        }
    }
    (problems, lines.len())
}

/// Every article is a listed source and every source an article, under the
/// article's own headline.
pub fn source_problems(content: &Content, articles: &Articles) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, source) in content.sources.iter().enumerate() {
        match articles.get(&source.id) {
            None => problems.push(Problem {
                path: format!("sources[{i}].id"),
                reason: format!("no article file {}.txt", source.id),
            }),
            Some(article) => {
                let headline = article
                    .lines()
                    .find(|l| !l.trim().is_empty() && !l.contains('»'))
                    .unwrap_or_default();
                if !headline.contains(&source.title) {
                    problems.push(Problem {
                        path: format!("sources[{i}].title"),
                        reason: format!(
                            "{:?} is not the article's headline {headline:?}",
                            source.title
                        ),
                    });
                }
            }
        }
    }
    let mut unlisted: Vec<&String> = articles
        .keys()
        .filter(|id| content.source(id).is_none())
        .collect();
    unlisted.sort();
    for id in unlisted {
        problems.push(Problem {
            path: "sources".into(),
            reason: format!("the article {id}.txt is not listed as a source"),
        });
    }
    problems
}
