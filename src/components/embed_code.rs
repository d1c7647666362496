//! "Embed this": ready-made snippets for news sites, copied with one click and
//! shown as text for copying by hand.

use explainer_core::embed::{snippet, EmbedName, RELATIVE_EMBED_URL, SNIPPETS};
use leptos::prelude::*;

/// The embed panel: a plain iframe snippet (sizes itself) and a Pym.js variant.
/// The page's own address is only known in the browser: the page as rendered
/// shows a relative one, and the live app writes the snippets for its address
/// (from the title in `data-title`).
#[component]
pub fn EmbedCode(
    /// The explainer's title, for the frame's `title`.
    title: String,
    /// The story's name on a host page (the Pym.js container's id).
    name: EmbedName,
) -> impl IntoView {
    let blocks = SNIPPETS
        .into_iter()
        .map(|(kind, label)| {
            let code = snippet(kind, RELATIVE_EMBED_URL, &title, &name);
            view! { <Snippet kind=kind label=label code=code/> }
        })
        .collect_view();
    view! {
        <section class="embed-code" id="embed-panel" aria-labelledby="embed-heading" data-title=title.clone()>
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
    let field_id = format!("embed-{kind}");
    let rows = code.lines().count().to_string();
    view! {
        <div class="snippet" data-snippet=kind>
            <label for=field_id.clone()>{label}</label>
            <textarea id=field_id readonly rows=rows spellcheck="false">{code}</textarea>
            <button type="button" class="button" data-copy="">"Copy code"</button>
            <span class="snippet-status" role="status"></span>
        </div>
    }
}
