//! The root component: loads the content, then shows the explainer or says
//! clearly why it cannot.

use std::sync::Arc;

use explainer_core::Content;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::explainer::Explainer;
use crate::components::load_status::{LoadFailed, Loading};
use crate::content_loader::{fetch_content, LoadError};
use crate::embed;

/// Where loading the content stands.
#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(LoadError),
    Ready(Arc<Content>),
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let embed = embed::set_up();
    provide_context(embed);
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match fetch_content().await {
                Ok(content) => LoadState::Ready(content),
                Err(error) => {
                    web_sys::console::warn_1(&error.to_string().into());
                    LoadState::Failed(error)
                }
            });
        });
    };
    load();
    // Loading, failure and the explainer differ in height: tell the host each time.
    Effect::new(move |_| {
        state.track();
        request_animation_frame(move || embed.report_height());
    });

    move || match state.get() {
        LoadState::Loading => Loading().into_any(),
        LoadState::Failed(error) => view! { <LoadFailed error=error on_retry=load/> }.into_any(),
        LoadState::Ready(content) => view! { <Explainer content=content/> }.into_any(),
    }
}
