//! A verbatim quote with its number, whose words it reports, and its article.

use explainer_core::page::{
    fill, CITATION_CLASS, CITATION_NUMBER_CLASS, CITATION_SPEAKER_CLASS, QUOTE_TRANSLATION_CLASS,
};
use explainer_core::{Content, NumberedQuote};
use leptos::prelude::*;

use crate::words::{quotes_language, words};

/// A `<figure>` holding the quote (`<blockquote cite="#source-…">`), numbered as
/// the markers that link to it, with its speaker and the source's title. Its id
/// (`<prefix>quote-<id>`) is the markers' target; it takes focus when one is
/// used, and is named by its number and speaker. `back`: the id of the sentence
/// it stands under, for a link back there.
pub fn citation_view(
    quote: &NumberedQuote,
    content: &Content,
    prefix: &str,
    back: Option<String>,
) -> impl IntoView {
    let citation = quote.citation;
    let source = content.source(&citation.source);
    let anchor = format!("#source-{}", citation.source);
    let title = source.map_or(citation.source.clone(), |s| s.title.clone());
    let words = words();
    let publisher = source.map(|s| {
        s.publisher
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_else(|| words.quote.no_publisher.clone())
    });
    let speaker = words.speaker(quote.speaker).to_owned();
    let label = fill(
        &words.quote.label,
        &[("n", &quote.number.to_string()), ("speaker", &speaker)],
    );
    let back_words = words.quote.back.clone();
    // In an edition in another language, the quote keeps the article's words
    // (and says its language), and our translation follows, marked as ours.
    let language = quotes_language();
    let translation = citation.translation.clone().map(|text| {
        let ours = format!(" ({})", words.quote.ours);
        view! {
            <p class=QUOTE_TRANSLATION_CLASS>{text}<span>{ours}</span></p>
        }
    });
    view! {
        <figure
            class=format!("{CITATION_CLASS} citation--{}", quote.speaker.as_str())
            id=format!("{prefix}{}", citation.anchor())
            tabindex="-1"
            aria-label=label
        >
            <span class=CITATION_NUMBER_CLASS aria-hidden="true">{quote.number}</span>
            <blockquote cite=anchor.clone() lang=language>
                <p>{citation.quote.clone()}</p>
            </blockquote>
            {translation}
            <figcaption>
                <span class=CITATION_SPEAKER_CLASS>{format!("{speaker}: {}", quote.who)}</span>
                " — "
                <a href=anchor><cite>{title}</cite></a>
                {publisher.map(|p| view! { <span class="citation-publisher">{format!(" · {p}")}</span> })}
                {back.map(|id| view! {
                    " "
                    <a class="citation-back" href=format!("#{id}") data-back="">{back_words}</a>
                })}
            </figcaption>
        </figure>
    }
}
