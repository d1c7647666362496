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

/// Runs the editor's check with `args` from the repository's root, on the
/// default story unless `args` name another; returns success and its output.
pub fn run_check(args: &[&std::path::Path]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_check"))
        .args(args)
        .current_dir(explainer_core::story::repository_root())
        .env_remove(explainer_core::story::STORY_ENV)
        .output()
        .expect("the check binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// The shipped story's content file (the repository's default story).
pub fn shipped_file() -> PathBuf {
    shipped_story().content_file
}

/// The shipped story's content text.
pub fn shipped_text() -> String {
    shipped_story().content_text
}

/// The shipped story's folder, read.
pub fn shipped_story() -> explainer_core::story::StoryFiles {
    explainer_core::story::StoryFiles::default_of_repository().unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped content file, parsed and validated.
pub fn shipped_content() -> explainer_core::Content {
    explainer_core::load_content("content.json", &shipped_text()).unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped story's content and each of its editions', parsed and checked,
/// by name ("content.json", "content.es.json").
pub fn shipped_contents() -> Vec<(String, explainer_core::Content)> {
    let files = shipped_story();
    let folder = files
        .content_file
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default();
    let mut all = vec![("content.json".to_owned(), shipped_content())];
    for edition in &files.story.editions {
        let name = format!("content.{}.json", edition.folder);
        let text =
            std::fs::read_to_string(folder.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let content = explainer_core::edition::load_edition(&name, &files.content_text, &text)
            .unwrap_or_else(|e| panic!("{e}"));
        all.push((name, content));
    }
    all
}
