//! What the reader does, turned into navigator calls: one delegated listener
//! per kind of event for the whole page, so no control carries a closure of
//! its own. The controls are the pre-rendered links and buttons, found by the
//! hooks in `explainer_core::page`.

use explainer_core::embed::StepHow;
use explainer_core::page::{
    DIAGRAM_CLASS, EVIDENCE_TOGGLE_CLASS, GO_EVENT_ATTRIBUTE, GO_STEP_ATTRIBUTE, PAGER_NEXT_CLASS,
    PAGER_PREVIOUS_CLASS, PANEL_ATTRIBUTE, PERSPECTIVE_ATTRIBUTE, RELOAD_ATTRIBUTE,
    STEP_LIST_CLASS, VIEW_OPTION_CLASS,
};
use explainer_core::Panel;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent};

use crate::dom::{all, document, on_window, plain_click_on, window};
use crate::navigator::Navigator;

/// Listens for the page's whole life (the explainer is never taken down).
pub fn listen(nav: &Navigator) {
    let on_click = nav.clone();
    on_window("click", move |ev: MouseEvent| {
        if let Some(action) = plain_click_on(&ev, &CONTROLS).and_then(action_of) {
            ev.prevent_default();
            action.run(&on_click);
        }
    });
    let on_key = nav.clone();
    on_window("keydown", move |ev: KeyboardEvent| {
        let modified = ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key();
        if ev.default_prevented() || modified {
            return;
        }
        let key = ev.key();
        // Places and arrows of the diagram are links drawn in SVG: Enter and
        // Space open their step, as a click does.
        if key == "Enter" || key == " " {
            if let Some(step) = drawn_link_step(ev.target()) {
                ev.prevent_default();
                on_key.jump_to(step, StepHow::Diagram);
            }
            return;
        }
        if focus_is_in_text_field() {
            return;
        }
        match key.as_str() {
            "ArrowRight" => on_key.next(StepHow::Next),
            "ArrowLeft" => on_key.previous(StepHow::Previous),
            _ => return,
        }
        ev.prevent_default();
    });
    let on_popstate = nav.clone();
    on_window("popstate", move |_: web_sys::Event| {
        on_popstate.sync_from_location()
    });
    let on_hashchange = nav.clone();
    on_window("hashchange", move |_: web_sys::Event| {
        on_hashchange.sync_from_location()
    });
    let on_print = nav.clone();
    on_window("beforeprint", move |_: web_sys::Event| {
        open_all_details();
        on_print.fit_drawings(true);
    });
    // Keyboard focus on a place or an arrow that the zoomed strip may have cut
    // off: the strip shows the whole map while focus is in the diagram (a
    // pointer's focus leaves the zoom alone, so a tap lands where it aimed).
    let on_focus = nav.clone();
    on_window("focusin", move |ev: web_sys::FocusEvent| {
        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            if el
                .closest(&format!(".{DIAGRAM_CLASS}"))
                .ok()
                .flatten()
                .is_some()
                && el.matches(":focus-visible").unwrap_or(false)
            {
                on_focus.fit_drawings(true);
            }
        }
    });
    let on_blur = nav.clone();
    on_window("focusout", move |ev: web_sys::FocusEvent| {
        let in_diagram = |target: Option<web_sys::EventTarget>| {
            target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(&format!(".{DIAGRAM_CLASS}")).ok().flatten())
                .is_some()
        };
        // Only focus leaving the diagram matters, not every move of focus on the page.
        if in_diagram(ev.target()) && !in_diagram(ev.related_target()) {
            on_blur.fit_drawings(false);
        }
    });
    let after_print = nav.clone();
    on_window("afterprint", move |_: web_sys::Event| {
        after_print.fit_drawings(false)
    });
    // Into or out of the phone layout (a turned phone, a resized window).
    if let Some(query) = nav.compact_query() {
        let on_change = nav.clone();
        let callback = Closure::<dyn FnMut()>::new(move || on_change.fit_drawings(false));
        let _ = query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        // Lives as long as the page.
        callback.forget();
    }
}

