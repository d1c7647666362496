//! The current step: heading, explanation, the creator's note, and who says what.

use std::sync::Arc;

use explainer_core::page::{step_count, step_heading_id};
use explainer_core::{Content, QuoteScope, Step};
use leptos::prelude::*;

use super::cited_text::cited_view;
use super::claim::claim_view;
use super::corrections::updated_mark;
use super::share_step::ShareStep;
use super::INITIAL;

/// Every step of the walk-through, each in its own `<article>`; all but the
/// current one are `hidden` (the live app moves that). The creator's notes are
/// there in every step; the stylesheet shows them for the creator perspective.
#[component]
pub fn StepView(content: Arc<Content>) -> impl IntoView {
    let total = content.steps.len();
    content
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let heading = step_heading_id(&step.id);
            let labelled_by = heading.clone();
            view! {
                <article
                    class="step"
                    data-step=step.id.clone()
                    aria-labelledby=labelled_by
                    hidden=index != INITIAL.step
                >
                    <p class="step-kicker">{step_count(index, total)}</p>
                    <h2 id=heading tabindex="-1">{step.title.clone()}</h2>
                    <ShareStep step_id=step.id.clone()/>
                    {step_text(step, &content, "")}
                </article>
            }
        })
        .collect_view()
}

/// A step's own words and claims, with every marker linking to a quote of the
/// step. `prefix` keeps anchors unique when a step appears twice on the page.
pub fn step_text(step: &Step, content: &Content, prefix: &str) -> impl IntoView {
    let scope = QuoteScope::of_step(step);
    let body = step
        .body
        .iter()
        .map(|p| view! { <p class="step-body">{cited_view(p, &scope, prefix)}</p> })
        .collect_view();
    let note = step.creator_note.as_ref().map(|note| {
        view! {
            <aside class="creator-note" aria-label="For a paid creator">
                <p><strong>"If you are a paid creator: "</strong>{cited_view(note, &scope, prefix)}</p>
            </aside>
        }
    });
    view! {
        {updated_mark(step, content)}
        {body}
        {note}
        {claims_view(step, &scope, content, prefix)}
        {on_the_timeline(step, content)}
    }
}

/// Where the step sits on the timeline: a link to each event it explains.
fn on_the_timeline(step: &Step, content: &Content) -> Option<impl IntoView> {
    let events = content.events_of_step(&step.id);
    if events.is_empty() {
        return None;
    }
    let links = events
        .into_iter()
        .map(|event| {
            let index = content
                .timeline
                .iter()
                .position(|e| e.id == event.id)
                .unwrap_or(0);
            let href = format!(
                "?show={}{}",
                explainer_core::view_state::TIMELINE_TOKEN,
                explainer_core::view_state::event_hash(&event.id)
            );
            let when = event
                .when
                .first()
                .map(|d| d.label.clone())
                .unwrap_or_default();
            view! {
                <li>
                    <a href=href data-go-event=index>
                        <span class="timeline-link-when">{when}</span>
                        ": "
                        {event.text.plain()}
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="step-timeline">
            <h3>"On the timeline"</h3>
            <ul>{links}</ul>
        </div>
    })
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
