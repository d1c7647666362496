//! One file per component. [`explainer::Explainer`] assembles the others.

pub mod citation;
pub mod claim;
pub mod diagram;
pub mod embed_code;
pub mod explainer;
pub mod flow_table;
pub mod load_status;
pub mod perspective_switch;
pub mod sources;
pub mod step_link;
pub mod step_list;
pub mod step_nav;
pub mod step_view;
