//! Reading the view from the URL and writing URLs for a view.

use explainer_core::view_state::{
    percent_decode, percent_encode, perspective_param, step_from_hash, step_hash, with_param,
};
use explainer_core::{Perspective, RequestedView, ViewState};

const STEPS: [&str; 4] = ["intro", "storage", "backups", "access"];
/// The story's perspectives' ids, the first being the default.
const PERSPECTIVES: [&str; 2] = ["user", "creator"];
const CREATOR: Perspective = Perspective::nth(1);

fn resolve(search: &str, hash: &str, current: Option<usize>) -> ViewState {
    RequestedView::parse(search, hash).resolve(&STEPS, &PERSPECTIVES, current)
}

// ------------------------------------------------------------------- steps

#[test]
fn hash_selects_a_step() {
    let view = RequestedView::parse("", "#step-backups");
    assert_eq!(view.step.as_deref(), Some("backups"));
    assert_eq!(view.resolve(&STEPS, &PERSPECTIVES, None).step, 2);
    // The leading '#' is optional.
    assert_eq!(resolve("", "step-access", None).step, 3);
}

#[test]
fn query_step_is_used_without_a_hash() {
    assert_eq!(resolve("?step=storage", "", None).step, 1);
    assert_eq!(resolve("step=access", "", Some(0)).step, 3);
}

#[test]
fn hash_wins_over_query_step() {
    let view = RequestedView::parse("?step=storage", "#step-access");
    assert_eq!(view.step.as_deref(), Some("access"));
    assert_eq!(view.resolve(&STEPS, &PERSPECTIVES, None).step, 3);
}

#[test]
fn non_step_hash_leaves_the_query_step() {
    assert_eq!(resolve("?step=storage", "#top", None).step, 1);
    assert_eq!(resolve("?step=storage", "#", None).step, 1);
}

#[test]
fn unknown_or_malformed_steps_fall_back_to_current_or_first() {
    let huge = format!("#step-{}", "a".repeat(10_000));
    let huge_escapes = format!("#step-{}", "%41".repeat(10_000));
    let cases = [
        "#step-nope",
        "#step-%ZZ",
        "#step-%",
        "#step-%4",
        "#%E0%A4",
        "#step-%E0%A4",
        "#step-",
        "#step",
        "#STEP-intro",
        "#step-intro ",
        huge.as_str(),
        huge_escapes.as_str(),
    ];
    for hash in cases {
        assert_eq!(
            resolve("", hash, Some(2)).step,
            2,
            "hash {hash:?} with current"
        );
        assert_eq!(
            resolve("", hash, None).step,
            0,
            "hash {hash:?} without current"
        );
        // A current index past the end is not trusted either.
        assert_eq!(
            resolve("", hash, Some(99)).step,
            0,
            "hash {hash:?} with stale current"
        );
    }
}

#[test]
fn malformed_hashes_are_not_step_requests() {
    for hash in ["#step-%ZZ", "#%E0%A4", "#step-", "#step-%E0%A4", "#steps"] {
        assert_eq!(step_from_hash(hash), None, "{hash:?}");
    }
    let huge = format!("#step-{}", "b".repeat(10_000));
    assert_eq!(step_from_hash(&huge), None);
    assert_eq!(RequestedView::parse("", &huge).step, None);
}

#[test]
fn percent_encoded_hash_is_decoded() {
    assert_eq!(
        step_from_hash("#step-back%75ps").as_deref(),
        Some("backups")
    );
    assert_eq!(step_from_hash("#%73tep-intro").as_deref(), Some("intro"));
    assert_eq!(resolve("", "#step-%62ackups", None).step, 2);
}

#[test]
fn step_hash_round_trips() {
    for id in STEPS {
        let hash = step_hash(id);
        assert_eq!(hash, format!("#step-{id}"));
        assert_eq!(step_from_hash(&hash).as_deref(), Some(id));
        assert_eq!(
            resolve("", &hash, None).step,
            STEPS.iter().position(|s| *s == id).unwrap()
        );
    }
}

#[test]
fn resolve_keeps_current_when_nothing_is_asked() {
    assert_eq!(resolve("", "", Some(3)).step, 3);
    assert_eq!(resolve("?view=creator", "", Some(1)).step, 1);
    assert_eq!(resolve("", "", None), ViewState::default());
}

