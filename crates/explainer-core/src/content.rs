//! The content model: everything the explainer says, as data.
//!
//! The JSON file is written by editors, so every struct rejects unknown fields:
//! a misspelt key is reported instead of silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cited::CitedText;

/// The whole explainer: the short answer, the sources, the diagram and the steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// The label above the headline (a section, a series), if not the
    /// interface's own ("Explainer").
    #[serde(default)]
    pub kicker: Option<String>,
    /// Headline of the explainer.
    pub title: String,
    /// One-sentence subtitle under the headline, about the explainer itself.
    pub dek: String,
    /// The short answer, first on the page (cited).
    pub answer: Answer,
    /// How the explainer was made and what its sources can and cannot support.
    pub method: Vec<String>,
    /// Whose data the reader can follow, one or more: the first is shown
    /// first; with two or more the reader can switch between them.
    pub perspectives: Vec<PerspectiveEntry>,
    /// The articles everything rests on; `id` is the article's file stem.
    pub sources: Vec<Source>,
    /// Places drawn in the diagram.
    pub places: Vec<Place>,
    /// Data flows drawn in the diagram, between places.
    pub flows: Vec<Flow>,
    /// The walk-through, in reading order.
    pub steps: Vec<Step>,
    /// Dated or datable events in groups: the first in time order, the others
    /// threads whose order relative to the rest no text gives.
    #[serde(default)]
    pub timeline: Vec<Group>,
    /// Corrections and updates to this explainer, dated by its editors.
    #[serde(default)]
    pub updates: Vec<Update>,
}

/// The short answer: a few cited sentences saying what the articles allow,
/// shown before the walk-through and used as the page's description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// At most five sentences in our own words (cited).
    pub text: CitedText,
    /// The quotes its sentences name.
    pub citations: Vec<Citation>,
}

/// A correction or an update of the explainer itself, in the editors' words
/// and dated by them (not a claim from the articles, so not cited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// Unique among updates; its anchor is `update-<id>`.
    pub id: String,
    /// The day it was made, `YYYY-MM-DD`.
    pub date: String,
    /// A correction (something was wrong) or an update (something was added or changed).
    pub kind: UpdateKind,
    /// What changed, in the editors' words.
    pub text: String,
    /// The steps it changed; each shows an "updated" mark linking here.
    #[serde(default)]
    pub steps: Vec<String>,
}

impl Update {
    /// The HTML id of the entry.
    pub fn anchor(&self) -> String {
        format!("update-{}", self.id)
    }
}

/// Whether an entry corrects an error or records an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateKind {
    /// Something the explainer said was wrong.
    Correction,
    /// Something was added or changed.
    Update,
}

/// One of the story's perspectives: whose data the reader follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerspectiveEntry {
    /// Its token in the URL (`?view=<id>`), in flows' `perspectives` and in
    /// the page: lowercase letters, digits, hyphens.
    pub id: String,
    /// Its name on the switch.
    pub label: String,
    /// The heading of a step's note for this perspective (needed when a step
    /// has one).
    #[serde(default)]
    pub note_heading: Option<String>,
    /// The flow table's tag for a flow drawn for this perspective alone
    /// (needed when a flow is).
    #[serde(default)]
    pub only_tag: Option<String>,
}

/// Whose data the reader is following: the position of one of the content's
/// perspectives (the default, 0, is the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Perspective(u8);

impl Perspective {
    /// The first perspective, the one shown first.
    pub const FIRST: Perspective = Perspective(0);

    /// The perspective at `index` in the content's list.
    pub const fn nth(index: usize) -> Perspective {
        // Validation allows a few perspectives; past 255 every index is the last.
        if index > u8::MAX as usize {
            Perspective(u8::MAX)
        } else {
            Perspective(index as u8)
        }
    }

    /// Its position in the content's list.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// One article from `shared/sources`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The article's file name without `.txt`; also its anchor `#source-<id>`.
    pub id: String,
    /// The headline as the article gives it.
    pub title: String,
    /// Who published it, only where the text itself names them.
    #[serde(default)]
    pub publisher: Option<Attribution>,
    /// When it was published, only where the text allows an inference.
    #[serde(default)]
    pub date: Option<DateNote>,
    /// Outlets whose reporting the article relays (e.g. "Forbes").
    #[serde(default)]
    pub relays: Vec<String>,
    /// Our remarks on the text itself, e.g. signs of machine rewording.
    #[serde(default)]
    pub note: Option<String>,
}

