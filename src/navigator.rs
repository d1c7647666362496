//! The view being shown and every way of changing it, shared through context so
//! components stay thin: they read [`Navigator::view`] and call its methods.

use std::sync::Arc;

use explainer_core::{Perspective, ViewState};
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
    framed: bool,
}

impl Navigator {
    /// Creates the navigator for these steps, showing `start`. `framed` pages
    /// replace history entries instead of adding them.
    pub fn new(step_ids: Vec<String>, start: ViewState, framed: bool) -> Navigator {
        Navigator {
            view: RwSignal::new(start),
            step_ids: StoredValue::new(Arc::new(step_ids)),
            framed,
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

    /// Goes to a step, adding a history entry. Out-of-range indexes are ignored.
    pub fn go_to(&self, index: usize) {
        let Some(id) = self.step_id(index) else {
            return;
        };
        if self.view.get_untracked().step != index {
            self.view.update(|v| v.step = index);
            location::record_step(&id, self.framed);
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

    /// One step forward, stopping at the last.
    pub fn next(&self) {
        self.go_to(self.view.get_untracked().step + 1);
        reveal_heading();
    }

    /// One step back, stopping at the first.
    pub fn previous(&self) {
        if let Some(index) = self.view.get_untracked().step.checked_sub(1) {
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
        let next = self.step_ids.with_value(|ids| {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            location::requested_view().resolve(&ids, Some(current.step))
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

/// The navigator provided by the explainer.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}
