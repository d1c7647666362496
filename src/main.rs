//! Entry point of the explainer web app: installs the panic hook and mounts
//! [`app::App`] into the page.

// Data from outside the program (URL, content file, messages) must never panic.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod app;
mod components;
mod content_loader;
mod embed;
mod location;
mod navigator;
mod panic_notice;

fn main() {
    panic_notice::install();
    leptos::mount::mount_to_body(app::App);
}
