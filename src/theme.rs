//! The colour theme on the page: `data-theme` on `<html>`, which the stylesheet
//! reads. Which themes there are, and how the URL and the host's message name
//! them, is decided in `explainer_core::theme` and `explainer_core::embed`; the
//! early inline script in `index.html` applies the URL's choice before the first paint.

use explainer_core::theme::{Theme, THEME_ATTRIBUTE};

use crate::dom::document;

/// Marks `<html>` with the theme (no attribute for `auto`: the reader's setting).
pub fn apply(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme.attribute() {
        Some(value) => root.set_attribute(THEME_ATTRIBUTE, value),
        None => root.remove_attribute(THEME_ATTRIBUTE),
    };
}
