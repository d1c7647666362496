//! "Embed this": ready-made snippets for news sites, copied with one click and
//! shown as text for copying by hand.

use explainer_core::embed::{iframe_snippet, pym_snippet};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Id of the container element in the Pym.js snippet.
const PYM_CONTAINER_ID: &str = "tiktok-data-explainer";

/// The embed panel: a plain iframe snippet (sizes itself) and a Pym.js variant.
#[component]
pub fn EmbedCode(title: String) -> impl IntoView {
    // The page's own address is only known in the browser; the pre-rendered
    // page shows a relative one until then.
    let url = RwSignal::new(String::from("?embed"));
    Effect::new(move |_| url.set(embed_url()));
    let blocks = move || {
        let url = url.get();
        let snippets = [
            (
                "iframe",
                "Plain iframe (works on any page; the few lines of script resize it)",
                iframe_snippet(&url, &title),
            ),
            (
                "pym",
                "Pym.js (for pages that already load Pym.js)",
                pym_snippet(&url, &title, PYM_CONTAINER_ID),
            ),
        ];
        snippets
            .into_iter()
            .map(|(kind, label, code)| view! { <Snippet kind=kind label=label code=code/> })
            .collect_view()
    };
    view! {
        <section class="embed-code" aria-labelledby="embed-heading">
            <h2 id="embed-heading">"Embed this"</h2>
            <p>
                "Paste one of these into your page. The explainer fits widths from 300 pixels up and tells the page its height after every step, so it never needs a fixed height."
            </p>
            {blocks}
        </section>
    }
}

/// One snippet with its copy button and a status line for screen readers.
#[component]
fn Snippet(kind: &'static str, label: &'static str, code: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let field_id = format!("embed-{kind}");
    let rows = code.lines().count().to_string();
    let copy = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            spawn_local(async move {
                let promise = window().navigator().clipboard().write_text(&code);
                let done = wasm_bindgen_futures::JsFuture::from(promise).await;
                status.set(match done {
                    Ok(_) => "Copied to the clipboard.".into(),
                    Err(_) => "Could not copy: select the text above and copy it by hand.".into(),
                });
            });
        }
    };
    view! {
        <div class="snippet" data-snippet=kind>
            <label for=field_id.clone()>{label}</label>
            <textarea id=field_id readonly rows=rows spellcheck="false">{code}</textarea>
            <button type="button" class="button" on:click=copy>"Copy code"</button>
            <span class="snippet-status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// This page's address in embed mode.
fn embed_url() -> String {
    let location = window().location();
    format!(
        "{}{}?embed",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
