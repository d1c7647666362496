//! The content's version, carried by the page and written to the version file.

use super::service_worker::short_hash;

/// The version of a content file: a short hash of its text. The page carries
/// the version it was rendered from; the build writes the deployed one to
/// `page::VERSION_FILE` as `{"version": "…"}`.
pub fn content_version(content_text: &str) -> String {
    short_hash(content_text.as_bytes())
}

/// The version file's text.
pub fn version_json(version: &str) -> String {
    serde_json::json!({ "version": version }).to_string()
}