// ----------------------------------------------------------- repeated params

#[test]
fn first_repeated_parameter_wins() {
    let view = RequestedView::parse(
        "?step=storage&step=access&view=creator&view=user&childId=one&childId=two&embed=0&embed=1",
        "",
    );
    assert_eq!(view.step.as_deref(), Some("storage"));
    assert_eq!(view.perspective.as_deref(), Some("creator"));
    assert_eq!(view.child_id.as_deref(), Some("one"));
    assert!(!view.embed);
}

#[test]
fn first_parameter_wins_even_when_it_is_invalid() {
    let view = RequestedView::parse("?view=martian&view=creator&childId=%ZZ&childId=two", "");
    assert_eq!(view.perspective.as_deref(), Some("martian"));
    assert_eq!(
        view.resolve(&STEPS, &PERSPECTIVES, None).perspective,
        Perspective::FIRST
    );
    assert_eq!(view.child_id, None);
}

// ------------------------------------------------------------ perspective

#[test]
fn view_parameter_selects_the_perspective() {
    assert_eq!(
        RequestedView::parse("?view=creator", "")
            .perspective
            .as_deref(),
        Some("creator")
    );
    assert_eq!(resolve("?view=creator", "", None).perspective, CREATOR);
    assert_eq!(
        resolve("view=user", "", None).perspective,
        Perspective::FIRST
    );
    // Another story's perspectives are its own ids.
    let view = RequestedView::parse("?view=resident", "");
    assert_eq!(
        view.resolve(&STEPS, &["visitor", "resident"], None)
            .perspective,
        Perspective::nth(1)
    );
}

#[test]
fn unknown_view_resolves_to_the_first_perspective() {
    for search in [
        "?view=martian",
        "?view=Creator",
        "?view=",
        "?view",
        "?view=%ZZ",
    ] {
        let view = RequestedView::parse(search, "");
        assert_eq!(
            view.resolve(&STEPS, &PERSPECTIVES, None).perspective,
            Perspective::FIRST,
            "{search:?}"
        );
    }
    // Nothing to read from an empty or undecodable value.
    for search in ["?view=", "?view", "?view=%ZZ"] {
        assert_eq!(
            RequestedView::parse(search, "").perspective,
            None,
            "{search:?}"
        );
    }
}

#[test]
fn perspective_param_leaves_out_the_default() {
    assert_eq!(perspective_param(Perspective::FIRST, &PERSPECTIVES), None);
    assert_eq!(perspective_param(CREATOR, &PERSPECTIVES), Some("creator"));
    assert_eq!(perspective_param(Perspective::nth(2), &PERSPECTIVES), None);
    for perspective in [Perspective::FIRST, CREATOR] {
        let search = with_param(
            "?embed",
            "view",
            perspective_param(perspective, &PERSPECTIVES),
        );
        let view = RequestedView::parse(&search, "");
        assert_eq!(
            view.resolve(&STEPS, &PERSPECTIVES, None).perspective,
            perspective
        );
        assert!(view.embed, "{search:?}");
    }
}

// ------------------------------------------------------------------ embed

#[test]
fn embed_flag_values() {
    let cases = [
        ("", false),
        ("?embed", true),
        ("?embed=", true),
        ("?embed=1", true),
        ("?embed=yes", true),
        ("?embed=0", false),
        ("?embed=false", false),
        ("?view=user&embed&step=intro", true),
        ("?embedded=1", false),
        ("?Embed=1", false),
    ];
    for (search, embed) in cases {
        assert_eq!(RequestedView::parse(search, "").embed, embed, "{search:?}");
    }
}

// ----------------------------------------------------------------- childId

#[test]
fn child_id_is_decoded() {
    let view = RequestedView::parse("?childId=news%20embed+2%2B1%26x", "");
    assert_eq!(view.child_id.as_deref(), Some("news embed 2+1&x"));
    let view = RequestedView::parse("?childId=%C3%A9t%C3%A9", "");
    assert_eq!(view.child_id.as_deref(), Some("été"));
}

