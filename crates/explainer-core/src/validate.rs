//! Turning the text of a content file into a [`Content`] the app can trust.
//!
//! Parsing stops at the first syntax or type error (serde cannot go on), but the
//! rules checked after parsing are all reported together, each with the field
//! path an editor needs to find it.

use std::collections::HashSet;

use crate::cited::{self, CitedText};
use crate::content::{Citation, Content, Dating, Event, FlowStatus, Speaker, Step, MONTHS};
use crate::diagram::{
    one_decimal, Orientation, BOX_DETAIL_MAX_CHARS, BOX_HEIGHT, BOX_LABEL_MAX_CHARS, BOX_WIDTH,
};
use crate::ids::is_valid_id;
pub use crate::problem::{ContentError, Problem};
use crate::quote_scope::QuoteScope;
use crate::reading::{cited_words, ANSWER_MAX_SENTENCES, LEAD_MAX_WORDS};
use crate::structure::parse_content;

/// Longest quote we accept: citations are a sentence or two, never whole passages.
pub const MAX_QUOTE_CHARS: usize = 400;

/// Largest sideways bow of an arrow: more would leave the diagram.
pub const MAX_BEND: f64 = 150.0;

/// Longest text of any other field: longer strings are mistakes, not prose.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Parses and validates a content file.
///
/// ```
/// let err = explainer_core::load_content("content.json", "{").unwrap_err();
/// assert_eq!(err.file, "content.json");
/// assert!(!err.problems.is_empty());
/// ```
pub fn load_content(file: &str, text: &str) -> Result<Content, ContentError> {
    let fail = |problems| ContentError {
        file: file.to_owned(),
        problems,
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        fail(vec![Problem {
            path: String::new(),
            reason: format!("not valid JSON: {e}"),
        }])
    })?;
    let content = parse_content(&value).map_err(fail)?;
    let problems = validate(&content);
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(fail(problems))
    }
}

/// Every rule the parsed content breaks; empty when it is usable. The rules
/// run in this order, and each reports its problems in the order of the file.
pub fn validate(content: &Content) -> Vec<Problem> {
    let mut v = Validator::default();
    v.front_matter(content);
    let ids = KnownIds {
        sources: v.unique_ids("sources", content.sources.iter().map(|s| &s.id)),
        places: v.unique_ids("places", content.places.iter().map(|p| &p.id)),
        flows: v.unique_ids("flows", content.flows.iter().map(|f| &f.id)),
        steps: v.unique_ids("steps", content.steps.iter().map(|s| &s.id)),
    };
    v.perspectives(content);
    v.unique_quote_ids(content);
    v.answer(content, &ids.sources);
    v.some_step(content);
    v.sources(content);
    v.places(content, &ids);
    v.flows(content, &ids);
    v.steps(content, &ids);
    v.timeline(content, &ids.steps, &ids.sources);
    v.updates(content, &ids.steps);
    v.problems
}

/// The valid ids of the content's sources, places, flows and steps, which the
/// rest of the content refers to.
struct KnownIds<'a> {
    sources: HashSet<&'a str>,
    places: HashSet<&'a str>,
    flows: HashSet<&'a str>,
    steps: HashSet<&'a str>,
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub(crate) fn is_calendar_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Most perspectives a story may have (the switch is one row of buttons).
pub const MAX_PERSPECTIVES: usize = 4;

