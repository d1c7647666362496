//! Turning the text of a content file into a [`Content`] the app can trust.
//!
//! Parsing stops at the first syntax or type error (serde cannot go on), but the
//! rules checked after parsing are all reported together, each with the field
//! path an editor needs to find it.

use std::collections::HashSet;
use std::fmt;

use crate::cited::{self, CitedText, QuoteScope};
use crate::content::{Citation, Content, Dating, Event, FlowStatus, Speaker, MONTHS};
use crate::diagram::{one_decimal, Orientation, BOX_HEIGHT, BOX_WIDTH};
use crate::structure::parse_content;

/// Longest quote we accept: citations are a sentence or two, never whole passages.
pub const MAX_QUOTE_CHARS: usize = 400;

/// Largest sideways bow of an arrow: more would leave the diagram.
pub const MAX_BEND: f64 = 150.0;

/// Longest text of any other field: longer strings are mistakes, not prose.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Size of the diagram's coordinate space; places must lie inside it.
pub const DIAGRAM_WIDTH: f64 = 640.0;
/// Height of the diagram's coordinate space.
pub const DIAGRAM_HEIGHT: f64 = 420.0;

/// One thing wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a field path like `steps[2].claims[0].citations[1].source`.
    pub path: String,
    /// What is wrong, in words an editor understands.
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

/// Why a content file cannot be used: the file and every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file name, as the reader and the editor know it.
    pub file: String,
    /// Every problem found; never empty.
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} has {} problem(s):", self.file, self.problems.len())?;
        for problem in &self.problems {
            write!(f, "\n- {problem}")?;
        }
        Ok(())
    }
}

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

