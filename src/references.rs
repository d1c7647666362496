//! Reference markers in the live app: activating one moves focus to the quote
//! it names and highlights it, without touching the URL (which names the step).
//! Without scripts the markers are plain `#quote-…` links and the stylesheet
//! highlights the `:target`.

use explainer_core::embed::HostEvent;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::dom::{by_id, document, on_window, plain_click_on};
use crate::embed::EmbedState;

/// Class of the quote a marker last led to.
pub const HIGHLIGHT_CLASS: &str = "is-highlighted";

/// Follows every marker on the page (one delegated listener for all of them),
/// and tells the host page, if any, which quote was opened.
pub fn listen(embed: EmbedState) {
    // The explainer lives as long as the page, so the listener is never removed.
    on_window("click", move |ev: MouseEvent| {
        let Some(link) = plain_click_on(&ev, "a[data-ref]") else {
            return;
        };
        let Some(id) = link
            .get_attribute("href")
            .and_then(|href| href.strip_prefix('#').map(str::to_owned))
        else {
            return;
        };
        if let Some(quote) = by_id(&id) {
            ev.prevent_default();
            show(&quote);
            embed.send(&HostEvent::Quote { quote: &id });
        }
    });
}

/// Brings the quote into view, focuses it (screen readers then read it) and
/// marks it as the one the reader asked for.
fn show(quote: &Element) {
    if let Ok(list) = document().query_selector_all(&format!(".{HIGHLIGHT_CLASS}")) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1(HIGHLIGHT_CLASS);
            }
        }
    }
    let _ = quote.class_list().add_1(HIGHLIGHT_CLASS);
    // The quote's evidence layer may be folded away.
    crate::evidence::open_around(quote);
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    quote.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(quote) = quote.dyn_ref::<HtmlElement>() {
        let _ = quote.focus();
    }
}
