//! Horizontal swipes on the walk-through move between steps, as Previous and
//! Next do. The listeners are passive and never cancel an event, so vertical
//! scrolling, pinch zoom and text selection stay the browser's; which movements
//! count as a swipe is decided in `explainer_core::gesture`.

use std::cell::Cell;
use std::rc::Rc;

use explainer_core::embed::StepHow;
use explainer_core::gesture::{swipe, Swipe};
use explainer_core::page::STAGE_ID;
use wasm_bindgen::JsCast;
use web_sys::{Element, TouchEvent};

use crate::dom::{on_window, window};
use crate::navigator::Navigator;

/// Where and when a one-finger touch on the stage began.
#[derive(Clone, Copy)]
struct Start {
    x: f64,
    y: f64,
    time: f64,
}

/// Listens for the page's whole life.
pub fn listen(nav: &Navigator) {
    let start: Rc<Cell<Option<Start>>> = Rc::default();
    let on_start = start.clone();
    on_window("touchstart", move |ev: TouchEvent| {
        let touches = ev.touches();
        // A second finger makes it a pinch; a touch outside the stage, a zoomed-in
        // page (the reader pans to read) or a form field is never a swipe.
        let one = (touches.length() == 1)
            .then(|| touches.get(0))
            .flatten()
            .filter(|_| on_stage(ev.target()) && !zoomed_in());
        on_start.set(one.map(|t| Start {
            x: f64::from(t.client_x()),
            y: f64::from(t.client_y()),
            time: ev.time_stamp(),
        }));
    });
    let on_end = nav.clone();
    on_window("touchend", move |ev: TouchEvent| {
        let (Some(began), Some(touch)) = (start.take(), ev.changed_touches().get(0)) else {
            return;
        };
        if ev.touches().length() > 0 || selecting_text() {
            return;
        }
        let dx = f64::from(touch.client_x()) - began.x;
        let dy = f64::from(touch.client_y()) - began.y;
        match swipe(dx, dy, ev.time_stamp() - began.time) {
            Some(Swipe::Next) => on_end.next(StepHow::Swipe),
            Some(Swipe::Previous) => on_end.previous(StepHow::Swipe),
            None => {}
        }
    });
}

/// Whether a touch began in the walk-through's stage, outside form fields.
fn on_stage(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let in_field = element
        .closest("input, textarea, select")
        .ok()
        .flatten()
        .is_some();
    let in_stage = element
        .closest(&format!("#{STAGE_ID}"))
        .ok()
        .flatten()
        .is_some();
    in_stage && !in_field
}

/// Whether the reader has pinched the page larger than its layout.
fn zoomed_in() -> bool {
    window()
        .visual_viewport()
        .is_some_and(|viewport| viewport.scale() > 1.01)
}

/// Whether the touch ended with text selected (the reader was selecting).
fn selecting_text() -> bool {
    window()
        .get_selection()
        .ok()
        .flatten()
        .is_some_and(|selection| !selection.is_collapsed())
}
