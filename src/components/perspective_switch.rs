//! The switch between an ordinary user's data and a paid creator's.

use std::sync::Arc;

use explainer_core::{Content, Perspective};
use leptos::prelude::*;

use super::INITIAL;

/// Two toggle buttons; the pressed one is the perspective shown (the live app
/// handles them; without scripts the creator's notes are in the full text).
#[component]
pub fn PerspectiveSwitch(content: Arc<Content>) -> impl IntoView {
    let buttons = Perspective::ALL
        .into_iter()
        .map(|perspective| {
            let label = content.perspective_label(perspective).to_owned();
            view! {
                <button
                    type="button"
                    class="switch-option"
                    data-perspective=perspective.as_str()
                    aria-pressed=(perspective == INITIAL.perspective).to_string()
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
