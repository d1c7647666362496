//! Locating the articles for tests: `EXPLAINER_SOURCES_DIR`, else `../shared/sources`
//! beside the repository (where CI puts them).

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

/// Reads every `*.txt` article, keyed by file stem; panics with a clear message
/// when the folder is missing, since no quote can be checked without it.
pub fn load_articles() -> HashMap<String, String> {
    let dir = explainer_core::check::sources_dir();
    explainer_core::check::read_articles(&dir).unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped content file, parsed and validated.
pub fn shipped_content() -> explainer_core::Content {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/content.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    explainer_core::load_content("public/content.json", &text).unwrap_or_else(|e| panic!("{e}"))
}
