//! Every step on one page: the text version of the walk-through, for reading
//! without scripts, for search, for print, and for anyone who prefers to scroll.
//! Each step's section carries the `step-<id>` anchor, so step links work
//! without JavaScript.

use std::sync::Arc;

use explainer_core::page::step_count;
use explainer_core::Content;
use leptos::prelude::*;

use super::step_view::step_text;

/// All steps in order: open in the page as rendered, for readers without
/// scripts; the live app collapses it (readers open it, print opens it).
#[component]
pub fn FullText(content: Arc<Content>) -> impl IntoView {
    let total = content.steps.len();
    let sections = content
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let heading_id = format!("full-{}", step.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class="full-step" id=step.anchor() aria-labelledby=labelled_by>
                    <h3 id=heading_id>{format!("{}: {}", step_count(index, total), step.title)}</h3>
                    {step_text(step, &content, "full-")}
                </section>
            }
        })
        .collect_view();
    view! {
        <details class="full-text" open=true>
            <summary>
                <h2 id="full-text-heading">"Read every step on one page"</h2>
            </summary>
            {sections}
        </details>
    }
}
