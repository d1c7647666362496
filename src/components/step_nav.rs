//! Previous/Next buttons and the progress bar.

use leptos::prelude::*;

use crate::navigator::use_navigator;

/// "Step N of M" as a bar, for sighted readers; the heading kicker says it in words.
#[component]
pub fn StepProgress() -> impl IntoView {
    let nav = use_navigator();
    let total = nav.step_count();
    let width = move || {
        format!(
            "width: {:.1}%",
            (nav.view.get().step + 1) as f64 * 100.0 / total as f64
        )
    };
    view! {
        <div class="progress" aria-hidden="true">
            <span class="progress-fill" style=width></span>
        </div>
    }
}

/// Previous and Next. At either end the button stays focusable but does nothing,
/// so keyboard focus is never dropped.
#[component]
pub fn StepPager() -> impl IntoView {
    let nav = use_navigator();
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
}
