//! One claim: who says it, what they say in our words, and the quotes behind it.

use explainer_core::{Claim, Content, QuoteScope};
use leptos::prelude::*;

use super::citation::citation_view;
use super::cited_text::cited_view;

/// A claim card labelled with its speaker; its quotes carry the numbers the
/// step's markers use.
pub fn claim_view(
    claim: &Claim,
    scope: &QuoteScope,
    content: &Content,
    prefix: &str,
) -> impl IntoView {
    let quotes = scope
        .resolve(&claim.id)
        .unwrap_or_default()
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
            {quotes}
        </div>
    }
}
