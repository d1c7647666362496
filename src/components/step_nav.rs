//! Previous/Next buttons and the progress bar.

use leptos::prelude::*;

use explainer_core::diagram::one_decimal;
use explainer_core::view_state::step_hash;

use super::is_static_page;
use crate::navigator::{use_navigator, Navigator};

/// "Step N of M" as a bar, for sighted readers; the heading kicker says it in words.
/// Drawn in SVG so no inline style is needed (the page's CSP forbids them).
#[component]
pub fn StepProgress() -> impl IntoView {
    let nav = use_navigator();
    let total = nav.step_count().max(1);
    let width = move || one_decimal((nav.view.get().step + 1) as f64 * 100.0 / total as f64);
    view! {
        <svg class="progress" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
            <rect class="progress-track" width="100" height="6"></rect>
            <rect class="progress-fill" width=width height="6"></rect>
        </svg>
    }
}

/// Previous and Next. At either end the button stays focusable but does nothing,
/// so keyboard focus is never dropped.
#[component]
pub fn StepPager() -> impl IntoView {
    let nav = use_navigator();
    if is_static_page() {
        return static_pager(nav).into_any();
    }
    let last = nav.step_count().saturating_sub(1);
    let at_start = move || nav.view.get().step == 0;
    let at_end = move || nav.view.get().step >= last;
    view! {
        <nav class="pager" aria-label="Step by step">
            <button
                type="button"
                class="button pager-previous"
                aria-disabled=move || at_start().to_string()
                on:click=move |_| nav.previous()
            >
                <span aria-hidden="true">"← "</span>
                "Previous"
            </button>
            <button
                type="button"
                class="button button--primary pager-next"
                aria-disabled=move || at_end().to_string()
                on:click=move |_| nav.next()
            >
                "Next"
                <span aria-hidden="true">" →"</span>
            </button>
        </nav>
    }
    .into_any()
}

/// Without scripts, Next is a link to the next step's full text further down.
fn static_pager(nav: Navigator) -> impl IntoView {
    let next = nav
        .step_id(nav.view.get_untracked().step + 1)
        .map(|id| step_hash(&id));
    view! {
        <nav class="pager" aria-label="Step by step">
            <span class="button pager-previous" aria-disabled="true">
                <span aria-hidden="true">"← "</span>
                "Previous"
            </span>
            <a class="button button--primary pager-next" href=next>
                "Next"
                <span aria-hidden="true">" →"</span>
            </a>
        </nav>
    }
}
