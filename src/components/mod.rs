//! The build-time renderer's components, one file each; [`explainer::Explainer`]
//! assembles them. They render everything a reader can see (every step, both
//! perspectives, every diagram state) once, as static HTML, in the state of the
//! first step for an ordinary user. The live app never renders them again: it
//! switches state on their output through the hooks in `explainer_core::page`.

pub mod citation;
pub mod cited_text;
pub mod corrections;
pub mod diagram;
pub mod edition_switch;
pub mod embed_code;
pub mod explainer;
pub mod flow_table;
pub mod layered;
pub mod perspective_switch;
pub mod share_step;
pub mod sources;
pub mod step_link;
pub mod step_list;
pub mod step_nav;
pub mod step_view;
pub mod timeline;
pub mod update_notice;
pub mod view_switch;

/// The view the page is rendered in; the live app moves from it to what the URL asks.
pub const INITIAL: explainer_core::ViewState = explainer_core::ViewState {
    step: 0,
    perspective: explainer_core::Perspective::FIRST,
    panel: explainer_core::Panel::Steps,
    event: None,
};
