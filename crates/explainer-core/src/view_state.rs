//! What the URL asks the explainer to show, and the URL for what it shows.
//!
//! Grammar (everything else is ignored, never an error):
//! - hash `#step-<id>`: the step being read; it wins over the query.
//! - query `step=<id>`: the starting step, for embeds and shared links.
//! - query `view=<id>`: the perspective (one of the content's ids).
//! - query `embed` (present, or any value but `0`/`false`): embed mode.
//! - query `childId=<text>`: the Pym.js child id given by a host page.
//! - query `show=timeline`: the timeline instead of the step-by-step view.
//! - hash `#event-<id>`: an event of the timeline, which it opens.
//! - query `theme=light|dark|auto`: the colour theme (see [`crate::theme`]);
//!   any other value means `auto`.
//!
//! Repeated parameters: the first one counts. Percent-encoding errors make the
//! value count as absent.

use crate::content::{event_anchor, Perspective};
use crate::theme::{Theme, THEME_PARAM};

/// The raw wishes parsed from a URL, before they are checked against the content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestedView {
    /// Step id asked for by the hash or the query.
    pub step: Option<String>,
    /// Perspective asked for by the query (its id).
    pub perspective: Option<String>,
    /// Whether the page runs inside a news site's iframe layout.
    pub embed: bool,
    /// Pym.js child id, echoed in height messages.
    pub child_id: Option<String>,
    /// `show=timeline` was asked for.
    pub timeline: bool,
    /// Event id asked for by the hash.
    pub event: Option<String>,
    /// The colour theme asked for by the query.
    pub theme: Theme,
}

/// Which way into the content the reader is using.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    /// The walk-through, one step at a time.
    #[default]
    Steps,
    /// The timeline of claims and reports.
    Timeline,
}

/// The view actually shown: a step that exists and a perspective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Index into the content's steps.
    pub step: usize,
    /// Whose data the reader follows.
    pub perspective: Perspective,
    /// The walk-through or the timeline.
    pub panel: Panel,
    /// The timeline event that is open, as an index into the content's events.
    pub event: Option<usize>,
}

/// Longest value we keep from a URL: ids are at most 64 bytes, child ids similar.
const MAX_VALUE_BYTES: usize = 256;

impl RequestedView {
    /// Parses `location.search` and `location.hash` (with or without `?`/`#`).
    ///
    /// ```
    /// use explainer_core::RequestedView;
    /// let view = RequestedView::parse("?view=creator&embed", "#step-backups");
    /// assert_eq!(view.step.as_deref(), Some("backups"));
    /// assert_eq!(view.perspective.as_deref(), Some("creator"));
    /// assert!(view.embed);
    /// ```
    pub fn parse(search: &str, hash: &str) -> RequestedView {
        let mut view = RequestedView::default();
        let mut query_step = None;
        let mut seen = [false; 6];
        for (key, value) in query_pairs(search, MAX_VALUE_BYTES) {
            let slot = match key.as_str() {
                "step" => 0,
                "view" => 1,
                "embed" => 2,
                "childId" => 3,
                "show" => 4,
                THEME_PARAM => 5,
                _ => continue,
            };
            if std::mem::replace(&mut seen[slot], true) {
                continue;
            }
            match slot {
                0 => query_step = value,
                1 => view.perspective = value.filter(|v| !v.is_empty()),
                2 => view.embed = !matches!(value.as_deref(), Some("0" | "false")),
                3 => view.child_id = value.filter(|v| !v.is_empty()),
                4 => view.timeline = value.as_deref() == Some(TIMELINE_TOKEN),
                _ => {
                    view.theme = value
                        .as_deref()
                        .and_then(Theme::from_token)
                        .unwrap_or_default()
                }
            }
        }
        view.step = step_from_hash(hash).or(query_step);
        view.event = event_from_hash(hash);
        view
    }