impl Source {
    /// The article's file name in the sources folder.
    pub fn file_name(&self) -> String {
        format!("{}.txt", self.id)
    }

    /// The HTML id of this source's entry in the sources section.
    pub fn anchor(&self) -> String {
        format!("source-{}", self.id)
    }
}

/// A fact about a source backed by a verbatim line of the article itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// What we conclude, e.g. "New York Wire".
    pub name: String,
    /// How the text supports it, in our words.
    pub basis: String,
    /// The line of the article that names it (checked verbatim).
    pub evidence: String,
}

/// A publication date that can only be inferred from the article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateNote {
    /// The inferred date or range, e.g. "2022 or later".
    pub label: String,
    /// Why the text supports that inference.
    pub reason: String,
    /// The line of the article the inference rests on (checked verbatim).
    pub evidence: String,
}

/// A box in the diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Unique id, referenced by flows and steps.
    pub id: String,
    /// Short name drawn in the box.
    pub label: String,
    /// Second line drawn under the label (where it is, who runs it).
    pub detail: String,
    /// Replacement labels in other perspectives, by perspective id, where they differ.
    #[serde(default)]
    pub perspective_labels: BTreeMap<String, String>,
    /// Centre of the box in diagram units (the view box is 640 by 420).
    pub x: f64,
    /// Centre of the box in diagram units.
    pub y: f64,
    /// Width of a region (a place that contains others, drawn behind them).
    #[serde(default)]
    pub width: Option<f64>,
    /// Height of a region; set together with `width`.
    #[serde(default)]
    pub height: Option<f64>,
    /// The step that explains this place; clicking the place opens it. A box
    /// has one; a region, a frame drawn behind the boxes, has none and is not a link.
    #[serde(default)]
    pub step: Option<String>,
}

impl Place {
    /// The region's size, for a place that is a region rather than a box.
    pub fn region_size(&self) -> Option<(f64, f64)> {
        self.width.zip(self.height)
    }

    /// The label to draw for the perspective with this id.
    pub fn label_for(&self, perspective_id: &str) -> &str {
        self.perspective_labels
            .get(perspective_id)
            .unwrap_or(&self.label)
    }
}

/// Who asserts a flow, which the diagram shows by line style. Validation ties
/// each status to the speakers of the flow's own citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowStatus {
    /// The subject says this happens (a subject citation backs it).
    Stated,
    /// Reporting or officials say this happened, and the articles give no
    /// denial of it by the subject (no subject citation).
    Reported,
    /// Reported by others and denied by the subject (citations from both sides).
    Alleged,
    /// Promised or planned, not described as done.
    Planned,
}

impl FlowStatus {
    /// Every status, in the order the legend lists them.
    pub const ALL: [FlowStatus; 4] = [
        FlowStatus::Stated,
        FlowStatus::Reported,
        FlowStatus::Alleged,
        FlowStatus::Planned,
    ];

    /// Token used in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowStatus::Stated => "stated",
            FlowStatus::Reported => "reported",
            FlowStatus::Alleged => "alleged",
            FlowStatus::Planned => "planned",
        }
    }
}

/// An arrow in the diagram: data moving (or reachable) from one place to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Unique id, referenced by steps.
    pub id: String,
    /// Place the data comes from.
    pub from: String,
    /// Place the data goes to or is reached from.
    pub to: String,
    /// What data moves, short enough to draw on the arrow (cited).
    pub label: CitedText,
    /// What moves and on whose word (cited).
    pub detail: CitedText,
    /// Who asserts it: the line style's meaning for this flow (cited).
    pub status: FlowStatus,
    /// Who asserts this flow, in words a reader understands at a glance,
    /// e.g. "Alleged by a newspaper; the company denies it. [a, b]" (cited).
    pub attribution: CitedText,
    /// Ids of the perspectives in which this flow applies; empty means all.
    #[serde(default)]
    pub perspectives: Vec<String>,
    /// The step that explains this flow; clicking the flow opens it.
    pub step: String,
    /// Extra sideways bow of the arrow in diagram units (positive bends to the
    /// left of the direction of travel), to steer it clear of other arrows.
    #[serde(default)]
    pub bend: f64,
    /// Where the flow comes from in the articles; each names its speaker.
    pub citations: Vec<Citation>,
}

impl Flow {
    /// Whether the flow is part of the picture for the perspective with this id.
    pub fn applies_to(&self, perspective_id: &str) -> bool {
        self.perspectives.is_empty() || self.perspectives.iter().any(|p| p == perspective_id)
    }
}

