//! The two ways into the story: step by step, or the timeline.

use explainer_core::Panel;
use leptos::prelude::*;

use super::is_static_page;
use crate::navigator::use_navigator;

/// Two toggle buttons (links to the sections on the page without scripts).
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let nav = use_navigator();
    if nav.event_count() == 0 {
        return ().into_any();
    }
    if is_static_page() {
        return view! {
            <nav class="view-switch" aria-label="Ways into the story">
                <a class="view-option" href="#explainer-stage">"Step by step"</a>
                <a class="view-option" href="#timeline">"Timeline"</a>
            </nav>
        }
        .into_any();
    }
    let option = move |panel: Panel, label: &'static str| {
        let pressed = move || (nav.view.get().panel == panel).to_string();
        view! {
            <button type="button" class="view-option" aria-pressed=pressed
                data-panel=match panel { Panel::Steps => "steps", Panel::Timeline => "timeline" }
                on:click=move |_| nav.show_panel(panel)>
                {label}
            </button>
        }
    };
    view! {
        <nav class="view-switch" aria-label="Ways into the story">
            {option(Panel::Steps, "Step by step")}
            {option(Panel::Timeline, "Timeline")}
        </nav>
    }
    .into_any()
}
