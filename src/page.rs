//! The pre-rendered page, as the live app sees it: the elements that change
//! with the view, found once at start-up through the hooks in
//! `explainer_core::page`, and [`Page::show`], which moves them from one view
//! to the next touching only what differs (a step change leaves the
//! perspective's and the timeline's elements alone). Nothing here creates or
//! removes a node: every state was rendered at build time.

use explainer_core::page::{
    fill, list_holds, nth_entry, progress_width, step_announcement, step_count, ACTIVE_CLASS,
    ANNOUNCER_ID, COMPACT_MEDIA, COUNT_TEMPLATE_ATTRIBUTE, CROWDED_ATTRIBUTE, CROWDED_CLASS,
    CURRENT_CLASS, DIAGRAM_CLASS, DIAGRAM_SVG_CLASS, EDITION_ATTRIBUTE, EMBED_CLASS,
    EVENT_ATTRIBUTE, FLOW_TABLE_CLASS, FOCUS_ATTRIBUTE, LIT_ATTRIBUTE, MAIN_ID, OPEN_CLASS,
    PAGER_COUNT_CLASS, PAGER_NEXT_CLASS, PAGER_PREVIOUS_CLASS, PANEL_ATTRIBUTE,
    PERSPECTIVE_ATTRIBUTE, PERSPECTIVE_PART_ATTRIBUTE, PROGRESS_FILL_CLASS,
    SAY_PERSPECTIVE_ATTRIBUTE, SAY_STEP_ATTRIBUTE, SAY_TIMELINE_ATTRIBUTE, SHOWN_CLASS, STAGE_ID,
    STEP_ATTRIBUTE, STEP_LIST_CLASS, TIMELINE_ID, VIEW_OPTION_CLASS,
};
use explainer_core::view_state::step_hash;
use explainer_core::{Panel, Perspective, RequestedView, ViewState};
use web_sys::{Element, MediaQueryList};

use crate::dom::{all, by_id, document, window};

/// An element of the page with the indexes of the steps it belongs to.
struct Lit {
    element: Element,
    steps: String,
}

