//! One claim: who says it, what they say in our words, and the quotes behind it.

use std::sync::Arc;

use explainer_core::{Claim, Content};
use leptos::prelude::*;

use super::citation::CitationQuote;

/// A claim card labelled with its speaker.
#[component]
pub fn ClaimCard(claim: Claim, content: Arc<Content>) -> impl IntoView {
    let class = format!("claim claim--{}", claim.speaker.as_str());
    view! {
        <div class=class>
            <p class="claim-speaker">
                <span class="badge">{claim.speaker.label()}</span>
                <span class="claim-who">{claim.who}</span>
            </p>
            <p class="claim-text">{claim.text}</p>
            {claim
                .citations
                .into_iter()
                .map(|citation| view! { <CitationQuote citation=citation content=content.clone()/> })
                .collect_view()}
        </div>
    }
}
