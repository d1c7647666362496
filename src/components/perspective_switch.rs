//! The switch between an ordinary user's data and a paid creator's.

use std::sync::Arc;

use explainer_core::{Content, Perspective};
use leptos::prelude::*;

use crate::navigator::use_navigator;

/// Two toggle buttons; the pressed one is the perspective shown.
#[component]
pub fn PerspectiveSwitch(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let buttons = Perspective::ALL
        .into_iter()
        .map(|perspective| {
            let label = match perspective {
                Perspective::User => content.perspectives.user.clone(),
                Perspective::Creator => content.perspectives.creator.clone(),
            };
            let pressed = move || (nav.view.get().perspective == perspective).to_string();
            view! {
                <button
                    type="button"
                    class="switch-option"
                    data-perspective=perspective.as_str()
                    aria-pressed=pressed
                    on:click=move |_| nav.set_perspective(perspective)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="switch" role="group" aria-labelledby="switch-label">
            <span id="switch-label" class="switch-label">"Follow the data of"</span>
            <div class="switch-options">{buttons}</div>
        </div>
    }
}
