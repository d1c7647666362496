//! Locating the articles for tests: `EXPLAINER_SOURCES_DIR`, else `../shared/sources`
//! beside the repository (where CI puts them).

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

/// Reads every `*.txt` article, keyed by file stem; panics with a clear message
/// when the folder is missing, since no quote can be checked without it.
pub fn load_articles() -> HashMap<String, String> {
    let dir = match std::env::var_os("EXPLAINER_SOURCES_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/sources"),
    };
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "cannot read the source articles in {}: {e}.\n\
             Put the five articles there (CI does), or set EXPLAINER_SOURCES_DIR to their folder.",
            dir.display()
        )
    });
    let mut articles = HashMap::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            articles.insert(stem, text);
        }
    }
    assert!(
        !articles.is_empty(),
        "no .txt articles in {}; set EXPLAINER_SOURCES_DIR to the folder that holds them",
        dir.display()
    );
    articles
}

/// The shipped content file, parsed and validated.
pub fn shipped_content() -> explainer_core::Content {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/content.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    explainer_core::load_content("public/content.json", &text).unwrap_or_else(|e| panic!("{e}"))
}
