//! "Embed this": ready-made snippets for news sites, copied with one click and
//! shown as text for copying by hand.

use explainer_core::embed::{snippet, EmbedName, RELATIVE_EMBED_URL, SNIPPETS};
use explainer_core::page::{EMBED_CODE_CLASS, EMBED_PANEL_ID, SNIPPET_CLASS, SNIPPET_STATUS_CLASS};
use leptos::prelude::*;

use crate::words::words;

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
    let words = words();
    let blocks = SNIPPETS
        .into_iter()
        .map(|kind| {
            let code = snippet(kind, RELATIVE_EMBED_URL, &title, &name);
            let label = match kind {
                "pym" => words.embed.pym.clone(),
                _ => words.embed.iframe.clone(),
            };
            view! { <Snippet kind=kind label=label code=code/> }
        })
        .collect_view();
    view! {
        <section class=EMBED_CODE_CLASS id=EMBED_PANEL_ID aria-labelledby="embed-heading" data-title=title.clone()>
            <h2 id="embed-heading">{words.embed.heading.clone()}</h2>
            <p>{words.embed.intro.clone()}</p>
            {blocks}
        </section>
    }
}

/// One snippet with its copy button and a status line for screen readers.
#[component]
fn Snippet(kind: &'static str, label: String, code: String) -> impl IntoView {
    let field_id = format!("embed-{kind}");
    let rows = code.lines().count().to_string();
    let words = words();
    view! {
        // The live app reports a copy with the words in `data-done` or `data-failed`.
        <div class=SNIPPET_CLASS data-snippet=kind data-done=words.embed.copied.clone() data-failed=words.embed.copy_failed.clone()>
            <label for=field_id.clone()>{label}</label>
            <textarea id=field_id readonly rows=rows spellcheck="false">{code}</textarea>
            <button type="button" class="button" data-copy="">{words.embed.copy.clone()}</button>
            <span class=SNIPPET_STATUS_CLASS role="status"></span>
        </div>
    }
}
