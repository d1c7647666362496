//! If the app ever panics, the reader is told, and what is on screen stays readable.

use explainer_core::page::{MAIN_ID, PANIC_NOTICE_CLASS, PANIC_NOTICE_ID, STOPPED_WORDS_ATTRIBUTE};
use wasm_bindgen::JsCast;

/// Logs panics to the console and shows a notice at the top of the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Adds the notice with plain DOM calls, relying on none of the app's state: it may be what broke.
fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(PANIC_NOTICE_ID).is_some() {
        return;
    }
    // The words are the page's, on `<main>`; without them there is nothing to say.
    let Some(words) = document
        .get_element_by_id(MAIN_ID)
        .and_then(|main| main.get_attribute(STOPPED_WORDS_ATTRIBUTE))
    else {
        return;
    };
    let (Ok(notice), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    notice.set_id(PANIC_NOTICE_ID);
    notice.set_class_name(PANIC_NOTICE_CLASS);
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(&words));
    if let Ok(node) = notice.dyn_into::<web_sys::Node>() {
        let _ = body.insert_before(&node, body.first_child().as_ref());
    }
}
