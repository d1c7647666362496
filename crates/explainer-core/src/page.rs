//! The contract between the pre-rendered page and the live app: the ids, data
//! attributes and file names that `index.html`, the build-time renderer, the
//! browser app and the tests all use. Defined once, here.
//!
//! The build renders everything a reader can see; the live app finds these
//! hooks in that page and switches state on them, so nothing else ties the two
//! together.

/// What a hook is in the page, which says how a selector spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookKind {
    /// An element's `id` (`#name`).
    Id,
    /// A class (`.name`).
    Class,
    /// An attribute, mostly `data-*` (`[name]`).
    Attribute,
}

impl HookKind {
    /// `name` as a selector for this kind of hook: `#app`, `.pager-next`, `[data-step]`.
    pub fn selector(self, name: &str) -> String {
        match self {
            HookKind::Id => format!("#{name}"),
            HookKind::Class => format!(".{name}"),
            HookKind::Attribute => format!("[{name}]"),
        }
    }

    /// The kind's name in `contract.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            HookKind::Id => "id",
            HookKind::Class => "class",
            HookKind::Attribute => "attribute",
        }
    }
}

/// One hook of the page: the constant that names it here, its kind and the
/// name the page spells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hook {
    pub constant: &'static str,
    pub kind: HookKind,
    pub name: &'static str,
}

