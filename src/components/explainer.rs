//! The explainer page: header, diagram beside (or above) the current step,
//! the step list, the table of flows, the sources and the method note.

use std::sync::Arc;

use std::collections::HashSet;

use explainer_core::embed::EmbedName;
use explainer_core::page::{
    ANNOUNCER_ID, ANSWER_CLASS, ANSWER_ID, LAYERED_CLASS, MAIN_ID, MASTHEAD_CLASS, METHOD_CLASS,
    STAGE_CLASS, STAGE_ID, STEP_LEAD_CLASS,
};
use explainer_core::{Content, QuoteScope};
use leptos::prelude::*;

use super::corrections::Corrections;
use super::diagram::Diagram;
use super::edition_switch::{EditionLink, EditionSwitch};
use super::embed_code::EmbedCode;
use super::flow_table::FlowTable;
use super::layered::{evidence_toggle, said_view};
use super::perspective_switch::PerspectiveSwitch;
use super::sources::Sources;
use super::step_list::StepList;
use super::step_nav::{StepPager, StepProgress};
use super::step_view::StepView;
use super::timeline::Timeline;
use super::view_switch::ViewSwitch;
use super::INITIAL;
use crate::words::words;

/// The whole explainer, as one static page in the [`INITIAL`] view. Embeds get
/// the same page: the stylesheet hides the page chrome under `html.embed`.
#[component]
pub fn Explainer(
    /// What the explainer says.
    content: Arc<Content>,
    /// The single-file edition's name beside the page, for its download link.
    single_file: String,
    /// The story's name on a host page, for the Pym.js snippet's container.
    embed_name: EmbedName,
    /// Links to the story's other editions.
    editions: Vec<EditionLink>,
) -> impl IntoView {
    let words = words();
    view! {
        <Header content=content.clone() editions=editions/>
        <main
            id=MAIN_ID
            class="explainer"
            data-perspective=content.perspective_id(INITIAL.perspective).to_owned()
            data-stopped=words.failure.stopped.clone()
        >
            // The live region, with the templates of what the live app has it say.
            <p
                id=ANNOUNCER_ID
                class="visually-hidden"
                aria-live="polite"
                aria-atomic="true"
                data-announcer=""
                data-say-step=words.pager.announcement.clone()
                data-say-timeline=words.timeline.announcement.clone()
                data-say-perspective=words.perspectives.announcement.clone()
            ></p>
            <ViewSwitch has_timeline=!content.timeline.is_empty()/>
            // The step's text comes first in the page, so a screen reader reaches it
            // before the diagram's links; the stylesheet still draws the diagram
            // first (beside the text, or as the phone layout's strip above it).
            <div class=STAGE_CLASS id=STAGE_ID>
                <div class="stage-text">
                    <StepProgress content=content.clone()/>
                    <StepView content=content.clone()/>
                    <StepPager content=content.clone()/>
                    // For keyboard users; a screen reader's browse mode has its own arrow keys.
                    <p class="keyboard-hint" aria-hidden="true">{words.pager.keyboard_tip.clone()}</p>
                </div>
                <div class="stage-diagram">
                    {(content.perspectives.len() > 1)
                        .then(|| view! { <PerspectiveSwitch content=content.clone()/> })}
                    <Diagram content=content.clone()/>
                </div>
            </div>
            <Timeline content=content.clone()/>
            <StepList content=content.clone()/>
            <FlowTable content=content.clone()/>
            <Sources content=content.clone()/>
            <Corrections content=content.clone()/>
            <Method content=content.clone() single_file=single_file/>
            <EmbedCode title=content.title.clone() name=embed_name/>
        </main>
    }
}

/// Headline, subtitle and the short answer, with its evidence one button away.
#[component]
fn Header(content: Arc<Content>, editions: Vec<EditionLink>) -> impl IntoView {
    let answer = &content.answer;
    let scope = QuoteScope::in_reading_order(&answer.citations, &[&answer.text]);
    let mut shown = HashSet::new();
    let said = said_view(&answer.text, &scope, &content, &mut shown);
    let words = words();
    let kicker = content
        .kicker
        .clone()
        .unwrap_or_else(|| words.masthead.kicker.clone());
    view! {
        <header class=MASTHEAD_CLASS>
            <EditionSwitch links=editions/>
            <p class="kicker">{kicker}</p>
            <h1>{content.title.clone()}</h1>
            <p class="dek">{content.dek.clone()}</p>
            <section class=format!("{ANSWER_CLASS} {LAYERED_CLASS}") id=ANSWER_ID aria-labelledby="answer-heading">
                <h2 id="answer-heading" class="answer-heading">{words.masthead.answer_heading.clone()}</h2>
                <div class=STEP_LEAD_CLASS id=format!("{ANSWER_ID}-text")>{said}</div>
                {evidence_toggle(format!("{ANSWER_ID}-text"), scope.quotes().len())}
            </section>
        </header>
    }
}

/// How the explainer was made, and where to get the offline copy.
#[component]
fn Method(content: Arc<Content>, single_file: String) -> impl IntoView {
    let words = words();
    view! {
        <section class=METHOD_CLASS aria-labelledby="method-heading">
            <h2 id="method-heading">{words.method.heading.clone()}</h2>
            {content.method.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <p class="download">
                <a href=single_file download="">{words.method.download.clone()}</a>
                {words.method.download_note.clone()}
            </p>
        </section>
    }
}
