//! "Share this step": without scripts (and in the page as rendered) a link to
//! the step's own page, whose address social networks understand; the live app
//! shows a button instead, which copies that address (or, embedded, the host
//! page's address with the step), says so in the status line, and shows the
//! address to copy by hand when the clipboard is refused (`src/share.rs`).
//! Both carry the step's id in `explainer_core::share::SHARE_ATTRIBUTE`.

use explainer_core::page::SHARE_STEP_CLASS;
use explainer_core::share::step_page_path;
use leptos::prelude::*;

use crate::words::words;

/// The share control of one step.
#[component]
pub fn ShareStep(step_id: String) -> impl IntoView {
    let words = words();
    let share = &words.step;
    view! {
        <div class=SHARE_STEP_CLASS data-done=share.share_copied.clone() data-failed=share.share_failed.clone()>
            <a class="share-step-link" href=step_page_path(&step_id) data-share-step=step_id.clone()>
                {share.share.clone()}
            </a>
            <button type="button" class="button share-step-button" data-share-step=step_id>
                {share.share.clone()}
            </button>
            <span class="share-step-status" role="status"></span>
            <input class="share-step-address" type="url" readonly hidden aria-label=share.share_address.clone()/>
        </div>
    }
}
