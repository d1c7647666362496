//! The embed protocols newsrooms use to size iframes, as plain data.
//!
//! Outgoing, after every change of size: a Pym.js height message
//! (`pymxPYMx<childId>xPYMxheightxPYMx<px>`) and an AMP `embed-size` message
//! (`{sentinel: "amp", type: "embed-size", height}`), which `@newswire/frames`
//! also understands. Incoming, from the parent only: Pym's `width` message and
//! frames' `frames-init`, both answered with the height, and the theme message
//! `{type: "<name>:theme", theme: "light" | "dark" | "auto"}`, which
//! switches the colour theme (no answer). `<name>` is the story's [`EmbedName`]. Everything else is ignored.
//!
//! After Previous or Next, a frame has no viewport of its own to bring the new
//! step into: it asks a Pym.js parent where its viewport is (Pym's
//! `parentPositionInfo`, answered with `viewport-iframe-position`) and, when
//! the step's heading is out of the host's view, asks the host to scroll to it
//! (Pym's `scrollToChildPos`).
//!
//! What the reader does is reported to the parent too, as [`HostEvent`]s: a
//! JSON object whose `type` starts with the story's [`EmbedName`] and a colon
//! (for plain iframes), and the same JSON text as a Pym.js message named
//! [`EmbedName::pym_event`] (read with `pymParent.onMessage`).

use crate::ids::is_valid_id;
use crate::theme::Theme;
use crate::Panel;

/// The host page's query parameter naming the step to open in the embedded
/// explainer, e.g. `https://news.example/article?explainer-step=backups`.
pub const HOST_STEP_PARAM: &str = "explainer-step";
/// The frame's query parameter carrying the host page's address (Pym.js's name,
/// which the plain iframe snippet uses too).
pub const PARENT_URL_PARAM: &str = "parentUrl";

/// Separator of the fields of a Pym.js message.
pub const PYM_DELIMITER: &str = "xPYMx";

/// Longest incoming message we look at; Pym messages are a few dozen bytes.
const MAX_MESSAGE_BYTES: usize = 512;

/// A message from the host page that the app acts on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParentMessage {
    /// Pym.js tells the child the width of its container.
    PymWidth(f64),
    /// `@newswire/frames` asks the child for its height.
    FramesInit,
    /// The host page chooses the colour theme.
    Theme(Theme),
    /// A Pym.js parent's answer to `parentPositionInfo`.
    PymPosition(HostPosition),
}

/// Where the host's viewport is, relative to the frame, as a Pym.js parent
/// reports it: `<viewport width> <viewport height> <frame top> <frame left>
/// <frame bottom> <frame right>`, the frame's box in the host's viewport, in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostPosition {
    /// Height of the host page's viewport.
    pub viewport_height: f64,
    /// Top of the frame, from the top of the host's viewport (negative once
    /// the host has scrolled past it).
    pub frame_top: f64,
}

/// Room left above a step's heading when the host scrolls to it, in CSS px.
pub const HOST_SCROLL_MARGIN: f64 = 12.0;

impl HostPosition {
    /// Where the host should scroll to (as a Pym `scrollToChildPos` offset in
    /// the frame) so that a heading `top` px from the top of the frame's
    /// document and `height` px tall can be read, or `None` when the whole
    /// heading is already in the host's viewport.
    ///
    /// ```
    /// use explainer_core::embed::HostPosition;
    /// let host = HostPosition { viewport_height: 667.0, frame_top: -1500.0 };
    /// assert_eq!(host.scroll_for(1800.0, 40.0), None); // 300 px down the screen
    /// assert_eq!(host.scroll_for(900.0, 40.0), Some(888)); // above the screen
    /// ```
    pub fn scroll_for(&self, top: f64, height: f64) -> Option<u32> {
        let on_screen = self.frame_top + top;
        let visible = on_screen >= 0.0 && on_screen + height <= self.viewport_height;
        (!visible).then(|| (top - HOST_SCROLL_MARGIN).max(0.0).round() as u32)
    }
}

