//! What the reader sees before the content is ready, or when it cannot be.

use leptos::prelude::*;

use crate::content_loader::LoadError;

/// Shown while the content file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status">
            <p class="status-title">"Loading the explainer…"</p>
        </div>
    }
}

/// Says why the content could not be shown, lists every problem, and offers a
/// retry. With a pre-rendered page below, says that its text is still there to read.
#[component]
pub fn LoadFailed(
    error: LoadError,
    prerendered: bool,
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let details = error.details();
    let fallback = prerendered.then(|| {
        view! {
            <p class="status-fallback">
                "The text of the explainer below is a static copy and can still be read; the diagram and the step-by-step controls need the content file."
            </p>
        }
    });
    view! {
        <div class="status status--error">
            <div role="alert">
                <h1 class="status-title">"The explainer could not load its content"</h1>
                <p class="status-summary">{error.summary()}</p>
                {fallback}
                <Show when={let empty = details.is_empty(); move || !empty}>
                    <ul class="status-problems">
                        {details.clone().into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <button type="button" class="button" on:click=move |_| on_retry()>"Try again"</button>
        </div>
    }
}
