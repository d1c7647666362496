//! The list of every step, with the current one marked.

use std::sync::Arc;

use explainer_core::page::{CURRENT_CLASS, STEP_LIST_CLASS};
use explainer_core::Content;
use leptos::prelude::*;

use super::step_link::StepLink;
use super::INITIAL;
use crate::words::words;

/// All steps as links; the current one carries `aria-current="step"` and
/// `is-current` (the live app moves both).
#[component]
pub fn StepList(content: Arc<Content>) -> impl IntoView {
    let items = content
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let current = index == INITIAL.step;
            let title = step.title.clone();
            view! {
                <li class=(CURRENT_CLASS, current) aria-current=current.then_some("step")>
                    <StepLink index=index id=step.id.clone()>
                        <span class="step-list-number">{index + 1}</span>
                        <span class="step-list-title">{title}</span>
                    </StepLink>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class=STEP_LIST_CLASS aria-labelledby="step-list-heading">
            <h2 id="step-list-heading">{words().step_list.heading.clone()}</h2>
            <ol>{items}</ol>
        </nav>
    }
}
