//! The one state model of the live app: the view being shown and every way of
//! changing it. Each change goes through [`Navigator::set`], which records it
//! and hands the old and new views to the [`Page`], so the page, the URL and
//! the height report follow in one place.

use std::cell::Cell;
use std::rc::Rc;

use explainer_core::embed::{HostEvent, StepHow};
use explainer_core::{Panel, ViewState};
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::dom::next_frame;
use crate::embed::EmbedState;
use crate::location;
use crate::page::Page;

/// Handle on the current view; cheap to clone into event handlers (all clones
/// share one state).
#[derive(Clone)]
pub struct Navigator(Rc<State>);

struct State {
    view: Cell<ViewState>,
    page: Page,
    embed: EmbedState,
    /// The host has been told that the reader reached the last step.
    last_step_sent: Cell<bool>,
}

impl Navigator {
    /// Takes over the page at the view the URL asks for.
    pub fn start(page: Page, embed: EmbedState) -> Navigator {
        let start = page.resolve(&location::requested_view(), None);
        page.go_live();
        page.show(None, start);
        Navigator(Rc::new(State {
            view: Cell::new(start),
            page,
            embed,
            last_step_sent: Cell::new(false),
        }))
    }

    /// Tells the host page, if any, that the explainer is live and what it shows.
    pub fn announce_ready(&self) {
        let view = self.view();
        if let Some(id) = self.step_id(view.step) {
            self.0.embed.send(&HostEvent::Ready {
                step: &id,
                number: view.step + 1,
                steps: self.0.page.step_count(),
                perspective: self.0.page.perspective_id(view.perspective),
                view: view.panel,
            });
        }
    }

    /// Tells the host page, if any, what changed from `current` to `next`
    /// (`how`: how the reader moved, if the step changed).
    fn tell_host(&self, current: ViewState, next: ViewState, how: Option<StepHow>) {
        let embed = &self.0.embed;
        if next.panel != current.panel {
            embed.send(&HostEvent::View { view: next.panel });
        }
        if next.perspective != current.perspective {
            embed.send(&HostEvent::Perspective {
                perspective: self.0.page.perspective_id(next.perspective),
            });
        }
        if next.panel != Panel::Steps || next.step == current.step {
            return;
        }
        let Some(id) = self.step_id(next.step) else {
            return;
        };
        let steps = self.0.page.step_count();
        embed.send(&HostEvent::Step {
            id: &id,
            number: next.step + 1,
            steps,
            how: how.unwrap_or(StepHow::History),
        });
        if next.step + 1 == steps && !self.0.last_step_sent.replace(true) {
            embed.send(&HostEvent::LastStep {
                step: &id,
                number: steps,
            });
        }
    }

    /// Shows the current step's part of the map in the phone layout's strip
    /// (or, with `whole`, the whole map, for a printout).
    pub fn fit_drawings(&self, whole: bool) {
        self.0.page.fit_drawings(self.view().step, whole);
    }

    /// The phone layout's media query, to follow its changes.
    pub fn compact_query(&self) -> Option<web_sys::MediaQueryList> {
        self.0.page.compact_query().cloned()
    }

    /// Opens or closes the evidence of the block whose button was pressed
    /// (the host page hears which block was opened).
    pub fn toggle_evidence(&self, button: &web_sys::Element) {
        crate::evidence::toggle(button, &self.0.embed);
    }

    /// The view on screen.
    pub fn view(&self) -> ViewState {
        self.0.view.get()
    }

    /// Shows `next`: the page changes what differs, and the host hears what
    /// changed (`how`: how the reader moved, if the step changes) and the new height.
    fn set(&self, next: ViewState, how: Option<StepHow>) {
        let current = self.view();
        if current == next {
            return;
        }
        self.0.view.set(next);
        self.0.page.show(Some(current), next);
        self.tell_host(current, next, how);
        let embed = self.0.embed.clone();
        next_frame(move || embed.report_height());
    }

    /// Opens the timeline at an event and moves focus to it (out-of-range
    /// indexes are ignored). Adds a history entry, as a step change does.
    pub fn show_event(&self, index: usize) {
        let Some(id) = self.0.page.event_id(index).map(str::to_owned) else {
            return;
        };
        let current = self.view();
        if current.panel != Panel::Timeline || current.event != Some(index) {
            self.set(
                ViewState {
                    panel: Panel::Timeline,
                    event: Some(index),
                    ..current
                },
                None,
            );
            location::record_event(&id, self.0.embed.framed);
        }
        focus(self.0.page.event_item(index));
    }

    /// Switches between the walk-through (at its current step) and the timeline
    /// (at its open event, if any).
    pub fn show_panel(&self, panel: Panel) {
        let current = self.view();
        if current.panel == panel {
            return;
        }
        match (panel, current.event) {
            (Panel::Timeline, Some(event)) => self.show_event(event),
            (Panel::Timeline, None) => {
                self.set(ViewState { panel, ..current }, None);
                location::record_timeline(self.0.embed.framed);
            }
            (Panel::Steps, _) => {
                self.set(ViewState { panel, ..current }, None);
                if let Some(id) = self.step_id(current.step) {
                    location::record_step(&id, self.0.embed.framed);
                }
            }
        }
    }

    fn step_id(&self, index: usize) -> Option<String> {
        self.0.page.step_id(index).map(str::to_owned)
    }

