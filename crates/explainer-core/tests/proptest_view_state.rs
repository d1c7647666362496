//! Property tests for reading the view from the URL (`RequestedView::parse`,
//! `resolve`) and writing URLs (`with_param`), fed with hostile and random URLs:
//! arbitrary unicode, 20k-character strings, valid and broken percent-encoding,
//! repeated and percent-encoded keys, script-like text and real step ids.
//!
//! Failure persistence is off so a failing run writes no regression files into
//! the source tree; proptest prints the minimal failing input instead.

use explainer_core::view_state::{percent_decode, percent_encode, with_param};
use explainer_core::{Perspective, RequestedView, ViewState};
use proptest::prelude::*;

mod common;
use proptest::test_runner::Config;

/// The step ids of the shipped content, plus a few realistic extras.
const IDS: [&str; 12] = [
    "open-app",
    "backups",
    "exceptions",
    "access",
    "still-shared",
    "location",
    "project-texas",
    "pressure",
    "unknowns",
    "intro",
    "storage_2",
    "a",
];

/// A story's perspectives' ids, in order.
const PERSPECTIVES: [&str; 3] = ["reader", "creator", "official"];
const KEYS: [&str; 4] = ["step", "view", "embed", "childId"];

/// Longest value the parser keeps (mirrors `MAX_VALUE_BYTES`).
const MAX_VALUE_BYTES: usize = 256;

fn config() -> Config {
    common::config(10_000)
}

/// Percent-encoding fragments, valid and broken.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "%",
        "%Z",
        "%ZZ",
        "%4",
        "%41",
        "%E0%A4",
        "%E0%A4%A8",
        "%C3%A9",
        "%C3",
        "%F0%9F%98%80",
        "%F0%9F",
        "%00",
        "%FF",
        "%ff",
        "%2B",
        "%2b",
        "+",
        "%26",
        "&",
        "%3D",
        "=",
        "#",
        "%23",
        "?",
        "%3F",
        "%%",
        "%%41",
        "%-1",
        "%+1",
        "% 1",
        "\u{0}",
        "\u{feff}",
        "\u{202e}",
        "\r\n",
        "%0A",
        "%C0%AF",
        "%ED%A0%80",
        "step-",
        "#step-",
        "%73tep",
        "vi%65w",
        "%65mbed",
        "child%49d",
    ])
    .prop_map(str::to_owned)
}

/// Script-like and injection-like text.
fn scripty() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "<script>alert(1)</script>",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "javascript:alert(1)",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE steps; --",
        "${7*7}{{7*7}}",
        "__proto__",
        "constructor",
        "../../etc/passwd",
        "%2e%2e%2f",
    ])
    .prop_map(str::to_owned)
}

/// A huge string: one unit repeated, or many random characters (up to 20k chars).
fn huge() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => (
            prop_oneof![
                Just("a".to_owned()),
                Just("%41".to_owned()),
                Just("é".to_owned()),
                Just("%".to_owned()),
                Just("&step=backups".to_owned()),
                Just("😀".to_owned()),
                fragment(),
            ],
            1_000usize..20_000,
        )
            .prop_map(|(unit, n)| unit.repeat(n / unit.chars().count().max(1))),
        // Random unicode repeated up to 20k chars (cheap to generate), and rarely
        // 20k independent random chars.
        20 => ("\\PC{1,16}", 1_000usize..20_000).prop_map(|(unit, n): (String, usize)| {
            let count = unit.chars().count().max(1);
            unit.chars().cycle().take(n.max(count)).collect()
        }),
        1 => prop::collection::vec(any::<char>(), 10_000..20_000)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
}

fn known_id() -> impl Strategy<Value = String> {
    prop::sample::select(IDS.to_vec()).prop_map(str::to_owned)
}

/// Text that a URL component might hold.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => any::<String>(),
        4 => prop::collection::vec(fragment(), 0..8).prop_map(|v| v.concat()),
        3 => known_id(),
        2 => prop::sample::select(vec!["user", "creator", "User", "CREATOR", "0", "false", "1", "true", ""]).prop_map(str::to_owned),
        2 => scripty(),
        3 => (any::<String>(), fragment(), known_id()).prop_map(|(a, f, id)| format!("{a}{f}{id}")),
    ]
}

/// A key: one the parser knows (plain or percent-encoded), or anything else.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        2 => prop::sample::select(vec!["st%65p", "%73tep", "vi%65w", "%65mbed", "child%49d", "childid", "Step", "view ", "step+", "em%62ed"]).prop_map(str::to_owned),
        2 => text(),
    ]
}

