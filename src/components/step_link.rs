//! A link to a step that works without scripts (a real `#step-…` href) and,
//! with them, moves to the step and focuses its heading without a page jump.

use leptos::prelude::*;

use crate::navigator::use_navigator;

/// A link to the step at `index`, with `id` as its URL fragment.
#[component]
pub fn StepLink(index: usize, id: String, children: Children) -> impl IntoView {
    let nav = use_navigator();
    let href = explainer_core::view_state::step_hash(&id);
    view! {
        <a
            href=href
            on:click=move |ev| {
                ev.prevent_default();
                nav.jump_to(index);
            }
        >
            {children()}
        </a>
    }
}
