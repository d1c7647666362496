//! One file per component. [`explainer::Explainer`] assembles the others.

pub mod citation;
pub mod cited_text;
pub mod claim;
pub mod corrections;
pub mod diagram;
pub mod embed_code;
pub mod explainer;
pub mod flow_table;
pub mod full_text;
pub mod load_status;
pub mod perspective_switch;
pub mod sources;
pub mod step_link;
pub mod step_list;
pub mod step_nav;
pub mod step_view;
pub mod timeline;
pub mod view_switch;

/// Present in context while the pre-renderer renders the page for readers
/// without JavaScript: controls that need scripts render as plain links there.
#[derive(Clone, Copy, Debug)]
pub struct StaticPage;

/// Whether this render is the static, pre-rendered page.
pub fn is_static_page() -> bool {
    leptos::prelude::use_context::<StaticPage>().is_some()
}
