//! Property tests for the messages a host page may send into the frame: only a
//! Pym.js `width` message with our own child id and a finite, positive width, a
//! Pym parent's well-formed position answer, or an AMP `frames-init`, or the theme message with an exact token, is accepted;
//! arbitrary and near-miss input never panics and is rejected.

use explainer_core::embed::{
    looks_decimal, parse_amp_message, parse_pym_message, parse_pym_message_with,
    parse_theme_message, pym_height_message, EmbedName, HostPosition, ParentMessage, PYM_DELIMITER,
};
use explainer_core::theme::Theme;
use proptest::prelude::*;

mod common;
use proptest::test_runner::Config;

/// Longest message the parser reads (mirrors `MAX_MESSAGE_BYTES`).
const MAX_MESSAGE_BYTES: usize = 512;
/// Widths at or above this are not believed (mirrors the parser).
const MAX_WIDTH: f64 = 100_000.0;
/// The theme message's type for a story with the slug `city-budget`.
const THEME: &str = "city-budget-explainer:theme";

/// The standard parser behind the live app's decimal filter.
fn filtered(text: &str) -> Option<f64> {
    if looks_decimal(text) {
        text.parse().ok()
    } else {
        None
    }
}

fn config() -> Config {
    common::config(10_000)
}

/// What the parser must return for `data`, written independently: the exact
/// four-field shape, our id, the `width` type, and a believable number.
fn oracle(data: &str, child_id: &str) -> Option<ParentMessage> {
    if data.len() > MAX_MESSAGE_BYTES {
        return None;
    }
    let prefix = format!("pym{PYM_DELIMITER}{child_id}{PYM_DELIMITER}width{PYM_DELIMITER}");
    let width = data.strip_prefix(&prefix)?;
    // The id must be delimited unambiguously: an id containing the delimiter, or
    // ending so that it and the delimiter overlap (`…xPYM`), cannot be addressed.
    let framed_id = format!("{child_id}{PYM_DELIMITER}");
    if width.contains(PYM_DELIMITER) || framed_id.find(PYM_DELIMITER) != Some(child_id.len()) {
        return None;
    }
    let width: f64 = width.trim().parse().ok()?;
    (width.is_finite() && width > 0.0 && width < MAX_WIDTH)
        .then_some(ParentMessage::PymWidth(width))
}

fn child_id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("x".to_owned()),
        2 => "[a-zA-Z0-9_-]{1,24}",
        1 => any::<String>(),
        1 => prop::sample::select(vec!["xPYMx", "axPYM", "PYMx", "x", ""]).prop_map(str::to_owned),
        1 => Just("a b".to_owned()),
    ]
}

/// Widths as text: good ones, and every way a width can be wrong.
fn width_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1u32..99_999).prop_map(|w| w.to_string()),
        2 => (0.001f64..99_999.0).prop_map(|w| w.to_string()),
        6 => prop::sample::select(vec![
            "NaN", "nan", "-NaN", "Infinity", "-Infinity", "inf", "-inf", "infinity", "0", "-0",
            "0.0", "-1", "-640", "-0.0001", "100000", "100000.0", "1e5", "1e6", "1e308", "1e309",
            "9".repeat(400).leak(), "abc", "", " ", "640px", "640,5", "6 40", "0x280", "undefined",
            "null", "true", "[640]", "{\"w\":640}", "640xPYMx", "1e-400", "4e-324",
        ])
        .prop_map(str::to_owned),
        2 => any::<String>(),
        1 => any::<f64>().prop_map(|w| w.to_string()),
    ]
}

