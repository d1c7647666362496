//! Fetching and checking `content.json`, the file editors change without a rebuild.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use explainer_core::{load_content, Content, ContentError};
use gloo_net::http::Request;
use leptos::prelude::set_timeout;
use web_sys::AbortController;

/// The content file, relative to the page so the app works under any sub-path.
pub const CONTENT_FILE: &str = "content.json";

/// Why the content could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16, String),
    /// The whole answer did not arrive in time.
    Timeout,
    /// The server sent a web page where the JSON file should be (a host's 404 page, say).
    NotJson(String),
    /// The file arrived but is not valid content.
    Invalid(ContentError),
}

impl LoadError {
    /// A one-sentence explanation for the reader, naming the file.
    pub fn summary(&self) -> String {
        match self {
            LoadError::Network(reason) => {
                format!("{CONTENT_FILE} could not be fetched: {reason}. Check your connection and try again.")
            }
            LoadError::Status(code, text) => {
                format!("{CONTENT_FILE} could not be loaded: the server answered {code} {text}.")
            }
            LoadError::Timeout => format!(
                "{CONTENT_FILE} took longer than {} seconds to arrive, so loading was stopped. The connection may be slow; try again.",
                TIMEOUT.as_secs()
            ),
            LoadError::NotJson(kind) => format!(
                "{CONTENT_FILE} could not be read: the server sent {kind} instead of the JSON content file."
            ),
            LoadError::Invalid(error) => format!(
                "{} is not valid explainer content; {} problem(s) were found:",
                error.file,
                error.problems.len()
            ),
        }
    }

    /// Each problem with its field path, for content errors.
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Invalid(error) => error.problems.iter().map(|p| p.to_string()).collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.summary())?;
        for detail in self.details() {
            write!(f, "\n- {detail}")?;
        }
        Ok(())
    }
}

/// Id of the `<script type="application/json">` that carries the content in the
/// single-file edition, where there is no server to fetch from.
pub const INLINE_CONTENT_ID: &str = "explainer-content";

/// The content embedded in the page if there is any, otherwise fetched.
pub async fn fetch_or_read_content() -> Result<Arc<Content>, LoadError> {
    let inline = leptos::prelude::document()
        .get_element_by_id(INLINE_CONTENT_ID)
        .and_then(|el| el.text_content());
    match inline {
        Some(text) => load_content(INLINE_CONTENT_ID, &text)
            .map(Arc::new)
            .map_err(LoadError::Invalid),
        None => fetch_content().await,
    }
}

/// How long the whole download may take before it is abandoned.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Fetches, parses and validates the content file, giving up after [`TIMEOUT`].
pub async fn fetch_content() -> Result<Arc<Content>, LoadError> {
    let controller = AbortController::new().ok();
    let timed_out = Arc::new(AtomicBool::new(false));
    if let Some(controller) = controller.clone() {
        let timed_out = timed_out.clone();
        set_timeout(
            move || {
                timed_out.store(true, Ordering::Relaxed);
                controller.abort();
            },
            TIMEOUT,
        );
    }
    let failed = |e: gloo_net::Error| {
        if timed_out.load(Ordering::Relaxed) {
            LoadError::Timeout
        } else {
            LoadError::Network(e.to_string())
        }
    };
    let signal = controller.as_ref().map(AbortController::signal);
    let response = Request::get(CONTENT_FILE)
        // A retry must reach the server, not queue behind a hung earlier request
        // for the same URL in the browser's HTTP cache.
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status(), response.status_text()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if content_type.starts_with("text/html") {
        return Err(LoadError::NotJson(format!("a web page ({content_type})")));
    }
    let text = response.text().await.map_err(failed)?;
    // The timer cannot be cancelled cheaply; a late abort of a finished fetch is harmless.
    load_content(CONTENT_FILE, &text)
        .map(Arc::new)
        .map_err(LoadError::Invalid)
}