/// The one name a story's explainer goes by on a host page, from its slug:
/// `<slug>-explainer`. It is the id of the Pym.js snippet's container, the start
/// of every message's `type` (`<name>:step`, `<name>:theme`, …) and, with
/// `-event`, the Pym.js message name of the events. Two explainers of different
/// stories on one page never read each other's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedName(String);

impl EmbedName {
    /// The name of the story with this slug (a checked slug, in the ids' alphabet).
    ///
    /// ```
    /// use explainer_core::embed::EmbedName;
    /// assert_eq!(EmbedName::of_slug("city-budget").as_str(), "city-budget-explainer");
    /// ```
    pub fn of_slug(slug: &str) -> EmbedName {
        EmbedName(format!("{slug}-explainer"))
    }

    /// Reads a name the build wrote into the page; `None` unless it is one
    /// (a slug, in the ids' alphabet, then `-explainer`).
    ///
    /// ```
    /// use explainer_core::embed::EmbedName;
    /// assert!(EmbedName::parse("city-budget-explainer").is_some());
    /// assert!(EmbedName::parse("city budget").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<EmbedName> {
        let slug = text.strip_suffix("-explainer")?;
        is_valid_id(slug).then(|| EmbedName(text.to_owned()))
    }

    /// The name itself: the Pym.js snippet's container id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `type` of a message of this kind, e.g. `<name>:theme`.
    pub fn message_type(&self, kind: &str) -> String {
        format!("{}:{kind}", self.0)
    }

    /// The Pym.js message name of the events the explainer sends its host.
    pub fn pym_event(&self) -> String {
        format!("{}-event", self.0)
    }
}

/// How the reader moved to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepHow {
    /// Next, or the → key.
    Next,
    /// Previous, or the ← key.
    Previous,
    /// A sideways swipe on the walk-through.
    Swipe,
    /// The step list.
    List,
    /// A place or an arrow of the diagram.
    Diagram,
    /// A link to the step elsewhere on the page (sources, flow table, corrections).
    Link,
    /// The browser's back or forward, or an address naming the step.
    History,
}

impl StepHow {
    /// The word the events use.
    pub fn as_str(self) -> &'static str {
        match self {
            StepHow::Next => "next",
            StepHow::Previous => "previous",
            StepHow::Swipe => "swipe",
            StepHow::List => "list",
            StepHow::Diagram => "diagram",
            StepHow::Link => "link",
            StepHow::History => "history",
        }
    }
}