fn message_type() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("width".to_owned()),
        3 => prop::sample::select(vec![
            "height", "Width", "WIDTH", "width ", " width", "widths", "navigateTo", "scrollToChildPos",
            "parentPositionInfo", "viewport-iframe-position", "", "xPYMx",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Pym-shaped messages built from parts, plus mangled framing.
fn pym_like(our_id: String) -> impl Strategy<Value = (String, String)> {
    let other_id = prop_oneof![Just(our_id.clone()), child_id()];
    (
        prop::sample::select(vec!["pym", "pym", "pym", "PYM", "py", "pymx", " pym", ""]),
        other_id,
        message_type(),
        width_text(),
        prop::sample::select(vec!["", "", "", "xPYMx", "xPYMxextra", " ", "\n", "\u{0}"]),
        prop::sample::select(vec![
            "xPYMx", "xPYMx", "xPYMx", "xpymx", "XPYMX", "xPYM", "", "_",
        ]),
    )
        .prop_map(move |(pym, id, kind, width, suffix, delim)| {
            (
                format!("{pym}{delim}{id}{delim}{kind}{delim}{width}{suffix}"),
                our_id.clone(),
            )
        })
}

fn any_input() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        3 => child_id().prop_flat_map(pym_like),
        2 => (any::<String>(), child_id()),
        1 => (
            (prop::sample::select(vec!["a", "xPYMx", "😀", "pymxPYMxxxPYMxwidthxPYMx1"]), 100usize..2_000)
                .prop_map(|(unit, n)| unit.repeat(n)),
            child_id(),
        ),
        // A valid message whose child id makes it just over the size limit.
        1 => (400usize..600, 1u32..99_999).prop_map(|(n, w)| {
            let id = "i".repeat(n);
            (format!("pymxPYMx{id}xPYMxwidthxPYMx{w}"), id)
        }),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Any input: no panic, and the parser agrees with the independent oracle.
    #[test]
    fn pym_parser_accepts_exactly_the_well_formed_width_message((data, id) in any_input()) {
        let parsed = parse_pym_message(&data, &id);
        prop_assert_eq!(parsed, oracle(&data, &id), "data {:?} for child id {:?}", data, id);
        // The live app reads numbers with the browser's parser, after the decimal
        // filter: the filter turns away no number the standard parser accepts.
        prop_assert_eq!(parse_pym_message_with(&data, &id, filtered), parsed);
        if let Some(message) = parsed {
            match message {
                ParentMessage::PymWidth(w) => prop_assert!(w.is_finite() && w > 0.0 && w < MAX_WIDTH),
                ParentMessage::FramesInit | ParentMessage::Theme(_) | ParentMessage::PymPosition(_) => {
                    prop_assert!(false, "a one-number string is only ever a Pym width message")
                }
            }
        }
    }

    /// A Pym parent's position answer is read exactly when it has six believable
    /// numbers (a non-empty viewport, a frame whose bottom is not above its top);
    /// its viewport height and frame top are the second and third.
    #[test]
    fn pym_position_answers_are_read_exactly_when_well_formed(
        id in "[a-zA-Z0-9_-]{1,32}",
        numbers in prop::collection::vec(prop_oneof![
            6 => (-5_000i32..5_000).prop_map(|n| n.to_string()),
            2 => (-5_000.0f64..5_000.0).prop_map(|n| n.to_string()),
            1 => prop::sample::select(vec!["", "NaN", "inf", "1e9", "x", "12px", " 3"]).prop_map(str::to_owned),
        ], 4..8),
    ) {
        let payload = numbers.join(" ");
        let data = ["pym", id.as_str(), "viewport-iframe-position", payload.as_str()].join(PYM_DELIMITER);
        let values: Vec<f64> = numbers.iter().filter_map(|n| n.parse::<f64>().ok()).collect();
        let good = numbers.len() == 6
            && values.len() == 6
            && values.iter().all(|v| v.is_finite() && v.abs() < MAX_WIDTH)
            && values[0] > 0.0
            && values[1] > 0.0
            && values[4] >= values[2];
        let expected = good.then(|| ParentMessage::PymPosition(HostPosition {
            viewport_height: values[1],
            frame_top: values[2],
        }));
        prop_assert_eq!(parse_pym_message(&data, &id), expected);
        prop_assert_eq!(parse_pym_message_with(&data, &id, filtered), expected);
        // For another child, never.
        prop_assert_eq!(parse_pym_message(&data, &format!("{id}_")), None);
    }

    /// A message for another child id is never accepted, however well formed.
    #[test]
    fn pym_messages_for_other_children_are_ignored(
        ours in child_id(),
        theirs in child_id(),
        width in 1u32..99_999,
    ) {
        // Equal ids are made to differ by one character at either end.
        let theirs = if ours == theirs { format!("{theirs}_") } else { theirs };
        let data = ["pym", theirs.as_str(), "width", &width.to_string()].join(PYM_DELIMITER);
        prop_assert_eq!(parse_pym_message(&data, &ours), None);
    }

    /// A well-formed width message for our id is accepted with its width.
    #[test]
    fn well_formed_width_messages_are_accepted(
        id in "[a-zA-Z0-9_-]{1,64}",
        width in prop_oneof![(1u32..99_999).prop_map(f64::from), 0.01f64..99_999.0],
    ) {
        let data = format!("pymxPYMx{id}xPYMxwidthxPYMx{width}");
        prop_assert_eq!(parse_pym_message(&data, &id), Some(ParentMessage::PymWidth(width)));
        // Our own height messages are never mistaken for width requests.
        let height = pym_height_message(&id, width as u32);
        prop_assert_eq!(parse_pym_message(&height, &id), None);
    }

    /// The AMP parser accepts `frames-init` with the `amp` sentinel and nothing else.
    #[test]
    fn amp_parser_accepts_only_frames_init(
        sentinel in prop::option::of(prop_oneof![
            Just("amp".to_owned()), Just("AMP".to_owned()), Just("amp ".to_owned()),
            Just("".to_owned()), Just("pym".to_owned()), any::<String>(),
        ]),
        kind in prop::option::of(prop_oneof![
            Just("frames-init".to_owned()), Just("embed-size".to_owned()), Just("frames-init ".to_owned()),
            Just("Frames-Init".to_owned()), Just("frames_init".to_owned()), Just("".to_owned()),
            any::<String>(),
        ]),
    ) {
        let expected = (sentinel.as_deref() == Some("amp") && kind.as_deref() == Some("frames-init"))
            .then_some(ParentMessage::FramesInit);
        prop_assert_eq!(parse_amp_message(sentinel.as_deref(), kind.as_deref()), expected);
    }

    /// The theme parser accepts exactly the theme type with an exact token, and
    /// says which theme; near misses (case, spaces, other types, other words) are ignored.
    #[test]
    fn theme_parser_accepts_only_the_theme_message_with_an_exact_token(
        kind in prop::option::of(prop_oneof![
            4 => Just(THEME.to_owned()),
            1 => Just("city-budget-explainer:Theme".to_owned()), 1 => Just("city-budget-explainer:theme ".to_owned()),
            1 => Just("other-explainer:theme".to_owned()),
            1 => Just("theme".to_owned()), 1 => Just("frames-init".to_owned()), 1 => Just("".to_owned()),
            1 => any::<String>(),
        ]),
        theme in prop::option::of(prop_oneof![
            3 => prop::sample::select(vec!["light", "dark", "auto"]).prop_map(str::to_owned),
            3 => prop::sample::select(vec![
                "Light", "DARK", "dark ", " dark", "", "night", "system", "light dark", "1", "null",
                "undefined", "dark\u{0}",
            ]).prop_map(str::to_owned),
            1 => any::<String>(),
        ]),
    ) {
        let expected = match (kind.as_deref(), theme.as_deref()) {
            (Some(THEME), Some("light")) => Some(ParentMessage::Theme(Theme::Light)),
            (Some(THEME), Some("dark")) => Some(ParentMessage::Theme(Theme::Dark)),
            (Some(THEME), Some("auto")) => Some(ParentMessage::Theme(Theme::Auto)),
            _ => None,
        };
        let name = EmbedName::of_slug("city-budget");
        prop_assert_eq!(parse_theme_message(&name, kind.as_deref(), theme.as_deref()), expected);
        // The AMP parser never takes a theme message for frames-init.
        prop_assert_eq!(parse_amp_message(None, kind.as_deref()), None);
    }

    /// Any text becomes a JSON string literal that a JSON parser reads back as
    /// the same text (the host events are written without a serializer).
    #[test]
    fn an_event_field_is_json_for_any_text(text in any::<String>()) {
        let parsed: serde_json::Value = serde_json::from_str(&explainer_core::embed::json_string(&text))
            .expect("valid JSON");
        prop_assert_eq!(parsed, serde_json::Value::String(text));
    }
}
