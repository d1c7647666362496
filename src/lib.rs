//! The explainer web app. In the browser, [`app::start`] takes over the
//! pre-rendered page; at build time, [`prerender`] renders the same components
//! to static HTML so the page reads without JavaScript.

// Data from outside the program (URL, content file, messages) must never panic.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod app;
pub mod components;
pub mod content_loader;
pub mod embed;
pub mod location;
pub mod navigator;
pub mod panic_notice;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod references;
pub mod theme;
