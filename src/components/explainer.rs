//! The explainer page: header, diagram beside (or above) the current step,
//! the step list, the table of flows, the sources and the method note.

use std::sync::Arc;

use explainer_core::Content;
use leptos::prelude::*;

use super::corrections::Corrections;
use super::diagram::Diagram;
use super::embed_code::EmbedCode;
use super::flow_table::FlowTable;
use super::full_text::FullText;
use super::is_static_page;
use super::perspective_switch::PerspectiveSwitch;
use super::sources::Sources;
use super::step_list::StepList;
use super::step_nav::{StepPager, StepProgress};
use super::step_view::StepView;
use super::timeline::Timeline;
use super::view_switch::ViewSwitch;
use crate::embed::EmbedState;
use crate::navigator::use_navigator;

/// The whole explainer for loaded content. Expects a [`Navigator`](crate::navigator::Navigator)
/// in context (and optionally an [`EmbedState`]); it touches no browser API itself, so the
/// pre-renderer can render it too.
#[component]
pub fn Explainer(content: Arc<Content>) -> impl IntoView {
    let embed = use_context::<EmbedState>().unwrap_or_default();
    let nav = use_navigator();
    let showing_timeline = nav.showing_timeline();
    let static_page = is_static_page();
    view! {
        <Header content=content.clone() compact=embed.compact/>
        <main id="explainer" class="explainer">
            <Announcer content=content.clone()/>
            <ViewSwitch/>
            <div class="stage" id="explainer-stage" hidden=move || !static_page && showing_timeline()>
                <div class="stage-diagram">
                    <PerspectiveSwitch content=content.clone()/>
                    <Diagram content=content.clone()/>
                </div>
                <div class="stage-text">
                    <StepProgress/>
                    <StepView content=content.clone()/>
                    <StepPager/>
                    <p class="keyboard-hint">"Tip: the ← and → keys move between steps."</p>
                </div>
            </div>
            <Timeline content=content.clone()/>
            <StepList content=content.clone()/>
            <FullText content=content.clone()/>
            <FlowTable content=content.clone()/>
            <Sources content=content.clone()/>
            <Corrections content=content.clone()/>
            {(!embed.compact).then(|| view! {
                <Method content=content.clone()/>
                <EmbedCode title=content.title.clone()/>
            })}
        </main>
    }
}

/// Politely tells screen readers which step is now shown.
#[component]
fn Announcer(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let total = content.steps.len();
    let text = move || {
        let view = nav.view.get();
        if view.panel == explainer_core::Panel::Timeline {
            let events = content.timeline.len();
            return match view
                .event
                .and_then(|i| content.timeline.get(i).map(|e| (i, e)))
            {
                Some((i, event)) => format!(
                    "Timeline, event {} of {events}, {}: {}",
                    i + 1,
                    event
                        .when
                        .first()
                        .map(|d| d.label.as_str())
                        .unwrap_or_default(),
                    event.text.plain()
                ),
                None => format!("Timeline of {events} events"),
            };
        }
        format!(
            "Step {} of {}: {}",
            view.step + 1,
            total,
            content.steps[view.step].title
        )
    };
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-announcer="">{text}</p> }
}

/// Headline, subtitle and introduction; embeds keep only the headline and subtitle.
#[component]
fn Header(content: Arc<Content>, compact: bool) -> impl IntoView {
    let intro = (!compact).then(|| {
        content
            .intro
            .iter()
            .map(|p| view! { <p class="intro">{p.clone()}</p> })
            .collect_view()
    });
    view! {
        <header class="masthead">
            <p class="kicker">"Explainer · Data and privacy"</p>
            <h1>{content.title.clone()}</h1>
            <p class="dek">{content.dek.clone()}</p>
            {intro}
        </header>
    }
}

/// How the explainer was made, and where to get the offline copy.
#[component]
fn Method(content: Arc<Content>) -> impl IntoView {
    view! {
        <section class="method" aria-labelledby="method-heading">
            <h2 id="method-heading">"How this explainer was made"</h2>
            {content.method.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <p class="download">
                <a href=SINGLE_FILE download="">"Download this explainer as a single file"</a>
                " to read offline: open it from your disk in any modern browser; it needs no connection."
            </p>
        </section>
    }
}

/// The single-file edition written next to the page at build time.
pub const SINGLE_FILE: &str = "tiktok-data-explainer-offline.html";