/// What a click on the page asks for.
enum Action {
    Step(usize, StepHow),
    Event(usize),
    Next,
    Previous,
    /// The id of the perspective asked for.
    Perspective(String),
    Panel(Panel),
    Evidence(Element),
    Reload,
}

impl Action {
    fn run(self, nav: &Navigator) {
        match self {
            Action::Step(index, how) => nav.jump_to(index, how),
            Action::Event(index) => nav.show_event(index),
            Action::Next => nav.next(StepHow::Next),
            Action::Previous => nav.previous(StepHow::Previous),
            Action::Perspective(id) => nav.set_perspective(&id),
            Action::Panel(panel) => nav.show_panel(panel),
            Action::Evidence(button) => nav.toggle_evidence(&button),
            Action::Reload => {
                let _ = window().location().reload();
            }
        }
    }
}

/// Every control of ours, as a selector.
static CONTROLS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        ".{PAGER_NEXT_CLASS}, .{PAGER_PREVIOUS_CLASS}, [{GO_STEP_ATTRIBUTE}], \
         [{GO_EVENT_ATTRIBUTE}], button[{PERSPECTIVE_ATTRIBUTE}], \
         .{VIEW_OPTION_CLASS}[{PANEL_ATTRIBUTE}], [{RELOAD_ATTRIBUTE}], .{EVIDENCE_TOGGLE_CLASS}"
    )
});

/// What a control of ours asks for.
fn action_of(control: Element) -> Option<Action> {
    let number = |name: &str| control.get_attribute(name)?.parse::<usize>().ok();
    let classes = control.class_list();
    if classes.contains(EVIDENCE_TOGGLE_CLASS) {
        return Some(Action::Evidence(control));
    }
    if classes.contains(PAGER_NEXT_CLASS) {
        return Some(Action::Next);
    }
    if classes.contains(PAGER_PREVIOUS_CLASS) {
        return Some(Action::Previous);
    }
    if let Some(index) = number(GO_STEP_ATTRIBUTE) {
        return Some(Action::Step(index, step_link_kind(&control)));
    }
    if let Some(index) = number(GO_EVENT_ATTRIBUTE) {
        return Some(Action::Event(index));
    }
    if let Some(id) = control.get_attribute(PERSPECTIVE_ATTRIBUTE) {
        return Some(Action::Perspective(id));
    }
    if let Some(name) = control.get_attribute(PANEL_ATTRIBUTE) {
        return Some(Action::Panel(if name == "timeline" {
            Panel::Timeline
        } else {
            Panel::Steps
        }));
    }
    control
        .has_attribute(RELOAD_ATTRIBUTE)
        .then_some(Action::Reload)
}

/// Which kind of step link a control is, for the host's events: the step
/// list, the diagram, or a link elsewhere on the page.
fn step_link_kind(control: &Element) -> StepHow {
    let inside = |selector: &str| control.closest(selector).ok().flatten().is_some();
    if inside(&format!("nav.{STEP_LIST_CLASS}")) {
        StepHow::List
    } else if inside(&format!("figure.{DIAGRAM_CLASS}")) {
        StepHow::Diagram
    } else {
        StepHow::Link
    }
}

/// The step of the diagram place or arrow a key was pressed on.
fn drawn_link_step(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element = target?.dyn_into::<Element>().ok()?;
    if element.namespace_uri().as_deref() != Some("http://www.w3.org/2000/svg") {
        return None;
    }
    element.get_attribute(GO_STEP_ATTRIBUTE)?.parse().ok()
}

/// Arrow keys belong to the caret inside form fields.
fn focus_is_in_text_field() -> bool {
    document()
        .active_element()
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

/// A printout should hold the whole story, not a collapsed summary.
fn open_all_details() {
    if let Some(body) = document().body() {
        for details in all(&body, "details") {
            let _ = details.set_attribute("open", "");
        }
    }
}
