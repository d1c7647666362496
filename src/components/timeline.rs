//! The timeline: every dated or datable event of the story, in groups: first
//! the events the articles let us put in time order, then each thread whose
//! order relative to the rest no text gives, visibly apart with a note saying so.
//! The story subject's events are on one side and everyone else's on the other. Each event
//! says who, when (with its precision and the quote that gives it), one cited
//! line, its quotes (each labelled with its own speaker), and the step that
//! explains it.

use std::sync::Arc;

use explainer_core::page::{
    fill, BADGE_CLASS, EVENT_CLASS, EVENT_DATE_CLASS, EVENT_DATE_LABEL_CLASS, EVENT_OTHERS_CLASS,
    EVENT_STEP_CLASS, EVENT_SUBJECT_CLASS, EVENT_TEXT_CLASS, REF_CLASS, TIMELINE_GROUP_CLASS,
    TIMELINE_GROUP_NOTE_CLASS, TIMELINE_ID, TIMELINE_LIST_CLASS,
};
use explainer_core::{Content, Event, QuoteScope, Side};
use leptos::prelude::*;

use crate::words::{about_step, words};

use super::citation::citation_view;
use super::cited_text::{cited_view, marker_link};
use super::step_link::StepLink;

/// The timeline section: shown in the page as rendered, for readers without
/// scripts; the live app hides it unless the reader chose it.
#[component]
pub fn Timeline(content: Arc<Content>) -> impl IntoView {
    let total = content.events().len();
    let words = words();
    let groups = content
        .timeline
        .iter()
        .map(|group| {
            let heading = format!("timeline-group-{}", group.id);
            let labelled_by = heading.clone();
            let events = group
                .events
                .iter()
                .map(|event| event_view(event, &content))
                .collect_view();
            view! {
                <section class=TIMELINE_GROUP_CLASS aria-labelledby=labelled_by>
                    <h3 id=heading class="timeline-group-title">{group.title.clone()}</h3>
                    {group.note.clone().map(|note| view! { <p class=TIMELINE_GROUP_NOTE_CLASS>{note}</p> })}
                    <ol class=TIMELINE_LIST_CLASS>{events}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <section
            id=TIMELINE_ID
            class="timeline"
            aria-labelledby="timeline-heading"
        >
            <h2 id="timeline-heading">{words.timeline.heading.clone()}</h2>
            <p class="timeline-intro">
                {format!(
                    "{} {}",
                    fill(&words.timeline.count, &[("total", &total.to_string())]),
                    words.timeline.intro
                )}
            </p>
            {groups}
        </section>
    }
}

/// One event; the live app marks the open one (`is-open`, `aria-current`).
fn event_view(event: &Event, content: &Content) -> impl IntoView {
    let scope = QuoteScope::new(&event.citations);
    let side = match event.speaker.side() {
        Side::Subject => EVENT_SUBJECT_CLASS,
        Side::Others => EVENT_OTHERS_CLASS,
    };
    let datings = event
        .when
        .iter()
        .enumerate()
        .map(|(index, dating)| {
            let precision = dating.precision();
            let evidence = scope.resolve_all(&[dating.evidence.as_str()]);
            let markers = evidence
                .iter()
                .map(|q| marker_link(q, ""))
                .collect_view();
            let inferred = dating.inferred.as_ref().map(|reason| {
                let inferred = words().timeline.inferred.clone();
                view! { <span class="event-inferred">{inferred}{cited_view(reason, &scope, "")}</span> }
            });
            // The event's heading is its (first) date alone: short to hear when a
            // screen reader moves from heading to heading.
            let label = if index == 0 {
                view! { <h4 class=EVENT_DATE_LABEL_CLASS>{dating.label.clone()}</h4> }.into_any()
            } else {
                view! { <strong>{dating.label.clone()}</strong> }.into_any()
            };
            view! {
                <div class=format!("{EVENT_DATE_CLASS} {EVENT_DATE_CLASS}--{}", precision.as_str())>
                    {label}
                    <sup class=REF_CLASS>{markers}</sup>
                    <span class="event-precision">{words().precision(dating)}</span>
                    {inferred}
                </div>
            }
        })
        .collect_view();
    let answers = event
        .responds_to
        .as_ref()
        .and_then(|id| content.event(id))
        .map(|earlier| {
            let target = content
                .events()
                .iter()
                .position(|e| e.id == earlier.id)
                .unwrap_or(0);
            let href = format!("#{}", earlier.anchor());
            view! {
                <p class="event-answers">
                    {words().timeline.in_answer_to.clone()}
                    <a href=href data-go-event=target>{earlier.text.plain()}</a>
                </p>
            }
        });
    let quotes = scope
        .quotes()
        .iter()
        .map(|quote| citation_view(quote, content, "", None))
        .collect_view();
    let step_index = content.step_index(&event.step).unwrap_or(0);
    let step_title = content.step_title(step_index).to_owned();
    view! {
        <li
            class=format!("{EVENT_CLASS} {side} {EVENT_CLASS}--{}", event.speaker.as_str())
            id=event.anchor()
            tabindex="-1"
            data-event=event.id.clone()
        >
            <div class="event-when">{datings}</div>
            <p class="claim-speaker">
                <span class=BADGE_CLASS>{words().speaker(event.speaker).to_owned()}</span>
                <span class="claim-who">{event.who.clone()}</span>
            </p>
            <p class=EVENT_TEXT_CLASS>{cited_view(&event.text, &scope, "")}</p>
            {answers}
            {quotes}
            <p class=EVENT_STEP_CLASS>
                <StepLink index=step_index id=event.step.clone()>
                    {about_step(&words().timeline.explained_in, step_index, &step_title)}
                </StepLink>
            </p>
        </li>
    }
}
