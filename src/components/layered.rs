//! A block in two layers: its lead, shown by default, and its evidence, one
//! button away. Opened, each quote stands under the sentence that first names
//! it, then come the further points (with their quotes), the dispute and the
//! notes for other perspectives. The steps and the short answer are drawn this way.
//!
//! The page as rendered has every layer open (readers without scripts, print,
//! the single file's no-script view); with scripts, the stylesheet shows the lead
//! only until the reader opens the block (`explainer_core::page::OPEN_ATTRIBUTE`
//! on the block, set by the live app), so nothing is folded by a script after the
//! first paint.

use std::collections::HashSet;

use explainer_core::page::{fill, sentence_anchor, EVIDENCE_TOGGLE_CLASS, SAID_CLASS};
use explainer_core::{CitedText, Content, QuoteScope, Side};
use leptos::prelude::*;

use crate::words::words;

use super::citation::citation_view;
use super::cited_text::{cited_view, sentence_view};

/// The sentences of `text`, each in its own `<p class=SAID_CLASS>` (the stylesheet
/// runs them together as one paragraph while the block is folded), followed by
/// the quotes it is the first to name. `shown` holds the quotes already placed.
pub fn said_view(
    text: &CitedText,
    scope: &QuoteScope,
    content: &Content,
    shown: &mut HashSet<String>,
) -> impl IntoView {
    text.sentences()
        .into_iter()
        .map(|sentence| {
            let placed: Vec<_> = scope
                .resolve_all(&sentence.refs)
                .into_iter()
                .filter(|q| shown.insert(q.citation.id.clone()))
                .collect();
            // A sentence with quotes under it is where their "back" links lead.
            let anchor = placed
                .first()
                .map(|q| sentence_anchor(&q.citation.anchor()));
            let quotes = placed
                .iter()
                .map(|quote| citation_view(quote, content, "", anchor.clone()))
                .collect::<Vec<_>>();
            let quotes = (!quotes.is_empty())
                .then(|| view! { <div class="said-quotes">{quotes.collect_view()}</div> });
            let focusable = anchor.as_ref().map(|_| "-1");
            view! {
                <p class=SAID_CLASS id=anchor tabindex=focusable>{sentence_view(&sentence, scope, "")}</p>
                {quotes}
            }
        })
        .collect_view()
}

/// The quotes of `scope` no sentence placed yet (one only a dispute's question
/// names), so every marker has its quote on the page.
pub fn remaining_quotes(
    scope: &QuoteScope,
    content: &Content,
    shown: &mut HashSet<String>,
) -> impl IntoView {
    let quotes = scope
        .quotes()
        .iter()
        .filter(|q| shown.insert(q.citation.id.clone()))
        .map(|quote| citation_view(quote, content, "", None))
        .collect::<Vec<_>>();
    (!quotes.is_empty()).then(|| view! { <div class="said-quotes">{quotes.collect_view()}</div> })
}

/// The button that opens a block's evidence layer (`controls` names the layer's
/// element). Both labels are in the page; the stylesheet shows the one that
/// fits `aria-expanded`, so the live app only flips that attribute.
pub fn evidence_toggle(controls: String, quotes: usize) -> impl IntoView {
    let words = words();
    let evidence = &words.evidence;
    let count = if quotes == 1 {
        evidence.one_quote.clone()
    } else {
        fill(&evidence.quotes, &[("n", &quotes.to_string())])
    };
    view! {
        <button type="button" class=format!("button {EVIDENCE_TOGGLE_CLASS}") aria-expanded="false" aria-controls=controls>
            <span class="when-closed">{evidence.show.clone()}</span>
            <span class="when-open">{evidence.hide.clone()}</span>
            {format!(" ({count})")}
        </button>
    }
}

/// The evidence layer's further points: each with its quotes, in two columns
/// under the question when the block is a dispute (a point stands on the side of
/// the quotes it names; validation keeps each point on one side).
pub fn details_view(
    details: &[CitedText],
    dispute: Option<&CitedText>,
    scope: &QuoteScope,
    content: &Content,
    shown: &mut HashSet<String>,
) -> impl IntoView {
    let Some(question) = dispute else {
        return details
            .iter()
            .map(|d| said_view(d, scope, content, shown))
            .collect_view()
            .into_any();
    };
    let mut column = |side: Side| {
        details
            .iter()
            .filter(|d| scope.side_of(d) == Some(side))
            .map(|d| said_view(d, scope, content, shown))
            .collect_view()
    };
    let subject = column(Side::Subject);
    let others = column(Side::Others);
    let words = words();
    view! {
        <section class="dispute" aria-label=words.dispute.label.clone()>
            <h3 class="dispute-question">{cited_view(question, scope, "")}</h3>
            <div class="dispute-sides">
                <div class="side side--subject">
                    <h4>{words.dispute.subject.clone()}</h4>
                    {subject}
                </div>
                <div class="side side--others">
                    <h4>{words.dispute.others.clone()}</h4>
                    {others}
                </div>
            </div>
        </section>
    }
    .into_any()
}