/// Something the host page may want to know (for its analytics), sent to the
/// parent window only. `number` is the step's position, from 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HostEvent<'a> {
    /// The explainer is live, showing this step, perspective and view.
    Ready {
        step: &'a str,
        number: usize,
        steps: usize,
        /// The perspective's id.
        perspective: &'a str,
        view: Panel,
    },
    /// A step was shown.
    Step {
        id: &'a str,
        number: usize,
        steps: usize,
        how: StepHow,
    },
    /// The reader switched whose data they follow.
    Perspective { perspective: &'a str },
    /// The reader switched between the walk-through and the timeline.
    View { view: Panel },
    /// The reader opened a block's evidence (`block`: the step's id, or `answer`
    /// for the short answer); closing it sends nothing.
    Evidence { block: &'a str },
    /// A reference marker opened a quote (`quote`: the quote's element id).
    Quote { quote: &'a str },
    /// "Share this step" was used.
    Share { step: &'a str },
    /// The reader reached the last step (sent once per page view).
    LastStep { step: &'a str, number: usize },
}

/// A field's value in an event.
enum Field<'a> {
    Text(&'a str),
    Number(usize),
}

/// `text` as a JSON string literal: quotes and backslashes escaped, control
/// characters as `\u00XX`.
///
/// ```
/// assert_eq!(explainer_core::embed::json_string("a \"b\"\\\n"), r#""a \"b\"\\\u000a""#);
/// ```
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The view's word in the events.
fn view_name(view: Panel) -> &'static str {
    match view {
        Panel::Steps => "steps",
        Panel::Timeline => "timeline",
    }
}

impl HostEvent<'_> {
    /// The event as the JSON object a plain iframe's host receives.
    ///
    /// ```
    /// use explainer_core::embed::{EmbedName, HostEvent, StepHow};
    /// let event = HostEvent::Step { id: "backups", number: 3, steps: 10, how: StepHow::Next };
    /// assert_eq!(
    ///     event.json(&EmbedName::of_slug("data")),
    ///     r#"{"type":"data-explainer:step","id":"backups","number":3,"steps":10,"how":"next"}"#
    /// );
    /// ```
    pub fn json(&self, name: &EmbedName) -> String {
        // Written by hand, field by field: `type` first and the documented order, and
        // no JSON serializer linked into the wasm for seven small objects (it cost
        // 6 KiB gzip). The values are ids, names and counts; `json_string` escapes
        // what JSON requires all the same.
        let (kind, fields): (&str, Vec<(&str, Field)>) = match *self {
            HostEvent::Ready {
                step,
                number,
                steps,
                perspective,
                view,
            } => (
                "ready",
                vec![
                    ("step", Field::Text(step)),
                    ("number", Field::Number(number)),
                    ("steps", Field::Number(steps)),
                    ("perspective", Field::Text(perspective)),
                    ("view", Field::Text(view_name(view))),
                ],
            ),
            HostEvent::Step {
                id,
                number,
                steps,
                how,
            } => (
                "step",
                vec![
                    ("id", Field::Text(id)),
                    ("number", Field::Number(number)),
                    ("steps", Field::Number(steps)),
                    ("how", Field::Text(how.as_str())),
                ],
            ),
            HostEvent::Perspective { perspective } => (
                "perspective",
                vec![("perspective", Field::Text(perspective))],
            ),
            HostEvent::View { view } => ("view", vec![("view", Field::Text(view_name(view)))]),
            HostEvent::Evidence { block } => ("evidence", vec![("block", Field::Text(block))]),
            HostEvent::Quote { quote } => ("quote", vec![("quote", Field::Text(quote))]),
            HostEvent::Share { step } => ("share", vec![("step", Field::Text(step))]),
            HostEvent::LastStep { step, number } => (
                "last-step",
                vec![
                    ("step", Field::Text(step)),
                    ("number", Field::Number(number)),
                ],
            ),
        };
        let mut json = format!(r#"{{"type":{}"#, json_string(&name.message_type(kind)));
        for (key, value) in fields {
            let value = match value {
                Field::Text(text) => json_string(text),
                Field::Number(n) => n.to_string(),
            };
            json.push_str(&format!(",{}:{value}", json_string(key)));
        }
        json.push('}');
        json
    }

    /// The event as a Pym.js message for child `child_id`: what
    /// `pymChild.sendMessage(name.pym_event(), json)` would send.
    ///
    /// ```
    /// use explainer_core::embed::{EmbedName, HostEvent};
    /// assert_eq!(
    ///     HostEvent::Share { step: "backups" }.pym_message("map", &EmbedName::of_slug("data")),
    ///     r#"pymxPYMxmapxPYMxdata-explainer-eventxPYMx{"type":"data-explainer:share","step":"backups"}"#
    /// );
    /// ```
    pub fn pym_message(&self, child_id: &str, name: &EmbedName) -> String {
        ["pym", child_id, &name.pym_event(), &self.json(name)].join(PYM_DELIMITER)
    }
}

/// The Pym.js message carrying the page height, e.g. `pymxPYMxmapxPYMxheightxPYMx812`.
///
/// ```
/// assert_eq!(explainer_core::embed::pym_height_message("map", 812), "pymxPYMxmapxPYMxheightxPYMx812");
/// ```
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    ["pym", child_id, "height", &height.to_string()].join(PYM_DELIMITER)
}

/// The AMP `embed-size` message as JSON text, to be parsed into an object before posting.
///
/// ```
/// assert_eq!(
///     explainer_core::embed::amp_embed_size_json(640),
///     r#"{"sentinel":"amp","type":"embed-size","height":640}"#
/// );
/// ```
pub fn amp_embed_size_json(height: u32) -> String {
    format!(r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#)
}

/// Reads a string message from the parent: only a Pym `width` message for our
/// own child id, with a finite, positive width, is accepted.
pub fn parse_pym_message(data: &str, child_id: &str) -> Option<ParentMessage> {
    parse_pym_message_with(data, child_id, |text| text.parse().ok())
}

/// A number's text as a decimal number may be written (`800`, `-1500.5`,
/// `1e-7`): digits, signs, a point, an exponent; anything else (hex, `Infinity`,
/// words, spaces) is not one.
///
/// ```
/// use explainer_core::embed::looks_decimal;
/// assert!(looks_decimal("-1500.5") && looks_decimal("1e-7"));
/// assert!(!looks_decimal("0x280") && !looks_decimal("Infinity") && !looks_decimal(""));
/// ```
pub fn looks_decimal(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'))
}

/// As [`parse_pym_message`], with `number` as the parser of the numbers: the live
/// app passes the browser's own (after [`looks_decimal`]), which keeps Rust's
/// float parser and its tables out of the wasm; both read the same texts the same.
pub fn parse_pym_message_with(
    data: &str,
    child_id: &str,
    number: fn(&str) -> Option<f64>,
) -> Option<ParentMessage> {
    if data.len() > MAX_MESSAGE_BYTES {
        return None;
    }
    let parts: Vec<&str> = data.split(PYM_DELIMITER).collect();
    match parts.as_slice() {
        ["pym", id, "width", width] if *id == child_id => {
            let width = number(width.trim())?;
            plausible(width)
                .filter(|w| *w > 0.0)
                .map(ParentMessage::PymWidth)
        }
        ["pym", id, "viewport-iframe-position", payload] if *id == child_id => {
            parse_host_position(payload, number).map(ParentMessage::PymPosition)
        }
        _ => None,
    }
}

/// A finite length within what any screen could show.
fn plausible(value: f64) -> Option<f64> {
    (value.is_finite() && value.abs() < 100_000.0).then_some(value)
}

/// Reads the six numbers of Pym's `viewport-iframe-position` payload; any
/// other shape (fewer or more fields, a non-number, an empty viewport) is `None`.
fn parse_host_position(payload: &str, number: fn(&str) -> Option<f64>) -> Option<HostPosition> {
    let numbers = payload
        .split(' ')
        .map(|n| number(n).and_then(plausible))
        .collect::<Option<Vec<f64>>>()?;
    match numbers.as_slice() {
        [width, height, top, _left, bottom, _right] if *width > 0.0 && *height > 0.0 => {
            (*bottom >= *top).then_some(HostPosition {
                viewport_height: *height,
                frame_top: *top,
            })
        }
        _ => None,
    }
}

/// The Pym.js request for the host's viewport and the frame's place in it.
///
/// ```
/// assert_eq!(
///     explainer_core::embed::pym_position_request("map"),
///     "pymxPYMxmapxPYMxparentPositionInfoxPYMx"
/// );
/// ```
pub fn pym_position_request(child_id: &str) -> String {
    ["pym", child_id, "parentPositionInfo", ""].join(PYM_DELIMITER)
}

/// The Pym.js request that the host scroll to `offset` px from the top of the frame.
///
/// ```
/// assert_eq!(
///     explainer_core::embed::pym_scroll_request("map", 480),
///     "pymxPYMxmapxPYMxscrollToChildPosxPYMx480"
/// );
/// ```
pub fn pym_scroll_request(child_id: &str, offset: u32) -> String {
    ["pym", child_id, "scrollToChildPos", &offset.to_string()].join(PYM_DELIMITER)
}

/// Reads an object message from the parent, given its `sentinel` and `type` fields
/// (if they are strings): only `frames-init` is accepted.
pub fn parse_amp_message(sentinel: Option<&str>, kind: Option<&str>) -> Option<ParentMessage> {
    (sentinel == Some("amp") && kind == Some("frames-init")).then_some(ParentMessage::FramesInit)
}

/// Reads an object message from the parent, given its `type` and `theme` fields
/// (if they are strings): only `{type: "<name>:theme", theme: <token>}`
/// with an exact token (`light`, `dark`, `auto`) is accepted.
///
/// ```
/// use explainer_core::embed::{parse_theme_message, EmbedName, ParentMessage};
/// use explainer_core::theme::Theme;
/// let name = EmbedName::of_slug("data");
/// assert_eq!(
///     parse_theme_message(&name, Some("data-explainer:theme"), Some("dark")),
///     Some(ParentMessage::Theme(Theme::Dark))
/// );
/// assert_eq!(parse_theme_message(&name, Some("data-explainer:theme"), Some("Dark")), None);
/// assert_eq!(parse_theme_message(&name, Some("other-explainer:theme"), Some("dark")), None);
/// ```
pub fn parse_theme_message(
    name: &EmbedName,
    kind: Option<&str>,
    theme: Option<&str>,
) -> Option<ParentMessage> {
    // Read without building the type: every message from the parent comes here.
    let kind = kind.and_then(|k| k.strip_prefix(name.as_str()));
    if kind != Some(":theme") {
        return None;
    }
    theme.and_then(Theme::from_token).map(ParentMessage::Theme)
}

/// The height to report for a measured document height: whole pixels, rounded up
/// so the frame never clips the last line.
pub fn reported_height(measured: f64) -> u32 {
    if measured.is_finite() && measured > 0.0 {
        measured.ceil().min(u32::MAX as f64) as u32
    } else {
        0
    }
}

/// The `<iframe>` snippet readers copy: full width, lazy, titled, no fixed height,
/// with a few lines that apply the heights the explainer posts (AMP `embed-size`).
/// The same lines hand the frame the step the host page's address names
/// ([`HOST_STEP_PARAM`], as `step=<id>`) and the host page's address (as Pym.js
/// does, [`PARENT_URL_PARAM`]), so "Share this step" offers the host page; the
/// frame may write to the clipboard for that. `embed_url` has a query (`?embed`).
pub fn iframe_snippet(embed_url: &str, title: &str) -> String {
    let url = escape_attribute(embed_url);
    let title = escape_attribute(title);
    format!(
        r#"<iframe src="{url}" title="{title}" width="100%" loading="lazy" allow="clipboard-write" style="border:0;display:block" scrolling="no"></iframe>
<script>
(function (frame) {{
  var step = new URLSearchParams(location.search).get("{HOST_STEP_PARAM}");
  frame.src += (step ? "&step=" + encodeURIComponent(step) : "") + "&{PARENT_URL_PARAM}=" + encodeURIComponent(location.href);
  window.addEventListener("message", function (e) {{
    if (e.source === frame.contentWindow && e.data && e.data.sentinel === "amp" && e.data.type === "embed-size") {{
      frame.style.height = Math.ceil(Number(e.data.height)) + "px";
    }}
  }});
}})(document.currentScript.previousElementSibling);
</script>"#
    )
}

/// The Pym.js variant of the snippet, for pages that already load Pym.js. It
/// hands the frame the step the host page's address names ([`HOST_STEP_PARAM`],
/// as `step=<id>`); Pym.js itself passes the host page's address. `embed_url`
/// has a query (`?embed`).
pub fn pym_snippet(embed_url: &str, title: &str, container_id: &str) -> String {
    let url = escape_js_string(embed_url);
    let title = escape_js_string(title);
    format!(
        r#"<div id="{container_id}"></div>
<script>
  (function (step) {{
    new pym.Parent("{container_id}", "{url}" + (step ? "&step=" + encodeURIComponent(step) : ""), {{ title: "{title}" }});
  }})(new URLSearchParams(location.search).get("{HOST_STEP_PARAM}"));
</script>"#
    )
}

/// Escapes text for a double-quoted HTML attribute (or for text): `&`, `"`,
/// `<` and `>`. The one definition, for the build's pages too. (The live app's
/// snippets use it: `html-escape`'s `encode_double_quoted_attribute`, which
/// means the same, adds about 300 bytes to the compressed wasm.)
pub fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for a double-quoted JavaScript string inside a `<script>`.
fn escape_js_string(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('<', "\\u003c")
        .replace('\n', "\\n")
}

/// The embed address the page is rendered with, before the live app knows its own.
pub const RELATIVE_EMBED_URL: &str = "?embed";
/// The kinds of snippet offered in the embed panel (`data-snippet`).
pub const SNIPPETS: [&str; 2] = ["iframe", "pym"];

/// The snippet of a kind (`iframe` or `pym`; anything else is the iframe) for an
/// embed address; the Pym.js container is named after the story.
pub fn snippet(kind: &str, embed_url: &str, title: &str, name: &EmbedName) -> String {
    match kind {
        "pym" => pym_snippet(embed_url, title, name.as_str()),
        _ => iframe_snippet(embed_url, title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name() -> EmbedName {
        EmbedName::of_slug("city-budget")
    }

    fn parsed(event: HostEvent) -> serde_json::Value {
        serde_json::from_str(&event.json(&name())).expect("an event is JSON")
    }

    #[test]
    fn every_event_has_its_type_and_fields() {
        let cases = [
            (
                HostEvent::Ready {
                    step: "open-app",
                    number: 1,
                    steps: 10,
                    perspective: "user",
                    view: Panel::Steps,
                },
                serde_json::json!({"type": "city-budget-explainer:ready", "step": "open-app", "number": 1,
                    "steps": 10, "perspective": "user", "view": "steps"}),
            ),
            (
                HostEvent::Step {
                    id: "backups",
                    number: 3,
                    steps: 10,
                    how: StepHow::Diagram,
                },
                serde_json::json!({"type": "city-budget-explainer:step", "id": "backups", "number": 3,
                    "steps": 10, "how": "diagram"}),
            ),
            (
                HostEvent::Perspective {
                    perspective: "creator",
                },
                serde_json::json!({"type": "city-budget-explainer:perspective", "perspective": "creator"}),
            ),
            (
                HostEvent::View {
                    view: Panel::Timeline,
                },
                serde_json::json!({"type": "city-budget-explainer:view", "view": "timeline"}),
            ),
            (
                HostEvent::Evidence { block: "answer" },
                serde_json::json!({"type": "city-budget-explainer:evidence", "block": "answer"}),
            ),
            (
                HostEvent::Quote {
                    quote: "quote-moved-june-000",
                },
                serde_json::json!({"type": "city-budget-explainer:quote", "quote": "quote-moved-june-000"}),
            ),
            (
                HostEvent::Share { step: "access" },
                serde_json::json!({"type": "city-budget-explainer:share", "step": "access"}),
            ),
            (
                HostEvent::LastStep {
                    step: "pressure",
                    number: 10,
                },
                serde_json::json!({"type": "city-budget-explainer:last-step", "step": "pressure", "number": 10}),
            ),
        ];
        for (event, expected) in cases {
            assert_eq!(parsed(event), expected, "{event:?}");
            assert!(
                event
                    .json(&name())
                    .starts_with(r#"{"type":"city-budget-explainer:"#),
                "type comes first"
            );
        }
    }

    #[test]
    fn every_way_to_a_step_has_its_word() {
        let all = [
            StepHow::Next,
            StepHow::Previous,
            StepHow::Swipe,
            StepHow::List,
            StepHow::Diagram,
            StepHow::Link,
            StepHow::History,
        ];
        let words: Vec<&str> = all.iter().map(|how| how.as_str()).collect();
        assert_eq!(
            words,
            ["next", "previous", "swipe", "list", "diagram", "link", "history"]
        );
    }

    #[test]
    fn the_pym_message_carries_the_json_under_its_own_name() {
        let event = HostEvent::Quote { quote: "quote-x" };
        let message = event.pym_message("city-budget-explainer", &name());
        let parts: Vec<&str> = message.split(PYM_DELIMITER).collect();
        assert_eq!(
            parts,
            [
                "pym",
                "city-budget-explainer",
                "city-budget-explainer-event",
                &event.json(&name())
            ]
        );
        // Pym's parent reads `pym<d><id><d>(\S+)<d>(.*)`: the name has no space
        // and the JSON no line break.
        assert!(!event.json(&name()).contains('\n'));
    }
}
