//! The contract between the pre-rendered page and the live app: the ids, data
//! attributes and file names that `index.html`, the build-time renderer, the
//! browser app and the tests all use. Defined once, here.
//!
//! The build renders everything a reader can see; the live app finds these
//! hooks in that page and switches state on them, so nothing else ties the two
//! together.

/// The element holding the pre-rendered explainer.
pub const ROOT_ID: &str = "app";
/// The element for notices above the explainer (a newer version, a failure).
pub const STATUS_ID: &str = "app-status";
/// Set on the root element once the live app has taken over the page.
pub const LIVE_ATTRIBUTE: &str = "data-live";

/// The `<meta name=…>` carrying the content version the page was rendered from.
pub const VERSION_META: &str = "explainer-content-version";
/// The `<meta name=…>` carrying the story's name on a host page
/// ([`crate::embed::EmbedName`]), which the live app reads for its messages.
pub const EMBED_NAME_META: &str = "explainer-embed-name";
/// The small JSON file, written by the build, naming the deployed content version.
pub const VERSION_FILE: &str = "version.json";

/// On each step's `<article>` in the stage: the step's id (articles are in step order).
pub const STEP_ATTRIBUTE: &str = "data-step";
/// On diagram places and flows and table rows: the indexes (space-separated) of
/// the steps that highlight them.
pub const LIT_ATTRIBUTE: &str = "data-lit";
/// On the diagram's `<figure>`: the indexes of steps with too many flows to label.
pub const CROWDED_ATTRIBUTE: &str = "data-crowded";
/// On links that open a step (their `href` is the step's `#step-<id>`): its index.
pub const GO_STEP_ATTRIBUTE: &str = "data-go-step";
/// On links that open a timeline event: its index.
pub const GO_EVENT_ATTRIBUTE: &str = "data-go-event";
/// On each timeline event's `<li>`: the event's id (items are in timeline order).
pub const EVENT_ATTRIBUTE: &str = "data-event";
/// On the view switch's two links: `steps` or `timeline`.
pub const PANEL_ATTRIBUTE: &str = "data-panel";
/// On the perspective buttons, and on `<main>` for the perspective shown.
pub const PERSPECTIVE_ATTRIBUTE: &str = "data-perspective";
/// On each part drawn for one perspective only (the diagram's drawings and
/// caption, a step's note): the perspective's id. The part shown has [`SHOWN_CLASS`].
pub const PERSPECTIVE_PART_ATTRIBUTE: &str = "data-for";
/// On the parts of the perspective shown (the stylesheet hides the others).
pub const SHOWN_CLASS: &str = "is-shown";
/// On the update notice's reload button.
pub const RELOAD_ATTRIBUTE: &str = "data-reload";
/// On each embed snippet's wrapper: `iframe` or `pym`.
pub const SNIPPET_ATTRIBUTE: &str = "data-snippet";

/// On each landscape drawing: one `viewBox` per step, `;`-separated, that
/// shows the step's part of the map in the phone layout's small strip.
pub const FOCUS_ATTRIBUTE: &str = "data-focus";
/// On the pager's "Step N of M".
pub const PAGER_COUNT_CLASS: &str = "pager-count";
/// On each block drawn in two layers (every step's `<article>`, the short answer's section).
pub const LAYERED_CLASS: &str = "layered";
/// On a step's `<article>` (and the short answer's section) while its evidence
/// layer is open; without it, once scripts run, only the lead shows. The page as
/// rendered has every layer open for readers without scripts (the stylesheet
/// folds only under `html.js`).
pub const OPEN_ATTRIBUTE: &str = "data-open";
/// The button that opens and closes a step's (or the answer's) evidence layer.
pub const EVIDENCE_TOGGLE_CLASS: &str = "evidence-toggle";

/// The phone layout of the live walk-through: the diagram in a strip at the
/// top of the screen and the pager at the bottom. The stylesheet spells the same
/// query (`tests/page_contract.rs` checks that it does).
pub const COMPACT_MEDIA: &str = "(max-width: 899px)";
/// The shape of the phone layout's diagram strip (width / height); the
/// stylesheet's `aspect-ratio` for it is the same (checked with the query).
pub const COMPACT_ASPECT: (u32, u32) = (16, 9);
/// The phone layout zooms in no further than this many diagram units across
/// (about the width of two places side by side), so labels stay near their drawn size.
pub const COMPACT_MIN_WIDTH: f64 = 330.0;

/// The short answer's section, above the walk-through.
pub const ANSWER_ID: &str = "answer";
/// The main element of the explainer.
pub const MAIN_ID: &str = "explainer";
/// The step-by-step stage (diagram and current step).
pub const STAGE_ID: &str = "explainer-stage";
/// The timeline section.
pub const TIMELINE_ID: &str = "timeline";
/// The polite live region that names the step or event shown.
pub const ANNOUNCER_ID: &str = "announcer";
/// The notice offering a reload when the deployed content is newer.
pub const UPDATE_NOTICE_ID: &str = "update-notice";
/// The embed panel, whose `data-title` the snippets use.
pub const EMBED_PANEL_ID: &str = "embed-panel";

