//! The data-flow diagram, drawn as SVG from the content.
//!
//! Places and flows of the current step are highlighted; every place and flow is
//! focusable and (in the live app) opens the step that explains it on click,
//! Enter or Space. Each carries the steps that highlight it in `data-lit`, and
//! the figure the crowded steps in `data-crowded`, for the live app to follow.

use std::sync::Arc;

use explainer_core::diagram::{
    focus_view_box, layout, one_decimal, DiagramLayout, FlowShape, Orientation, PlaceShape,
    MAX_LABELLED_FLOWS,
};
use explainer_core::page::{
    fill, index_list, ACTIVE_CLASS, COMPACT_ASPECT, COMPACT_MIN_WIDTH, CROWDED_CLASS,
    DIAGRAM_CAPTION_CLASS, DIAGRAM_CLASS, DIAGRAM_SVG_CLASS, DIAGRAM_SVG_LANDSCAPE_CLASS,
    DIAGRAM_SVG_PORTRAIT_CLASS, FLOWS_CLASS, FLOW_CLASS, FLOW_HIT_CLASS, FLOW_LABEL_CLASS,
    FLOW_LINE_CLASS, PLACE_CLASS, PLACE_LABEL_CLASS, PLACE_REGION_CLASS, SHOWN_CLASS,
};
use explainer_core::{Content, FlowStatus, Perspective};
use leptos::prelude::*;

use crate::words::{about_step, words};

use super::INITIAL;

/// The diagram with its caption and legend. Every orientation and perspective
/// is drawn once; CSS shows the one that suits the viewport and the chosen
/// perspective. So the pre-rendered page and the live app agree at every width,
/// and switching creates and drops no elements: nothing to leak, no focus lost.
#[component]
pub fn Diagram(content: Arc<Content>) -> impl IntoView {
    let statuses = content.flows.iter().map(|f| f.status).collect::<Vec<_>>();
    let crowded_steps: Vec<usize> = (0..content.steps.len())
        .filter(|&i| content.steps[i].flows.len() > MAX_LABELLED_FLOWS)
        .collect();
    let crowded = crowded_steps.contains(&INITIAL.step);
    let drawings = Orientation::ALL
        .into_iter()
        .flat_map(|orientation| content.all_perspectives().map(move |p| (orientation, p)))
        .map(|(orientation, perspective)| drawing(&content, orientation, perspective, crowded))
        .collect_view();
    // Whose data the drawing follows: the stylesheet shows the perspective's own.
    let words = words();
    let whose = content
        .all_perspectives()
        .map(|perspective| {
            view! {
                <span
                    class="caption-whose"
                    class=(SHOWN_CLASS, perspective == INITIAL.perspective)
                    data-for=content.perspective_id(perspective).to_owned()
                >
                    {fill(&words.diagram.whose, &[("label", content.perspective_label(perspective))])}
                </span>
            }
        })
        .collect_view();
    view! {
        <figure class=DIAGRAM_CLASS data-crowded=index_list(&crowded_steps)>
            {drawings}
            <Legend statuses=statuses/>
            <Descriptions content=content.clone()/>
            <figcaption class=DIAGRAM_CAPTION_CLASS>
                {whose}
                {words.diagram.caption.clone()}
            </figcaption>
        </figure>
    }
}

/// What a screen reader adds after a place's or an arrow's short name (their
/// `aria-describedby`): what it is, who says so, and the step it opens. Every
/// drawing's shapes point here, so each is written once.
#[component]
fn Descriptions(content: Arc<Content>) -> impl IntoView {
    let words = words();
    let opens = |step: usize| about_step(&words.diagram.opens, step, content.step_title(step));
    let places = content
        .places
        .iter()
        .filter_map(|place| {
            let step = place
                .step
                .as_deref()
                .and_then(|id| content.step_index(id))?;
            let text = opens(step);
            Some(view! { <p id=place_description(&place.id)>{text}</p> })
        })
        .collect_view();
    let flows = content
        .flows
        .iter()
        .map(|flow| {
            let step = content.step_index(&flow.step).unwrap_or(0);
            let text = format!("{} {}", flow.attribution.plain(), opens(step));
            view! { <p id=flow_description(&flow.id)>{text}</p> }
        })
        .collect_view();
    view! { <div class="diagram-descriptions" hidden="">{places}{flows}</div> }
}

fn place_description(id: &str) -> String {
    format!("diagram-place-{id}")
}

fn flow_description(id: &str) -> String {
    format!("diagram-flow-{id}")
}

/// One drawing of the diagram, as the page shows it (the share cards draw it too).
/// Every place and flow says in `data-lit` which steps highlight it.
pub fn drawing(
    content: &Content,
    orientation: Orientation,
    perspective: Perspective,
    crowded: bool,
) -> impl IntoView {
    let layout = layout(content, perspective, orientation);
    // Only the landscape drawing is shown in the phone layout's strip.
    let focus = (orientation == Orientation::Landscape).then(|| focus_boxes(&layout, content));
    let places = layout
        .places
        .into_iter()
        .map(|shape| place_view(shape, content, content.perspective_id(perspective)))
        .collect_view();
    let flows = layout
        .flows
        .into_iter()
        .map(|shape| flow_view(shape, content))
        .collect_view();
    let (name, modifier) = match orientation {
        Orientation::Landscape => ("landscape", DIAGRAM_SVG_LANDSCAPE_CLASS),
        Orientation::Portrait => ("portrait", DIAGRAM_SVG_PORTRAIT_CLASS),
    };
    view! {
        <svg
            class=format!("{DIAGRAM_SVG_CLASS} {modifier}")
            class=(CROWDED_CLASS, crowded)
            class=(SHOWN_CLASS, perspective == INITIAL.perspective)
            data-orientation=name
            data-for=content.perspective_id(perspective).to_owned()
            viewBox=orientation.view_box()
            data-focus=focus
            role="none"
        >
            <g class="places">{places}</g>
            <g class=FLOWS_CLASS>{flows}</g>
        </svg>
    }
}

