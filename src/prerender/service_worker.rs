//! The service worker that keeps a build for offline reading, and the hash
//! that names a build.

use sha2::{Digest, Sha256};

/// The service worker (`src/sw.js`, a template): precaches every file of this
/// build under a cache named by the story (`cache_prefix`) and the build's hash,
/// and deletes the story's other builds' caches when it activates.
pub fn service_worker(files: &[String], cache_prefix: &str, build_hash: &str) -> String {
    let list = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    include_str!("../sw.js")
        .replace(
            "\"__CACHE_PREFIX__\"",
            &serde_json::Value::from(cache_prefix).to_string(),
        )
        .replace(
            "\"__BUILD_HASH__\"",
            &serde_json::Value::from(build_hash).to_string(),
        )
        .replace("\"__FILES__\"", &list)
        .replace("__VERSION_FILE__", explainer_core::page::VERSION_FILE)
        .replace("__STEP_PAGES__", explainer_core::share::STEP_PAGES_DIR)
}

/// Hex SHA-256 of some bytes, shortened: names a build.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}
