//! Previous/Next and the progress bar.

use std::sync::Arc;

use crate::words::words;
use explainer_core::page::{
    progress_width, step_count, PAGER_CLASS, PAGER_COUNT_CLASS, PAGER_NEXT_CLASS,
    PAGER_PREVIOUS_CLASS, PROGRESS_CLASS, PROGRESS_FILL_CLASS,
};
use explainer_core::view_state::step_hash;
use explainer_core::Content;
use leptos::prelude::*;

use super::INITIAL;

/// "Step N of M" as a bar, for sighted readers; the heading kicker says it in words.
/// Drawn in SVG so no inline style is needed (the page's CSP forbids them); the
/// live app sets the fill's width.
#[component]
pub fn StepProgress(content: Arc<Content>) -> impl IntoView {
    let width = progress_width(INITIAL.step, content.steps.len());
    view! {
        <svg class=PROGRESS_CLASS viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
            <rect class="progress-track" width="100" height="6"></rect>
            <rect class=PROGRESS_FILL_CLASS width=width height="6"></rect>
        </svg>
    }
}

/// Previous and Next: links to the neighbouring steps' `#step-…` addresses,
/// which without scripts lead to their full text and with them move the stage.
/// At either end the link stays focusable, marked `aria-disabled`, and leads to
/// the step itself, so keyboard focus is never dropped.
#[component]
pub fn StepPager(content: Arc<Content>) -> impl IntoView {
    let last = content.steps.len().saturating_sub(1);
    let href = |index: usize| step_hash(&content.steps[index.min(last)].id);
    let step = INITIAL.step;
    let words = words();
    let count = words.pager.count.clone();
    view! {
        <nav class=PAGER_CLASS aria-label=words.pager.label.clone()>
            <a
                class=format!("button {PAGER_PREVIOUS_CLASS}")
                href=href(step.saturating_sub(1))
                aria-disabled=(step == 0).to_string()
            >
                <span aria-hidden="true">"← "</span>
                {words.pager.previous.clone()}
            </a>
            // Seen in the phone layout; a screen reader hears it from the step's
            // heading. The live app fills its template at every step.
            <span class=PAGER_COUNT_CLASS aria-hidden="true" data-template=count.clone()>
                {step_count(&count, step, content.steps.len())}
            </span>
            <a
                class=format!("button button--primary {PAGER_NEXT_CLASS}")
                href=href(step + 1)
                aria-disabled=(step >= last).to_string()
            >
                {words.pager.next.clone()}
                <span aria-hidden="true">" →"</span>
            </a>
        </nav>
    }
}