/// Collects problems while walking the content.
#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn problem(&mut self, path: &str, reason: String) {
        self.problems.push(Problem {
            path: path.to_owned(),
            reason,
        });
    }

    /// Text shown to readers: present, of a readable length, and plain text.
    fn non_empty(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(path, "must not be empty".into());
        }
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.problem(
                path,
                format!("text is {chars} characters; keep it under {MAX_TEXT_CHARS}"),
            );
        }
        if value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.problem(path, "contains control characters".into());
        }
        if looks_like_markup(value) {
            self.problem(
                path,
                "looks like HTML markup; content is plain text and is shown as written".into(),
            );
        }
    }

    fn paragraphs(&mut self, path: &str, paragraphs: &[String]) {
        for (i, paragraph) in paragraphs.iter().enumerate() {
            self.non_empty(&format!("{path}[{i}]"), paragraph);
        }
    }

    fn quote_length(&mut self, path: &str, quote: &str) {
        self.non_empty(path, quote);
        let chars = quote.chars().count();
        if chars > MAX_QUOTE_CHARS {
            self.problem(
                path,
                format!("quote is {chars} characters; keep it under {MAX_QUOTE_CHARS}"),
            );
        }
    }

    /// The page's headline, its label, the line under it and the method note.
    fn front_matter(&mut self, content: &Content) {
        self.non_empty("title", &content.title);
        if let Some(kicker) = &content.kicker {
            self.non_empty("kicker", kicker);
        }
        self.non_empty("dek", &content.dek);
        self.paragraphs("method", &content.method);
    }

    /// A walk-through has at least one step.
    fn some_step(&mut self, content: &Content) {
        if content.steps.is_empty() {
            self.problem("steps", "there must be at least one step".into());
        }
    }

    /// Each source: a title, and a note, the outlets it relays, a publisher and
    /// a date only with their words, reasons and evidence.
    fn sources(&mut self, content: &Content) {
        for (i, source) in content.sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            self.non_empty(&format!("{at}.title"), &source.title);
            if let Some(note) = &source.note {
                self.non_empty(&format!("{at}.note"), note);
            }
            for (j, outlet) in source.relays.iter().enumerate() {
                self.non_empty(&format!("{at}.relays[{j}]"), outlet);
            }
            if let Some(publisher) = &source.publisher {
                self.non_empty(&format!("{at}.publisher.name"), &publisher.name);
                self.non_empty(&format!("{at}.publisher.basis"), &publisher.basis);
                self.quote_length(&format!("{at}.publisher.evidence"), &publisher.evidence);
            }
            if let Some(date) = &source.date {
                self.non_empty(&format!("{at}.date.label"), &date.label);
                self.non_empty(&format!("{at}.date.reason"), &date.reason);
                self.quote_length(&format!("{at}.date.evidence"), &date.evidence);
            }
        }
    }

    /// Each place: its words fit its box, it fits the diagram in both
    /// orientations, and it opens a step unless it is a region.
    fn places(&mut self, content: &Content, ids: &KnownIds) {
        for (i, place) in content.places.iter().enumerate() {
            let at = format!("places[{i}]");
            self.non_empty(&format!("{at}.label"), &place.label);
            self.non_empty(&format!("{at}.detail"), &place.detail);
            if place.region_size().is_none() {
                let labels = std::iter::once((format!("{at}.label"), &place.label)).chain(
                    place
                        .perspective_labels
                        .iter()
                        .map(|(id, label)| (format!("{at}.perspective_labels.{id}"), label)),
                );
                for (path, label) in labels {
                    self.fits(&path, label, BOX_LABEL_MAX_CHARS);
                }
                self.fits(&format!("{at}.detail"), &place.detail, BOX_DETAIL_MAX_CHARS);
            }
            match (&place.step, place.region_size()) {
                (Some(step), None) => self.reference(&format!("{at}.step"), step, &ids.steps, "step"),
                (None, None) => self.problem(
                    &format!("{at}.step"),
                    "a place needs the step that explains it (a click on it opens that step)".into(),
                ),
                (Some(_), Some(_)) => self.problem(
                    &format!("{at}.step"),
                    "a region (a place with width and height) is a frame, not a link: remove its step"
                        .into(),
                ),
                (None, Some(_)) => {}
            }
            if place.width.is_some() != place.height.is_some() {
                self.problem(&at, "a region needs both width and height".into());
            }
            let size = place.region_size().unwrap_or((BOX_WIDTH, BOX_HEIGHT));
            if size.0 <= 0.0 || size.1 <= 0.0 {
                self.problem(
                    &at,
                    format!(
                        "size {} by {} must be positive",
                        one_decimal(size.0),
                        one_decimal(size.1)
                    ),
                );
            }
            for orientation in Orientation::ALL {
                let rect = orientation.place(place.x, place.y, size, place.region_size().is_some());
                let (width, height) = orientation.size();
                if !rect.fits_in(width, height) {
                    self.problem(
                        &at,
                        format!(
                            "its {} by {} box centred at ({}, {}) does not fit in the {} by {} diagram ({orientation:?})",
                            one_decimal(size.0),
                            one_decimal(size.1),
                            one_decimal(place.x),
                            one_decimal(place.y),
                            one_decimal(width),
                            one_decimal(height)
                        ),
                    );
                }
            }
        }
    }

    /// Each flow: cited words, two different known places, a known step, a bend
    /// that stays in the diagram, its citations and a status its speakers bear out.
    fn flows(&mut self, content: &Content, ids: &KnownIds) {
        for (i, flow) in content.flows.iter().enumerate() {
            let at = format!("flows[{i}]");
            let scope = QuoteScope::new(&flow.citations);
            self.cited(&format!("{at}.label"), &flow.label, &scope, "flow");
            self.cited(&format!("{at}.detail"), &flow.detail, &scope, "flow");
            self.cited(
                &format!("{at}.attribution"),
                &flow.attribution,
                &scope,
                "flow",
            );
            self.reference(&format!("{at}.from"), &flow.from, &ids.places, "place");
            self.reference(&format!("{at}.to"), &flow.to, &ids.places, "place");
            if flow.from == flow.to {
                self.problem(
                    &format!("{at}.to"),
                    "a flow must go to another place".into(),
                );
            }
            self.reference(&format!("{at}.step"), &flow.step, &ids.steps, "step");
            if !(flow.bend.is_finite() && flow.bend.abs() <= MAX_BEND) {
                self.problem(
                    &format!("{at}.bend"),
                    format!(
                        "bend {} is outside -{max} to {max}",
                        one_decimal(flow.bend),
                        max = MAX_BEND as i64
                    ),
                );
            }
            self.citations(&format!("{at}.citations"), &flow.citations, &ids.sources);
            self.flow_status(&at, flow.status, &flow.citations);
        }
    }

    /// Each step, and the places and flows it highlights.
    fn steps(&mut self, content: &Content, ids: &KnownIds) {
        for (i, step) in content.steps.iter().enumerate() {
            let at = format!("steps[{i}]");
            self.step(&at, step, &ids.sources);
            for (j, place) in step.places.iter().enumerate() {
                self.reference(&format!("{at}.places[{j}]"), place, &ids.places, "place");
            }
            for (j, flow) in step.flows.iter().enumerate() {
                self.reference(&format!("{at}.flows[{j}]"), flow, &ids.flows, "flow");
            }
        }
    }

    /// The corrections log: unique ids, real dates, words, and known steps.
    fn updates(&mut self, content: &Content, steps: &HashSet<&str>) {
        self.unique_ids("updates", content.updates.iter().map(|u| &u.id));
        for (i, update) in content.updates.iter().enumerate() {
            let at = format!("updates[{i}]");
            if !is_calendar_date(&update.date) {
                self.problem(
                    &format!("{at}.date"),
                    format!("{:?} is not a date written YYYY-MM-DD", update.date),
                );
            }
            self.non_empty(&format!("{at}.text"), &update.text);
            for (j, step) in update.steps.iter().enumerate() {
                self.reference(&format!("{at}.steps[{j}]"), step, steps, "step");
            }
        }
    }

    /// Checks ids are well-formed and unique; returns the set of valid ids.
    fn unique_ids<'a>(
        &mut self,
        list: &str,
        ids: impl Iterator<Item = &'a String>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !is_valid_id(id) {
                self.problem(
                    &path,
                    format!("id {id:?} must be lowercase letters, digits, '-' or '_'"),
                );
            }
            if !seen.insert(id.as_str()) {
                self.problem(&path, format!("id {id:?} is used twice"));
            }
        }
        seen
    }

    /// Our own words: plain text in which every sentence names quotes of its
    /// own step or flow (`scope_name`).
    fn cited(&mut self, path: &str, text: &CitedText, scope: &QuoteScope, scope_name: &str) {
        self.non_empty(path, text.as_str());
        let parsed = cited::parse(text.as_str());
        for reason in parsed.problems {
            self.problem(path, reason);
        }
        for sentence in &parsed.sentences {
            for id in &sentence.refs {
                if scope.resolve(id).is_none() {
                    self.problem(
                        path,
                        format!(
                            "the sentence “{}” names {id:?}, which is no citation of this {scope_name}",
                            sentence.text
                        ),
                    );
                }
            }
        }
    }

    /// Citation ids are unique in the whole file: markers and page anchors use them.
    fn unique_quote_ids(&mut self, content: &Content) {
        let mut seen: HashSet<&str> = HashSet::new();
        for (at, list) in content.citation_lists() {
            for (k, citation) in list.iter().enumerate() {
                let path = format!("{at}[{k}].id");
                if !is_valid_id(&citation.id) {
                    self.problem(
                        &path,
                        format!(
                            "id {:?} must be lowercase letters, digits, '-' or '_'",
                            citation.id
                        ),
                    );
                }
                if !seen.insert(&citation.id) {
                    self.problem(&path, format!("id {:?} is used twice", citation.id));
                }
            }
        }
    }

    /// The short answer: a few cited sentences, each naming its own quotes.
    fn answer(&mut self, content: &Content, sources: &HashSet<&str>) {
        let answer = &content.answer;
        self.citations("answer.citations", &answer.citations, sources);
        let scope = QuoteScope::new(&answer.citations);
        self.cited("answer.text", &answer.text, &scope, "answer");
        let sentences = answer.text.sentences().len();
        if sentences > ANSWER_MAX_SENTENCES {
            self.problem(
                "answer.text",
                format!(
                    "the short answer has {sentences} sentences; keep it to {ANSWER_MAX_SENTENCES}"
                ),
            );
        }
        self.every_quote_named("answer", &answer.citations, &[&answer.text]);
    }

    /// A step: a short cited lead, cited details, every quote named by one of its
    /// sentences, and a dispute only with points on both sides, each on one side.
    fn step(&mut self, at: &str, step: &Step, sources: &HashSet<&str>) {
        self.non_empty(&format!("{at}.title"), &step.title);
        self.citations(&format!("{at}.citations"), &step.citations, sources);
        let scope = QuoteScope::new(&step.citations);
        let texts = step.cited_texts();
        for (field, text) in &texts {
            self.cited(&format!("{at}.{field}"), text, &scope, "step");
        }
        let lead = cited_words(&step.lead);
        if lead > LEAD_MAX_WORDS {
            self.problem(
                &format!("{at}.lead"),
                format!("the lead has {lead} words; keep it to {LEAD_MAX_WORDS} and move the rest to `details`"),
            );
        }
        let all: Vec<_> = texts.iter().map(|(_, t)| *t).collect();
        self.every_quote_named(at, &step.citations, &all);
        if step.dispute.is_some() {
            let mut sides = HashSet::new();
            for (j, detail) in step.details.iter().enumerate() {
                match scope.side_of(detail) {
                    Some(side) => {
                        sides.insert(side);
                    }
                    None => self.problem(
                        &format!("{at}.details[{j}]"),
                        "in a dispute each point is the subject's or the others': cite quotes of one side only".into(),
                    ),
                }
            }
            if sides.len() < 2 {
                self.problem(
                    &format!("{at}.dispute"),
                    "a dispute needs a point citing the subject and one citing somebody else"
                        .into(),
                );
            }
        }
    }

    /// Every quote of a block is named by at least one of its sentences.
    fn every_quote_named(&mut self, at: &str, citations: &[Citation], texts: &[&CitedText]) {
        let named: HashSet<&str> = texts
            .iter()
            .flat_map(|t| t.sentences())
            .flat_map(|s| s.refs)
            .collect();
        for (k, citation) in citations.iter().enumerate() {
            if !named.contains(citation.id.as_str()) {
                self.problem(
                    &format!("{at}.citations[{k}]"),
                    format!(
                        "no sentence names the quote {:?}: cite it or remove it",
                        citation.id
                    ),
                );
            }
        }
    }

    /// The timeline: groups with a title, every event cited from its own quotes,
    /// every time backed by a quote that states it (or a cited reason it is
    /// inferred), and within each group events in time order where years decide it.
    fn timeline(&mut self, content: &Content, steps: &HashSet<&str>, sources: &HashSet<&str>) {
        self.unique_ids("timeline", content.timeline.iter().map(|g| &g.id));
        let mut ids: HashSet<&str> = HashSet::new();
        for (g, group) in content.timeline.iter().enumerate() {
            for (i, event) in group.events.iter().enumerate() {
                let path = format!("timeline[{g}].events[{i}].id");
                if !is_valid_id(&event.id) {
                    self.problem(
                        &path,
                        format!(
                            "id {:?} must be lowercase letters, digits, '-' or '_'",
                            event.id
                        ),
                    );
                }
                if !ids.insert(&event.id) {
                    self.problem(&path, format!("id {:?} is used twice", event.id));
                }
            }
        }
        let mut earlier: HashSet<&str> = HashSet::new();
        for (g, group) in content.timeline.iter().enumerate() {
            let group_at = format!("timeline[{g}]");
            self.non_empty(&format!("{group_at}.title"), &group.title);
            if let Some(note) = &group.note {
                self.non_empty(&format!("{group_at}.note"), note);
            }
            if group.events.is_empty() {
                self.problem(
                    &format!("{group_at}.events"),
                    "a group needs at least one event".into(),
                );
            }
            let mut latest: Option<(usize, (i32, u8))> = None;
            for (i, event) in group.events.iter().enumerate() {
                let at = format!("{group_at}.events[{i}]");
                self.event(&at, event, steps, sources);
                if let Some(answered) = &event.responds_to {
                    if !earlier.contains(answered.as_str()) {
                        self.problem(
                            &format!("{at}.responds_to"),
                            format!("no earlier event has the id {answered:?}: an answer comes after what it answers"),
                        );
                    }
                }
                earlier.insert(&event.id);
                if let Some(key) = event.sort_key() {
                    if let Some((before, previous)) = latest {
                        if key < previous {
                            self.problem(
                                &format!("{at}.when"),
                                format!(
                                    "dated {} but listed after {:?}, dated {}: list a group's events in time order",
                                    date_text(key),
                                    group.events[before].id,
                                    date_text(previous)
                                ),
                            );
                        }
                    }
                    if latest.is_none_or(|(_, previous)| key >= previous) {
                        latest = Some((i, key));
                    }
                }
            }
        }
    }

    /// One event: who, a cited line, its step, its quotes and its datings.
    fn event(&mut self, at: &str, event: &Event, steps: &HashSet<&str>, sources: &HashSet<&str>) {
        let scope = QuoteScope::new(&event.citations);
        self.non_empty(&format!("{at}.who"), &event.who);
        self.cited(&format!("{at}.text"), &event.text, &scope, "event");
        self.reference(&format!("{at}.step"), &event.step, steps, "step");
        self.citations(&format!("{at}.citations"), &event.citations, sources);
        if event.when.is_empty() {
            self.problem(
                &format!("{at}.when"),
                "an event needs at least one dating, even one without a date (a label such as “No date given”)".into(),
            );
        }
        for (j, dating) in event.when.iter().enumerate() {
            self.dating(&format!("{at}.when[{j}]"), dating, event, &scope);
        }
    }

    /// One dating: its evidence is a quote of the event that states the year and
    /// month it gives, unless it says why they are inferred.
    fn dating(&mut self, at: &str, dating: &Dating, event: &Event, scope: &QuoteScope) {
        self.non_empty(&format!("{at}.label"), &dating.label);
        let Some(evidence) = event.citations.iter().find(|c| c.id == dating.evidence) else {
            self.problem(
                &format!("{at}.evidence"),
                format!("{:?} is no citation of this event", dating.evidence),
            );
            return;
        };
        for (field, month) in [("month", dating.month), ("end_month", dating.end_month)] {
            if month.is_some_and(|m| !(1..=12).contains(&m)) {
                self.problem(&format!("{at}.{field}"), "a month is 1 to 12".into());
            }
        }
        if dating.end_month.is_some() && dating.end_year.is_none() && dating.year.is_some() {
            self.problem(
                &format!("{at}.end_year"),
                "a range that starts in a known year needs the year it ends".into(),
            );
        }
        let start = (dating.year, dating.month);
        let end = (dating.end_year, dating.end_month);
        if let ((Some(y0), m0), (Some(y1), m1)) = (start, end) {
            if (y1, m1.unwrap_or(12)) < (y0, m0.unwrap_or(1)) {
                self.problem(
                    &format!("{at}.end_year"),
                    "the range ends before it starts".into(),
                );
            }
        }
        match &dating.inferred {
            Some(reason) => self.cited(&format!("{at}.inferred"), reason, scope, "event"),
            None => {
                let quote = crate::quotes::collapse_whitespace(&evidence.quote);
                let mut stated = Vec::new();
                for year in [dating.year, dating.end_year].into_iter().flatten() {
                    stated.push(year.to_string());
                }
                for month in [dating.month, dating.end_month].into_iter().flatten() {
                    if let Some(name) = MONTHS.get(usize::from(month).wrapping_sub(1)) {
                        stated.push((*name).to_owned());
                    }
                }
                for word in stated {
                    if !quote.contains(&word) {
                        self.problem(
                            &format!("{at}.evidence"),
                            format!(
                                "the quote {:?} does not state {word}: give only the time the quote states, or say why it is inferred (`inferred`)",
                                dating.evidence
                            ),
                        );
                    }
                }
            }
        }
    }

    /// A flow's status must match who its citations say it: the subject's word
    /// for `stated`, others' without the subject's answer for `reported`, both
    /// for `alleged`.
    fn flow_status(&mut self, at: &str, status: FlowStatus, citations: &[Citation]) {
        let subject = citations.iter().any(|c| c.speaker == Speaker::Subject);
        let others = citations.iter().any(|c| c.speaker != Speaker::Subject);
        let reason = match status {
            FlowStatus::Stated if !subject => {
                Some("`stated` means the subject says so: cite the subject (speaker `subject`)")
            }
            FlowStatus::Reported if !others => {
                Some("`reported` needs a citation of reporting or officials")
            }
            FlowStatus::Reported if subject => Some(
                "the subject answers this flow in its citations: if it denies it, the status is `alleged`",
            ),
            FlowStatus::Alleged if !(subject && others) => Some(
                "`alleged` needs both the report (a citation of someone else) and the subject's denial (a `subject` citation)",
            ),
            _ => None,
        };
        if let Some(reason) = reason {
            self.problem(&format!("{at}.status"), reason.into());
        }
    }

    /// The perspectives, and every use of their ids: a flow drawn for some of
    /// them, a place's label in one, a step's note for one. A perspective that
    /// has a flow of its own needs the flow table's tag for it; one with a
    /// step's note, the note's heading.
    fn perspectives(&mut self, content: &Content) {
        let list = &content.perspectives;
        if list.is_empty() {
            self.problem(
                "perspectives",
                "there must be at least one perspective".into(),
            );
        }
        if list.len() > MAX_PERSPECTIVES {
            self.problem(
                "perspectives",
                format!(
                    "at most {MAX_PERSPECTIVES} perspectives, not {}",
                    list.len()
                ),
            );
        }
        let ids = self.unique_ids("perspectives", list.iter().map(|p| &p.id));
        let entry = |id: &str| list.iter().position(|p| p.id == id);
        for (i, perspective) in list.iter().enumerate() {
            let at = format!("perspectives[{i}]");
            self.non_empty(&format!("{at}.label"), &perspective.label);
            if let Some(heading) = &perspective.note_heading {
                self.non_empty(&format!("{at}.note_heading"), heading);
            }
            if let Some(tag) = &perspective.only_tag {
                self.non_empty(&format!("{at}.only_tag"), tag);
            }
        }
        for (i, flow) in content.flows.iter().enumerate() {
            let some = content.drawn_for_some_only(flow);
            for (j, id) in flow.perspectives.iter().enumerate() {
                let path = format!("flows[{i}].perspectives[{j}]");
                self.reference(&path, id, &ids, "perspective");
                if let Some(k) = entry(id).filter(|k| some && list[*k].only_tag.is_none()) {
                    self.problem(
                        &path,
                        format!("a flow drawn for some perspectives only is tagged with each one's only_tag: perspectives[{k}] needs one"),
                    );
                }
            }
        }
        for (i, place) in content.places.iter().enumerate() {
            for (id, label) in &place.perspective_labels {
                let path = format!("places[{i}].perspective_labels.{id}");
                self.reference(&path, id, &ids, "perspective");
                self.non_empty(&path, label);
            }
        }
        for (i, step) in content.steps.iter().enumerate() {
            for id in step.perspective_notes.keys() {
                let path = format!("steps[{i}].perspective_notes.{id}");
                self.reference(&path, id, &ids, "perspective");
                if let Some(k) = entry(id).filter(|k| list[*k].note_heading.is_none()) {
                    self.problem(
                        &path,
                        format!("a step's note for a perspective is shown under its note_heading: perspectives[{k}] needs one"),
                    );
                }
            }
        }
    }

    /// A line drawn in a box: at most `max` characters, or it runs past the box.
    fn fits(&mut self, path: &str, text: &str, max: usize) {
        let length = text.chars().count();
        if length > max {
            self.problem(
                path,
                format!("{length} characters run past the box's edges: at most {max}"),
            );
        }
    }

    fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, kind: &str) {
        if !known.contains(id) {
            self.problem(path, format!("no {kind} has the id {id:?}"));
        }
    }

    fn citations(&mut self, path: &str, citations: &[Citation], sources: &HashSet<&str>) {
        if citations.is_empty() {
            self.problem(path, "needs at least one citation".into());
        }
        for (i, citation) in citations.iter().enumerate() {
            self.reference(
                &format!("{path}[{i}].source"),
                &citation.source,
                sources,
                "source",
            );
            self.quote_length(&format!("{path}[{i}].quote"), &citation.quote);
            self.non_empty(&format!("{path}[{i}].who"), &citation.who);
        }
    }
}

/// A (year, month) sort key in words, month 0 meaning unknown.
fn date_text((year, month): (i32, u8)) -> String {
    match MONTHS.get(usize::from(month).wrapping_sub(1)) {
        Some(name) => format!("{name} {year}"),
        None => year.to_string(),
    }
}

/// Whether text contains something that starts an HTML tag, comment or declaration.
fn looks_like_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}
