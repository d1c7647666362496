//! Fetching and checking `content.json`, the file editors change without a rebuild.

use std::fmt;
use std::sync::Arc;

use explainer_core::{load_content, Content, ContentError};
use gloo_net::http::Request;

/// The content file, relative to the page so the app works under any sub-path.
pub const CONTENT_FILE: &str = "content.json";

/// Why the content could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16, String),
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

/// Fetches, parses and validates the content file.
pub async fn fetch_content() -> Result<Arc<Content>, LoadError> {
    let response = Request::get(CONTENT_FILE)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status(), response.status_text()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    load_content(CONTENT_FILE, &text)
        .map(Arc::new)
        .map_err(LoadError::Invalid)
}