/// One `key[=value]` part of a query string.
fn part() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (key(), text()).prop_map(|(k, v)| format!("{k}={v}")),
        1 => key(),
        1 => (key(), text(), text()).prop_map(|(k, a, b)| format!("{k}={a}={b}")),
        1 => text(),
    ]
}

/// A query string with 0..10 parts (so keys repeat), with or without `?`; one
/// case in ten also carries a huge part (a huge value, key or bare text).
fn search() -> impl Strategy<Value = String> {
    let huge_part = prop_oneof![
        (key(), huge()).prop_map(|(k, v)| format!("{k}={v}")),
        huge(),
        (huge(), text()).prop_map(|(k, v)| format!("{k}={v}")),
    ];
    (
        prop::collection::vec(part(), 0..10),
        prop::option::weighted(0.1, (huge_part, any::<prop::sample::Index>())),
        prop::sample::select(vec!["", "?", "??", "&"]),
        prop::sample::select(vec!["&", "&&", "&amp;"]),
    )
        .prop_map(|(mut parts, huge, prefix, sep)| {
            if let Some((part, at)) = huge {
                let at = at.index(parts.len() + 1);
                parts.insert(at, part);
            }
            format!("{prefix}{}", parts.join(sep))
        })
}

/// A hash: a well-formed step hash, a broken one, or anything.
fn hash() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => known_id().prop_map(|id| format!("#step-{id}")),
        2 => text().prop_map(|t| format!("#step-{t}")),
        2 => text().prop_map(|t| format!("#{t}")),
        2 => text(),
        1 => Just(String::new()),
        1 => huge().prop_map(|t| format!("#step-{t}")),
        1 => (known_id(), huge()).prop_map(|(id, t)| format!("#step-{id}{t}")),
    ]
}

/// A non-empty list of distinct step ids, in random order.
fn step_ids() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(IDS.to_vec(), 1..=IDS.len()).prop_shuffle()
}

fn current() -> impl Strategy<Value = Option<usize>> {
    prop_oneof![
        Just(None),
        (0usize..16).prop_map(Some),
        any::<usize>().prop_map(Some),
        Just(Some(usize::MAX)),
    ]
}

/// Percent-encodes every byte, as some clients do for all characters.
fn encode_all(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02x}")).collect()
}