/// One stop of the walk-through: a short lead shown by default, and the
/// evidence layer (each quote under the sentence it carries, further points,
/// the dispute, the notes for other perspectives) one control away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique id, used in the URL as `#step-<id>`: lowercase letters, digits, hyphens.
    pub id: String,
    /// Heading of the step.
    pub title: String,
    /// The step in a few short sentences (cited), shown by default.
    pub lead: CitedText,
    /// Further points for the evidence layer, each a sentence or two (cited).
    #[serde(default)]
    pub details: Vec<CitedText>,
    /// Extra points shown in a perspective, by perspective id, in the evidence
    /// layer (cited).
    #[serde(default)]
    pub perspective_notes: BTreeMap<String, CitedText>,
    /// Places highlighted in the diagram at this step.
    #[serde(default)]
    pub places: Vec<String>,
    /// Flows highlighted in the diagram at this step.
    #[serde(default)]
    pub flows: Vec<String>,
    /// When set, the details are shown in two columns under this question:
    /// those citing the story's subject and those citing others (cited).
    #[serde(default)]
    pub dispute: Option<CitedText>,
    /// The step's quotes, each named by at least one of its sentences.
    pub citations: Vec<Citation>,
}

impl Step {
    /// The URL fragment of this step, without `#`.
    pub fn anchor(&self) -> String {
        format!("step-{}", self.id)
    }

    /// Every cited text of the step in reading order: the lead, the details, the
    /// dispute's question and the perspectives' notes, each with its field name.
    pub fn cited_texts(&self) -> Vec<(String, &CitedText)> {
        let mut texts = vec![("lead".to_owned(), &self.lead)];
        for (i, detail) in self.details.iter().enumerate() {
            texts.push((format!("details[{i}]"), detail));
        }
        if let Some(question) = &self.dispute {
            texts.push(("dispute".to_owned(), question));
        }
        for (id, note) in &self.perspective_notes {
            texts.push((format!("perspective_notes.{id}"), note));
        }
        texts
    }
}

/// Which side of a dispute a speaker stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The story's subject: the party whose account the story examines.
    Subject,
    /// Everyone else: reporting, authors, officials, official acts.
    Others,
}

/// Whose words a quote reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    /// The story's subject (named in its `story.json`): the party whose account
    /// the story examines, with its executives, statements and letters.
    Subject,
    /// Reporting by an outlet the article relays (Forbes, BuzzFeed News, The
    /// Wall Street Journal, the BBC), including the people quoted in it.
    Outlet,
    /// The article's own author: its framing, commentary and summaries.
    Author,
    /// Lawmakers or officials in their own words.
    Officials,
    /// An article's account of an official act (an order, a fine, a ban).
    Record,
}

impl Speaker {
    /// Every speaker, in the order summaries list them.
    pub const ALL: [Speaker; 5] = [
        Speaker::Subject,
        Speaker::Outlet,
        Speaker::Author,
        Speaker::Officials,
        Speaker::Record,
    ];

    /// The side of a dispute the speaker stands on.
    pub fn side(self) -> Side {
        match self {
            Speaker::Subject => Side::Subject,
            _ => Side::Others,
        }
    }

    /// Token used in CSS classes and in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Subject => "subject",
            Speaker::Outlet => "outlet",
            Speaker::Author => "author",
            Speaker::Officials => "officials",
            Speaker::Record => "record",
        }
    }
}

/// A verbatim quote from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Unique among all citation ids; sentences of its answer, step, flow or event name it.
    pub id: String,
    /// The source's id (its file stem).
    pub source: String,
    /// The exact words of the article: a sentence or two.
    pub quote: String,
    /// In an edition in another language, our translation of the quote, shown
    /// beside it (the quote stays in the article's words).
    #[serde(default)]
    pub translation: Option<String>,
    /// Whose words (or act) the quote reports.
    pub speaker: Speaker,
    /// Who exactly, as the article names them.
    pub who: String,
}

impl Citation {
    /// The HTML id of the quote, the target of every marker that names it.
    pub fn anchor(&self) -> String {
        format!("quote-{}", self.id)
    }
}

/// One dated or datable event of the story: who said or did what, and when,
/// as precisely as the articles allow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique among events; the URL fragment `#event-<id>`.
    pub id: String,
    /// Whose words or act the event reports.
    pub speaker: Speaker,
    /// Who exactly.
    pub who: String,
    /// One line in our words (cited from the event's own quotes).
    pub text: CitedText,
    /// The step that explains it.
    pub step: String,
    /// When, once per article that dates it (two articles may disagree).
    pub when: Vec<Dating>,
    /// An earlier event this one answers, only where an article makes the link.
    #[serde(default)]
    pub responds_to: Option<String>,
    /// The event's own quotes.
    pub citations: Vec<Citation>,
}

