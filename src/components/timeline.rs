//! The timeline: every dated or datable event of the story in time order, as
//! far as the articles allow, TikTok's on one side and everyone else's on the
//! other, so claims and the reports that tested them read as a conversation.
//! Each event says who, when (with its precision and the quote that gives it),
//! one cited line, its quotes, and the step that explains it.

use std::sync::Arc;

use explainer_core::page::event_summary;
use explainer_core::{Content, Event, QuoteScope, Speaker};
use leptos::prelude::*;

use super::citation::citation_view;
use super::cited_text::{cited_view, marker_link};
use super::step_link::StepLink;

/// The timeline section: shown in the page as rendered, for readers without
/// scripts; the live app hides it unless the reader chose it.
#[component]
pub fn Timeline(content: Arc<Content>) -> impl IntoView {
    let total = content.timeline.len();
    let events = content
        .timeline
        .iter()
        .map(|event| event_view(event, &content))
        .collect_view();
    view! {
        <section
            id="timeline"
            class="timeline"
            aria-labelledby="timeline-heading"
        >
            <h2 id="timeline-heading">"How the story unfolded"</h2>
            <p class="timeline-intro">
                {format!("{total} events, in time order as far as the articles allow. ")}
                "Each date is only as precise as its article: a year, a month without a year, a period, or no date at all, in which case the entry says why it is placed where it is. TikTok’s statements are on the left, everyone else’s on the right."
            </p>
            <ol class="timeline-list">{events}</ol>
        </section>
    }
}

/// One event; the live app marks the open one (`is-open`, `aria-current`).
fn event_view(event: &Event, content: &Content) -> impl IntoView {
    let scope = QuoteScope::of_event(event);
    let side = if event.speaker == Speaker::Tiktok {
        "tiktok"
    } else {
        "others"
    };
    let datings = event
        .when
        .iter()
        .map(|dating| {
            let precision = dating.precision();
            let evidence = scope.resolve_all(&[dating.evidence.as_str()]);
            let markers = evidence
                .iter()
                .map(|q| marker_link(q, "", format!("source {}, which gives this date", q.number)))
                .collect_view();
            let inferred = dating.inferred.as_ref().map(|reason| {
                view! { <span class="event-inferred">"Inferred: "{cited_view(reason, &scope, "")}</span> }
            });
            view! {
                <span class=format!("event-date event-date--{}", precision.as_str())>
                    <strong>{dating.label.clone()}</strong>
                    <sup class="ref">{markers}</sup>
                    <span class="event-precision">{format!(" ({})", dating.precision_text())}</span>
                    {inferred}
                </span>
            }
        })
        .collect_view();
    let answers = event
        .responds_to
        .as_ref()
        .and_then(|id| content.event(id))
        .map(|earlier| {
            let target = content
                .timeline
                .iter()
                .position(|e| e.id == earlier.id)
                .unwrap_or(0);
            let href = format!("#{}", earlier.anchor());
            view! {
                <p class="event-answers">
                    "In answer to: "
                    <a href=href data-go-event=target>{earlier.text.plain()}</a>
                </p>
            }
        });
    let order = event.order.as_ref().map(|order| {
        view! { <p class="event-order"><span class="event-order-label">"Placed here because: "</span>{cited_view(order, &scope, "")}</p> }
    });
    let quotes = scope
        .quotes()
        .iter()
        .map(|quote| citation_view(quote, content, ""))
        .collect_view();
    let step_index = content.step_index(&event.step).unwrap_or(0);
    let summary = event_summary(
        event
            .when
            .first()
            .map(|d| d.label.as_str())
            .unwrap_or_default(),
        &event.text.plain(),
    );
    let step_title = content.step_title(step_index).to_owned();
    view! {
        <li
            class=format!("event event--{side} event--{}", event.speaker.as_str())
            id=event.anchor()
            tabindex="-1"
            data-event=event.id.clone()
            data-summary=summary
        >
            <p class="event-when">{datings}</p>
            <p class="claim-speaker">
                <span class="badge">{event.speaker.label()}</span>
                <span class="claim-who">{event.who.clone()}</span>
            </p>
            <p class="event-text">{cited_view(&event.text, &scope, "")}</p>
            {answers}
            {order}
            {quotes}
            <p class="event-step">
                <StepLink index=step_index id=event.step.clone()>
                    {format!("Explained in step {}: {step_title}", step_index + 1)}
                </StepLink>
            </p>
        </li>
    }
}
