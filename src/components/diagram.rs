//! The data-flow diagram, drawn as SVG from the content.
//!
//! Places and flows of the current step are highlighted; every place and flow is
//! focusable and opens the step that explains it on click, Enter or Space.

use std::sync::Arc;

use explainer_core::diagram::{layout, one_decimal, FlowShape, Orientation, PlaceShape};
use explainer_core::{Content, FlowStatus, Perspective};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

use crate::navigator::{use_navigator, Navigator};

/// The diagram with its caption and legend. Both orientations are drawn and CSS
/// shows the one that suits the viewport, so the pre-rendered page and the live
/// app agree at every width and nothing jumps when the app takes over.
#[component]
pub fn Diagram(content: Arc<Content>) -> impl IntoView {
    let nav = use_navigator();
    let statuses = content.flows.iter().map(|f| f.status).collect::<Vec<_>>();
    let flows_per_step: Vec<usize> = content.steps.iter().map(|s| s.flows.len()).collect();
    let crowded = move || flows_per_step[nav.view.get().step] > MAX_LABELLED_FLOWS;
    // Redraw only when the perspective changes; step changes just move the
    // highlight classes, so elements (and focus) survive them.
    let perspective = Memo::new(move |_| nav.view.get().perspective);
    let drawings = Orientation::ALL
        .into_iter()
        .map(|orientation| {
            let content = content.clone();
            let drawing = move || {
                let perspective = perspective.get();
                let layout = layout(&content, perspective, orientation);
                let places = layout
                    .places
                    .into_iter()
                    .map(|shape| place_view(shape, &content, perspective, nav))
                    .collect_view();
                let flows = layout
                    .flows
                    .into_iter()
                    .map(|shape| flow_view(shape, &content, nav))
                    .collect_view();
                view! {
                    <g class="places">{places}</g>
                    <g class="flows">{flows}</g>
                }
            };
            let name = match orientation {
                Orientation::Landscape => "landscape",
                Orientation::Portrait => "portrait",
            };
            view! {
                <svg
                    class=format!("diagram-svg diagram-svg--{name}")
                    class:is-crowded=crowded.clone()
                    data-orientation=name
                    viewBox=orientation.view_box()
                    role="group"
                    aria-labelledby="diagram-caption"
                >
                    {drawing}
                </svg>
            }
        })
        .collect_view();
    view! {
        <figure class="diagram">
            {drawings}
            <figcaption id="diagram-caption" class="diagram-caption">
                "Where a US user’s data goes. Highlighted: what the current step is about. Select a place or an arrow to read its step; the table of flows below gives the same information as text."
            </figcaption>
            <Legend statuses=statuses/>
        </figure>
    }
}

/// Above this many highlighted flows, their labels show only on hover or focus.
const MAX_LABELLED_FLOWS: usize = 3;

/// Opens a step from the keyboard the way a click does.
fn activate_on_key(nav: Navigator, step: usize) -> impl Fn(KeyboardEvent) {
    move |ev: KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            nav.jump_to(step);
        }
    }
}

fn place_view(
    shape: PlaceShape,
    content: &Content,
    perspective: Perspective,
    nav: Navigator,
) -> impl IntoView {
    let place = content.place(&shape.id).cloned();
    let Some(place) = place else {
        return ().into_any();
    };
    let step = content.step_index(&place.step).unwrap_or(0);
    let active = nav.is_current_in(content.steps_highlighting_place(&shape.id));
    let label = place.label_for(perspective).to_owned();
    let rect = shape.rect;
    let step_title = content
        .steps
        .get(step)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let aria = format!(
        "{label}, {}. Opens step {}: {step_title}",
        place.detail,
        step + 1
    );
    let class = if shape.region {
        "place place--region"
    } else {
        "place"
    };
    let (label_x, label_y, detail_y) = if shape.region {
        (rect.left() + 12.0, rect.top() + 20.0, rect.top() + 36.0)
    } else {
        (rect.center.x, rect.center.y - 3.0, rect.center.y + 15.0)
    };
    view! {
        <g
            class=class
            class:is-active=active
            data-place=shape.id.clone()
            role="link"
            tabindex="0"
            aria-label=aria
            on:click=move |_| nav.jump_to(step)
            on:keydown=activate_on_key(nav, step)
        >
            <rect
                x=one_decimal(rect.left())
                y=one_decimal(rect.top())
                width=one_decimal(rect.width)
                height=one_decimal(rect.height)
                rx="8"
            ></rect>
            <text class="place-label" x=one_decimal(label_x) y=one_decimal(label_y)>{label}</text>
            // Not drawn, but keeps the accessible text "label detail" rather than "labeldetail".
            " "
            <text class="place-detail" x=one_decimal(label_x) y=one_decimal(detail_y)>{place.detail.clone()}</text>
        </g>
    }
    .into_any()
}

fn flow_view(shape: FlowShape, content: &Content, nav: Navigator) -> impl IntoView {
    let Some(flow) = content.flows.iter().find(|f| f.id == shape.id).cloned() else {
        return ().into_any();
    };
    let step = content.step_index(&flow.step).unwrap_or(0);
    let name = |id: &str| {
        content
            .place(id)
            .map(|p| p.label.clone())
            .unwrap_or_default()
    };
    let step_title = content
        .steps
        .get(step)
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let aria = format!(
        "{}: from {} to {} ({}). Opens step {}: {step_title}",
        flow.label,
        name(&flow.from),
        name(&flow.to),
        flow.status.label(),
        step + 1
    );
    let active = nav.is_current_in(content.steps_highlighting_flow(&flow.id));
    let class = format!("flow flow--{}", shape.status.as_str());
    view! {
        <g
            class=class
            class:is-active=active
            data-flow=flow.id.clone()
            role="link"
            tabindex="0"
            aria-label=aria
            on:click=move |_| nav.jump_to(step)
            on:keydown=activate_on_key(nav, step)
        >
            <path class="flow-hit" d=shape.path.clone()></path>
            <path class="flow-line" d=shape.path></path>
            <polygon class="flow-head" points=shape.arrowhead></polygon>
            <text class="flow-label" x=one_decimal(shape.label_at.x) y=one_decimal(shape.label_at.y + 4.0)>
                {flow.label}
            </text>
        </g>
    }
    .into_any()
}

/// What the line styles in use mean, drawn with the same styles.
#[component]
fn Legend(statuses: Vec<FlowStatus>) -> impl IntoView {
    let items = [
        FlowStatus::Stated,
        FlowStatus::Reported,
        FlowStatus::Alleged,
        FlowStatus::Planned,
    ]
    .into_iter()
    .filter(|status| statuses.contains(status))
    .map(|status| {
        view! {
            <li class=format!("legend-item flow--{}", status.as_str())>
                <svg class="legend-swatch" viewBox="0 0 36 12" aria-hidden="true">
                    <path class="flow-line" d="M2,6 L34,6"></path>
                </svg>
                {status.label()}
            </li>
        }
    })
    .collect_view();
    view! { <ul class="legend" aria-label="Line styles">{items}</ul> }
}
