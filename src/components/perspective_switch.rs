//! The switch between the story's perspectives: whose data the reader follows.

use std::sync::Arc;

use explainer_core::page::{SWITCH_CLASS, SWITCH_OPTION_CLASS};
use explainer_core::Content;
use leptos::prelude::*;

use super::INITIAL;
use crate::words::words;

/// One toggle button per perspective; the pressed one is the perspective shown
/// (the live app handles them; without scripts every perspective's notes are in
/// the full text). The explainer draws it only for two perspectives or more.
#[component]
pub fn PerspectiveSwitch(content: Arc<Content>) -> impl IntoView {
    let buttons = content
        .all_perspectives()
        .map(|perspective| {
            let label = content.perspective_label(perspective).to_owned();
            view! {
                <button
                    type="button"
                    class=SWITCH_OPTION_CLASS
                    data-perspective=content.perspective_id(perspective).to_owned()
                    aria-pressed=(perspective == INITIAL.perspective).to_string()
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class=SWITCH_CLASS role="group" aria-labelledby="switch-label">
            <span id="switch-label" class="switch-label">{words().perspectives.label.clone()}</span>
            <div class="switch-options">{buttons}</div>
        </div>
    }
}
