//! The notice that the deployed explainer is newer than the page being read (a
//! copy from the service worker's cache, the single file, a cached embed). It is
//! rendered hidden; the live app shows it when the deployed version differs.

use explainer_core::page::UPDATE_NOTICE_ID;
use leptos::prelude::*;

use crate::words::words;

/// Hidden until the live app finds a newer version: says so, offers a reload,
/// and points to the corrections log, where what changed is listed.
#[component]
pub fn UpdateNotice(has_log: bool) -> impl IntoView {
    let words = words();
    let what_changed = words.update.what_changed.clone();
    view! {
        <div id=UPDATE_NOTICE_ID class="status status--update" role="status" hidden>
            <p class="status-title">{words.update.title.clone()}</p>
            <p>
                <button type="button" class="button button--primary" data-reload="">{words.update.reload.clone()}</button>
                {has_log.then(|| view! { " " <a href="#corrections">{what_changed}</a> })}
            </p>
        </div>
    }
}
