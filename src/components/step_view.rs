//! The steps of the walk-through: heading, lead and, one button away, the
//! evidence (each quote under the sentence it carries, further points, the
//! dispute, the notes for other perspectives), then where the step sits on the timeline.

use std::collections::HashSet;
use std::sync::Arc;

use explainer_core::page::{
    step_count, step_heading_id, EVIDENCE_CLASS, INITIAL_CLASS, LAYERED_CLASS,
    PERSPECTIVE_NOTE_CLASS, SHOWN_CLASS, STEP_CLASS, STEP_KICKER_CLASS, STEP_LEAD_CLASS,
    STEP_TIMELINE_CLASS,
};
use explainer_core::{Content, QuoteScope, Step};
use leptos::prelude::*;

use super::corrections::updated_mark;
use super::layered::{details_view, evidence_toggle, remaining_quotes, said_view};
use super::share_step::ShareStep;
use super::INITIAL;
use crate::words::words;

/// Every step of the walk-through, each in its own `<article>`, all in the page as
/// rendered: without scripts a reader scrolls through them (and print prints
/// them); with scripts the stylesheet shows the first until the live app takes
/// over, which then hides all but the current one. A step's notes for its
/// perspectives are all in the page; the stylesheet shows the chosen one's.
#[component]
pub fn StepView(content: Arc<Content>) -> impl IntoView {
    let total = content.steps.len();
    let count = words().pager.count.clone();
    content
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let heading = step_heading_id(&step.id);
            let kicker = format!("step-count-{}", step.id);
            // The heading takes focus at every step change: a screen reader says
            // its title, then "Step N of M" (the kicker, seen above it, is heard
            // only there, once).
            view! {
                <article
                    class=format!("{STEP_CLASS} {LAYERED_CLASS}")
                    id=step.anchor()
                    data-step=step.id.clone()
                    class=(INITIAL_CLASS, index == INITIAL.step)
                >
                    <p class=STEP_KICKER_CLASS id=kicker.clone() aria-hidden="true">{step_count(&count, index, total)}</p>
                    <h2 id=heading tabindex="-1" aria-describedby=kicker>{step.title.clone()}</h2>
                    {step_text(step, &content)}
                    <div class="step-foot">
                        {updated_mark(step, &content)}
                        <ShareStep step_id=step.id.clone()/>
                    </div>
                </article>
            }
        })
        .collect_view()
}

/// A step's two layers: the lead (with each sentence's quotes, shown when
/// open), the evidence button, and the evidence layer.
fn step_text(step: &Step, content: &Content) -> impl IntoView {
    let texts: Vec<_> = step.cited_texts().into_iter().map(|(_, t)| t).collect();
    let scope = QuoteScope::in_reading_order(&step.citations, &texts);
    let mut shown = HashSet::new();
    let layer = format!("evidence-{}", step.id);
    let lead = said_view(&step.lead, &scope, content, &mut shown);
    let details = details_view(
        &step.details,
        step.dispute.as_ref(),
        &scope,
        content,
        &mut shown,
    );
    // In the order of `Step::cited_texts`, which numbers the quotes.
    let notes = step
        .perspective_notes
        .iter()
        .filter_map(|(id, note)| {
            let perspective = content
                .all_perspectives()
                .find(|p| content.perspective_id(*p) == id)?;
            let entry = content.perspective(perspective)?;
            let heading = entry.note_heading.clone().unwrap_or_default();
            let label = heading.clone();
            let said = said_view(note, &scope, content, &mut shown);
            Some(view! {
                <aside
                    class=PERSPECTIVE_NOTE_CLASS
                    class=(SHOWN_CLASS, perspective == INITIAL.perspective)
                    data-for=entry.id.clone()
                    aria-label=label
                >
                    <p class="perspective-note-label"><strong>{heading}</strong></p>
                    {said}
                </aside>
            })
        })
        .collect_view();
    let rest = remaining_quotes(&scope, content, &mut shown);
    view! {
        <div class=STEP_LEAD_CLASS>{lead}</div>
        {evidence_toggle(layer.clone(), scope.quotes().len())}
        <div class=EVIDENCE_CLASS id=layer>
            {details}
            {notes}
            {rest}
            {on_the_timeline(step, content)}
        </div>
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
                .events()
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
        <div class=STEP_TIMELINE_CLASS>
            <h3>{words().step.on_the_timeline.clone()}</h3>
            <ul>{links}</ul>
        </div>
    })
}
