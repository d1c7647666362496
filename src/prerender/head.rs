//! The head: the story's metadata at the page's marker, and the
//! Content-Security-Policy first.

use std::cell::Cell;

use lol_html::html_content::ContentType;
use lol_html::{comments, element, RewriteStrSettings};

use super::csp::content_security_policy;
use super::rewrite;

/// The text of the comment in `index.html` where the head additions (CSP,
/// social tags) go: `<!-- postbuild:head -->`.
const HEAD_MARKER: &str = "postbuild:head";

/// Puts the metadata in place of the `<!-- postbuild:head -->` comment in the
/// page's head.
pub fn insert_head(page: &str, metadata: &str) -> Result<String, String> {
    let markers = Cell::new(0);
    let settings =
        RewriteStrSettings::new().append_element_content_handler(comments!("head", |comment| {
            if comment.text().trim() == HEAD_MARKER {
                markers.set(markers.get() + 1);
                if markers.get() == 1 {
                    comment.replace(metadata, ContentType::Html);
                }
            }
            Ok(())
        }));
    let page = rewrite(page, "filling in the head", settings)?;
    match markers.get() {
        0 => Err(format!(
            "index.html has no <!-- {HEAD_MARKER} --> comment in its <head> \
             (Trunk's --minify removes comments: build without it)"
        )),
        1 => Ok(page),
        n => Err(format!(
            "index.html has {n} <!-- {HEAD_MARKER} --> comments"
        )),
    }
}

/// Adds the metadata at the head marker and the CSP meta tag (first in
/// `<head>`, so it covers every script).
pub fn finish_head(page: &str, metadata: &str) -> Result<String, String> {
    with_csp(&insert_head(page, metadata)?)
}

/// Puts the page's Content-Security-Policy first in its `<head>`.
pub(crate) fn with_csp(page: &str) -> Result<String, String> {
    let csp = content_security_policy(page)?;
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{csp}">"#);
    let heads = Cell::new(0);
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("head", |el| {
            heads.set(heads.get() + 1);
            if heads.get() == 1 {
                el.prepend(&meta, ContentType::Html);
            }
            Ok(())
        }));
    let page = rewrite(page, "adding the Content-Security-Policy", settings)?;
    if heads.get() == 0 {
        return Err("the page has no <head> for its Content-Security-Policy".into());
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prerender::csp::expected_csp;

    #[test]
    fn finish_head_replaces_the_marker_and_puts_the_csp_first() -> Result<(), String> {
        let page = "<!doctype html>\n<HTML lang=en>\n<HEAD data-x='1'>\n  <meta charset=utf-8>\n  \
                    <!--   postbuild:head   -->\n  <script>theme()</script>\n</HEAD>\n\
                    <body><!-- postbuild:head --><p>x</p></body>\n</HTML>";
        let metadata =
            "<meta name=\"v\" content=\"1\">\n  <script type=\"application/ld+json\">{}</script>";
        assert_eq!(
            finish_head(page, metadata)?,
            format!(
                "<!doctype html>\n<HTML lang=en>\n<HEAD data-x='1'><meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n  \
                 <meta charset=utf-8>\n  \
                 <meta name=\"v\" content=\"1\">\n  <script type=\"application/ld+json\">{{}}</script>\n  \
                 <script>theme()</script>\n</HEAD>\n\
                 <body><!-- postbuild:head --><p>x</p></body>\n</HTML>",
                expected_csp(&["theme()"], &[]),
            )
        );
        Ok(())
    }

    #[test]
    fn finish_head_needs_one_marker_in_the_head() {
        let cases = [
            (
                "<html><head><title>t</title></head><body></body></html>",
                "no <!-- postbuild:head -->",
            ),
            (
                "<html><head></head><body><!-- postbuild:head --></body></html>",
                "no <!-- postbuild:head -->",
            ),
            (
                "<head><!-- postbuild:head --><!--postbuild:head--></head>",
                "2 <!-- postbuild:head -->",
            ),
        ];
        for (page, error) in cases {
            match finish_head(page, "<meta name=x content=y>") {
                Err(e) => assert!(e.contains(error), "{page}: {e:?} does not say {error:?}"),
                Ok(out) => panic!("{page} was accepted: {out}"),
            }
        }
        assert!(with_csp("<p>no head</p>").is_err_and(|e| e.contains("no <head>")));
    }
}
