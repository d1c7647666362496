//! A verbatim quote with the article it comes from.

use explainer_core::{Citation, Content};
use leptos::prelude::*;

/// A `<blockquote cite="#source-…">` followed by the source's title and publisher.
#[component]
pub fn CitationQuote(citation: Citation, content: std::sync::Arc<Content>) -> impl IntoView {
    let source = content.source(&citation.source).cloned();
    let anchor = format!("#source-{}", citation.source);
    let (title, publisher) = match &source {
        Some(s) => (
            s.title.clone(),
            s.publisher
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "publisher not named in the text".into()),
        ),
        None => (citation.source.clone(), String::new()),
    };
    view! {
        <figure class="citation">
            <blockquote cite=anchor.clone()>
                <p>{citation.quote}</p>
            </blockquote>
            <figcaption>
                "— "
                <a href=anchor><cite>{title}</cite></a>
                <span class="citation-publisher">{format!(" · {publisher}")}</span>
            </figcaption>
        </figure>
    }
}