/// The id of a step's heading in the stage.
pub fn step_heading_id(step_id: &str) -> String {
    format!("step-heading-{step_id}")
}

/// The `i`th entry of a list written with `;` between entries (see
/// [`FOCUS_ATTRIBUTE`]), if there is one.
pub fn nth_entry(list: &str, index: usize) -> Option<&str> {
    list.split(';').nth(index).filter(|entry| !entry.is_empty())
}

/// Indexes as an attribute value: `"0 3 5"`.
pub fn index_list(indexes: &[usize]) -> String {
    indexes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an attribute value written by [`index_list`] holds `index`.
/// Anything malformed holds nothing.
pub fn list_holds(list: &str, index: usize) -> bool {
    list.split_ascii_whitespace()
        .any(|token| token.parse::<usize>() == Ok(index))
}

/// The progress bar's fill for step `index` of `total`, in hundredths of its width.
pub fn progress_width(index: usize, total: usize) -> String {
    crate::diagram::one_decimal((index + 1) as f64 * 100.0 / total.max(1) as f64)
}

/// A template of the interface's words with its `{name}` slots filled, e.g.
/// `fill("Step {n} of {total}", &[("n", "3"), ("total", "10")])`. A slot with
/// no value stays as written; free text goes last (see below).
///
/// ```
/// use explainer_core::page::fill;
/// assert_eq!(fill("Paso {n} de {total}", &[("n", "3"), ("total", "10")]), "Paso 3 de 10");
/// ```
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    // Slot by slot, in order: a value put in is read again only for the slots
    // after it, so free text (a title, a label) goes last.
    let mut text = template.to_owned();
    for (name, value) in slots {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The pager's count for step `index` (from 0) of `total`, from its template
/// (`{n}`, `{total}`), as the step's kicker and the pager say it.
pub fn step_count(template: &str, index: usize, total: usize) -> String {
    fill(
        template,
        &[
            ("n", &(index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    )
}

/// What the live region says when the reader switches back from the timeline
/// to the walk-through (a step change itself is heard from the step's heading,
/// which takes focus: see `Navigator` in the app); the template has `{n}`,
/// `{total}` and `{title}`.
pub fn step_announcement(template: &str, index: usize, total: usize, title: &str) -> String {
    fill(
        template,
        &[
            ("n", &(index + 1).to_string()),
            ("total", &total.to_string()),
            ("title", title.trim()),
        ],
    )
}

/// The id of the sentence a quote stands under (the one that first names it),
/// which the quote's "back" link leads to; `quote_anchor` is the quote's own id.
pub fn sentence_anchor(quote_anchor: &str) -> String {
    format!("said-{quote_anchor}")
}

/// On a quote's link back to the sentence that names it.
pub const BACK_ATTRIBUTE: &str = "data-back";

/// On the live region: the templates of what it says, rendered from the words
/// table, so the live app carries no sentence: after the timeline, the step
/// (`{n}`, `{total}`, `{title}`); on opening the timeline with no event open
/// (`{total}`; an event that opens is heard from its entry, which takes focus);
/// on a switch of perspective (`{label}`).
pub const SAY_STEP_ATTRIBUTE: &str = "data-say-step";
/// See [`SAY_STEP_ATTRIBUTE`].
pub const SAY_TIMELINE_ATTRIBUTE: &str = "data-say-timeline";
/// See [`SAY_STEP_ATTRIBUTE`].
pub const SAY_PERSPECTIVE_ATTRIBUTE: &str = "data-say-perspective";
/// On the pager's count: its template (`{n}`, `{total}`).
pub const COUNT_TEMPLATE_ATTRIBUTE: &str = "data-template";
/// On a control whose outcome the live app reports in its status line (a share
/// button, the embed panel): the words for success and for failure.
pub const DONE_WORDS_ATTRIBUTE: &str = "data-done";
/// See [`DONE_WORDS_ATTRIBUTE`].
pub const FAILED_WORDS_ATTRIBUTE: &str = "data-failed";
/// On `<main>`: what the page says if the live app stops (a panic).
pub const STOPPED_WORDS_ATTRIBUTE: &str = "data-stopped";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_lists_round_trip() {
        let list = index_list(&[0, 3, 12]);
        assert_eq!(list, "0 3 12");
        for (index, held) in [(0, true), (3, true), (12, true), (1, false), (2, false)] {
            assert_eq!(list_holds(&list, index), held, "{index}");
        }
        assert!(!list_holds("", 0));
        assert!(!list_holds("x 1a -1", 1));
    }

    #[test]
    fn announcements_count_from_one() {
        assert_eq!(
            step_announcement("Step {n} of {total}: {title}", 0, 10, " Open the app\n"),
            "Step 1 of 10: Open the app"
        );
        assert_eq!(step_count("{n}/{total}", 9, 10), "10/10");
        assert_eq!(fill("{a} {b} {a}", &[("a", "x")]), "x {b} x");
        assert_eq!(fill("{b}{a}", &[("b", "y"), ("a", "{b}")]), "y{b}");
        assert_eq!(fill("{ {a", &[("a", "x")]), "{ {a");
    }
}