/// Defines each hook as a constant and lists every one in [`HOOKS`], so a hook
/// is written down once.
macro_rules! hooks {
    ($($(#[$doc:meta])* $constant:ident: $kind:ident = $name:literal;)*) => {
        $($(#[$doc])* pub const $constant: &str = $name;)*
        /// Every hook above, in order: the table the build writes out as
        /// [`CONTRACT_FILE`] for the browser tests, and the guard test reads.
        pub const HOOKS: &[Hook] = &[$(Hook {
            constant: stringify!($constant),
            kind: HookKind::$kind,
            name: $name,
        }),*];
    };
}

hooks! {
    /// The element holding the pre-rendered explainer.
    ROOT_ID: Id = "app";
    /// The element for notices above the explainer (a newer version, a failure).
    STATUS_ID: Id = "app-status";
    /// The short answer's section, above the walk-through.
    ANSWER_ID: Id = "answer";
    /// The main element of the explainer.
    MAIN_ID: Id = "explainer";
    /// The step-by-step stage (diagram and current step).
    STAGE_ID: Id = "explainer-stage";
    /// The timeline section.
    TIMELINE_ID: Id = "timeline";
    /// The polite live region that names the step or event shown.
    ANNOUNCER_ID: Id = "announcer";
    /// The notice offering a reload when the deployed content is newer.
    UPDATE_NOTICE_ID: Id = "update-notice";
    /// The embed panel, whose [`TITLE_ATTRIBUTE`] the snippets use.
    EMBED_PANEL_ID: Id = "embed-panel";
    /// The alert the live app adds to `<body>` if it stops (a panic), once.
    PANIC_NOTICE_ID: Id = "panic-notice";

    /// On `<html>` when the page is asked for its compact embed layout (`?embed`).
    EMBED_CLASS: Class = "embed";
    /// On `<html>` when the page is in a frame.
    EMBEDDED_CLASS: Class = "embedded";
    /// On each step's `<article>` in the stage.
    STEP_CLASS: Class = "step";
    /// On the step shown when the page was rendered (the first).
    INITIAL_CLASS: Class = "is-initial";
    /// On a step's kicker ("Step N of M") above its heading.
    STEP_KICKER_CLASS: Class = "step-kicker";
    /// On the diagram's `<figure>`.
    DIAGRAM_CLASS: Class = "diagram";
    /// On each of the diagram's drawings (landscape and portrait `<svg>`).
    DIAGRAM_SVG_CLASS: Class = "diagram-svg";
    /// On each place drawn in the diagram.
    PLACE_CLASS: Class = "place";
    /// On each flow (arrow) drawn in the diagram.
    FLOW_CLASS: Class = "flow";
    /// On the table of every flow, the diagram's text equivalent.
    FLOW_TABLE_CLASS: Class = "flow-table";
    /// On diagram places and flows the step shown highlights.
    ACTIVE_CLASS: Class = "is-active";
    /// On the step list's item and the flow table's rows of the step shown.
    CURRENT_CLASS: Class = "is-current";
    /// On a drawing while the step shown has too many flows to label.
    CROWDED_CLASS: Class = "is-crowded";
    /// On the timeline event open.
    OPEN_CLASS: Class = "is-open";
    /// On the quote a reference marker has just brought the reader to.
    HIGHLIGHT_CLASS: Class = "is-highlighted";
    /// On the parts of the perspective shown (the stylesheet hides the others).
    SHOWN_CLASS: Class = "is-shown";
    /// On the pager, below the step (Previous, the count, Next).
    PAGER_CLASS: Class = "pager";
    /// On the pager's Previous link.
    PAGER_PREVIOUS_CLASS: Class = "pager-previous";
    /// On the pager's Next link.
    PAGER_NEXT_CLASS: Class = "pager-next";
    /// On the pager's "Step N of M".
    PAGER_COUNT_CLASS: Class = "pager-count";
    /// On the progress bar's filled part, whose width follows the step.
    PROGRESS_FILL_CLASS: Class = "progress-fill";
    /// On the step list's `<nav>`.
    STEP_LIST_CLASS: Class = "step-list";
    /// On the view switch's two links (see [`PANEL_ATTRIBUTE`]).
    VIEW_OPTION_CLASS: Class = "view-option";
    /// On each option of the perspective switch.
    SWITCH_OPTION_CLASS: Class = "switch-option";
    /// On each block drawn in two layers (every step's `<article>`, the short answer's section).
    LAYERED_CLASS: Class = "layered";
    /// The button that opens and closes a step's (or the answer's) evidence layer.
    EVIDENCE_TOGGLE_CLASS: Class = "evidence-toggle";
    /// On each quote's `<figure>`.
    CITATION_CLASS: Class = "citation";
    /// On each reference marker's link.
    REF_LINK_CLASS: Class = "ref-link";
    /// On each embed snippet's status line ("Copied").
    SNIPPET_STATUS_CLASS: Class = "snippet-status";
    /// On the alert the live app adds if it stops ([`PANIC_NOTICE_ID`]).
    PANIC_NOTICE_CLASS: Class = "panic-notice";

    // The page's structure, which the tests read (the live app does not switch on these).
    /// On the page's header (title, short answer, edition links).
    MASTHEAD_CLASS: Class = "masthead";
    /// On the short answer's section (whose id is [`ANSWER_ID`]), in the masthead.
    ANSWER_CLASS: Class = "answer";
    /// On the stage, the element whose id is [`STAGE_ID`] (the diagram and the step).
    STAGE_CLASS: Class = "stage";
    /// On the progress bar's `<svg>` (see [`PROGRESS_FILL_CLASS`]).
    PROGRESS_CLASS: Class = "progress";
    /// On the perspective switch's group of options.
    SWITCH_CLASS: Class = "switch";
    /// On the lead of a step (and of the short answer): the layer always shown.
    STEP_LEAD_CLASS: Class = "step-lead";
    /// On a step's evidence layer, below its lead.
    EVIDENCE_CLASS: Class = "evidence";
    /// On each sentence of a layered block's text (a `<p>`).
    SAID_CLASS: Class = "said";
    /// On each sentence that names quotes, around its words and markers.
    SENTENCE_CLASS: Class = "sentence";
    /// On the `<sup>` holding a sentence's (or a timeline date's) reference markers.
    REF_CLASS: Class = "ref";
    /// On a step's note for one perspective (see [`PERSPECTIVE_PART_ATTRIBUTE`]).
    PERSPECTIVE_NOTE_CLASS: Class = "perspective-note";
    /// On a step's "Share this step" block.
    SHARE_STEP_CLASS: Class = "share-step";
    /// On a step's links to its timeline events.
    STEP_TIMELINE_CLASS: Class = "step-timeline";
    /// On a step's note that it was corrected, with links to the corrections.
    STEP_UPDATED_CLASS: Class = "step-updated";
    /// On the landscape drawing of the diagram, beside [`DIAGRAM_SVG_CLASS`].
    DIAGRAM_SVG_LANDSCAPE_CLASS: Class = "diagram-svg--landscape";
    /// On the portrait drawing of the diagram, beside [`DIAGRAM_SVG_CLASS`].
    DIAGRAM_SVG_PORTRAIT_CLASS: Class = "diagram-svg--portrait";
    /// On the diagram's caption (one per perspective).
    DIAGRAM_CAPTION_CLASS: Class = "diagram-caption";
    /// On a place drawn as a region (an area that encloses others), beside [`PLACE_CLASS`].
    PLACE_REGION_CLASS: Class = "place--region";
    /// On a place's label in a drawing.
    PLACE_LABEL_CLASS: Class = "place-label";
    /// On a drawn flow's visible line.
    FLOW_LINE_CLASS: Class = "flow-line";
    /// On a drawn flow's wide, transparent line that takes the pointer and shows focus.
    FLOW_HIT_CLASS: Class = "flow-hit";
    /// On a drawn flow's label.
    FLOW_LABEL_CLASS: Class = "flow-label";
    /// On the flow table's section (and on the drawing's group of flows).
    FLOWS_CLASS: Class = "flows";
    /// On each quote's evidence in the flow table's rows.
    FLOW_EVIDENCE_CLASS: Class = "flow-evidence";
    /// On a quote's number (in its figure and in the flow table).
    CITATION_NUMBER_CLASS: Class = "citation-number";
    /// On a quote's speaker and who said it (in its figure and in the flow table).
    CITATION_SPEAKER_CLASS: Class = "citation-speaker";
    /// On a quote's translation into the edition's language.
    QUOTE_TRANSLATION_CLASS: Class = "quote-translation";
    /// On the timeline's list of events in each group.
    TIMELINE_LIST_CLASS: Class = "timeline-list";
    /// On each group of the timeline (a `<section>`).
    TIMELINE_GROUP_CLASS: Class = "timeline-group";
    /// On a timeline group's note, below its heading.
    TIMELINE_GROUP_NOTE_CLASS: Class = "timeline-group-note";
    /// On each timeline event's `<li>` (see [`EVENT_ATTRIBUTE`]).
    EVENT_CLASS: Class = "event";
    /// On an event of the subject's side, beside [`EVENT_CLASS`].
    EVENT_SUBJECT_CLASS: Class = "event--subject";
    /// On an event of the others' side, beside [`EVENT_CLASS`].
    EVENT_OTHERS_CLASS: Class = "event--others";
    /// On an event's badge (who speaks).
    BADGE_CLASS: Class = "badge";
    /// On each of an event's dates.
    EVENT_DATE_CLASS: Class = "event-date";
    /// On an event's first date's label, its heading (the others' are `<strong>`).
    EVENT_DATE_LABEL_CLASS: Class = "event-date-label";
    /// On an event's text.
    EVENT_TEXT_CLASS: Class = "event-text";
    /// On an event's link to its step.
    EVENT_STEP_CLASS: Class = "event-step";
    /// On the section saying how the explainer was made.
    METHOD_CLASS: Class = "method";
    /// On the sources' section.
    SOURCES_CLASS: Class = "sources";
    /// On each source's entry (see [`SOURCE_FILE_ATTRIBUTE`]).
    SOURCE_CLASS: Class = "source";
    /// On a source's title.
    SOURCE_TITLE_CLASS: Class = "source-title";
    /// On a source's list of the steps that cite it.
    SOURCE_CITED_CLASS: Class = "source-cited";
    /// On each correction's entry in the corrections' section.
    UPDATE_CLASS: Class = "update";
    /// On a correction's text.
    UPDATE_TEXT_CLASS: Class = "update-text";
    /// On a correction's list of the steps it changed.
    UPDATE_STEPS_CLASS: Class = "update-steps";
    /// On the embed panel's section ([`EMBED_PANEL_ID`]).
    EMBED_CODE_CLASS: Class = "embed-code";
    /// On each embed snippet's wrapper (see [`SNIPPET_ATTRIBUTE`]).
    SNIPPET_CLASS: Class = "snippet";

    /// Set on the root element once the live app has taken over the page.
    LIVE_ATTRIBUTE: Attribute = "data-live";
    /// On each step's `<article>` in the stage: the step's id (articles are in step order).
    STEP_ATTRIBUTE: Attribute = "data-step";
    /// On diagram places and flows and table rows: the indexes (space-separated) of
    /// the steps that highlight them.
    LIT_ATTRIBUTE: Attribute = "data-lit";
    /// On the diagram's `<figure>`: the indexes of steps with too many flows to label.
    CROWDED_ATTRIBUTE: Attribute = "data-crowded";
    /// On each place drawn in the diagram: the place's id.
    PLACE_ATTRIBUTE: Attribute = "data-place";
    /// On each flow drawn in the diagram and its row in the flow table: the flow's id.
    FLOW_ATTRIBUTE: Attribute = "data-flow";
    /// On each of the diagram's drawings: `landscape` or `portrait`.
    ORIENTATION_ATTRIBUTE: Attribute = "data-orientation";
    /// On each cell of the flow table: its column's heading, which the stylesheet
    /// shows beside the cell on narrow screens.
    CELL_LABEL_ATTRIBUTE: Attribute = "data-label";
    /// On each source's entry: the file of the article's text in the story's sources.
    SOURCE_FILE_ATTRIBUTE: Attribute = "data-file";
    /// On links that open a step (their `href` is the step's `#step-<id>`): its index.
    GO_STEP_ATTRIBUTE: Attribute = "data-go-step";
    /// On links that open a timeline event: its index.
    GO_EVENT_ATTRIBUTE: Attribute = "data-go-event";
    /// On each timeline event's `<li>`: the event's id (items are in timeline order).
    EVENT_ATTRIBUTE: Attribute = "data-event";
    /// On the view switch's two links: `steps` or `timeline`.
    PANEL_ATTRIBUTE: Attribute = "data-panel";
    /// On the perspective buttons, and on `<main>` for the perspective shown.
    PERSPECTIVE_ATTRIBUTE: Attribute = "data-perspective";
    /// On each part drawn for one perspective only (the diagram's drawings and
    /// caption, a step's note): the perspective's id. The part shown has [`SHOWN_CLASS`].
    PERSPECTIVE_PART_ATTRIBUTE: Attribute = "data-for";
    /// On the update notice's reload button.
    RELOAD_ATTRIBUTE: Attribute = "data-reload";
    /// On each embed snippet's wrapper: `iframe` or `pym`.
    SNIPPET_ATTRIBUTE: Attribute = "data-snippet";
    /// On each embed snippet's copy button.
    COPY_ATTRIBUTE: Attribute = "data-copy";
    /// On the embed panel: the explainer's title, for the snippets.
    TITLE_ATTRIBUTE: Attribute = "data-title";
    /// On each link to an edition in another language (the live app keeps it at
    /// the step being read).
    EDITION_ATTRIBUTE: Attribute = "data-edition";
    /// On each reference marker's link to its quote.
    REF_ATTRIBUTE: Attribute = "data-ref";
    /// On a quote's link back to the sentence that names it.
    BACK_ATTRIBUTE: Attribute = "data-back";
    /// On the live region ([`ANNOUNCER_ID`]).
    ANNOUNCER_ATTRIBUTE: Attribute = "data-announcer";
    /// On each step's "Share this step" control: the step's id
    /// (see [`crate::share`]).
    SHARE_ATTRIBUTE: Attribute = "data-share-step";
    /// On `<html>`: the theme a host page asked for (see [`crate::theme`]).
    THEME_ATTRIBUTE: Attribute = "data-theme";
    /// On each landscape drawing: one `viewBox` per step, `;`-separated, that
    /// shows the step's part of the map in the phone layout's small strip.
    FOCUS_ATTRIBUTE: Attribute = "data-focus";
    /// On a step's `<article>` (and the short answer's section) while its evidence
    /// layer is open; without it, once scripts run, only the lead shows. The page as
    /// rendered has every layer open for readers without scripts (the stylesheet
    /// folds only under `html.js`).
    OPEN_ATTRIBUTE: Attribute = "data-open";
    /// On the live region: the templates of what it says, rendered from the words
    /// table, so the live app carries no sentence: after the timeline, the step
    /// (`{n}`, `{total}`, `{title}`); on opening the timeline with no event open
    /// (`{total}`; an event that opens is heard from its entry, which takes focus);
    /// on a switch of perspective (`{label}`).
    SAY_STEP_ATTRIBUTE: Attribute = "data-say-step";
    /// See [`SAY_STEP_ATTRIBUTE`].
    SAY_TIMELINE_ATTRIBUTE: Attribute = "data-say-timeline";
    /// See [`SAY_STEP_ATTRIBUTE`].
    SAY_PERSPECTIVE_ATTRIBUTE: Attribute = "data-say-perspective";
    /// On the pager's count: its template (`{n}`, `{total}`).
    COUNT_TEMPLATE_ATTRIBUTE: Attribute = "data-template";
    /// On a control whose outcome the live app reports in its status line (a share
    /// button, the embed panel): the words for success and for failure.
    DONE_WORDS_ATTRIBUTE: Attribute = "data-done";
    /// See [`DONE_WORDS_ATTRIBUTE`].
    FAILED_WORDS_ATTRIBUTE: Attribute = "data-failed";
    /// On `<main>`: what the page says if the live app stops (a panic).
    STOPPED_WORDS_ATTRIBUTE: Attribute = "data-stopped";
}

/// The step shown in the stage (each step has its own pre-rendered `<article>`;
/// the others are `hidden`).
pub fn shown_step() -> String {
    format!("#{STAGE_ID} article.{STEP_CLASS}:not([hidden])")
}

/// The heading of the step shown in the stage (it takes focus on a step change).
pub fn shown_step_heading() -> String {
    format!("{} h2", shown_step())
}

/// The selectors built from several hooks, by name, for [`CONTRACT_FILE`].
pub fn selectors() -> [(&'static str, String); 2] {
    [
        ("SHOWN_STEP", shown_step()),
        ("SHOWN_STEP_HEADING", shown_step_heading()),
    ]
}

/// The file the build writes beside the page: every hook ([`HOOKS`]: its kind,
/// name and selector) and every selector of [`selectors`], for the browser tests.
pub const CONTRACT_FILE: &str = "contract.json";

/// The text of [`CONTRACT_FILE`].
pub fn contract_json() -> String {
    let hooks: serde_json::Map<String, serde_json::Value> = HOOKS
        .iter()
        .map(|hook| {
            let entry = serde_json::json!({
                "kind": hook.kind.as_str(),
                "name": hook.name,
                "selector": hook.kind.selector(hook.name),
            });
            (hook.constant.to_owned(), entry)
        })
        .collect();
    let selectors: serde_json::Map<String, serde_json::Value> = selectors()
        .into_iter()
        .map(|(name, selector)| (name.to_owned(), selector.into()))
        .collect();
    let contract = serde_json::json!({ "hooks": hooks, "selectors": selectors });
    format!("{contract:#}\n")
}

/// The `<meta name=…>` carrying the content version the page was rendered from.
pub const VERSION_META: &str = "explainer-content-version";
/// The `<meta name=…>` carrying the story's name on a host page
/// ([`crate::embed::EmbedName`]), which the live app reads for its messages.
pub const EMBED_NAME_META: &str = "explainer-embed-name";
/// The small JSON file, written by the build, naming the deployed content version.
pub const VERSION_FILE: &str = "version.json";

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
