//! The current step: heading, explanation, the creator's note, and who says what.

use std::sync::Arc;

use explainer_core::{Claim, Content, Perspective, Step};
use leptos::prelude::*;

use super::claim::ClaimCard;
use crate::navigator::{use_navigator, STEP_HEADING_ID};

/// The text of the step on screen.
#[component]
pub fn StepView(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let total = content.steps.len();
    move || {
        let view = nav.view.get();
        let step = content.steps[view.step].clone();
        let step_id = step.id.clone();
        let creator_note = step
            .creator_note
            .clone()
            .filter(|_| view.perspective == Perspective::Creator);
        view! {
            <article class="step" data-step=step_id aria-labelledby=STEP_HEADING_ID>
                <p class="step-kicker">{format!("Step {} of {}", view.step + 1, total)}</p>
                <h2 id=STEP_HEADING_ID tabindex="-1">{step.title.clone()}</h2>
                {step.body.iter().map(|p| view! { <p class="step-body">{p.clone()}</p> }).collect_view()}
                {creator_note.map(|note| view! {
                    <aside class="creator-note" aria-label="For a paid creator">
                        <p><strong>"If you are a paid creator: "</strong>{note}</p>
                    </aside>
                })}
                <Claims step=step content=content.clone()/>
            </article>
        }
    }
}

/// Claims side by side when the step is a dispute, otherwise in one list.
#[component]
pub fn Claims(step: Step, content: Arc<Content>) -> impl IntoView {
    let cards = move |claims: Vec<&Claim>, content: &Arc<Content>| {
        claims
            .into_iter()
            .map(|claim| view! { <ClaimCard claim=claim.clone() content=content.clone()/> })
            .collect_view()
    };
    match &step.dispute {
        Some(question) => {
            let (tiktok, others) = step.claims_by_side();
            view! {
                <section class="dispute" aria-label="Who says what">
                    <h3 class="dispute-question">{question.clone()}</h3>
                    <div class="dispute-sides">
                        <div class="side side--tiktok">
                            <h4>"What TikTok says"</h4>
                            {cards(tiktok, &content)}
                        </div>
                        <div class="side side--others">
                            <h4>"What reporters and officials say"</h4>
                            {cards(others, &content)}
                        </div>
                    </div>
                </section>
            }
            .into_any()
        }
        None => view! {
            <section class="claims" aria-label="Who says what">
                <h3>"Who says what"</h3>
                {cards(step.claims.iter().collect(), &content)}
            </section>
        }
        .into_any(),
    }
}
