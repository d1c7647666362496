//! The two ways into the story: step by step, or the timeline.

use leptos::prelude::*;

/// Two links to the stage and the timeline sections (which is what they do
/// without scripts); the live app turns them into toggle buttons
/// (`role="button"`, `aria-pressed`) that switch the panel in place.
#[component]
pub fn ViewSwitch(has_timeline: bool) -> impl IntoView {
    has_timeline.then(|| {
        view! {
            <nav class="view-switch" aria-label="Ways into the story">
                <a class="view-option" href="#explainer-stage" data-panel="steps">"Step by step"</a>
                <a class="view-option" href="#timeline" data-panel="timeline">"Timeline"</a>
            </nav>
        }
    })
}
