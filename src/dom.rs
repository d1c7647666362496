//! The few browser helpers the live app needs, on plain `web-sys`: the window
//! and document, finding elements, page-long event listeners and next-frame
//! callbacks. Timeouts are gloo's (`gloo_timers::callback::Timeout`, cleared
//! when dropped); gloo's listener and animation-frame handles were measured and
//! each adds more than 200 bytes to the compressed wasm, so these two stay here.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, UnwrapThrowExt};

/// The browser window (the app only ever runs in one).
pub fn window() -> web_sys::Window {
    thread_local! {
        static WINDOW: web_sys::Window = web_sys::window().unwrap_throw();
    }
    WINDOW.with(Clone::clone)
}

/// The window's document.
pub fn document() -> web_sys::Document {
    thread_local! {
        static DOCUMENT: web_sys::Document = window().document().unwrap_throw();
    }
    DOCUMENT.with(Clone::clone)
}

/// The element with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// Every element under `root` matching `selector`, in document order.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The `content` of the page's `<meta name="{name}">`, if there is one.
pub fn meta_content(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()?
        .get_attribute("content")
}

/// Whether the page was served over HTTP(S): from disk (the single-file
/// edition) there is no server to ask and no service worker to register.
pub fn served_over_http() -> bool {
    let protocol = window().location().protocol().unwrap_or_default();
    protocol == "https:" || protocol == "http:"
}

/// Calls `handler` with every `name` event on the window whose event is an `E`,
/// for the page's whole life: the listener is never removed.
pub fn on_window<E: JsCast>(name: &str, mut handler: impl FnMut(E) + 'static) {
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            handler(ev);
        }
    });
    let _ = window().add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Runs `f` once before the next repaint.
pub fn next_frame(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// The element matching `selector` that a plain click (main button, no modifier
/// key, not handled yet) landed on or in. Other clicks are the browser's (a new
/// tab, a download): `None`.
pub fn plain_click_on(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    let modified = ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key();
    if ev.default_prevented() || modified || ev.button() != 0 {
        return None;
    }
    clicked(ev, selector)
}

/// The element matching `selector` that a click landed on or in.
pub fn clicked(ev: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}
