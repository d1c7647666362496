//! Entry point of the explainer web app: installs the panic hook and mounts
//! [`app::App`] into the page.

mod app;
mod components;
mod content_loader;
mod embed;
mod location;
mod navigator;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
