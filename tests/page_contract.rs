//! The stylesheet and the live app agree on the phone layout: the app zooms the
//! diagram when `explainer_core::page::COMPACT_MEDIA` matches, and the
//! stylesheet lays out the strip for the same query, at the shape
//! (`COMPACT_ASPECT`) the build's focus boxes are computed for. They agree too
//! on the names of the two layers: the stylesheet folds a layered block's
//! evidence until the app marks it open.
//!
//! And the guard of the page contract (`explainer_core::page::HOOKS`): no file
//! of the live app, the renderer, the Rust tests or the browser tests spells a
//! hook of the table as a literal, in code run in Node or in the page (which
//! gets them from `support.mjs`'s `IN_PAGE`).
//! Run with `cargo test --no-default-features --features ssr`.
#![cfg(feature = "ssr")]

use std::path::{Path, PathBuf};

use explainer_core::page::{
    HookKind, ACTIVE_CLASS, COMPACT_ASPECT, COMPACT_MEDIA, EMBED_CLASS, EVIDENCE_TOGGLE_CLASS,
    HOOKS, LAYERED_CLASS, OPEN_ATTRIBUTE, PAGER_COUNT_CLASS, PAGER_NEXT_CLASS, REF_ATTRIBUTE,
    STAGE_CLASS, STAGE_ID, STEP_ATTRIBUTE, STEP_LIST_CLASS,
};

const STYLESHEET: &str = include_str!("../style/main.css");

/// The block of the stylesheet that holds the phone layout.
fn phone_block() -> &'static str {
    let opening = format!("@media {COMPACT_MEDIA} {{\n  html.js:not(.{EMBED_CLASS}) {{");
    let start = STYLESHEET
        .find(&opening)
        .unwrap_or_else(|| panic!("style/main.css has no phone layout block opening {opening:?}"));
    let rest = &STYLESHEET[start..];
    let end = rest
        .find("\n}\n")
        .expect("the phone layout block is closed");
    &rest[..end]
}

#[test]
fn the_stylesheet_lays_out_the_strip_for_the_apps_query_and_shape() {
    let block = phone_block();
    let (width, height) = COMPACT_ASPECT;
    let shape = format!("* {height} / {width}");
    assert!(
        block.contains(&shape),
        "the strip's drawing height must be its width {shape} (COMPACT_ASPECT)"
    );
    for needed in [
        "position: sticky; top: 0",
        "position: sticky; bottom: 0",
        &format!(".{PAGER_COUNT_CLASS} {{ display: block; }}"),
    ] {
        assert!(block.contains(needed), "the phone layout lacks {needed:?}");
    }
}

#[test]
fn the_stylesheet_folds_the_evidence_layer_only_when_scripts_can_open_it() {
    // Folded only under `html.js` (the app opens it), with every layer open
    // for readers without scripts, who get no toggle.
    let folded = format!("html.js .{LAYERED_CLASS}:not([{OPEN_ATTRIBUTE}])");
    assert!(
        STYLESHEET.contains(&format!("{folded} :is(")),
        "style/main.css does not fold the evidence layer with {folded:?}"
    );
    assert!(
        STYLESHEET.contains(&format!(
            "html:not(.js) .{EVIDENCE_TOGGLE_CLASS} {{ display: none; }}"
        )),
        "style/main.css shows the evidence toggle without scripts"
    );
}

#[test]
fn the_breakpoint_is_the_one_the_desktop_layout_starts_above() {
    // Desktop: the diagram beside the text from 900px up, the phone layout below.
    assert_eq!(COMPACT_MEDIA, "(max-width: 899px)");
    assert!(STYLESHEET.contains(&format!(
        "@media (min-width: 900px) {{\n  .{STAGE_CLASS} {{"
    )));
}

/// Element names a class selector may follow (`nav.step-list`), beside the
/// characters that start a selector's part.
const TAGS: &[&str] = &[
    "a", "article", "body", "button", "div", "figure", "g", "h2", "html", "li", "main", "nav", "p",
    "path", "rect", "section", "span", "svg", "table", "text", "tr", "ul",
];

/// Whether `name` (a hook's name) is spelled right before `rest` ends, in a
/// selector or on its own: `rest` is what follows the name in the string.
fn ends_name(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The hooks that `text` (the inside of one quoted string) spells as a literal:
/// as a selector (`#app`, `nav.step-list`, `[data-step]`) or, for a name with a
/// dash, on its own (`'is-active'`, `getAttribute('data-step')`). A name
/// without a dash on its own (`"step"`, `"timeline"`) is also a word or a value,
/// so only its selector counts.
fn literal_hooks(text: &str) -> Vec<&'static str> {
    let bare = text.trim();
    HOOKS
        .iter()
        .filter(|hook| {
            if bare == hook.name && hook.name.contains('-') {
                return true;
            }
            let sigil = match hook.kind {
                HookKind::Id => "#",
                HookKind::Class => ".",
                HookKind::Attribute => "[",
            };
            let spelled = format!("{sigil}{}", hook.name);
            text.match_indices(&spelled).any(|(at, _)| {
                let before = &text[..at];
                let selector_start = hook.kind == HookKind::Attribute
                    || before
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-' && c != '_');
                let after_tag = hook.kind != HookKind::Attribute && {
                    let word = before
                        .rsplit(|c: char| !c.is_ascii_alphanumeric())
                        .next()
                        .unwrap_or_default();
                    TAGS.contains(&word)
                };
                (selector_start || after_tag) && ends_name(&text[at + spelled.len()..])
            })
        })
        .map(|hook| hook.constant)
        .collect()
}