proptest! {
    #![proptest_config(config())]

    /// Parsing never panics, is deterministic and keeps only bounded, non-empty values.
    #[test]
    fn parse_never_panics_and_keeps_bounded_values(search in search(), hash in hash()) {
        let view = RequestedView::parse(&search, &hash);
        prop_assert_eq!(&view, &RequestedView::parse(&search, &hash), "parse is deterministic");
        if let Some(step) = &view.step {
            // `?step=` asks for an empty id (resolved like an unknown one); a hash never does.
            prop_assert!(step.len() <= MAX_VALUE_BYTES, "step of {} bytes", step.len());
        }
        if let Some(child) = &view.child_id {
            prop_assert!(!child.is_empty() && child.len() <= MAX_VALUE_BYTES, "child id {:?}", child);
        }
        // The hash wins over the query when it names a step.
        let from_hash = explainer_core::view_state::step_from_hash(&hash);
        if from_hash.is_some() {
            prop_assert_eq!(&view.step, &from_hash);
        }
        // With no hash at all the query decides alone, and adding a non-step hash changes nothing.
        prop_assert_eq!(
            RequestedView::parse(&search, "#not-a-step"),
            RequestedView::parse(&search, "")
        );
    }

    /// Resolving always yields an existing step, follows its documented rule,
    /// and is deterministic.
    #[test]
    fn resolve_is_in_range_and_follows_the_rule(
        search in search(),
        hash in hash(),
        ids in step_ids(),
        current in current(),
    ) {
        let view = RequestedView::parse(&search, &hash);
        let resolved = view.resolve(&ids, &PERSPECTIVES, current);
        prop_assert!(resolved.step < ids.len(), "index {} of {} steps", resolved.step, ids.len());
        prop_assert_eq!(resolved, RequestedView::parse(&search, &hash).resolve(&ids, &PERSPECTIVES, current));
        let expected = view
            .step
            .as_deref()
            .and_then(|id| ids.iter().position(|s| *s == id))
            .or(current.filter(|&c| c < ids.len()))
            .unwrap_or(0);
        prop_assert_eq!(resolved.step, expected);
        // A known perspective id is that perspective; anything else the first.
        let perspective = view
            .perspective
            .as_deref()
            .and_then(|id| PERSPECTIVES.iter().position(|p| *p == id))
            .unwrap_or(0);
        prop_assert_eq!(resolved.perspective, Perspective::nth(perspective));
    }

    /// A well-formed `#step-<known id>` hash selects that step whatever the query
    /// and the current step say, with or without `#` and when fully percent-encoded.
    #[test]
    fn known_step_hash_always_selects_that_step(
        search in search(),
        ids in step_ids(),
        pick in any::<prop::sample::Index>(),
        current in current(),
        form in 0..4u8,
    ) {
        let id = ids[pick.index(ids.len())];
        let hash = match form {
            0 => format!("#step-{id}"),
            1 => format!("step-{id}"),
            2 => format!("#step-{}", encode_all(id)),
            _ => format!("#{}", encode_all(&format!("step-{id}"))),
        };
        let view = RequestedView::parse(&search, &hash);
        prop_assert_eq!(view.step.as_deref(), Some(id), "hash {:?}", hash);
        let resolved = view.resolve(&ids, &PERSPECTIVES, current);
        prop_assert_eq!(ids[resolved.step], id, "hash {:?} with current {:?}", hash, current);
    }

    /// `with_param` writes a value that `parse` reads back exactly, removes the key
    /// with `None`, and leaves every other parameter as `parse` saw it.
    #[test]
    fn with_param_round_trips_through_parse(
        search in search(),
        key in prop::sample::select(KEYS.to_vec()),
        value in prop_oneof![
            8 => text(),
            // Around the 256-byte limit, in one- and multi-byte characters.
            1 => (prop::sample::select(vec!["a", "é", "😀", "%", "+"]), 240usize..270)
                .prop_map(|(unit, bytes)| unit.repeat(bytes / unit.len())),
            1 => huge(),
        ],
    ) {
        let before = RequestedView::parse(&search, "");
        let written = with_param(&search, key, Some(&value));
        prop_assert!(written.is_empty() || written.starts_with('?'), "{:?}", written);
        prop_assert!(!written.is_empty(), "setting a value leaves a query");
        let after = RequestedView::parse(&written, "");
        let kept = value.len() <= MAX_VALUE_BYTES;
        let mut expected = before.clone();
        match key {
            // An empty `step=` is kept as an empty request; it resolves like an unknown id.
            "step" => expected.step = kept.then(|| value.clone()),
            // An empty `view=` asks for nothing.
            "view" => expected.perspective = kept.then(|| value.clone()).filter(|v| !v.is_empty()),
            "embed" => expected.embed = !(kept && (value == "0" || value == "false")),
            _ => expected.child_id = kept.then(|| value.clone()).filter(|v| !v.is_empty()),
        }
        prop_assert_eq!(&after, &expected, "with_param({:?}, {:?}, {:?}) = {:?}", search, key, value, written);
        // Writing the same value again changes nothing.
        prop_assert_eq!(with_param(&written, key, Some(&value)), written.clone());

        let removed = with_param(&search, key, None);
        prop_assert!(removed.is_empty() || removed.starts_with('?'), "{:?}", removed);
        let after = RequestedView::parse(&removed, "");
        let mut expected = before;
        match key {
            "step" => expected.step = None,
            "view" => expected.perspective = None,
            "embed" => expected.embed = false,
            _ => expected.child_id = None,
        }
        prop_assert_eq!(&after, &expected, "with_param({:?}, {:?}, None) = {:?}", search, key, removed);
    }

    /// Encoding then decoding gives back any text, and decoding never panics.
    #[test]
    fn percent_encoding_round_trips(value in text(), noise in text()) {
        prop_assert_eq!(percent_decode(&percent_encode(&value)), Some(value));
        let _ = percent_decode(&noise);
    }
}

/// The same URL the app builds for a view is read back as that view.
#[test]
fn every_view_url_reads_back_as_that_view() {
    for (i, id) in IDS.iter().enumerate() {
        for perspective in (0..PERSPECTIVES.len()).map(Perspective::nth) {
            let search = with_param(
                "?embed&childId=x",
                "view",
                explainer_core::view_state::perspective_param(perspective, &PERSPECTIVES),
            );
            let hash = explainer_core::view_state::step_hash(id);
            let view = RequestedView::parse(&search, &hash);
            assert_eq!(
                view.resolve(&IDS, &PERSPECTIVES, None),
                ViewState {
                    step: i,
                    perspective,
                    ..ViewState::default()
                }
            );
            assert!(view.embed);
            assert_eq!(view.child_id.as_deref(), Some("x"));
        }
    }
}
