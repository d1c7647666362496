//! The two ways into the story: step by step, or the timeline.

use explainer_core::page::{STAGE_ID, TIMELINE_ID, VIEW_OPTION_CLASS};
use leptos::prelude::*;

use crate::words::words;

/// Two links to the stage and the timeline sections (which is what they do
/// without scripts); the live app turns them into toggle buttons
/// (`role="button"`, `aria-pressed`) that switch the panel in place.
#[component]
pub fn ViewSwitch(has_timeline: bool) -> impl IntoView {
    has_timeline.then(|| {
        let words = words();
        view! {
            <nav class="view-switch" aria-label=words.views.label.clone()>
                <a class=VIEW_OPTION_CLASS href=format!("#{STAGE_ID}") data-panel="steps">{words.views.steps.clone()}</a>
                <a class=VIEW_OPTION_CLASS href=format!("#{TIMELINE_ID}") data-panel="timeline">{words.views.timeline.clone()}</a>
            </nav>
        }
    })
}