/// Events the timeline shows together: the first group in time order, each
/// other one a thread whose order relative to the rest no text gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique among groups.
    pub id: String,
    /// Heading shown above the group.
    pub title: String,
    /// What the group's order rests on, about the texts (not cited).
    #[serde(default)]
    pub note: Option<String>,
    /// The events, in the order their texts give.
    pub events: Vec<Event>,
}

/// The HTML id of a timeline event, e.g. `event-sale-order`.
pub fn event_anchor(event_id: &str) -> String {
    format!("event-{event_id}")
}

impl Event {
    /// The HTML id of the event in the timeline.
    pub fn anchor(&self) -> String {
        event_anchor(&self.id)
    }

    /// The earliest (year, month) any of its datings gives, months unknown as 0.
    pub fn sort_key(&self) -> Option<(i32, u8)> {
        self.when
            .iter()
            .filter_map(|d| d.year.map(|y| (y, d.month.unwrap_or(0))))
            .min()
    }
}

/// A time as one article gives it, with the quote that gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dating {
    /// How the page shows the time, e.g. "2020" or "June (no year given)".
    pub label: String,
    /// The year, only where the evidence states it (or `inferred` says why).
    #[serde(default)]
    pub year: Option<i32>,
    /// The month, 1 to 12.
    #[serde(default)]
    pub month: Option<u8>,
    /// The end of a range: its year.
    #[serde(default)]
    pub end_year: Option<i32>,
    /// The end of a range: its month.
    #[serde(default)]
    pub end_month: Option<u8>,
    /// Why the time is inferred rather than stated (cited); absent when stated.
    #[serde(default)]
    pub inferred: Option<CitedText>,
    /// The id of the event's citation whose quote gives this time.
    pub evidence: String,
}

/// How precisely a dating places its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A year, no month.
    Year,
    /// A month of a known year.
    MonthYear,
    /// A month, with no year given.
    Month,
    /// From one time to another.
    Range,
    /// No date: only a position relative to other events.
    Relative,
}

impl Precision {
    /// Token used in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::MonthYear => "month-year",
            Precision::Month => "month",
            Precision::Range => "range",
            Precision::Relative => "relative",
        }
    }
}

impl Dating {
    /// Whether the date is inferred (with a reason) rather than given by the
    /// article; an event with no date has nothing to infer.
    pub fn is_inferred(&self) -> bool {
        self.inferred.is_some() && self.precision() != Precision::Relative
    }

    /// How precisely this dating places its event.
    pub fn precision(&self) -> Precision {
        match (
            self.year,
            self.month,
            self.end_year.or(self.end_month.map(|_| 0)),
        ) {
            (_, _, Some(_)) => Precision::Range,
            (Some(_), Some(_), None) => Precision::MonthYear,
            (Some(_), None, None) => Precision::Year,
            (None, Some(_), None) => Precision::Month,
            (None, None, None) => Precision::Relative,
        }
    }
}