    /// As [`RequestedView::resolve`], and which panel and event: a known event
    /// opens the timeline at that event; `show=timeline` opens the timeline.
    pub fn resolve_with_events(
        &self,
        step_ids: &[&str],
        event_ids: &[&str],
        perspective_ids: &[&str],
        current: Option<usize>,
    ) -> ViewState {
        let mut view = self.resolve(step_ids, perspective_ids, current);
        let event = self
            .event
            .as_deref()
            .and_then(|id| event_ids.iter().position(|e| *e == id));
        if event.is_some() || (self.timeline && !event_ids.is_empty()) {
            view.panel = Panel::Timeline;
            view.event = event;
        }
        view
    }

    /// Resolves the request against the content's step and perspective ids: an
    /// unknown step falls back to `current` (or the first step), an unknown or
    /// missing perspective to the first.
    pub fn resolve(
        &self,
        step_ids: &[&str],
        perspective_ids: &[&str],
        current: Option<usize>,
    ) -> ViewState {
        let step = self
            .step
            .as_deref()
            .and_then(|id| step_ids.iter().position(|s| *s == id))
            .or(current.filter(|i| *i < step_ids.len()))
            .unwrap_or(0);
        ViewState {
            step,
            perspective: self
                .perspective
                .as_deref()
                .and_then(|id| perspective_ids.iter().position(|p| *p == id))
                .map(Perspective::nth)
                .unwrap_or_default(),
            ..ViewState::default()
        }
    }
}

/// The hash for a step, e.g. `#step-backups`.
pub fn step_hash(step_id: &str) -> String {
    format!("#step-{step_id}")
}

/// The step id in a `#step-<id>` hash, if the hash is one.
pub fn step_from_hash(hash: &str) -> Option<String> {
    id_from_hash(hash, "step-")
}

/// The value of `show` that asks for the timeline.
pub const TIMELINE_TOKEN: &str = "timeline";

/// The hash for a timeline event, e.g. `#event-sale-order`.
pub fn event_hash(event_id: &str) -> String {
    format!("#{}", event_anchor(event_id))
}

/// The event id in an `#event-<id>` hash, if the hash is one.
pub fn event_from_hash(hash: &str) -> Option<String> {
    id_from_hash(hash, "event-")
}

fn id_from_hash(hash: &str, prefix: &str) -> Option<String> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let id = percent_decode(hash)?.strip_prefix(prefix)?.to_owned();
    (!id.is_empty() && id.len() <= MAX_VALUE_BYTES).then_some(id)
}

/// Rewrites a query string with `key` set to `value` (or removed for `None`),
/// keeping every other parameter as it was. Returns `""` or a string starting with `?`.
///
/// ```
/// use explainer_core::view_state::with_param;
/// assert_eq!(with_param("?embed&view=user", "view", Some("creator")), "?embed&view=creator");
/// assert_eq!(with_param("?view=creator", "view", None), "");
/// ```
pub fn with_param(search: &str, key: &str, value: Option<&str>) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for part in search.split('&').filter(|p| !p.is_empty()) {
        let part_key = part.split('=').next().unwrap_or_default();
        if percent_decode(part_key).as_deref() == Some(key) {
            if let (Some(value), false) = (value, placed) {
                parts.push(format!("{key}={}", percent_encode(value)));
                placed = true;
            }
        } else {
            parts.push(part.to_owned());
        }
    }
    if let (Some(value), false) = (value, placed) {
        parts.push(format!("{key}={}", percent_encode(value)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The query parameter to write for a perspective, given the perspectives'
/// ids: the default (first) one is left out.
pub fn perspective_param<'a>(perspective: Perspective, ids: &[&'a str]) -> Option<&'a str> {
    (perspective != Perspective::default())
        .then(|| ids.get(perspective.index()).copied())
        .flatten()
}

/// Splits a query string into decoded pairs; a value that fails to decode, or
/// is longer than `max_bytes`, is `None`.
pub(crate) fn query_pairs(
    search: &str,
    max_bytes: usize,
) -> impl Iterator<Item = (String, Option<String>)> + '_ {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(move |part| {
            let (key, value) = match part.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (part, None),
            };
            let key = percent_decode(&key.replace('+', " "))?;
            let value = match value {
                Some(v) => percent_decode(&v.replace('+', " ")).filter(|v| v.len() <= max_bytes),
                None => Some(String::new()),
            };
            Some((key, value))
        })
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes everything but unreserved URL characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