#[test]
fn empty_broken_or_huge_child_id_is_absent() {
    let huge = format!("?childId={}", "c".repeat(300));
    for search in [
        "?childId=",
        "?childId",
        "?childId=%ZZ",
        "?childId=%E0%A4",
        huge.as_str(),
    ] {
        assert_eq!(
            RequestedView::parse(search, "").child_id,
            None,
            "{search:?}"
        );
    }
    let ok = format!("?childId={}", "c".repeat(256));
    assert_eq!(
        RequestedView::parse(&ok, "").child_id.map(|c| c.len()),
        Some(256)
    );
}

// -------------------------------------------------------------- with_param

#[test]
fn with_param_sets_replaces_and_removes() {
    assert_eq!(with_param("", "view", Some("creator")), "?view=creator");
    assert_eq!(with_param("?", "view", Some("creator")), "?view=creator");
    assert_eq!(
        with_param("?embed&view=user&childId=x", "view", Some("creator")),
        "?embed&view=creator&childId=x"
    );
    assert_eq!(
        with_param("?view=user&embed&view=creator", "view", Some("creator")),
        "?view=creator&embed"
    );
    assert_eq!(with_param("?a=1&view=user&b=2", "view", None), "?a=1&b=2");
    assert_eq!(with_param("?view=user", "view", None), "");
    assert_eq!(
        with_param("?embed", "childId", Some("a b&c")),
        "?embed&childId=a%20b%26c"
    );
}

#[test]
fn with_param_recognises_percent_encoded_keys_like_parse_does() {
    // parse reads `vi%65w` as `view`, so with_param must replace or remove it too.
    let search = "?vi%65w=martian&embed";
    assert_eq!(
        RequestedView::parse(search, "").perspective.as_deref(),
        Some("martian")
    );
    let written = with_param(search, "view", Some("creator"));
    assert_eq!(written, "?view=creator&embed");
    assert_eq!(
        RequestedView::parse(&written, "").perspective.as_deref(),
        Some("creator")
    );
    assert_eq!(with_param(search, "view", None), "?embed");
}

#[test]
fn with_param_round_trips_through_parse() {
    let search = "?embed=1&step=storage&utm_source=x%20y&view=creator";
    for child in ["pym-1", "a b", "x+y", "a&b=c", "été 💥", "%41", "<script>"] {
        let written = with_param(search, "childId", Some(child));
        let view = RequestedView::parse(&written, "");
        assert_eq!(view.child_id.as_deref(), Some(child), "{written:?}");
        assert_eq!(view.step.as_deref(), Some("storage"));
        assert_eq!(view.perspective.as_deref(), Some("creator"));
        assert!(view.embed);
        // Every other parameter is kept verbatim and in order.
        assert!(
            written.starts_with(&format!("{search}&childId=")),
            "{written:?}"
        );
    }

    let written = with_param(search, "step", Some("backups"));
    assert_eq!(
        written,
        "?embed=1&step=backups&utm_source=x%20y&view=creator"
    );
    assert_eq!(resolve(&written, "", None).step, 2);

    let written = with_param(search, "view", None);
    assert_eq!(written, "?embed=1&step=storage&utm_source=x%20y");
    assert_eq!(RequestedView::parse(&written, "").perspective, None);
}

// ------------------------------------------------------- percent encoding

#[test]
fn percent_encode_escapes_all_but_unreserved() {
    assert_eq!(percent_encode("Az09-_.~"), "Az09-_.~");
    assert_eq!(percent_encode("a b+c&d=e#f%"), "a%20b%2Bc%26d%3De%23f%25");
    assert_eq!(percent_encode("é"), "%C3%A9");
}

#[test]
fn percent_decode_handles_escapes_and_rejects_broken_ones() {
    assert_eq!(percent_decode("a%20b%2bc").as_deref(), Some("a b+c"));
    assert_eq!(percent_decode("plus+stays").as_deref(), Some("plus+stays"));
    assert_eq!(percent_decode("%C3%A9t%C3%A9").as_deref(), Some("été"));
    assert_eq!(percent_decode("").as_deref(), Some(""));
    for broken in ["%", "%4", "%ZZ", "a%g1", "%E0%A4", "%FF", "%é9"] {
        assert_eq!(percent_decode(broken), None, "{broken:?}");
    }
}

