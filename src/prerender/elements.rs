//! What several stages read of the page's elements: inline script and style
//! texts, script types, `rel` tokens.

use std::cell::RefCell;

use lol_html::html_content::Element;
use lol_html::{element, text, RewriteStrSettings};

use super::rewrite;

/// The text of every `tag` element (`script` or `style`) that `keep` accepts, in
/// page order: exactly the source text between its start and end tags.
pub(super) fn inline_texts(
    page: &str,
    tag: &str,
    keep: fn(&Element<'_, '_>) -> bool,
) -> Result<Vec<String>, String> {
    // One entry for every `tag` element, `None` for those not kept. Scripts and
    // styles hold no elements, so the text after a start tag is the last entry's.
    let texts: RefCell<Vec<Option<String>>> = RefCell::new(Vec::new());
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(tag, |el| {
            texts.borrow_mut().push(keep(el).then(String::new));
            Ok(())
        }))
        .append_element_content_handler(text!(tag, |chunk| {
            if let Some(Some(text)) = texts.borrow_mut().last_mut() {
                text.push_str(chunk.as_str());
            }
            Ok(())
        }));
    rewrite(
        page,
        &format!("reading the page's <{tag}> elements"),
        settings,
    )?;
    Ok(texts.into_inner().into_iter().flatten().collect())
}

/// A script's `type`, without surrounding white space and in lowercase.
fn script_type(el: &Element) -> Option<String> {
    el.get_attribute("type").map(|t| {
        t.trim_matches(|c: char| c.is_ascii_whitespace())
            .to_ascii_lowercase()
    })
}

/// An inline module script (no `src`).
pub(super) fn is_inline_module(el: &Element) -> bool {
    !el.has_attribute("src") && script_type(el).is_some_and(|t| t == "module")
}

/// An inline script the browser runs, classic or module, so the CSP must allow
/// its text. Data blocks (`application/ld+json`, the inlined wasm) never run.
pub(super) fn is_inline_javascript(el: &Element) -> bool {
    !el.has_attribute("src")
        && script_type(el).is_none_or(|t| ["", "module", "text/javascript"].contains(&t.as_str()))
}

/// Whether an element's `rel` lists `token`.
pub(super) fn rel_has(el: &Element, token: &str) -> bool {
    el.get_attribute("rel").is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}
