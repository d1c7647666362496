//! Build-time rendering: the live components rendered to static HTML, and the
//! page variants made from Trunk's output (pre-rendered page, service worker,
//! single-file edition). Pure string work on the host; `bin/postbuild.rs` does the I/O.
//! Trunk's page is edited with an HTML rewriter (lol_html), which finds elements
//! whatever their attribute order, quoting, case or white space.
//!
//! One module a stage, in the order the build runs them: `render` (the
//! components to HTML), `body` (into the page's empty elements), `start`
//! (the app starts after the first paint), `head` (metadata and the
//! Content-Security-Policy, computed in `csp`), `version` and
//! `service_worker` (the files beside the page), `single_file` (the
//! offline edition). `elements` holds what several stages read of the page.

mod body;
mod csp;
mod elements;
mod head;
mod render;
mod service_worker;
mod single_file;
mod start;
mod version;

use lol_html::{rewrite_str, RewriteStrSettings};

pub use body::insert_body;
pub use csp::{content_security_policy, content_security_policy_of};
pub(crate) use head::with_csp;
pub use head::{finish_head, insert_head};
pub use render::{drop_empty_comments, render_explainer, render_status, EditionPage};
pub use service_worker::{service_worker, short_hash};
pub use single_file::{single_file, SingleFileParts};
pub use start::defer_app_start;
pub use version::{content_version, version_json};

/// Runs the HTML rewriter over `html`; `what` says what for, in the error.
pub(crate) fn rewrite(
    html: &str,
    what: &str,
    settings: RewriteStrSettings<'_, '_>,
) -> Result<String, String> {
    rewrite_str(html, settings).map_err(|e| format!("{what}: {e}"))
}