#[test]
fn percent_round_trip_on_unicode() {
    for text in [
        "",
        "plain",
        "été",
        "日本語のテキスト",
        "emoji 💥🎉",
        "%25 + & = # ?",
        "\u{0}\u{7f}\u{10FFFF}",
    ] {
        let encoded = percent_encode(text);
        assert!(encoded.is_ascii(), "{encoded:?}");
        assert_eq!(percent_decode(&encoded).as_deref(), Some(text));
    }
}

// ------------------------------------------------------- generated inputs

/// Xorshift64: small, deterministic, good enough to shuffle tokens.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NASTY: &[&str] = &[
    "%",
    "#",
    "&",
    "=",
    "+",
    "?",
    " ",
    "%2",
    "%ZZ",
    "%E0%A4",
    "%41",
    "%26",
    "%3D",
    "%2B",
    "%25",
    "%C3%A9",
    "é",
    "💥",
    "日本",
    "\u{0}",
    "<script>",
    "</script>",
    "0",
    "1",
    "42",
    "false",
    "step",
    "step-",
    "step=",
    "view",
    "view=",
    "creator",
    "user",
    "martian",
    "embed",
    "childId",
    "intro",
    "storage",
    "backups",
    "access",
    "-",
    "_",
];

fn random_text(rng: &mut Rng) -> String {
    let tokens = rng.below(14);
    let mut out = String::new();
    for _ in 0..tokens {
        out.push_str(rng.pick(NASTY));
    }
    if rng.below(500) == 0 {
        out.push_str(&rng.pick(NASTY).repeat(3_000));
    }
    out
}

#[test]
fn generated_urls_never_break_parsing_or_resolving() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut hash_steps = 0;
    for _ in 0..20_000 {
        let search = random_text(&mut rng);
        let hash = match rng.below(4) {
            0 => format!("#step-{}", random_text(&mut rng)),
            1 => format!("#step-{}", rng.pick(&STEPS)),
            _ => random_text(&mut rng),
        };
        let current = match rng.below(3) {
            0 => None,
            _ => Some(rng.below(STEPS.len() + 3)),
        };

        let view = RequestedView::parse(&search, &hash);
        assert_eq!(
            view,
            RequestedView::parse(&search, &hash),
            "{search:?} {hash:?}"
        );

        let state = view.resolve(&STEPS, &PERSPECTIVES, current);
        assert!(state.step < STEPS.len(), "{search:?} {hash:?} -> {state:?}");
        assert_eq!(state, view.resolve(&STEPS, &PERSPECTIVES, current));

        // The step asked for is honoured when it exists, else the fallback applies.
        let expected = match view
            .step
            .as_deref()
            .and_then(|s| STEPS.iter().position(|x| *x == s))
        {
            Some(i) => i,
            None => current.filter(|c| *c < STEPS.len()).unwrap_or(0),
        };
        assert_eq!(state.step, expected, "{search:?} {hash:?}");

        // A well-formed hash always beats the query.
        if let Some(id) = step_from_hash(&hash) {
            assert_eq!(view.step.as_deref(), Some(id.as_str()));
            hash_steps += 1;
        }
        if let Some(child) = &view.child_id {
            assert!(!child.is_empty() && child.len() <= 256, "{child:?}");
        }

        // Setting childId keeps everything else the query said.
        let child = random_text(&mut rng);
        let rewritten = with_param(&search, "childId", Some(&child));
        let again = RequestedView::parse(&rewritten, &hash);
        let expected_child = Some(child.clone()).filter(|c| !c.is_empty() && c.len() <= 256);
        assert_eq!(
            again.child_id, expected_child,
            "{search:?} -> {rewritten:?}"
        );
        assert_eq!(again.step, view.step, "{search:?} -> {rewritten:?}");
        assert_eq!(
            again.perspective, view.perspective,
            "{search:?} -> {rewritten:?}"
        );
        assert_eq!(again.embed, view.embed, "{search:?} -> {rewritten:?}");

        assert_eq!(percent_decode(&percent_encode(&child)), Some(child));
    }
    // The generator really exercised the hash path.
    assert!(hash_steps > 2_000, "only {hash_steps} hashes named a step");
}

