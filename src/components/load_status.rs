//! What the reader sees before the content is ready, or when it cannot be.

use leptos::prelude::*;

use crate::content_loader::LoadError;

/// Shown while the content file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <main class="status" role="status">
            <p class="status-title">"Loading the explainer…"</p>
        </main>
    }
}

/// Says why the content could not be shown, lists every problem, and offers a retry.
#[component]
pub fn LoadFailed(error: LoadError, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let details = error.details();
    view! {
        <main class="status status--error">
            <div role="alert">
                <h1 class="status-title">"The explainer could not load its content"</h1>
                <p class="status-summary">{error.summary()}</p>
                <Show when={let empty = details.is_empty(); move || !empty}>
                    <ul class="status-problems">
                        {details.clone().into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <button type="button" class="button" on:click=move |_| on_retry()>"Try again"</button>
        </main>
    }
}
