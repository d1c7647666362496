//! Our own words with their reference markers: each sentence ends with a
//! superscript number per quote it rests on, linking to that quote.

use explainer_core::page::{fill, REF_CLASS, REF_LINK_CLASS, SENTENCE_CLASS};
use explainer_core::{CitedText, NumberedQuote, QuoteScope, Sentence};
use leptos::prelude::*;

use crate::words::words;

/// The sentences of `text`, each followed by its markers. `scope` numbers the
/// quotes of the block; `prefix` keeps anchors unique where the same quotes
/// appear twice on a page.
pub fn cited_view(text: &CitedText, scope: &QuoteScope, prefix: &str) -> impl IntoView {
    text.sentences()
        .into_iter()
        .map(|sentence| view! { {sentence_view(&sentence, scope, prefix)} " " })
        .collect_view()
}

/// One sentence and its markers.
pub fn sentence_view(sentence: &Sentence, scope: &QuoteScope, prefix: &str) -> impl IntoView {
    let links = scope
        .resolve_all(&sentence.refs)
        .into_iter()
        .enumerate()
        .map(|(i, quote)| {
            view! {
                // Seen between adjacent numbers, not heard: each marker is a link of its own.
                {(i > 0).then(|| view! { <span aria-hidden="true">","</span> })}
                {marker_link(&quote, prefix)}
            }
        })
        .collect_view();
    view! {
        <span class=SENTENCE_CLASS>{sentence.text.to_owned()}<sup class=REF_CLASS>{links}</sup></span>
    }
}

/// One marker: the quote's number, tinted by its speaker, linking to the quote
/// (`prefix` as in [`cited_view`]). A screen reader hears "quote N", a few words
/// (the quote it leads to names its speaker); the number on show is that name's,
/// so it is not read a second time.
pub fn marker_link(quote: &NumberedQuote, prefix: &str) -> impl IntoView {
    view! {
        <a
            class=format!("{REF_LINK_CLASS} ref--{}", quote.speaker.as_str())
            href=format!("#{prefix}{}", quote.citation.anchor())
            // The leading space keeps the marker's name apart from the words before it
            // where a name is made of content (a table's row header, a heading):
            // "All US user traffic quote 1", not "…trafficquote 1". The link's own
            // name is trimmed, so it is "quote 1".
            aria-label=format!(" {}", fill(&words().quote.name, &[("n", &quote.number.to_string())]))
            data-ref=""
        >
            <span aria-hidden="true">{quote.number}</span>
        </a>
    }
}