// ---------------------------------------------------------------- timeline

const EVENTS: [&str; 3] = ["sale-order", "june-move", "recordings"];

fn resolve_events(search: &str, hash: &str, current: Option<usize>) -> ViewState {
    RequestedView::parse(search, hash).resolve_with_events(&STEPS, &EVENTS, &PERSPECTIVES, current)
}

#[test]
fn an_event_hash_opens_the_timeline_at_that_event() {
    use explainer_core::Panel;
    let view = resolve_events("", "#event-june-move", None);
    assert_eq!((view.panel, view.event), (Panel::Timeline, Some(1)));
    // The step stays where it was, for the way back.
    let view = resolve_events("", "#event-recordings", Some(2));
    assert_eq!((view.step, view.event), (2, Some(2)));
    // Percent-encoded ids decode like step ids.
    let view = resolve_events("", "#event-june%2Dmove", None);
    assert_eq!(view.event, Some(1));
}

#[test]
fn show_timeline_opens_the_timeline_without_an_event() {
    use explainer_core::Panel;
    let view = resolve_events("?show=timeline&view=creator", "", None);
    assert_eq!((view.panel, view.event), (Panel::Timeline, None));
    assert_eq!(view.perspective, CREATOR);
    // Other values, unknown events and plain step links keep the walk-through.
    for (search, hash) in [
        ("?show=steps", ""),
        ("?show=TIMELINE", ""),
        ("", "#event-unknown"),
        ("", "#event-"),
        ("", "#step-backups"),
        ("?show", ""),
    ] {
        let view = resolve_events(search, hash, None);
        assert_eq!(
            (view.panel, view.event),
            (Panel::Steps, None),
            "{search}{hash}"
        );
    }
}

#[test]
fn without_events_there_is_no_timeline_to_show() {
    use explainer_core::Panel;
    let view = RequestedView::parse("?show=timeline", "#event-june-move").resolve_with_events(
        &STEPS,
        &[],
        &PERSPECTIVES,
        None,
    );
    assert_eq!((view.panel, view.event), (Panel::Steps, None));
}

#[test]
fn event_hashes_round_trip() {
    use explainer_core::view_state::{event_from_hash, event_hash};
    assert_eq!(event_hash("sale-order"), "#event-sale-order");
    assert_eq!(
        event_from_hash(&event_hash("sale-order")).as_deref(),
        Some("sale-order")
    );
    assert_eq!(event_from_hash("#step-backups"), None);
}

// ------------------------------------------------------------------- theme

#[test]
fn theme_param_chooses_light_dark_or_auto() {
    use explainer_core::theme::Theme;
    let theme = |search: &str| RequestedView::parse(search, "").theme;
    assert_eq!(theme(""), Theme::Auto);
    assert_eq!(theme("?theme=dark"), Theme::Dark);
    assert_eq!(theme("?embed&theme=light"), Theme::Light);
    assert_eq!(theme("?theme=auto"), Theme::Auto);
    assert_eq!(theme("?theme=%64ark"), Theme::Dark, "percent-encoded token");
    // Anything else is ignored: the reader's setting.
    for other in [
        "?theme=DARK",
        "?theme=Dark",
        "?theme=dark%20",
        "?theme=+dark",
        "?theme=",
        "?theme",
        "?theme=dark%",
        "?theme=blue",
        "?theme=light,dark",
        "?themes=dark",
        "?Theme=dark",
    ] {
        assert_eq!(theme(other), Theme::Auto, "{other}");
    }
    // The first parameter counts, as for every other one.
    assert_eq!(theme("?theme=dark&theme=light"), Theme::Dark);
    assert_eq!(theme("?theme=blue&theme=dark"), Theme::Auto);
}

#[test]
fn theme_tokens_read_back_and_auto_has_no_attribute() {
    use explainer_core::theme::Theme;
    for theme in Theme::ALL {
        assert_eq!(Theme::from_token(theme.as_str()), Some(theme));
    }
    assert_eq!(Theme::Auto.attribute(), None);
    assert_eq!(Theme::Light.attribute(), Some("light"));
    assert_eq!(Theme::Dark.attribute(), Some("dark"));
}
