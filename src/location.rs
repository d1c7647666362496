//! The browser side of the view state: reading and writing `location` and history.
//! What the URL means is decided in `explainer_core::view_state`; this only moves
//! strings between it and the browser.

use explainer_core::theme::{Theme, THEME_PARAM};
use explainer_core::view_state::{
    event_hash, perspective_param, step_hash, with_param, TIMELINE_TOKEN,
};
use explainer_core::{Perspective, RequestedView};
use wasm_bindgen::JsValue;

use crate::dom::window;

/// What the current URL asks for.
pub fn requested_view() -> RequestedView {
    let location = window().location();
    RequestedView::parse(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

/// Takes scrolling on back and forward over from the browser, which would jump
/// to the `#step-…` anchor of the step's full text; the navigator brings the
/// step in the walk-through into view instead.
pub fn take_over_scrolling() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Records the step in the URL. On its own page that adds a history entry, so
/// back and forward move between steps; inside a host page's frame it replaces the
/// entry instead, so the host's back button still leaves the article.
pub fn record_step(step_id: &str, framed: bool) {
    record(
        &with_param(&current_search(), SHOW, None),
        &step_hash(step_id),
        framed,
    );
}

/// Makes the URL name the step shown, without a history entry, if it names
/// something else.
pub fn restore_step(step_id: &str) {
    let location = window().location();
    let hash = step_hash(step_id);
    if location.hash().unwrap_or_default() != hash {
        record(&with_param(&current_search(), SHOW, None), &hash, true);
    }
}

/// Records an open timeline event (`?show=timeline#event-<id>`), as a step is recorded.
pub fn record_event(event_id: &str, framed: bool) {
    let search = with_param(&current_search(), SHOW, Some(TIMELINE_TOKEN));
    record(&search, &event_hash(event_id), framed);
}

/// Records the timeline without an open event.
pub fn record_timeline(framed: bool) {
    record(
        &with_param(&current_search(), SHOW, Some(TIMELINE_TOKEN)),
        "",
        framed,
    );
}

/// The query parameter that names the panel.
const SHOW: &str = "show";

/// Writes the URL: `replace` (framed pages, corrections) or a new history entry.
fn record(search: &str, hash: &str, replace: bool) {
    let pathname = window().location().pathname().unwrap_or_default();
    let url = format!("{pathname}{search}{hash}");
    if let Ok(history) = window().history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Records the perspective in the query without adding a history entry: switching
/// perspective is not a move the back button should undo.
/// `ids` are the page's perspectives, in order.
pub fn replace_perspective(perspective: Perspective, ids: &[&str]) {
    replace_param("view", perspective_param(perspective, ids));
}

/// Records the theme the host chose in the query (none for `auto`), without a
/// history entry, so a reload inside the frame keeps it.
pub fn replace_theme(theme: Theme) {
    replace_param(THEME_PARAM, theme.attribute());
}

/// Sets or removes one query parameter in place, keeping the rest of the URL.
fn replace_param(key: &str, value: Option<&str>) {
    let location = window().location();
    let search = with_param(&current_search(), key, value);
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        search,
        location.hash().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}