    /// Goes to a step of the walk-through, adding a history entry (`how`: the
    /// way the reader asked, for the host). Out-of-range indexes are ignored.
    pub fn go_to(&self, index: usize, how: StepHow) {
        let Some(id) = self.step_id(index) else {
            return;
        };
        let current = self.view();
        if current.step != index || current.panel != Panel::Steps {
            self.set(
                ViewState {
                    step: index,
                    panel: Panel::Steps,
                    ..current
                },
                Some(how),
            );
            location::record_step(&id, self.0.embed.framed);
        } else {
            // Already there, but the URL may name something else (a quote, an
            // entry of the corrections log): make it name the step again.
            location::restore_step(&id);
        }
    }

    /// Goes to a step from a link elsewhere on the page (the diagram, the step
    /// list, the sources), and lands on it as after Next.
    pub fn jump_to(&self, index: usize, how: StepHow) {
        self.go_to(index, how);
        self.arrive();
    }

    /// One step forward, stopping at the last; in the timeline, the next event.
    /// `how`: Next or the key ([`StepHow::Next`]), or a swipe.
    pub fn next(&self, how: StepHow) {
        let view = self.view();
        if view.panel == Panel::Timeline {
            self.show_event(view.event.map_or(0, |e| e + 1));
            return;
        }
        self.go_to(view.step + 1, how);
        // At the last step Next does nothing: focus stays where it is.
        if self.view().step != view.step {
            self.arrive();
        }
    }

    /// One step back, stopping at the first; in the timeline, the previous event.
    /// `how`: Previous or the key ([`StepHow::Previous`]), or a swipe.
    pub fn previous(&self, how: StepHow) {
        let view = self.view();
        if view.panel == Panel::Timeline {
            if let Some(index) = view.event.and_then(|e| e.checked_sub(1)) {
                self.show_event(index);
            }
            return;
        }
        if let Some(index) = view.step.checked_sub(1) {
            self.go_to(index, how);
            self.arrive();
        }
    }

    /// Switches whose data the diagram and the steps follow, to the perspective
    /// with this id (an unknown id changes nothing).
    pub fn set_perspective(&self, id: &str) {
        let Some(perspective) = self.0.page.perspective_named(id) else {
            return;
        };
        let current = self.view();
        if current.perspective != perspective {
            self.set(
                ViewState {
                    perspective,
                    ..current
                },
                None,
            );
            location::replace_perspective(perspective, &self.0.page.perspective_ids());
        }
    }

    /// Follows the URL after back/forward or a hash link: an unknown step keeps
    /// the current one. The reader lands on a new step as after Next (the
    /// browser's own scrolling would go to the step's full text, whose anchor
    /// the URL names: history scroll restoration is off, see `location`).
    pub fn sync_from_location(&self) {
        let requested = location::requested_view();
        let before = self.view();
        self.set(
            self.0.page.resolve(&requested, Some(before.step)),
            Some(StepHow::History),
        );
        let after = self.view();
        if after.panel == Panel::Steps && after.step != before.step {
            self.arrive();
        }
        // Back or Forward to a timeline event: its entry takes focus, as when it opens.
        let event_reached = before.panel != Panel::Timeline || before.event != after.event;
        if after.panel == Panel::Timeline && event_reached {
            if let Some(index) = after.event {
                focus(self.0.page.event_item(index));
            }
        }
    }

    /// Lands the reader on the step shown: its heading is brought into view and
    /// takes keyboard focus. One rule for every way of changing step (Next,
    /// Previous, the arrow keys, a swipe, the step list, the diagram, back and
    /// forward), as the ARIA Authoring Practices advise when content changes
    /// in place: a screen reader says the new step's title and "Step N of M"
    /// once (nothing else announces a step change), reading on gives its lead,
    /// the evidence button and the pager, so Next is a few phrases away.
    fn arrive(&self) {
        // From the timeline the view switch would announce the step as well.
        self.0.page.silence();
        let Some(heading) = self.0.page.step_heading(self.view().step) else {
            return;
        };
        self.reveal(&heading);
        if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
            // Already scrolled where it should be (see `reveal`).
            let options = FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    }

    /// After Previous/Next at the foot of a long step, the new step's heading can be
    /// out of view: bring it back so the reader starts at the top of the step. In
    /// the phone layout the heading's scroll margin keeps it clear of the diagram
    /// strip above it. In a frame, the host page is asked to scroll instead.
    ///
    /// Done here, in the handler, not in the next frame: the page must be where it
    /// will stay once the step has changed. Deferred to the next frame, the scroll
    /// moved the page under a press that had already begun: a second Next pressed
    /// before that frame went down on the button and came up on the text (WebKit
    /// under a virtual display, whose frames can come 100 ms apart, lost about one
    /// Next in ten that way), and the click was lost.
    fn reveal(&self, heading: &Element) {
        if self.0.embed.reveal_in_host(heading) {
            return;
        }
        // In the phone layout the heading goes to the top, just below the strip (its
        // scroll margin), so the step's lead and its evidence button fit the screen
        // above the pager; elsewhere only as far as it takes to bring it into view.
        let options = ScrollIntoViewOptions::new();
        options.set_block(if self.0.page.is_compact() {
            ScrollLogicalPosition::Start
        } else {
            ScrollLogicalPosition::Nearest
        });
        heading.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Moves keyboard focus to an element (screen readers then read it).
fn focus(element: Option<Element>) {
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
