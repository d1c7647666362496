//! Reference markers in the live app: activating one moves focus to the quote
//! it names and highlights it, without touching the URL (which names the step);
//! the quote's "Back to the text" link returns focus to that marker (or, reached
//! otherwise, to the sentence the quote stands under). Without scripts both are
//! plain `#…` links and the stylesheet highlights the `:target`.

use std::cell::RefCell;
use std::rc::Rc;

use explainer_core::embed::HostEvent;
use explainer_core::page::{BACK_ATTRIBUTE, HIGHLIGHT_CLASS, REF_ATTRIBUTE};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::dom::{by_id, document, on_window, plain_click_on};
use crate::embed::EmbedState;

/// Follows every marker and every "back" link on the page (one delegated
/// listener for all of them), and tells the host page, if any, which quote was
/// opened.
pub fn listen(embed: EmbedState) {
    // The marker last followed, for the way back.
    let followed: Rc<RefCell<Option<Element>>> = Rc::default();
    // The explainer lives as long as the page, so the listener is never removed.
    on_window("click", move |ev: MouseEvent| {
        if let Some(link) = plain_click_on(&ev, &format!("a[{BACK_ATTRIBUTE}]")) {
            if let Some(target) = back_target(&link, followed.borrow().as_ref()) {
                ev.prevent_default();
                bring_to(&target);
            }
            return;
        }
        let Some(link) = plain_click_on(&ev, &format!("a[{REF_ATTRIBUTE}]")) else {
            return;
        };
        let Some(id) = target_id(&link) else {
            return;
        };
        if let Some(quote) = by_id(&id) {
            ev.prevent_default();
            show(&quote);
            followed.replace(Some(link));
            embed.send(&HostEvent::Quote { quote: &id });
        }
    });
}

/// The id a `#…` link leads to.
fn target_id(link: &Element) -> Option<String> {
    link.get_attribute("href")
        .and_then(|href| href.strip_prefix('#').map(str::to_owned))
}

/// Where a quote's "back" link returns: the marker the reader came from, if it
/// leads to this quote and is on show, or else the sentence the link names.
fn back_target(link: &Element, followed: Option<&Element>) -> Option<Element> {
    let quote = link.closest("figure[id]").ok().flatten()?.id();
    followed
        .filter(|m| target_id(m).as_deref() == Some(quote.as_str()))
        .filter(|m| m.get_client_rects().length() > 0)
        .cloned()
        .or_else(|| by_id(&target_id(link)?))
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
    bring_to(quote);
}

/// Scrolls an element to the middle of the view and focuses it (screen readers
/// then read it).
fn bring_to(element: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}
