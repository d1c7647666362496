//! The current step: heading, explanation, the creator's note, and who says what.

use std::sync::Arc;

use explainer_core::{Content, Perspective, QuoteScope, Step};
use leptos::prelude::*;

use super::cited_text::cited_view;
use super::claim::claim_view;
use super::corrections::updated_mark;
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
        {updated_mark(step, content)}
        {body}
        {note}
        {claims_view(step, &scope, content, prefix)}
        {on_the_timeline(step, content)}
    }
}

/// Where the step sits on the timeline: a link to each event it explains.
fn on_the_timeline(step: &Step, content: &Content) -> Option<impl IntoView> {
    let nav = use_navigator();
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
                    <a href=href on:click=move |ev| {
                        ev.prevent_default();
                        nav.show_event(index);
                    }>
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