/// Every rule the parsed content breaks; empty when it is usable.
pub fn validate(content: &Content) -> Vec<Problem> {
    let mut v = Validator::default();
    v.non_empty("title", &content.title);
    v.non_empty("dek", &content.dek);
    v.non_empty("perspectives.user", &content.perspectives.user);
    v.non_empty("perspectives.creator", &content.perspectives.creator);
    v.paragraphs("intro", &content.intro);
    v.paragraphs("method", &content.method);

    let source_ids = v.unique_ids("sources", content.sources.iter().map(|s| &s.id));
    let place_ids = v.unique_ids("places", content.places.iter().map(|p| &p.id));
    let flow_ids = v.unique_ids("flows", content.flows.iter().map(|f| &f.id));
    let step_ids = v.unique_ids("steps", content.steps.iter().map(|s| &s.id));
    v.unique_quote_ids(content);

    if content.steps.is_empty() {
        v.problem("steps", "there must be at least one step".into());
    }

    for (i, source) in content.sources.iter().enumerate() {
        let at = format!("sources[{i}]");
        v.non_empty(&format!("{at}.title"), &source.title);
        if let Some(note) = &source.note {
            v.non_empty(&format!("{at}.note"), note);
        }
        for (j, outlet) in source.relays.iter().enumerate() {
            v.non_empty(&format!("{at}.relays[{j}]"), outlet);
        }
        if let Some(publisher) = &source.publisher {
            v.non_empty(&format!("{at}.publisher.name"), &publisher.name);
            v.non_empty(&format!("{at}.publisher.basis"), &publisher.basis);
            v.quote_length(&format!("{at}.publisher.evidence"), &publisher.evidence);
        }
        if let Some(date) = &source.date {
            v.non_empty(&format!("{at}.date.label"), &date.label);
            v.non_empty(&format!("{at}.date.reason"), &date.reason);
            v.quote_length(&format!("{at}.date.evidence"), &date.evidence);
        }
    }

    for (i, place) in content.places.iter().enumerate() {
        let at = format!("places[{i}]");
        v.non_empty(&format!("{at}.label"), &place.label);
        v.non_empty(&format!("{at}.detail"), &place.detail);
        if let Some(label) = &place.creator_label {
            v.non_empty(&format!("{at}.creator_label"), label);
        }
        match (&place.step, place.region_size()) {
            (Some(step), None) => v.reference(&format!("{at}.step"), step, &step_ids, "step"),
            (None, None) => v.problem(
                &format!("{at}.step"),
                "a place needs the step that explains it (a click on it opens that step)".into(),
            ),
            (Some(_), Some(_)) => v.problem(
                &format!("{at}.step"),
                "a region (a place with width and height) is a frame, not a link: remove its step"
                    .into(),
            ),
            (None, Some(_)) => {}
        }
        if place.width.is_some() != place.height.is_some() {
            v.problem(&at, "a region needs both width and height".into());
        }
        let size = place.region_size().unwrap_or((BOX_WIDTH, BOX_HEIGHT));
        if size.0 <= 0.0 || size.1 <= 0.0 {
            v.problem(
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
                v.problem(
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

    for (i, flow) in content.flows.iter().enumerate() {
        let at = format!("flows[{i}]");
        let scope = QuoteScope::of_flow(flow);
        v.cited(&format!("{at}.label"), &flow.label, &scope, "flow");
        v.cited(&format!("{at}.detail"), &flow.detail, &scope, "flow");
        v.cited(
            &format!("{at}.attribution"),
            &flow.attribution,
            &scope,
            "flow",
        );
        v.reference(&format!("{at}.from"), &flow.from, &place_ids, "place");
        v.reference(&format!("{at}.to"), &flow.to, &place_ids, "place");
        if flow.from == flow.to {
            v.problem(
                &format!("{at}.to"),
                "a flow must go to another place".into(),
            );
        }
        v.reference(&format!("{at}.step"), &flow.step, &step_ids, "step");
        if !(flow.bend.is_finite() && flow.bend.abs() <= MAX_BEND) {
            v.problem(
                &format!("{at}.bend"),
                format!(
                    "bend {} is outside -{max} to {max}",
                    one_decimal(flow.bend),
                    max = MAX_BEND as i64
                ),
            );
        }
        v.citations(&format!("{at}.citations"), &flow.citations, &source_ids);
        for (j, citation) in flow.citations.iter().enumerate() {
            let cite_at = format!("{at}.citations[{j}]");
            match &citation.who {
                Some(who) => v.non_empty(&format!("{cite_at}.who"), who),
                None => v.problem(
                    &cite_at,
                    "a flow's citation needs `who`: who exactly says it".into(),
                ),
            }
            if citation.speaker.is_none() {
                v.problem(
                    &cite_at,
                    "a flow's citation needs `speaker` (tiktok, outlet, author, officials or record)"
                        .into(),
                );
            }
        }
        v.flow_status(&at, flow.status, &flow.citations);
    }

    for (i, step) in content.steps.iter().enumerate() {
        let at = format!("steps[{i}]");
        v.non_empty(&format!("{at}.title"), &step.title);
        if step.body.is_empty() {
            v.problem(
                &format!("{at}.body"),
                "a step needs some explanation".into(),
            );
        }
        let scope = QuoteScope::of_step(step);
        for (j, paragraph) in step.body.iter().enumerate() {
            v.cited(&format!("{at}.body[{j}]"), paragraph, &scope, "step");
        }
        if let Some(note) = &step.creator_note {
            v.cited(&format!("{at}.creator_note"), note, &scope, "step");
        }
        if let Some(question) = &step.dispute {
            v.cited(&format!("{at}.dispute"), question, &scope, "step");
        }
        for (j, place) in step.places.iter().enumerate() {
            v.reference(&format!("{at}.places[{j}]"), place, &place_ids, "place");
        }
        for (j, flow) in step.flows.iter().enumerate() {
            v.reference(&format!("{at}.flows[{j}]"), flow, &flow_ids, "flow");
        }
        if step.claims.is_empty() {
            v.problem(
                &format!("{at}.claims"),
                "every step needs at least one cited claim".into(),
            );
        }
        for (j, claim) in step.claims.iter().enumerate() {
            let claim_at = format!("{at}.claims[{j}]");
            v.non_empty(&format!("{claim_at}.who"), &claim.who);
            v.cited(&format!("{claim_at}.text"), &claim.text, &scope, "step");
            v.citations(
                &format!("{claim_at}.citations"),
                &claim.citations,
                &source_ids,
            );
            for (k, citation) in claim.citations.iter().enumerate() {
                if citation.speaker.is_some() || citation.who.is_some() {
                    v.problem(
                        &format!("{claim_at}.citations[{k}]"),
                        "a claim's citation takes the claim's `speaker` and `who`; remove them here"
                            .into(),
                    );
                }
            }
        }
        if step.dispute.is_some() {
            let (tiktok, others) = step.claims_by_side();
            if tiktok.is_empty() || others.is_empty() {
                v.problem(
                    &format!("{at}.dispute"),
                    "a dispute needs a claim by TikTok and one by somebody else".into(),
                );
            }
        }
    }
    v.timeline(content, &step_ids, &source_ids);
    v.unique_ids("updates", content.updates.iter().map(|u| &u.id));
    for (i, update) in content.updates.iter().enumerate() {
        let at = format!("updates[{i}]");
        if !is_calendar_date(&update.date) {
            v.problem(
                &format!("{at}.date"),
                format!("{:?} is not a date written YYYY-MM-DD", update.date),
            );
        }
        v.non_empty(&format!("{at}.text"), &update.text);
        for (j, step) in update.steps.iter().enumerate() {
            v.reference(&format!("{at}.steps[{j}]"), step, &step_ids, "step");
        }
    }
    v.problems
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
fn is_calendar_date(text: &str) -> bool {
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
                            "the sentence “{}” names {id:?}, which is no claim or citation of this {scope_name}",
                            sentence.text
                        ),
                    );
                }
            }
        }
    }

    /// Claim and citation ids share one namespace: markers and page anchors use them.
    fn unique_quote_ids<'a>(&mut self, content: &'a Content) {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut check = |v: &mut Validator, path: String, id: &'a str| {
            if !is_valid_id(id) {
                v.problem(
                    &path,
                    format!("id {id:?} must be lowercase letters, digits, '-' or '_'"),
                );
            }
            if !seen.insert(id) {
                v.problem(
                    &path,
                    format!("id {id:?} is used twice (claim and citation ids share one namespace)"),
                );
            }
        };
        for (i, step) in content.steps.iter().enumerate() {
            for (j, claim) in step.claims.iter().enumerate() {
                let at = format!("steps[{i}].claims[{j}]");
                check(self, format!("{at}.id"), &claim.id);
                for (k, citation) in claim.citations.iter().enumerate() {
                    check(self, format!("{at}.citations[{k}].id"), &citation.id);
                }
            }
        }
        for (i, flow) in content.flows.iter().enumerate() {
            for (k, citation) in flow.citations.iter().enumerate() {
                check(self, format!("flows[{i}].citations[{k}].id"), &citation.id);
            }
        }
        for (i, event) in content.timeline.iter().enumerate() {
            for (k, citation) in event.citations.iter().enumerate() {
                check(
                    self,
                    format!("timeline[{i}].citations[{k}].id"),
                    &citation.id,
                );
            }
        }
    }

    /// The timeline: every event cited from its own quotes, every time backed
    /// by a quote that states it (or a cited reason it is inferred), events in
    /// time order where years decide it, and a cited reason for the position of
    /// every event that no year places.
    fn timeline(&mut self, content: &Content, steps: &HashSet<&str>, sources: &HashSet<&str>) {
        self.unique_ids("timeline", content.timeline.iter().map(|e| &e.id));
        let mut latest: Option<(usize, (i32, u8))> = None;
        for (i, event) in content.timeline.iter().enumerate() {
            let at = format!("timeline[{i}]");
            let scope = QuoteScope::of_event(event);
            self.non_empty(&format!("{at}.who"), &event.who);
            self.cited(&format!("{at}.text"), &event.text, &scope, "event");
            self.reference(&format!("{at}.step"), &event.step, steps, "step");
            self.citations(&format!("{at}.citations"), &event.citations, sources);
            for (k, citation) in event.citations.iter().enumerate() {
                if citation.speaker.is_some() || citation.who.is_some() {
                    self.problem(
                        &format!("{at}.citations[{k}]"),
                        "an event's citation takes the event's `speaker` and `who`; remove them here"
                            .into(),
                    );
                }
            }
            if event.when.is_empty() {
                self.problem(
                    &format!("{at}.when"),
                    "an event needs at least one dating, even one without a date (a label such as “Later (no date given)”)".into(),
                );
            }
            for (j, dating) in event.when.iter().enumerate() {
                self.dating(&format!("{at}.when[{j}]"), dating, event, &scope);
            }
            match (&event.order, event.sort_key()) {
                (Some(order), _) => self.cited(&format!("{at}.order"), order, &scope, "event"),
                (None, None) => self.problem(
                    &format!("{at}.order"),
                    "no dating of this event gives a year, so its place in the timeline cannot be decided from the dates: say why it sits here, in a cited sentence".into(),
                ),
                (None, Some(_)) => {}
            }
            if let Some(answered) = &event.responds_to {
                let earlier = content.timeline[..i].iter().any(|e| &e.id == answered);
                if !earlier {
                    self.problem(
                        &format!("{at}.responds_to"),
                        format!("no earlier event has the id {answered:?}: an answer comes after what it answers"),
                    );
                }
            }
            if let Some(key) = event.sort_key() {
                if let Some((before, previous)) = latest {
                    if key < previous {
                        self.problem(
                            &format!("{at}.when"),
                            format!(
                                "dated {} but listed after {:?}, dated {}: list the events in time order",
                                date_text(key),
                                content.timeline[before].id,
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

    /// A flow's status must match who its citations say it: TikTok's word for
    /// `stated`, others' without a TikTok answer for `reported`, both for `alleged`.
    fn flow_status(&mut self, at: &str, status: FlowStatus, citations: &[Citation]) {
        let tiktok = citations.iter().any(|c| c.speaker == Some(Speaker::Tiktok));
        let others = citations
            .iter()
            .any(|c| c.speaker.is_some_and(|s| s != Speaker::Tiktok));
        let reason = match status {
            FlowStatus::Stated if !tiktok => Some("`stated` means TikTok says so: cite TikTok"),
            FlowStatus::Reported if !others => {
                Some("`reported` needs a citation of reporting or officials")
            }
            FlowStatus::Reported if tiktok => Some(
                "TikTok answers this flow in its citations: if it denies it, the status is `alleged`",
            ),
            FlowStatus::Alleged if !(tiktok && others) => Some(
                "`alleged` needs both the report (a non-TikTok citation) and TikTok's denial (a TikTok citation)",
            ),
            _ => None,
        };
        if let Some(reason) = reason {
            self.problem(&format!("{at}.status"), reason.into());
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

/// Ids appear in URLs and HTML ids, so they stay within a safe alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}
