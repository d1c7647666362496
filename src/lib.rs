//! The explainer web app, in two halves that share only `explainer_core`:
//! - at build time (`ssr`), [`components`] render everything a reader can see
//!   once, and [`prerender`] makes the pages from Trunk's output;
//! - in the browser (`csr`), [`app::start`] brings that pre-rendered page to
//!   life without rendering any of it again: it finds the hooks listed in
//!   `explainer_core::page` and switches state on them.

// Data from outside the program (URL, messages, the page) must never panic.
#![deny(clippy::unwrap_used, clippy::expect_used)]

#[cfg(feature = "csr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod card;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "csr")]
pub mod controls;
#[cfg(feature = "csr")]
pub mod dom;
#[cfg(feature = "csr")]
pub mod embed;
#[cfg(feature = "csr")]
pub mod evidence;
#[cfg(feature = "csr")]
pub mod freshness;
#[cfg(feature = "csr")]
pub mod location;
#[cfg(feature = "csr")]
pub mod navigator;
#[cfg(feature = "csr")]
pub mod page;
#[cfg(feature = "csr")]
pub mod panic_notice;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "ssr")]
pub mod publication;
#[cfg(feature = "csr")]
pub mod references;
#[cfg(feature = "csr")]
pub mod share;
#[cfg(feature = "ssr")]
pub mod share_pages;
#[cfg(feature = "csr")]
pub mod snippets;
#[cfg(feature = "csr")]
pub mod swipe;
#[cfg(feature = "csr")]
pub mod theme;
#[cfg(feature = "ssr")]
pub mod words;
