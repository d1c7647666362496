//! Corrections and updates: what changed in this explainer and when, newest
//! first, each linked to the steps it changed (which carry an "updated" mark).

use std::sync::Arc;

use explainer_core::page::{
    STEP_UPDATED_CLASS, UPDATE_CLASS, UPDATE_STEPS_CLASS, UPDATE_TEXT_CLASS,
};
use explainer_core::{Content, Step};
use leptos::prelude::*;

use super::step_link::StepLink;
use crate::words::words;

/// The log at the foot of the page; absent when there is nothing to log.
#[component]
pub fn Corrections(content: Arc<Content>) -> impl IntoView {
    let updates = content.updates_newest_first();
    if updates.is_empty() {
        return ().into_any();
    }
    let entries = updates
        .into_iter()
        .map(|update| {
            let steps = update
                .steps
                .iter()
                .filter_map(|id| content.step_index(id).map(|i| (i, id.clone())))
                .map(|(index, id)| {
                    let text = words().step_link(index, content.step_title(index));
                    view! {
                        <li>
                            <StepLink index=index id=id>
                                {text}
                            </StepLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class=UPDATE_CLASS id=update.anchor()>
                    <p class="update-head">
                        <strong>{words().update_kind(update.kind).to_owned()}</strong>
                        ", "
                        <time datetime=update.date.clone()>{words().day(&update.date)}</time>
                    </p>
                    <p class=UPDATE_TEXT_CLASS>{update.text.clone()}</p>
                    {(!update.steps.is_empty()).then(|| view! {
                        <p class="update-steps-label">{words().corrections.changed.clone()}</p>
                        <ul class=UPDATE_STEPS_CLASS>{steps}</ul>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="corrections" id="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">{words().corrections.heading.clone()}</h2>
            <ol class="update-list">{entries}</ol>
        </section>
    }
    .into_any()
}

/// "Updated <date>" under a step's heading, linking to each entry that changed it.
pub fn updated_mark(step: &Step, content: &Content) -> Option<impl IntoView> {
    let updates = content.updates_of_step(&step.id);
    if updates.is_empty() {
        return None;
    }
    let links = updates
        .into_iter()
        .enumerate()
        .map(|(i, update)| {
            view! {
                {(i > 0).then_some(", ")}
                <a href=format!("#{}", update.anchor())>
                    {format!("{} {}", words().update_kind(update.kind), words().day(&update.date))}
                </a>
            }
        })
        .collect_view();
    let updated = words().step.updated.clone();
    Some(view! { <p class=STEP_UPDATED_CLASS>{updated}{links}</p> })
}
