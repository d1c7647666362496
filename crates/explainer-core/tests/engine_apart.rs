//! The engine names no story: the subject of every story in `stories/` (the
//! party its content examines, such as "TikTok") appears in none of the engine's
//! files, in any case. A story's words, names and sources live in its folder;
//! the engine's files are everything the build and the page are made of.

use std::path::{Path, PathBuf};

use explainer_core::story::{load_story, repository_root, STORIES_DIR, STORY_FILE};

/// The engine: the crates' sources, the app, its styles, page template, words
/// table, scripts, deployment and manifests (the tests, the docs and the
/// stories themselves may name a story).
const ENGINE: [&str; 14] = [
    "crates/explainer-core/src",
    "crates/explainer-core/Cargo.toml",
    "src",
    "style",
    "public",
    "locales",
    "scripts",
    "deploy",
    ".ci",
    "index.html",
    "Cargo.toml",
    "Trunk.toml",
    "package.json",
    "assets",
];

/// Every file under `path` (or `path` itself), text files only.
fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_owned());
    }
}

/// The subject of every story folder.
fn subjects(root: &Path) -> Vec<String> {
    let mut subjects = Vec::new();
    let dir = root.join(STORIES_DIR);
    for entry in std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
    {
        let file = entry.path().join(STORY_FILE);
        if let Ok(text) = std::fs::read_to_string(&file) {
            let story =
                load_story(&file.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
            subjects.push(story.subject);
        }
    }
    subjects
}

/// Where each of `names` occurs (any case) in the text files of `paths`.
fn occurrences(root: &Path, paths: &[&str], names: &[String]) -> Vec<String> {
    let mut all = Vec::new();
    for path in paths {
        files(&root.join(path), &mut all);
    }
    assert!(
        all.len() > 10,
        "only {} files found in {paths:?}",
        all.len()
    );
    let mut found = Vec::new();
    for file in all {
        // Fonts and images are not words.
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let lower = text.to_lowercase();
        for name in names {
            for (number, line) in lower.lines().enumerate() {
                if line.contains(&name.to_lowercase()) {
                    found.push(format!(
                        "{}:{}: {name}",
                        file.strip_prefix(root).unwrap_or(&file).display(),
                        number + 1
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn no_engine_file_names_a_story() {
    let root = repository_root();
    let names = subjects(&root);
    assert!(
        names.len() >= 2,
        "the stories' subjects: {names:?} (two stories at least)"
    );
    let found = occurrences(&root, &ENGINE, &names);
    assert!(
        found.is_empty(),
        "the engine names a story; move these words to the story's folder:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guard_finds_a_story_named_in_an_engine_file() {
    // The same search over the stories' own folders finds their subjects.
    let root = repository_root();
    let names = subjects(&root);
    let found = occurrences(&root, &[STORIES_DIR], &names);
    for name in &names {
        assert!(
            found.iter().any(|f| f.ends_with(&format!(": {name}"))),
            "{name} not found in its own story"
        );
    }
}
