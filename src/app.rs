//! Starting the app in the browser: load the content, then replace the
//! pre-rendered page with the live explainer in one go, so there is no blank
//! moment. If the content cannot be loaded, the pre-rendered text stays and a
//! notice with a retry button appears above it.

use std::sync::Arc;

use explainer_core::Content;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use crate::components::explainer::Explainer;
use crate::components::load_status::{LoadFailed, Loading};
use crate::content_loader::{fetch_or_read_content, LoadError};
use crate::embed::{self, EmbedState};
use crate::location;
use crate::navigator::Navigator;
use crate::panic_notice;
use crate::references;
use crate::theme;

/// Id of the element holding the explainer (pre-rendered or empty).
pub const ROOT_ID: &str = "app";
/// Id of the element for loading and error notices, before the explainer.
pub const STATUS_ID: &str = "app-status";

/// Where loading the content stands, shown in the status area.
#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadError),
    Ready,
}

/// Starts the app: panic notice, embed protocol, content, explainer.
pub fn start() {
    panic_notice::install();
    // The early script in index.html has done this for the first paint already.
    theme::apply(location::requested_view().theme);
    let embed = embed::set_up();
    let (Some(root), Some(status_area)) = (element_or_body(ROOT_ID), element_or_body(STATUS_ID))
    else {
        return;
    };
    let prerendered = root.child_element_count() > 0;
    // Kept in the arena so the retry closure stays `Copy` and `Send`.
    let root = StoredValue::new_local(root);

    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            match fetch_or_read_content().await {
                Ok(content) => {
                    state.set(LoadState::Ready);
                    show_explainer(&root.get_value(), content, embed);
                }
                Err(error) => {
                    web_sys::console::warn_1(&error.to_string().into());
                    state.set(LoadState::Failed(error));
                }
            }
            request_animation_frame(move || embed.report_height());
        });
    };
    let status = move || match state.get() {
        // Pre-rendered text is already there to read; a spinner would only distract.
        LoadState::Loading if prerendered => ().into_any(),
        LoadState::Loading => Loading().into_any(),
        LoadState::Failed(error) => {
            view! { <LoadFailed error=error prerendered=prerendered on_retry=load/> }.into_any()
        }
        LoadState::Ready => ().into_any(),
    };
    // `mount_to` calls its argument once to build the view; the closure it returns stays reactive.
    leptos::mount::mount_to(status_area, move || status).forget();
    load();
    register_service_worker();
}

/// Keeps a copy of this build for offline reading. Pages opened from disk, and
/// browsers or frames that refuse or lack service workers, simply go without.
fn register_service_worker() {
    let protocol = window().location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
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

/// Swaps the pre-rendered page for the live explainer within one task, so the
/// browser never paints an empty page in between.
fn show_explainer(root: &HtmlElement, content: Arc<Content>, embed: EmbedState) {
    let step_ids: Vec<&str> = content.steps.iter().map(|s| s.id.as_str()).collect();
    let event_ids: Vec<&str> = content.timeline.iter().map(|e| e.id.as_str()).collect();
    let start = location::requested_view().resolve_with_events(&step_ids, &event_ids, None);
    let nav = Navigator::new(
        content.steps.iter().map(|s| s.id.clone()).collect(),
        content.timeline.iter().map(|e| e.id.clone()).collect(),
        start,
        embed.framed,
    );
    root.set_inner_html("");
    let root_view = move || {
        provide_context(nav);
        provide_context(embed);
        listen_to_browser(nav);
        Effect::new(move |_| {
            nav.view.track();
            request_animation_frame(move || embed.report_height());
        });
        view! { <Explainer content=content.clone()/> }
    };
    leptos::mount::mount_to(root.clone(), root_view).forget();
    let _ = root.set_attribute("data-live", "");
    // A step link lands on that step's full text in the static page; the live
    // app shows the step at the top instead. An event link lands on the event.
    let requested = location::requested_view();
    if let (Some(_), Some(id)) = (start.event, requested.event) {
        if let Some(el) =
            document().get_element_by_id(&explainer_core::view_state::event_anchor(&id))
        {
            el.scroll_into_view();
        }
    } else if requested.step.is_some() {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Arrow keys move between steps; back/forward and hash links move the view;
/// printing opens the collapsed full text.
fn listen_to_browser(nav: Navigator) {
    // The explainer lives as long as the page, so the listeners are never removed.
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let modified = ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key();
        if ev.default_prevented() || modified || focus_is_in_text_field() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => nav.next(),
            "ArrowLeft" => nav.previous(),
            _ => return,
        }
        ev.prevent_default();
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| nav.sync_from_location());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| nav.sync_from_location());
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| open_all_details());
    references::listen();
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
    if let Ok(list) = document().query_selector_all("details") {
        for i in 0..list.length() {
            if let Some(details) = list.item(i) {
                if let Ok(el) = details.dyn_into::<web_sys::Element>() {
                    let _ = el.set_attribute("open", "");
                }
            }
        }
    }
}

/// The element with this id, or the body when the page lacks it.
fn element_or_body(id: &str) -> Option<HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        .or_else(|| document().body())
}