/// The quoted strings of one line of code: `"…"` in Rust, and `'…'` and `` `…` ``
/// too in JavaScript (a string's end is the next quote like its start, on the
/// same line). Comments are not code.
fn quoted(line: &str, quotes: &[char]) -> Vec<String> {
    let code = line.trim_start();
    if ["//", "/*", "*"].iter().any(|c| code.starts_with(c)) {
        return Vec::new();
    }
    let code = code.split(" // ").next().unwrap_or_default();
    let mut found = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if quotes.contains(&c) {
            let inside: String = chars.by_ref().take_while(|&d| d != c).collect();
            found.push(inside);
        }
    }
    found
}

/// Every file under `dir` (recursively) whose name ends with `ending`.
fn files(dir: &Path, ending: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(files(&path, ending));
        } else if path.to_string_lossy().ends_with(ending) {
            found.push(path);
        }
    }
    found
}

/// Every literal hook in the live app, the renderer, the Rust tests and the
/// browser tests, as `file:line: CONSTANT in "string"`, by file.
fn literal_hooks_in_sources() -> Vec<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rust = [
        files(&root.join("src"), ".rs"),
        files(&root.join("tests"), ".rs"),
    ]
    .concat();
    let scripts = files(&root.join("tests/browser"), ".mjs");
    let mut found = Vec::new();
    for (paths, quotes) in [(rust, &['"'][..]), (scripts, &['\'', '"', '`'][..])] {
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            let mut hits = Vec::new();
            for (number, line) in text.lines().enumerate() {
                for string in quoted(line, quotes) {
                    for constant in literal_hooks(&string) {
                        hits.push(format!("{name}:{}: {constant} in {string:?}", number + 1));
                    }
                }
            }
            found.push((name, hits));
        }
    }
    found
}

#[test]
fn no_source_spells_a_hook_of_the_page_as_a_literal() {
    // This file spells its examples through `format!`, so it scans itself too.
    let mut problems = Vec::new();
    for (name, hits) in literal_hooks_in_sources() {
        if !hits.is_empty() {
            problems.push(format!(
                "{name}: {} literal hook(s):\n  {}",
                hits.len(),
                hits.join("\n  ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the page's hooks are spelled as literals; use explainer_core::page's constant \
         (Rust) or support.mjs's C / S (browser tests; IN_PAGE in the page) instead:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_data_attribute_the_renderer_writes_is_a_hook() {
    // The renderer's `view!` spells an attribute's name as syntax, not as a
    // string, so it cannot use the constant: each one it writes must be in the table.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in files(&root.join("src/components"), ".rs") {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (at, _) in text.match_indices("data-") {
            let name: String = text[at..]
                .chars()
                .take_while(|&c| c.is_ascii_lowercase() || c == '-')
                .collect();
            if !text[at + name.len()..].starts_with('=') || text[..at].ends_with(['[', '`']) {
                continue;
            }
            assert!(
                HOOKS
                    .iter()
                    .any(|hook| hook.kind == HookKind::Attribute && hook.name == name),
                "{} writes {name}, which explainer_core::page's table does not list",
                path.display()
            );
        }
    }
}

#[test]
fn the_guard_finds_a_literal_hook_in_any_spelling() {
    let spelled = |string: &str| literal_hooks(string);
    for (string, constant) in [
        (format!("#{STAGE_ID} article"), "STAGE_ID"),
        (format!("nav.{STEP_LIST_CLASS} li"), "STEP_LIST_CLASS"),
        (format!("a[{REF_ATTRIBUTE}]"), "REF_ATTRIBUTE"),
        (format!("[{STEP_ATTRIBUTE}=\"x\"]"), "STEP_ATTRIBUTE"),
        (ACTIVE_CLASS.to_owned(), "ACTIVE_CLASS"),
        (format!(":is(.{PAGER_NEXT_CLASS}, .x)"), "PAGER_NEXT_CLASS"),
    ] {
        assert!(
            spelled(&string).contains(&constant),
            "{string:?} spells {constant}"
        );
    }
    for string in [
        "sw.js",
        "step",
        "timeline",
        "index.html",
        ".pager-next-to",
        "#application",
    ] {
        assert_eq!(
            spelled(string),
            Vec::<&str>::new(),
            "{string:?} spells no hook"
        );
    }
}

#[test]
fn the_stylesheet_spells_no_class_or_id_hook_that_is_missing_from_the_table() {
    // Every class and id hook the table lists that the stylesheet styles is
    // spelled there as a selector; and the stylesheet's state classes (`is-…`)
    // are all hooks, since the live app sets them.
    for class in STYLESHEET
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
        .filter_map(|word| word.strip_prefix(".is-"))
    {
        let name = format!("is-{class}");
        assert!(
            HOOKS
                .iter()
                .any(|hook| hook.kind == HookKind::Class && hook.name == name),
            "style/main.css styles .{name}, which explainer_core::page's table does not list"
        );
    }
}
