//! The stylesheet and the live app agree on the phone layout: the app zooms the
//! diagram when `explainer_core::page::COMPACT_MEDIA` matches, and the
//! stylesheet lays out the strip for the same query, at the shape
//! (`COMPACT_ASPECT`) the build's focus boxes are computed for. They agree too
//! on the names of the two layers: the stylesheet folds a layered block's
//! evidence until the app marks it open.
//! Run with `cargo test --no-default-features --features ssr`.
#![cfg(feature = "ssr")]

use explainer_core::page::{
    COMPACT_ASPECT, COMPACT_MEDIA, EVIDENCE_TOGGLE_CLASS, LAYERED_CLASS, OPEN_ATTRIBUTE,
    PAGER_COUNT_CLASS,
};

const STYLESHEET: &str = include_str!("../style/main.css");

/// The block of the stylesheet that holds the phone layout.
fn phone_block() -> &'static str {
    let opening = format!("@media {COMPACT_MEDIA} {{\n  html.js:not(.embed) {{");
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
    assert!(STYLESHEET.contains("@media (min-width: 900px) {\n  .stage {"));
}