/// Every element of the pre-rendered page that changes with the view.
pub struct Page {
    main: Element,
    stage: Element,
    timeline: Option<Element>,
    /// One `<article>` per step, in order, and each step's id and title.
    steps: Vec<(Element, String, String)>,
    /// Diagram places and flows (class `is-active`), and flow table rows (`is-current`).
    lit: Vec<(Lit, &'static str)>,
    drawings: Vec<Element>,
    /// The landscape drawings, each with its full `viewBox` and its per-step
    /// focus boxes, for the phone layout's strip.
    zoomable: Vec<(Element, String, String)>,
    /// Whether the viewport is in the phone layout's range.
    compact: Option<MediaQueryList>,
    /// The page is in embed mode (`<html class="embed">`, set before the app
    /// starts): a frame's "viewport" is the host's box, so it never takes the
    /// phone layout.
    embedded: bool,
    crowded: String,
    progress: Option<Element>,
    count: Option<Element>,
    previous: Option<Element>,
    next: Option<Element>,
    step_list: Vec<Element>,
    perspective_buttons: Vec<Element>,
    /// The story's perspectives' ids, in order: the switch's buttons', or
    /// (with one perspective, and no switch) the one `<main>` names.
    perspectives: Vec<String>,
    /// The parts drawn for one perspective, each with its id.
    perspective_parts: Vec<(Element, String)>,
    panel_options: Vec<Element>,
    /// One `<li>` per timeline event, in order, with its id.
    events: Vec<(Element, String)>,
    announcer: Option<Element>,
    /// The links to the other editions, each with its address without a step.
    edition_links: Vec<(Element, String)>,
}

impl Page {
    /// Finds the pre-rendered explainer; `None` when the page has none (then
    /// there is nothing to bring to life).
    pub fn find() -> Option<Page> {
        let main = by_id(MAIN_ID)?;
        let stage = by_id(STAGE_ID)?;
        let figure = main
            .query_selector(&format!(".{DIAGRAM_CLASS}"))
            .ok()
            .flatten()?;
        let steps: Vec<_> = all(&stage, &format!("article[{STEP_ATTRIBUTE}]"))
            .into_iter()
            .filter_map(|article| {
                let id = article.get_attribute(STEP_ATTRIBUTE)?;
                let title = article
                    .query_selector("h2")
                    .ok()
                    .flatten()
                    .and_then(|h| h.text_content())
                    .unwrap_or_default();
                Some((article, id, title))
            })
            .collect();
        if steps.is_empty() {
            return None;
        }
        let lit_in = |scope: &str, class: &'static str| {
            all(&main, &format!("{scope} [{LIT_ATTRIBUTE}]"))
                .into_iter()
                .map(move |element| {
                    let steps = element.get_attribute(LIT_ATTRIBUTE).unwrap_or_default();
                    (Lit { element, steps }, class)
                })
        };
        let lit = lit_in(&format!(".{DIAGRAM_CLASS}"), ACTIVE_CLASS)
            .chain(lit_in(&format!(".{FLOW_TABLE_CLASS}"), CURRENT_CLASS))
            .collect();
        let timeline = by_id(TIMELINE_ID);
        let events = timeline
            .as_ref()
            .map(|t| all(t, &format!("li[{EVENT_ATTRIBUTE}]")))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|li| {
                let id = li.get_attribute(EVENT_ATTRIBUTE)?;
                Some((li, id))
            })
            .collect();
        let one = |selector: &str| main.query_selector(selector).ok().flatten();
        let zoomable = all(&figure, &format!("svg[{FOCUS_ATTRIBUTE}]"))
            .into_iter()
            .map(|svg| {
                let full = svg.get_attribute("viewBox").unwrap_or_default();
                let focus = svg.get_attribute(FOCUS_ATTRIBUTE).unwrap_or_default();
                (svg, full, focus)
            })
            .collect();
        let perspective_buttons = all(&main, &format!("button[{PERSPECTIVE_ATTRIBUTE}]"));
        let mut perspectives: Vec<String> = perspective_buttons
            .iter()
            .filter_map(|b| b.get_attribute(PERSPECTIVE_ATTRIBUTE))
            .collect();
        if perspectives.is_empty() {
            perspectives.extend(main.get_attribute(PERSPECTIVE_ATTRIBUTE));
        }
        let perspective_parts = all(&main, &format!("[{PERSPECTIVE_PART_ATTRIBUTE}]"))
            .into_iter()
            .filter_map(|part| {
                let id = part.get_attribute(PERSPECTIVE_PART_ATTRIBUTE)?;
                Some((part, id))
            })
            .collect();
        Some(Page {
            drawings: all(&figure, &format!("svg.{DIAGRAM_SVG_CLASS}")),
            zoomable,
            compact: window().match_media(COMPACT_MEDIA).ok().flatten(),
            embedded: document()
                .document_element()
                .is_some_and(|html| html.class_list().contains(EMBED_CLASS)),
            count: one(&format!(".{PAGER_COUNT_CLASS}")),
            crowded: figure.get_attribute(CROWDED_ATTRIBUTE).unwrap_or_default(),
            progress: one(&format!(".{PROGRESS_FILL_CLASS}")),
            previous: one(&format!(".{PAGER_PREVIOUS_CLASS}")),
            next: one(&format!(".{PAGER_NEXT_CLASS}")),
            step_list: all(&main, &format!(".{STEP_LIST_CLASS} li")),
            perspective_buttons,
            perspectives,
            perspective_parts,
            panel_options: all(&main, &format!(".{VIEW_OPTION_CLASS}[{PANEL_ATTRIBUTE}]")),
            announcer: by_id(ANNOUNCER_ID),
            edition_links: document()
                .document_element()
                .map(|html| all(&html, &format!("a[{EDITION_ATTRIBUTE}]")))
                .unwrap_or_default()
                .into_iter()
                .map(|link| {
                    let href = link.get_attribute("href").unwrap_or_default();
                    (link, href)
                })
                .collect(),
            main,
            stage,
            timeline,
            steps,
            lit,
            events,
        })
    }

    /// The view `requested` asks for, checked against the page's steps and
    /// events; an unknown step falls back to `current` (or the first).
    pub fn resolve(&self, requested: &RequestedView, current: Option<usize>) -> ViewState {
        let steps: Vec<&str> = self.steps.iter().map(|(_, id, _)| id.as_str()).collect();
        let events: Vec<&str> = self.events.iter().map(|(_, id)| id.as_str()).collect();
        requested.resolve_with_events(&steps, &events, &self.perspective_ids(), current)
    }

    /// The story's perspectives' ids, in order.
    pub fn perspective_ids(&self) -> Vec<&str> {
        self.perspectives.iter().map(String::as_str).collect()
    }

    /// A perspective's id, or `""` for one the page does not have.
    pub fn perspective_id(&self, perspective: Perspective) -> &str {
        self.perspectives
            .get(perspective.index())
            .map_or("", String::as_str)
    }

    /// The perspective with this id.
    pub fn perspective_named(&self, id: &str) -> Option<Perspective> {
        let index = self.perspectives.iter().position(|p| p == id)?;
        Some(Perspective::nth(index))
    }

    /// How many steps the walk-through has.
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// The id of the step at `index`.
    pub fn step_id(&self, index: usize) -> Option<&str> {
        self.steps.get(index).map(|(_, id, _)| id.as_str())
    }

    /// The id of the timeline event at `index`.
    pub fn event_id(&self, index: usize) -> Option<&str> {
        self.events.get(index).map(|(_, id)| id.as_str())
    }

    /// The heading of a step in the stage, which takes focus at every step change.
    pub fn step_heading(&self, index: usize) -> Option<Element> {
        let (article, _, _) = self.steps.get(index)?;
        article.query_selector("h2").ok().flatten()
    }

    /// A timeline event's item, which takes focus when it opens.
    pub fn event_item(&self, index: usize) -> Option<Element> {
        self.events.get(index).map(|(li, _)| li.clone())
    }

    /// Turns the page's links into the live app's controls: the view switch's
    /// links become toggle buttons.
    pub fn go_live(&self) {
        for option in &self.panel_options {
            let _ = option.set_attribute("role", "button");
        }
    }

    /// The media query the phone layout's stylesheet uses, to follow its changes.
    pub fn compact_query(&self) -> Option<&MediaQueryList> {
        self.compact.as_ref()
    }

    /// The phone layout: a narrow viewport of our own (embeds keep the plain layout).
    pub fn is_compact(&self) -> bool {
        !self.embedded && self.compact.as_ref().is_some_and(MediaQueryList::matches)
    }

    /// Shows step `step`'s part of the map in the phone layout's strip, or the
    /// whole map in every other layout (and, with `whole`, for a printout).
    pub fn fit_drawings(&self, step: usize, whole: bool) {
        let zoom = !whole && self.is_compact();
        for (svg, full, focus) in &self.zoomable {
            let view_box = nth_entry(focus, step).filter(|_| zoom).unwrap_or(full);
            if svg.get_attribute("viewBox").as_deref() != Some(view_box) {
                let _ = svg.set_attribute("viewBox", view_box);
            }
        }
    }

    /// Moves the page from view `from` (the view it shows) to `to`. With
    /// `from` as `None` (start-up) every part is set.
    pub fn show(&self, from: Option<ViewState>, to: ViewState) {
        let changed = |part: fn(&ViewState) -> usize| from.is_none_or(|f| part(&f) != part(&to));
        if changed(|v| v.step) {
            self.show_step(from.map(|f| f.step), to.step);
        }
        if changed(|v| v.perspective.index()) {
            self.show_perspective(to.perspective);
        }
        if changed(|v| panel_index(v.panel)) {
            self.show_panel(to.panel);
        }
        if changed(|v| v.event.map_or(usize::MAX, |e| e)) {
            self.show_event(from.and_then(|f| f.event), to.event);
        }
        if let Some(from) = from {
            self.announce(from, to);
        }
    }

    fn show_step(&self, from: Option<usize>, to: usize) {
        for (index, (article, _, _)) in self.steps.iter().enumerate() {
            if from.is_none() || from == Some(index) || index == to {
                set_flag(article, "hidden", index != to);
            }
        }
        for (lit, class) in &self.lit {
            toggle_class(&lit.element, class, list_holds(&lit.steps, to));
        }
        for drawing in &self.drawings {
            toggle_class(drawing, CROWDED_CLASS, list_holds(&self.crowded, to));
        }
        self.fit_drawings(to, false);
        let total = self.steps.len();
        if let Some(fill) = &self.progress {
            let _ = fill.set_attribute("width", &progress_width(to, total));
        }
        if let Some(count) = &self.count {
            let template = count
                .get_attribute(COUNT_TEMPLATE_ATTRIBUTE)
                .unwrap_or_default();
            let text = step_count(&template, to, total);
            if count.text_content().as_deref() != Some(text.as_str()) {
                count.set_text_content(Some(&text));
            }
        }
        let last = total.saturating_sub(1);
        for (link, target, at_end) in [
            (&self.previous, to.saturating_sub(1), to == 0),
            (&self.next, (to + 1).min(last), to >= last),
        ] {
            if let (Some(link), Some((_, id, _))) = (link, self.steps.get(target)) {
                let _ = link.set_attribute("href", &step_hash(id));
                let _ = link.set_attribute("aria-disabled", if at_end { "true" } else { "false" });
            }
        }
        // The other editions open at the same step (at the first, their own
        // address as written: they open there anyway).
        if let Some((_, id, _)) = self.steps.get(to) {
            for (link, href) in &self.edition_links {
                let at = if to == 0 {
                    String::new()
                } else {
                    step_hash(id)
                };
                let _ = link.set_attribute("href", &format!("{href}{at}"));
            }
        }
        for (index, item) in self.step_list.iter().enumerate() {
            let current = index == to;
            toggle_class(item, CURRENT_CLASS, current);
            set_value(item, "aria-current", current.then_some("step"));
        }
    }

    fn show_perspective(&self, perspective: Perspective) {
        let name = self.perspective_id(perspective);
        let _ = self.main.set_attribute(PERSPECTIVE_ATTRIBUTE, name);
        for (part, id) in &self.perspective_parts {
            toggle_class(part, SHOWN_CLASS, id == name);
        }
        for button in &self.perspective_buttons {
            let pressed = button.get_attribute(PERSPECTIVE_ATTRIBUTE).as_deref() == Some(name);
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
    }

    fn show_panel(&self, panel: Panel) {
        let timeline = panel == Panel::Timeline;
        set_flag(&self.stage, "hidden", timeline);
        if let Some(section) = &self.timeline {
            set_flag(section, "hidden", !timeline);
        }
        for option in &self.panel_options {
            let pressed = option.get_attribute(PANEL_ATTRIBUTE).as_deref()
                == Some(if timeline { "timeline" } else { "steps" });
            let _ = option.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
    }

    fn show_event(&self, from: Option<usize>, to: Option<usize>) {
        for (index, (li, _)) in self.events.iter().enumerate() {
            if from == Some(index) || to == Some(index) {
                let open = to == Some(index);
                toggle_class(li, OPEN_CLASS, open);
                set_value(li, "aria-current", open.then_some("true"));
            }
        }
    }

    /// Empties the live region: focus is moving to what changed, which a screen
    /// reader then says (an announcement too would say it twice).
    pub fn silence(&self) {
        self.say("");
    }

    /// Sets the live region's text, writing only when it changes.
    fn say(&self, text: &str) {
        if let Some(announcer) = &self.announcer {
            if announcer.text_content().as_deref() != Some(text) {
                announcer.set_text_content(Some(text));
            }
        }
    }

    /// The live region speaks only for changes that move no focus: the view
    /// switch (to the walk-through, or to the timeline with no event open) and
    /// the perspective switch. A new step or event is heard from the element that
    /// takes focus, so the region is emptied then (it is in the reading order,
    /// and an old announcement would be read again there).
    fn announce(&self, from: ViewState, to: ViewState) {
        // What it says is the page's: templates on the live region.
        let template = |name: &str| {
            self.announcer
                .as_ref()
                .and_then(|a| a.get_attribute(name))
                .unwrap_or_default()
        };
        let text = if to.panel != from.panel {
            match to.panel {
                Panel::Timeline if to.event.is_some() => String::new(),
                Panel::Timeline => fill(
                    &template(SAY_TIMELINE_ATTRIBUTE),
                    &[("total", &self.events.len().to_string())],
                ),
                Panel::Steps => {
                    let title = self.steps.get(to.step).map_or("", |(_, _, t)| t.as_str());
                    step_announcement(
                        &template(SAY_STEP_ATTRIBUTE),
                        to.step,
                        self.steps.len(),
                        title,
                    )
                }
            }
        } else if to.perspective != from.perspective {
            let name = self.perspective_id(to.perspective);
            self.perspective_buttons
                .iter()
                .find(|b| b.get_attribute(PERSPECTIVE_ATTRIBUTE).as_deref() == Some(name))
                .and_then(|b| b.text_content())
                .map(|label| {
                    fill(
                        &template(SAY_PERSPECTIVE_ATTRIBUTE),
                        &[("label", label.trim())],
                    )
                })
                .unwrap_or_default()
        } else {
            String::new()
        };
        self.say(&text);
    }
}

fn panel_index(panel: Panel) -> usize {
    match panel {
        Panel::Steps => 0,
        Panel::Timeline => 1,
    }
}

/// Adds or removes a class, writing only when it changes.
fn toggle_class(element: &Element, class: &str, on: bool) {
    let classes = element.class_list();
    if classes.contains(class) != on {
        let _ = classes.toggle_with_force(class, on);
    }
}

/// Sets or removes a boolean attribute, writing only when it changes.
fn set_flag(element: &Element, name: &str, on: bool) {
    if element.has_attribute(name) != on {
        let _ = element.toggle_attribute_with_force(name, on);
    }
}

/// Sets an attribute to a value, or removes it.
fn set_value(element: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}
