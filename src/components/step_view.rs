//! The current step: heading, explanation, the creator's note, and who says what.

use std::sync::Arc;

use explainer_core::{Content, Perspective, QuoteScope, Step};
use leptos::prelude::*;

use super::cited_text::cited_view;
use super::claim::claim_view;
use crate::navigator::{use_navigator, STEP_HEADING_ID};

/// The text of the step on screen.
#[component]
pub fn StepView(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let total = content.steps.len();
    move || {
        let view = nav.view.get();
        let step = &content.steps[view.step];
        let creator = view.perspective == Perspective::Creator;
        view! {
            <article class="step" data-step=step.id.clone() aria-labelledby=STEP_HEADING_ID>
                <p class="step-kicker">{format!("Step {} of {}", view.step + 1, total)}</p>
                <h2 id=STEP_HEADING_ID tabindex="-1">{step.title.clone()}</h2>
                {step_text(step, &content, "", creator)}
            </article>
        }
    }
}

/// A step's own words and claims, with every marker linking to a quote of the
/// step. The creator's note shows only when `creator` is set. `prefix` keeps
/// anchors unique when a step appears twice on the page.
pub fn step_text(step: &Step, content: &Content, prefix: &str, creator: bool) -> impl IntoView {
    let scope = QuoteScope::of_step(step);
    let body = step
        .body
        .iter()
        .map(|p| view! { <p class="step-body">{cited_view(p, &scope, prefix)}</p> })
        .collect_view();
    let note = step.creator_note.as_ref().filter(|_| creator).map(|note| {
        view! {
            <aside class="creator-note" aria-label="For a paid creator">
                <p><strong>"If you are a paid creator: "</strong>{cited_view(note, &scope, prefix)}</p>
            </aside>
        }
    });
    view! {
        {body}
        {note}
        {claims_view(step, &scope, content, prefix)}
    }
}

/// Claims side by side when the step is a dispute, otherwise in one list.
fn claims_view(step: &Step, scope: &QuoteScope, content: &Content, prefix: &str) -> impl IntoView {
    let (tiktok, others) = step.claims_by_side();
    let cards = |claims: Vec<&explainer_core::Claim>| {
        claims
            .into_iter()
            .map(|claim| claim_view(claim, scope, content, prefix))
            .collect_view()
    };
    match &step.dispute {
        Some(question) => view! {
            <section class="dispute" aria-label="Who says what">
                <h3 class="dispute-question">{cited_view(question, scope, prefix)}</h3>
                <div class="dispute-sides">
                    <div class="side side--tiktok">
                        <h4>"What TikTok says"</h4>
                        {cards(tiktok)}
                    </div>
                    <div class="side side--others">
                        <h4>"What reporting and officials say"</h4>
                        {cards(others)}
                    </div>
                </div>
            </section>
        }
        .into_any(),
        None => view! {
            <section class="claims" aria-label="Who says what">
                <h3>"Who says what"</h3>
                {cards(step.claims.iter().collect())}
            </section>
        }
        .into_any(),
    }
}