/// One `viewBox` per step: the part of the landscape drawing the phone
/// layout's strip shows for it (see `explainer_core::page::FOCUS_ATTRIBUTE`).
fn focus_boxes(layout: &DiagramLayout, content: &Content) -> String {
    let (width, height) = COMPACT_ASPECT;
    content
        .steps
        .iter()
        .map(|step| {
            focus_view_box(
                layout,
                Orientation::Landscape,
                &step.places,
                &step.flows,
                f64::from(width) / f64::from(height),
                COMPACT_MIN_WIDTH,
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn place_view(shape: PlaceShape, content: &Content, perspective_id: &str) -> impl IntoView {
    let place = content.place(&shape.id).cloned();
    let Some(place) = place else {
        return ().into_any();
    };
    // A box opens the step that explains it; a region is a frame, not a link.
    let step = place.step.as_deref().and_then(|id| content.step_index(id));
    let lit = content.steps_highlighting_place(&shape.id);
    let label = place.label_for(perspective_id).to_owned();
    let rect = shape.rect;
    // Its name is the words it shows; the step it opens is its description.
    let described_by = step.map(|_| place_description(&place.id));
    let hidden = step.map(|_| "true");
    let aria = step.map(|_| format!("{label}, {}", place.detail));
    let class = if shape.region {
        format!("{PLACE_CLASS} {PLACE_REGION_CLASS}")
    } else {
        PLACE_CLASS.to_owned()
    };
    let (label_x, label_y, detail_y) = shape.text_at();
    view! {
        <g
            class=class
            class=(ACTIVE_CLASS, lit.contains(&INITIAL.step))
            data-lit=index_list(&lit)
            data-place=shape.id.clone()
            role=step.map(|_| "link")
            tabindex=step.map(|_| "0")
            aria-label=aria
            aria-describedby=described_by
            data-go-step=step
        >
            <rect
                x=one_decimal(rect.left())
                y=one_decimal(rect.top())
                width=one_decimal(rect.width)
                height=one_decimal(rect.height)
                rx="8"
            ></rect>
            // A link says its name (and description) instead; a region's words are its text.
            <text class=PLACE_LABEL_CLASS x=one_decimal(label_x) y=one_decimal(label_y) aria-hidden=hidden>{label}</text>
            // Not drawn, but keeps a region's accessible text "label detail" rather than "labeldetail".
            " "
            <text class="place-detail" x=one_decimal(label_x) y=one_decimal(detail_y) aria-hidden=hidden>{place.detail.clone()}</text>
        </g>
    }
    .into_any()
}

fn flow_view(shape: FlowShape, content: &Content) -> impl IntoView {
    let Some(flow) = content.flows.iter().find(|f| f.id == shape.id).cloned() else {
        return ().into_any();
    };
    let step = content.step_index(&flow.step).unwrap_or(0);
    let label = flow.label.plain();
    // A short name; who says so and the step it opens are its description.
    let aria = fill(
        &words().diagram.arrow,
        &[
            ("label", label.as_str()),
            ("from", content.place_label(&flow.from)),
            ("to", content.place_label(&flow.to)),
        ],
    );
    let lit = content.steps_highlighting_flow(&flow.id);
    let class = format!("{FLOW_CLASS} {FLOW_CLASS}--{}", shape.status.as_str());
    view! {
        <g
            class=class
            class=(ACTIVE_CLASS, lit.contains(&INITIAL.step))
            data-lit=index_list(&lit)
            data-flow=flow.id.clone()
            role="link"
            tabindex="0"
            aria-label=aria
            aria-describedby=flow_description(&flow.id)
            data-go-step=step
        >
            <path class=FLOW_HIT_CLASS d=shape.path.clone()></path>
            <path class=FLOW_LINE_CLASS d=shape.path></path>
            <polygon class="flow-head" points=shape.arrowhead></polygon>
            // The stroke is the label's halo: drawn first, under the letters.
            <text
                class=FLOW_LABEL_CLASS
                x=one_decimal(shape.label_at.x)
                y=one_decimal(shape.label_at.y + 4.0)
                text-anchor=shape.label_anchor.as_str()
                paint-order="stroke"
                aria-hidden="true"
            >
                {label}
            </text>
        </g>
    }
    .into_any()
}

/// What the line styles in use mean, drawn with the same styles.
#[component]
fn Legend(statuses: Vec<FlowStatus>) -> impl IntoView {
    let words = words();
    let items = FlowStatus::ALL
        .into_iter()
        .filter(|status| statuses.contains(status))
        .map(|status| {
            view! {
                <li class=format!("legend-item flow--{}", status.as_str())>
                    <svg class="legend-swatch" viewBox="0 0 36 12" aria-hidden="true">
                        <path class=FLOW_LINE_CLASS d="M2,6 L34,6"></path>
                    </svg>
                    {words.status(status).to_owned()}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend" aria-label=words.diagram.legend.clone()>{items}</ul> }
}
