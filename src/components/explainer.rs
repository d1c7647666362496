//! The explainer page: header, diagram beside (or above) the current step,
//! the step list, the table of flows, the sources and the method note.

use std::sync::Arc;

use explainer_core::Content;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::diagram::Diagram;
use super::embed_code::EmbedCode;
use super::flow_table::FlowTable;
use super::perspective_switch::PerspectiveSwitch;
use super::sources::Sources;
use super::step_list::StepList;
use super::step_nav::{StepPager, StepProgress};
use super::step_view::StepView;
use crate::embed::EmbedState;
use crate::navigator::{use_navigator, Navigator};

/// The whole explainer for loaded content.
#[component]
pub fn Explainer(content: Arc<Content>) -> impl IntoView {
    let embed = expect_context::<EmbedState>();
    let nav = Navigator::new(
        content.steps.iter().map(|s| s.id.clone()).collect(),
        embed.framed,
    );
    provide_context(nav);
    listen_to_browser(nav);
    Effect::new(move |_| {
        nav.view.track();
        request_animation_frame(move || embed.report_height());
    });

    view! {
        <Header content=content.clone() compact=embed.compact/>
        <main id="explainer" class="explainer">
            <Announcer content=content.clone()/>
            <div class="stage">
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
            <StepList content=content.clone()/>
            <FlowTable content=content.clone()/>
            <Sources content=content.clone()/>
            {(!embed.compact).then(|| view! {
                <Method content=content.clone()/>
                <EmbedCode title=content.title.clone()/>
            })}
        </main>
    }
}

/// Arrow keys move between steps; back/forward and hash links move the view.
fn listen_to_browser(nav: Navigator) {
    // The explainer lives as long as the page, so the listeners are never removed.
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.default_prevented()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
        {
            return;
        }
        if focus_is_in_text_field() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => nav.next(),
            "ArrowLeft" => nav.previous(),
            _ => return,
        }
        ev.prevent_default();
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| nav.sync_from_location());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| nav.sync_from_location());
}

/// Arrow keys belong to the caret inside form fields.
fn focus_is_in_text_field() -> bool {
    document()
        .active_element()
        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
        .unwrap_or(false)
}

/// Politely tells screen readers which step is now shown.
#[component]
fn Announcer(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let total = content.steps.len();
    let text = move || {
        let step = nav.view.get().step;
        format!(
            "Step {} of {}: {}",
            step + 1,
            total,
            content.steps[step].title
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

/// How the explainer was made.
#[component]
fn Method(content: Arc<Content>) -> impl IntoView {
    view! {
        <section class="method" aria-labelledby="method-heading">
            <h2 id="method-heading">"How this explainer was made"</h2>
            {content.method.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
        </section>
    }
}
