//! The view being shown and every way of changing it, shared through context so
//! components stay thin: they read [`Navigator::view`] and call its methods.

use std::sync::Arc;

use explainer_core::{Panel, Perspective, ViewState};
use leptos::prelude::*;

use crate::location;

/// Id of the current step's heading, focused after a jump from elsewhere.
pub const STEP_HEADING_ID: &str = "step-heading";

/// Handle on the current view; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The step and perspective on screen.
    pub view: RwSignal<ViewState>,
    step_ids: StoredValue<Arc<Vec<String>>>,
    event_ids: StoredValue<Arc<Vec<String>>>,
    framed: bool,
}

impl Navigator {
    /// Creates the navigator for these steps and timeline events, showing
    /// `start`. `framed` pages replace history entries instead of adding them.
    pub fn new(
        step_ids: Vec<String>,
        event_ids: Vec<String>,
        start: ViewState,
        framed: bool,
    ) -> Navigator {
        Navigator {
            view: RwSignal::new(start),
            step_ids: StoredValue::new(Arc::new(step_ids)),
            event_ids: StoredValue::new(Arc::new(event_ids)),
            framed,
        }
    }

    /// Number of timeline events.
    pub fn event_count(&self) -> usize {
        self.event_ids.with_value(|ids| ids.len())
    }

    /// Whether the timeline is shown, as a reactive closure.
    pub fn showing_timeline(&self) -> impl Fn() -> bool + Send + Sync + Copy + 'static {
        let view = self.view;
        move || view.get().panel == Panel::Timeline
    }

    /// Opens the timeline at an event and moves focus to it (out-of-range
    /// indexes are ignored). Adds a history entry, as a step change does.
    pub fn show_event(&self, index: usize) {
        let Some(id) = self.event_ids.with_value(|ids| ids.get(index).cloned()) else {
            return;
        };
        let current = self.view.get_untracked();
        if current.panel != Panel::Timeline || current.event != Some(index) {
            self.view.update(|v| {
                v.panel = Panel::Timeline;
                v.event = Some(index);
            });
            location::record_event(&id, self.framed);
        }
        focus_when_shown(explainer_core::view_state::event_anchor(&id));
    }

    /// Switches between the walk-through (at its current step) and the timeline
    /// (at its open event, if any).
    pub fn show_panel(&self, panel: Panel) {
        let current = self.view.get_untracked();
        if current.panel == panel {
            return;
        }
        match (panel, current.event) {
            (Panel::Timeline, Some(event)) => self.show_event(event),
            (Panel::Timeline, None) => {
                self.view.update(|v| v.panel = Panel::Timeline);
                location::record_timeline(self.framed);
            }
            (Panel::Steps, _) => {
                self.view.update(|v| v.panel = Panel::Steps);
                if let Some(id) = self.step_id(current.step) {
                    location::record_step(&id, self.framed);
                }
            }
        }
    }

    /// The id of the step at `index`.
    pub fn step_id(&self, index: usize) -> Option<String> {
        self.step_ids.with_value(|ids| ids.get(index).cloned())
    }

    /// Whether the current step is one of `steps`, as a reactive closure for
    /// highlighting an element that those steps are about.
    pub fn is_current_in(
        &self,
        steps: Vec<usize>,
    ) -> impl Fn() -> bool + Send + Sync + Clone + 'static {
        let view = self.view;
        move || steps.contains(&view.get().step)
    }

    /// Number of steps.
    pub fn step_count(&self) -> usize {
        self.step_ids.with_value(|ids| ids.len())
    }

    /// Goes to a step of the walk-through, adding a history entry.
    /// Out-of-range indexes are ignored.
    pub fn go_to(&self, index: usize) {
        let Some(id) = self.step_id(index) else {
            return;
        };
        let current = self.view.get_untracked();
        if current.step != index || current.panel != Panel::Steps {
            self.view.update(|v| {
                v.step = index;
                v.panel = Panel::Steps;
            });
            location::record_step(&id, self.framed);
        } else {
            // Already there, but the URL may name something else (a quote, an
            // entry of the corrections log): make it name the step again.
            location::restore_step(&id);
        }
    }

    /// Goes to a step and moves keyboard focus to its heading, for jumps from
    /// the diagram, the step list or the sources, far from the step text.
    pub fn jump_to(&self, index: usize) {
        self.go_to(index);
        if let Some(heading) = document().get_element_by_id(STEP_HEADING_ID) {
            if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                let _ = heading.focus();
            }
        }
    }

    /// One step forward, stopping at the last; in the timeline, the next event.
    pub fn next(&self) {
        let view = self.view.get_untracked();
        if view.panel == Panel::Timeline {
            self.show_event(view.event.map_or(0, |e| e + 1));
            return;
        }
        self.go_to(view.step + 1);
        reveal_heading();
    }

    /// One step back, stopping at the first; in the timeline, the previous event.
    pub fn previous(&self) {
        let view = self.view.get_untracked();
        if view.panel == Panel::Timeline {
            if let Some(index) = view.event.and_then(|e| e.checked_sub(1)) {
                self.show_event(index);
            }
            return;
        }
        if let Some(index) = view.step.checked_sub(1) {
            self.go_to(index);
            reveal_heading();
        }
    }

    /// Switches whose data the diagram and the steps follow.
    pub fn set_perspective(&self, perspective: Perspective) {
        if self.view.get_untracked().perspective != perspective {
            self.view.update(|v| v.perspective = perspective);
            location::replace_perspective(perspective);
        }
    }

    /// Follows the URL after back/forward or a hash link: an unknown step keeps
    /// the current one.
    pub fn sync_from_location(&self) {
        let current = self.view.get_untracked();
        let next = self.step_ids.with_value(|steps| {
            self.event_ids.with_value(|events| {
                let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
                let events: Vec<&str> = events.iter().map(String::as_str).collect();
                location::requested_view().resolve_with_events(&steps, &events, Some(current.step))
            })
        });
        if next != current {
            self.view.set(next);
        }
    }
}

/// After Previous/Next at the foot of a long step, the new step's heading can be
/// above the viewport: bring it back so the reader starts at the top of the step.
fn reveal_heading() {
    if let Some(heading) = document().get_element_by_id(STEP_HEADING_ID) {
        if heading.get_bounding_client_rect().top() < 0.0 {
            heading.scroll_into_view();
        }
    }
}

/// Focuses the element with this id once the view has been updated and shown.
fn focus_when_shown(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// The navigator provided by the explainer.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}
