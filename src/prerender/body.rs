//! The rendered explainer and its status notices go into the page's empty
//! root and status elements.

use std::cell::Cell;
use std::rc::Rc;

use explainer_core::page::{ROOT_ID, STATUS_ID};
use lol_html::html_content::ContentType;
use lol_html::{element, end_tag, RewriteStrSettings};

use super::rewrite;

/// Where the rendered HTML for one element of `index.html` goes, and what the
/// rewriter saw of that element.
struct Slot<'a> {
    id: &'static str,
    html: &'a str,
    /// How many elements have this id.
    found: Cell<usize>,
    /// Byte offset in the page where the element's content starts (after its start tag).
    content_start: Cell<usize>,
    /// Byte offset where its end tag starts, once the rewriter reached it.
    content_end: Rc<Cell<Option<usize>>>,
}

/// Puts the rendered explainer into the page's root element and the notices
/// into its status element. Each must be in `index.html` once, closed by an end
/// tag and empty (white space aside): a page rendered already is refused.
pub fn insert_body(page: &str, body: &str, status: &str) -> Result<String, String> {
    let slots = [(ROOT_ID, body), (STATUS_ID, status)].map(|(id, html)| Slot {
        id,
        html,
        found: Cell::new(0),
        content_start: Cell::new(0),
        content_end: Rc::new(Cell::new(None)),
    });
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("[id]", |el| {
            let id = el.get_attribute("id").unwrap_or_default();
            let Some(slot) = slots.iter().find(|s| s.id == id) else {
                return Ok(());
            };
            slot.found.set(slot.found.get() + 1);
            if slot.found.get() > 1 || !el.can_have_content() {
                return Ok(());
            }
            slot.content_start.set(el.source_location().bytes().end);
            let content_end = Rc::clone(&slot.content_end);
            let name = el.tag_name();
            // lol_html also calls this for the end tag of an ancestor that closes the element.
            el.on_end_tag(end_tag!(move |end| {
                if end.name() == name {
                    content_end.set(Some(end.source_location().bytes().start));
                }
                Ok(())
            }))?;
            el.set_inner_content(slot.html, ContentType::Html);
            Ok(())
        }));
    let rendered = rewrite(page, "rendering into index.html", settings)?;
    for slot in &slots {
        let id = slot.id;
        match slot.found.get() {
            0 => return Err(format!(r#"index.html has no element with id="{id}""#)),
            1 => {}
            n => return Err(format!(r#"index.html has {n} elements with id="{id}""#)),
        }
        let Some(content_end) = slot.content_end.get() else {
            return Err(format!(
                r#"index.html's element with id="{id}" has no end tag"#
            ));
        };
        let empty = page
            .get(slot.content_start.get()..content_end)
            .is_some_and(|inner| inner.bytes().all(|b| b.is_ascii_whitespace()));
        if !empty {
            return Err(format!(
                r#"index.html's element with id="{id}" is not empty (is the page rendered already?)"#
            ));
        }
    }
    Ok(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_body_fills_the_empty_elements_whatever_their_markup() -> Result<(), String> {
        let page = "<!DOCTYPE html><HTML><BODY>\n\
                    <DIV class=notice ID='app-status'></DIV>\n\
                    <p id=\"apps\">other</p>\n\
                    <div\n  data-x=\"1\" id=app  >\n  </div>\n\
                    </BODY></HTML>";
        assert_eq!(
            insert_body(page, "<main>body</main>", "<p>status</p>")?,
            "<!DOCTYPE html><HTML><BODY>\n\
             <DIV class=notice ID='app-status'><p>status</p></DIV>\n\
             <p id=\"apps\">other</p>\n\
             <div\n  data-x=\"1\" id=app  ><main>body</main></div>\n\
             </BODY></HTML>"
        );
        Ok(())
    }

    #[test]
    fn insert_body_refuses_a_page_without_its_empty_elements() {
        let cases = [
            (
                r#"<div id="app-status"></div>"#,
                r#"no element with id="app""#,
            ),
            (
                r#"<div id="app"></div>"#,
                r#"no element with id="app-status""#,
            ),
            (
                r#"<div id="app-status"></div><div id="app"><p>old</p></div>"#,
                r#"id="app" is not empty"#,
            ),
            (
                r#"<div id="app-status"><!----></div><div id="app"></div>"#,
                r#"id="app-status" is not empty"#,
            ),
            (
                "<div id=app></div><div id='app'></div><div id=app-status></div>",
                r#"2 elements with id="app""#,
            ),
            (
                "<div id=app-status></div><div id=app>",
                r#"id="app" has no end tag"#,
            ),
            (
                "<div id=app-status></div><section><div id=app></section>",
                r#"id="app" has no end tag"#,
            ),
        ];
        for (page, error) in cases {
            match insert_body(page, "B", "S") {
                Err(e) => assert!(e.contains(error), "{page}: {e:?} does not say {error:?}"),
                Ok(out) => panic!("{page} was accepted: {out}"),
            }
        }
    }
}
