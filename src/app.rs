//! Starting the app in the browser: the pre-rendered page is already there to
//! read; this brings it to life without rendering any of it again. It shows the
//! view the URL asks for, starts listening to the reader, the host page and
//! the history, and asks whether a newer version is deployed.

use explainer_core::page::{LIVE_ATTRIBUTE, ROOT_ID};
use gloo_timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;

use crate::dom::{by_id, next_frame, served_over_http, window};
use crate::navigator::Navigator;
use crate::page::Page;
use crate::{
    controls, embed, freshness, location, panic_notice, references, share, snippets, swipe, theme,
};

/// Starts the app: panic notice, theme, embed protocol, then the page.
pub fn start() {
    panic_notice::install();
    // The early script in index.html has done this for the first paint already.
    theme::apply(location::requested_view().theme);
    let embed = embed::set_up();
    let Some(page) = Page::find() else {
        return;
    };
    location::take_over_scrolling();
    let nav = Navigator::start(page, embed.clone());
    controls::listen(&nav);
    swipe::listen(&nav);
    references::listen(embed.clone());
    share::listen(embed.clone());
    if let Some(root) = by_id(ROOT_ID) {
        let _ = root.set_attribute(LIVE_ATTRIBUTE, "");
    }
    scroll_to_start(&nav);
    nav.announce_ready();
    next_frame(move || embed.report_height());
    // What the reader does not need at once waits for a task of its own, so the
    // start-up is two short tasks rather than one long one (a phone's main thread
    // stays free for the first tap): the embed snippets for this address at the
    // foot of the page, the offline copy and the question about a newer version.
    // Nothing cancels it, so its handle is let go.
    Timeout::new(0, || {
        snippets::set_up();
        register_service_worker();
        freshness::check();
    })
    .forget();
}

/// A step link lands on that step's full text in the page as rendered; the
/// live app shows the step at the top instead. An event link lands on the event.
fn scroll_to_start(nav: &Navigator) {
    let requested = location::requested_view();
    let view = nav.view();
    if let (Some(_), Some(id)) = (view.event, requested.event) {
        if let Some(el) = by_id(&explainer_core::content::event_anchor(&id)) {
            el.scroll_into_view();
        }
    } else if requested.step.is_some() {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Keeps a copy of this build for offline reading. Pages opened from disk, and
/// browsers or frames that refuse or lack service workers, simply go without.
fn register_service_worker() {
    if !served_over_http() {
        return;
    }
    // Some frames and privacy modes have no `navigator.serviceWorker` at all.
    let navigator = window().navigator();
    let available = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|container| !container.is_undefined() && !container.is_null());
    if !available {
        return;
    }
    let container = navigator.service_worker();
    let registration = container.register("sw.js");
    spawn_local(async move {
        // A refusal is not an error the reader needs to see.
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}
