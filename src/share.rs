//! "Share this step" in the live app: the button copies the step's address and
//! says so in its status line; when the clipboard refuses, it shows the address
//! selected in a read-only field to copy by hand. On its own the address is the
//! step's page; inside a host page's frame it is the host page's address (from
//! Pym.js's `parentUrl`, untrusted: only http(s), parsed by the browser's URL
//! parser, never put into markup) with the host step parameter.

use explainer_core::embed::HostEvent;
use explainer_core::embed::HOST_STEP_PARAM;
use explainer_core::page::{DONE_WORDS_ATTRIBUTE, FAILED_WORDS_ATTRIBUTE};
use explainer_core::share::{parent_url, SHARE_ATTRIBUTE};
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement, MouseEvent, Url};

use crate::dom::{clicked, document, on_window, window};
use crate::embed::EmbedState;

/// Listens for the share buttons; in a host page's frame, offers the host
/// page's address and tells the host that a step was shared.
pub fn listen(embed: EmbedState) {
    on_window("click", move |ev: MouseEvent| {
        let Some(button) = clicked(&ev, &format!("button[{SHARE_ATTRIBUTE}]")) else {
            return;
        };
        let (Some(id), Some(control)) = (
            button.get_attribute(SHARE_ATTRIBUTE),
            button.parent_element(),
        ) else {
            return;
        };
        embed.send(&HostEvent::Share { step: &id });
        let host = embed.framed.then(|| host_address(&id)).flatten();
        if let Some(address) = host.or_else(|| own_address(&control)) {
            spawn_local(copy(control, address));
        }
    });
}

/// The host page's address with the step, if the frame was given a usable one.
fn host_address(step_id: &str) -> Option<String> {
    let url = Url::new(&parent_url(&window().location().search().ok()?)?).ok()?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return None;
    }
    url.search_params().set(HOST_STEP_PARAM, step_id);
    Some(url.href())
}

/// The step page's address: the control's link, resolved against this page.
fn own_address(control: &Element) -> Option<String> {
    let href = control
        .query_selector("a[href]")
        .ok()??
        .get_attribute("href")?;
    let url = Url::new_with_base(&href, &window().location().href().ok()?).ok()?;
    Some(url.href())
}

/// Whether this frame may write to the clipboard: a host's frame without
/// `allow="clipboard-write"` (Pym.js makes its frames so) may not. Chromium says
/// so beforehand (and logs an error for a refused attempt); elsewhere, try.
fn clipboard_allowed() -> bool {
    let policy = ["permissionsPolicy", "featurePolicy"]
        .into_iter()
        .filter_map(|name| Reflect::get(&document(), &name.into()).ok())
        .find(JsValue::is_object);
    let Some(policy) = policy else {
        return true;
    };
    Reflect::get(&policy, &"allowsFeature".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&policy, &"clipboard-write".into()).ok())
        .is_none_or(|allowed| allowed.is_truthy())
}

/// Copies `address`, then reports it; shows it to copy by hand if that failed.
async fn copy(control: Element, address: String) {
    let navigator = window().navigator();
    // Pages served over plain HTTP from another host have no clipboard at all.
    let has_clipboard =
        Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|clipboard| clipboard.is_object());
    let copied = has_clipboard
        && clipboard_allowed()
        && JsFuture::from(navigator.clipboard().write_text(&address))
            .await
            .is_ok();
    let field = control
        .query_selector("input")
        .ok()
        .flatten()
        .and_then(|field| field.dyn_into::<HtmlInputElement>().ok());
    if let Some(field) = &field {
        field.set_value(&address);
        field.set_hidden(copied);
        if !copied {
            let _ = field.focus();
            field.select();
        }
    }
    // The words are the page's (`data-done`, `data-failed` on the control).
    let said = if copied {
        DONE_WORDS_ATTRIBUTE
    } else {
        FAILED_WORDS_ATTRIBUTE
    };
    if let Ok(Some(status)) = control.query_selector("[role=status]") {
        status.set_text_content(control.get_attribute(said).as_deref());
    }
}
