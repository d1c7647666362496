//! A link to a step: a real `#step-…` href that works without scripts; the live
//! app follows it in place (moving focus to the step's heading) through the
//! step index it carries in `data-go-step` (`page::GO_STEP_ATTRIBUTE`).

use leptos::prelude::*;

/// A link to the step at `index`, with `id` as its URL fragment.
#[component]
pub fn StepLink(index: usize, id: String, children: Children) -> impl IntoView {
    let href = explainer_core::view_state::step_hash(&id);
    view! { <a href=href data-go-step=index>{children()}</a> }
}
