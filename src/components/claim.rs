//! One claim: who says it, what they say in our words, and the quotes behind it.

use explainer_core::page::QUOTES_CLASS;
use explainer_core::{Claim, Content, QuoteScope};
use leptos::prelude::*;

use super::citation::citation_view;
use super::cited_text::cited_view;

/// A claim card labelled with its speaker; its quotes carry the numbers the
/// step's markers use, under a summary that names those numbers.
pub fn claim_view(
    claim: &Claim,
    scope: &QuoteScope,
    content: &Content,
    prefix: &str,
) -> impl IntoView {
    let numbered = scope.resolve(&claim.id).unwrap_or_default();
    let numbers = numbered
        .iter()
        .map(|quote| quote.number.to_string())
        .collect::<Vec<_>>();
    let summary = match numbers.as_slice() {
        [one] => format!("Quote {one}"),
        more => format!("Quotes {}", more.join(", ")),
    };
    let quotes = numbered
        .iter()
        .map(|quote| citation_view(quote, content, prefix))
        .collect_view();
    view! {
        <div class=format!("claim claim--{}", claim.speaker.as_str()) id=format!("{prefix}{}", claim.anchor())>
            <p class="claim-speaker">
                <span class="badge">{claim.speaker.label()}</span>
                <span class="claim-who">{claim.who.clone()}</span>
            </p>
            <p class="claim-text">{cited_view(&claim.text, scope, prefix)}</p>
            // Open as rendered; the phone layout folds it to shorten the step.
            <details class=QUOTES_CLASS open>
                <summary>{summary}</summary>
                {quotes}
            </details>
        </div>
    }
}
