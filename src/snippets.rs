//! The embed panel in the live app: the snippets are rewritten for this page's
//! own address (the build only knew a relative one), and "Copy code" copies
//! them, saying in the snippet's status line whether that worked.

use explainer_core::embed::snippet;
use explainer_core::page::{
    COPY_ATTRIBUTE, DONE_WORDS_ATTRIBUTE, EMBED_PANEL_ID, FAILED_WORDS_ATTRIBUTE,
    SNIPPET_ATTRIBUTE, SNIPPET_STATUS_CLASS, TITLE_ATTRIBUTE,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlTextAreaElement, MouseEvent};

use crate::dom::{all, by_id, clicked, on_window, window};
use crate::embed;

/// Fills in the snippets and listens for the copy buttons.
pub fn set_up() {
    let Some(panel) = by_id(EMBED_PANEL_ID) else {
        return;
    };
    let title = panel.get_attribute(TITLE_ATTRIBUTE).unwrap_or_default();
    let url = embed_url();
    // Without the story's name the snippets stay as rendered (with a relative address).
    let name = embed::name();
    for wrapper in all(&panel, &format!("[{SNIPPET_ATTRIBUTE}]")) {
        let kind = wrapper.get_attribute(SNIPPET_ATTRIBUTE).unwrap_or_default();
        if let (Some(field), Some(name)) = (text_field(&wrapper), &name) {
            field.set_value(&snippet(&kind, &url, &title, name));
        }
    }
    on_window("click", move |ev: MouseEvent| {
        let Some(button) = clicked(&ev, &format!("[{COPY_ATTRIBUTE}]")) else {
            return;
        };
        let Some(wrapper) = button
            .closest(&format!("[{SNIPPET_ATTRIBUTE}]"))
            .ok()
            .flatten()
        else {
            return;
        };
        copy(wrapper);
    });
}

/// Copies the snippet in `wrapper` and reports the outcome in its status line.
fn copy(wrapper: Element) {
    let Some(code) = text_field(&wrapper).map(|field| field.value()) else {
        return;
    };
    spawn_local(async move {
        let promise = window().navigator().clipboard().write_text(&code);
        let done = wasm_bindgen_futures::JsFuture::from(promise).await;
        // The words are the page's (`data-done`, `data-failed` on the snippet).
        let said = match done {
            Ok(_) => DONE_WORDS_ATTRIBUTE,
            Err(_) => FAILED_WORDS_ATTRIBUTE,
        };
        if let Ok(Some(status)) = wrapper.query_selector(&format!(".{SNIPPET_STATUS_CLASS}")) {
            status.set_text_content(wrapper.get_attribute(said).as_deref());
        }
    });
}

fn text_field(wrapper: &Element) -> Option<HtmlTextAreaElement> {
    wrapper
        .query_selector("textarea")
        .ok()
        .flatten()?
        .dyn_into::<HtmlTextAreaElement>()
        .ok()
}

/// This page's address in embed mode.
fn embed_url() -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        explainer_core::embed::RELATIVE_EMBED_URL
    )
}
