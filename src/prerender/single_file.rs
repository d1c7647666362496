//! The single-file edition: one HTML file with everything inlined, that works
//! from `file://`.

use std::cell::Cell;
use std::rc::Rc;

use base64::Engine;
use lol_html::html_content::{ContentType, Element};
use lol_html::{element, end_tag, HandlerResult, RewriteStrSettings};

use super::elements::{is_inline_module, rel_has};
use super::head::with_csp;
use super::rewrite;

/// What the single-file edition is made of.
pub struct SingleFileParts<'a> {
    /// The finished pre-rendered `index.html` (without its CSP meta).
    pub page: &'a str,
    /// The stylesheet's text.
    pub css: &'a str,
    /// The wasm-bindgen JavaScript glue (an ES module).
    pub glue: &'a str,
    /// The wasm binary.
    pub wasm: &'a [u8],
    /// The favicon's SVG text.
    pub icon: &'a str,
}

/// One self-contained HTML file that works from `file://`: stylesheet, icon
/// and wasm inlined. Module scripts cannot be fetched from `file://`, but an
/// inline module can: wasm-bindgen's `web` glue goes in as it is, followed by
/// the call that instantiates the inlined wasm.
pub fn single_file(parts: &SingleFileParts) -> Result<String, String> {
    if !parts.glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init function".into());
    }
    let icon = base64::engine::general_purpose::STANDARD.encode(parts.icon);
    let wasm = base64::engine::general_purpose::STANDARD.encode(parts.wasm);
    let script = format!(
        "{glue}\nconst text = document.getElementById(\"wasm-binary\").textContent;\n\
         await __wbg_init({{ module_or_path: Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) }});\n",
        glue = parts.glue.replace("</", "<\\/"),
    );
    let mut head_end = Some(format!(
        "\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n<style>{css}</style>\n",
        css = parts.css.replace("</", "<\\/"),
    ));
    let mut body_end = Some(format!(
        "<script type=\"application/octet-stream\" id=\"wasm-binary\">{wasm}</script>\n\
         <script type=\"module\">{script}</script>\n"
    ));
    let head_closed = Rc::new(Cell::new(false));
    let body_closed = Rc::new(Cell::new(false));
    let settings = RewriteStrSettings::new()
        // Trunk's links (stylesheet, icon, preloads) and module bootstrap leave
        // the head: everything is inlined. The canonical link stays.
        .append_element_content_handler(element!("head link", |el| {
            if !rel_has(el, "canonical") {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!("head script", |el| {
            if is_inline_module(el) {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!("head", |el| {
            before_end_tag(el, head_end.take(), &head_closed)
        }))
        .append_element_content_handler(element!("body", |el| {
            before_end_tag(el, body_end.take(), &body_closed)
        }));
    let page = rewrite(parts.page, "making the single file", settings)?;
    if !head_closed.get() {
        return Err("index.html has no <head>…</head>".into());
    }
    if !body_closed.get() {
        return Err("index.html has no <body>…</body>".into());
    }
    with_csp(&page)
}

/// Inserts `html` (when there is some) before the element's end tag, and
/// records that the end tag was there. Nothing is inserted when the element
/// has no end tag of its own (lol_html then calls the handler for the end tag
/// of the ancestor that closes it).
fn before_end_tag(
    el: &mut Element,
    html: Option<String>,
    closed: &Rc<Cell<bool>>,
) -> HandlerResult {
    let Some(html) = html else {
        return Ok(());
    };
    let closed = Rc::clone(closed);
    let name = el.tag_name();
    el.on_end_tag(end_tag!(move |end| {
        if end.name() == name {
            end.before(&html, ContentType::Html);
            closed.set(true);
        }
        Ok(())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prerender::csp::expected_csp;

    #[test]
    fn single_file_inlines_everything_and_keeps_the_canonical_link() -> Result<(), String> {
        let page = "<!doctype html><html><HEAD>\n\
                    <meta charset=utf-8>\n\
                    <LINK REL=stylesheet href=a.css><link href=\"https://e.org/\" rel='canonical'>\
                    <link rel=\"alternate icon\" href=\"o.svg\">\n\
                    <script type=module>boot()</script>\n\
                    <script>early()</script>\n\
                    </HEAD>\n\
                    <body class=x><p>hi</p>\n\
                    </body></html>";
        let glue = "async function __wbg_init(m) {}\nconst s = \"</script>\";";
        let out = single_file(&SingleFileParts {
            page,
            css: "a::after{content:\"</\"}",
            glue,
            wasm: &[0, 97, 115, 109],
            icon: "<svg/>",
        })?;
        let module = "async function __wbg_init(m) {}\nconst s = \"<\\/script>\";\n\
                      const text = document.getElementById(\"wasm-binary\").textContent;\n\
                      await __wbg_init({ module_or_path: Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) });\n";
        let css = "a::after{content:\"<\\/\"}";
        assert_eq!(
            out,
            format!(
                "<!doctype html><html><HEAD><meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
                 <meta charset=utf-8>\n\
                 <link href=\"https://e.org/\" rel='canonical'>\n\
                 \n\
                 <script>early()</script>\n\
                 \n<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy8+\">\n<style>{css}</style>\n\
                 </HEAD>\n\
                 <body class=x><p>hi</p>\n\
                 <script type=\"application/octet-stream\" id=\"wasm-binary\">AGFzbQ==</script>\n\
                 <script type=\"module\">{module}</script>\n\
                 </body></html>",
                csp = expected_csp(&["early()", module], &[css]),
            )
        );
        Ok(())
    }

    #[test]
    fn single_file_says_what_is_missing() {
        let parts = |page| SingleFileParts {
            page,
            css: "",
            glue: "async function __wbg_init(m) {}",
            wasm: &[],
            icon: "",
        };
        let cases = [
            (
                "<html><head><title>t</title><body></body></html>",
                "</head>",
            ),
            ("<html><head></head><body><p>x</p></html>", "</body>"),
            ("<p>x</p>", "</head>"),
        ];
        for (page, error) in cases {
            match single_file(&parts(page)) {
                Err(e) => assert!(e.contains(error), "{page}: {e:?} does not say {error:?}"),
                Ok(out) => panic!("{page} was accepted: {out}"),
            }
        }
        let no_init = SingleFileParts {
            glue: "export default function init() {}",
            ..parts("<html><head></head><body></body></html>")
        };
        assert!(single_file(&no_init).is_err_and(|e| e.contains("__wbg_init")));
    }
}