/// English month names, for checking that a stated month is in its quote.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Content {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The label of the place with this id, or `""` for an unknown id.
    pub fn place_label(&self, id: &str) -> &str {
        self.place(id).map(|p| p.label.as_str()).unwrap_or_default()
    }

    /// Every perspective, in the order the switch shows them.
    pub fn all_perspectives(&self) -> impl Iterator<Item = Perspective> {
        (0..self.perspectives.len()).map(Perspective::nth)
    }

    /// A perspective's entry.
    pub fn perspective(&self, perspective: Perspective) -> Option<&PerspectiveEntry> {
        self.perspectives.get(perspective.index())
    }

    /// A perspective's id (its URL token), or `""` past the end.
    pub fn perspective_id(&self, perspective: Perspective) -> &str {
        self.perspective(perspective).map_or("", |p| p.id.as_str())
    }

    /// The switch's label for a perspective (whose data the reader follows),
    /// or `""` past the end.
    pub fn perspective_label(&self, perspective: Perspective) -> &str {
        self.perspective(perspective)
            .map_or("", |p| p.label.as_str())
    }

    /// Whether a flow is drawn for some perspectives but not all: the flow table
    /// tags it with the `only_tag` of each it is drawn for.
    pub fn drawn_for_some_only(&self, flow: &Flow) -> bool {
        !flow.perspectives.is_empty() && flow.perspectives.len() < self.perspectives.len()
    }

    /// Whether a flow is part of the picture for a perspective.
    pub fn flow_applies(&self, flow: &Flow, perspective: Perspective) -> bool {
        flow.applies_to(self.perspective_id(perspective))
    }

    /// The title of the step at `index`, or `""` past the end.
    pub fn step_title(&self, index: usize) -> &str {
        self.steps
            .get(index)
            .map(|s| s.title.as_str())
            .unwrap_or_default()
    }

    /// The index of the step with this id.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Every citation list in the content, with its field path for messages.
    pub fn citation_lists(&self) -> Vec<(String, &[Citation])> {
        let mut all = vec![("answer.citations".to_owned(), &self.answer.citations[..])];
        for (i, step) in self.steps.iter().enumerate() {
            all.push((format!("steps[{i}].citations"), &step.citations[..]));
        }
        for (i, flow) in self.flows.iter().enumerate() {
            all.push((format!("flows[{i}].citations"), &flow.citations[..]));
        }
        for (g, group) in self.timeline.iter().enumerate() {
            for (i, event) in group.events.iter().enumerate() {
                all.push((
                    format!("timeline[{g}].events[{i}].citations"),
                    &event.citations[..],
                ));
            }
        }
        all
    }

    /// Every citation in the content, with its field path for messages.
    pub fn citations(&self) -> Vec<(String, &Citation)> {
        self.citation_lists()
            .into_iter()
            .flat_map(|(at, list)| {
                list.iter()
                    .enumerate()
                    .map(move |(i, c)| (format!("{at}[{i}].quote"), c))
            })
            .collect()
    }

    /// Every event of the timeline, group after group: the order the page lists them.
    pub fn events(&self) -> Vec<&Event> {
        self.timeline.iter().flat_map(|g| &g.events).collect()
    }

    /// The timeline's events that the step with this id explains.
    pub fn events_of_step(&self, step_id: &str) -> Vec<&Event> {
        self.events()
            .into_iter()
            .filter(|e| e.step == step_id)
            .collect()
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events().into_iter().find(|e| e.id == id)
    }

    /// Corrections and updates, newest first (the file's order among same-day entries).
    pub fn updates_newest_first(&self) -> Vec<&Update> {
        let mut updates: Vec<&Update> = self.updates.iter().collect();
        updates.sort_by(|a, b| b.date.cmp(&a.date));
        updates
    }

    /// The latest update's date, `YYYY-MM-DD`: when the explainer last changed.
    pub fn date_modified(&self) -> Option<&str> {
        self.updates.iter().map(|u| u.date.as_str()).max()
    }

    /// The updates that changed the step with this id, newest first.
    pub fn updates_of_step(&self, step_id: &str) -> Vec<&Update> {
        self.updates_newest_first()
            .into_iter()
            .filter(|u| u.steps.iter().any(|s| s == step_id))
            .collect()
    }

    /// Every line the articles must contain verbatim: each citation's quote and
    /// the evidence behind each publisher and date, as (field path, source id, text).
    pub fn verbatim_lines(&self) -> Vec<(String, &str, &str)> {
        let mut lines: Vec<(String, &str, &str)> = self
            .citations()
            .into_iter()
            .map(|(at, c)| (at, c.source.as_str(), c.quote.as_str()))
            .collect();
        for (i, source) in self.sources.iter().enumerate() {
            if let Some(p) = &source.publisher {
                lines.push((
                    format!("sources[{i}].publisher.evidence"),
                    &source.id,
                    &p.evidence,
                ));
            }
            if let Some(d) = &source.date {
                lines.push((
                    format!("sources[{i}].date.evidence"),
                    &source.id,
                    &d.evidence,
                ));
            }
        }
        lines
    }

    /// Indexes of the steps that highlight this flow in the diagram.
    pub fn steps_highlighting_flow(&self, flow_id: &str) -> Vec<usize> {
        self.step_indexes(|step| step.flows.iter().any(|f| f == flow_id))
    }

    /// Indexes of the steps that highlight this place in the diagram.
    pub fn steps_highlighting_place(&self, place_id: &str) -> Vec<usize> {
        self.step_indexes(|step| step.places.iter().any(|p| p == place_id))
    }

    fn step_indexes(&self, keep: impl Fn(&Step) -> bool) -> Vec<usize> {
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, step)| keep(step))
            .map(|(i, _)| i)
            .collect()
    }

    /// The steps that cite a source, in reading order.
    pub fn steps_citing(&self, source_id: &str) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|step| step.citations.iter().any(|c| c.source == source_id))
            .collect()
    }
}
