//! Browser entry point (built by Trunk).

fn main() {
    explainer_app::app::start();
}
