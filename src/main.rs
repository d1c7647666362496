//! Browser entry point (built by Trunk).

fn main() {
    tiktok_data_explainer::app::start();
}
