//! Build-time rendering: the live components rendered to static HTML, and the
//! page variants made from Trunk's output (pre-rendered page, service worker,
//! single-file edition). Pure string work on the host; `bin/postbuild.rs` does the I/O.
//! Trunk's page is edited with an HTML rewriter (lol_html), which finds elements
//! whatever their attribute order, quoting, case or white space.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use base64::Engine;
use explainer_core::page::{ROOT_ID, STATUS_ID};
use explainer_core::story::Story;
use explainer_core::Content;
use leptos::prelude::*;
use lol_html::html_content::{ContentType, Element};
use lol_html::{
    comments, doc_comments, element, end_tag, rewrite_str, text, HandlerResult, RewriteStrSettings,
};
use sha2::{Digest, Sha256};

use crate::components::edition_switch::EditionLink;
use crate::components::explainer::Explainer;
use crate::components::update_notice::UpdateNotice;
use crate::words::{provide_words, QuotesLanguage, Words};

/// What one edition's page is rendered with.
pub struct EditionPage<'a> {
    /// The story as this edition builds it: the single file's name (for its
    /// download link) and the embed snippets' container.
    pub story: &'a Story,
    /// The interface's words in the edition's language.
    pub words: &'a Arc<Words>,
    /// Links to the other editions.
    pub links: &'a [EditionLink],
    /// The quotes' language, when it is not the page's (an edition in another
    /// language keeps the articles' words).
    pub quotes_language: Option<&'a str>,
}

/// The text of the comment in `index.html` where the head additions (CSP,
/// social tags) go: `<!-- postbuild:head -->`.
const HEAD_MARKER: &str = "postbuild:head";

/// The explainer, everything a reader can see, as static HTML in the first
/// step of the ordinary user's view. This is the only rendering of the content.
pub fn render_explainer(content: &Arc<Content>, page: &EditionPage) -> Result<String, String> {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_words(page.words.clone());
        provide_context(QuotesLanguage(page.quotes_language.map(str::to_owned)));
        let content = content.clone();
        let story = page.story;
        view! {
            <Explainer
                content=content
                single_file=story.single_file()
                embed_name=story.embed_name()
                editions=page.links.to_vec()
            />
        }
        .to_html()
    });
    drop_empty_comments(&html)
}

/// The hidden notice for the status area above the explainer.
pub fn render_status(content: &Content, words: &Arc<Words>) -> Result<String, String> {
    let has_log = !content.updates.is_empty();
    let html = Owner::new().with(|| {
        provide_words(words.clone());
        view! { <UpdateNotice has_log=has_log/> }.to_html()
    });
    drop_empty_comments(&html)
}

/// The version of a content file: a short hash of its text. The page carries
/// the version it was rendered from; the build writes the deployed one to
/// `page::VERSION_FILE` as `{"version": "…"}`.
pub fn content_version(content_text: &str) -> String {
    short_hash(content_text.as_bytes())
}

/// The version file's text.
pub fn version_json(version: &str) -> String {
    serde_json::json!({ "version": version }).to_string()
}

/// Runs the HTML rewriter over `html`; `what` says what for, in the error.
pub(crate) fn rewrite(
    html: &str,
    what: &str,
    settings: RewriteStrSettings<'_, '_>,
) -> Result<String, String> {
    rewrite_str(html, settings).map_err(|e| format!("{what}: {e}"))
}

/// Leptos SSR marks where dynamic content starts and ends with empty comments
/// written `<!>`, for hydration. HTML parses that as an empty comment, but only
/// after a parse error (a "bogus comment", which the Nu Html Checker reports). The
/// live app does not hydrate (it takes over the rendered page as it is), so the
/// marks are of no use to it: this removes every empty comment (about 600 in a
/// page, 0.3 KB of its gzip). An HTML rewriter finds the comments, so `<!>` in
/// text, attribute values or script is left alone.
pub fn drop_empty_comments(html: &str) -> Result<String, String> {
    let settings =
        RewriteStrSettings::new().append_document_content_handler(doc_comments!(|comment| {
            if comment.text().is_empty() {
                comment.remove();
            }
            Ok(())
        }));
    rewrite(html, "rewriting the pre-rendered comments", settings)
}

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

/// Starts the app only after the pre-rendered page has loaded and painted:
/// Trunk's bootstrap and its preload links would otherwise put the wasm download
/// in front of the first paint on slow connections, although the page is
/// readable without it. Replaces Trunk's module script (the page's one inline
/// `<script type="module">`) and drops the `modulepreload` and `preload` links.
pub fn defer_app_start(page: &str) -> Result<String, String> {
    let scripts = inline_texts(page, "script", is_inline_module)?;
    let bootstrap = match scripts.as_slice() {
        [] => {
            return Err(
                r#"index.html has no Trunk module script (an inline <script type="module">)"#
                    .into(),
            )
        }
        [one] => one,
        more => {
            return Err(format!(
                "index.html has {} inline module scripts, expected only Trunk's",
                more.len()
            ))
        }
    };
    let glue = string_after(bootstrap, "from")
        .ok_or("Trunk's module script imports no glue (no `from '…'`)")?;
    let wasm = string_after(bootstrap, "module_or_path")
        .ok_or("Trunk's module script names no wasm (no `module_or_path: '…'`)")?;
    let script = format!(
        r#"<script type="module">
if (document.readyState !== "complete") await new Promise((r) => addEventListener("load", r, {{ once: true }}));
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const bindings = await import("{glue}");
const wasm = await bindings.default({{ module_or_path: "{wasm}" }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
</script>"#
    );
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("script", |el| {
            if is_inline_module(el) {
                el.replace(&script, ContentType::Html);
            }
            Ok(())
        }))
        .append_element_content_handler(element!("link", |el| {
            if rel_has(el, "modulepreload") || rel_has(el, "preload") {
                el.remove();
            }
            Ok(())
        }));
    rewrite(page, "deferring the app's start", settings)
}

/// The first string literal that follows the word `word` (and an optional `:`)
/// in a script: `from './x.js'` gives `./x.js`.
fn string_after<'a>(script: &'a str, word: &str) -> Option<&'a str> {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    script.match_indices(word).find_map(|(i, _)| {
        if script[..i].chars().next_back().is_some_and(is_name) {
            return None;
        }
        let rest = script[i + word.len()..].trim_start();
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        let quote = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '"' | '`'))?;
        let literal = &rest[quote.len_utf8()..];
        literal.find(quote).map(|end| &literal[..end])
    })
}

/// The text of every `tag` element (`script` or `style`) that `keep` accepts, in
/// page order: exactly the source text between its start and end tags.
fn inline_texts(
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
fn is_inline_module(el: &Element) -> bool {
    !el.has_attribute("src") && script_type(el).is_some_and(|t| t == "module")
}

/// An inline script the browser runs, classic or module, so the CSP must allow
/// its text. Data blocks (`application/ld+json`, the inlined wasm) never run.
fn is_inline_javascript(el: &Element) -> bool {
    !el.has_attribute("src")
        && script_type(el).is_none_or(|t| ["", "module", "text/javascript"].contains(&t.as_str()))
}

/// Whether an element's `rel` lists `token`.
fn rel_has(el: &Element, token: &str) -> bool {
    el.get_attribute("rel").is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}

/// The Content-Security-Policy for a page: only this origin, plus the hashes of
/// the page's own inline scripts (and inline styles, for the single-file edition).
pub fn content_security_policy(page: &str) -> Result<String, String> {
    content_security_policy_of(&[page])
}

/// One Content-Security-Policy that lets every one of `pages` run its inline
/// scripts and styles (for a server header that covers them all).
pub fn content_security_policy_of(pages: &[&str]) -> Result<String, String> {
    let (mut scripts, mut styles) = (Vec::new(), Vec::new());
    for page in pages {
        for script in inline_texts(page, "script", is_inline_javascript)? {
            if !scripts.contains(&script) {
                scripts.push(script);
            }
        }
        for style in inline_texts(page, "style", |_| true)? {
            if !styles.contains(&style) {
                styles.push(style);
            }
        }
    }
    Ok(format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'none'",
        hash_sources(&scripts),
        hash_sources(&styles),
    ))
}

/// A CSP hash source (` 'sha256-…'`, base64 SHA-256) for each text.
fn hash_sources(texts: &[String]) -> String {
    texts
        .iter()
        .map(|text| {
            let digest = Sha256::digest(text.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

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
            "index.html has no <!-- {HEAD_MARKER} --> comment in its <head>"
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

/// The service worker (`src/sw.js`, a template): precaches every file of this
/// build under a cache named by the story (`cache_prefix`) and the build's hash,
/// and deletes the story's other builds' caches when it activates.
pub fn service_worker(files: &[String], cache_prefix: &str, build_hash: &str) -> String {
    let list = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    include_str!("sw.js")
        .replace(
            "\"__CACHE_PREFIX__\"",
            &serde_json::Value::from(cache_prefix).to_string(),
        )
        .replace(
            "\"__BUILD_HASH__\"",
            &serde_json::Value::from(build_hash).to_string(),
        )
        .replace("\"__FILES__\"", &list)
        .replace("__VERSION_FILE__", explainer_core::page::VERSION_FILE)
        .replace("__STEP_PAGES__", explainer_core::share::STEP_PAGES_DIR)
}

/// Hex SHA-256 of some bytes, shortened: names a build.
pub fn short_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

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

/// Escapes text for a double-quoted HTML attribute (or for text).
pub(crate) fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Base64 SHA-256 of a text, as a CSP hash source has it (pinned to known
    /// values in `hash_sources_are_base64_sha256`).
    fn sha(text: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    }

    /// The policy the page should get, given the texts of its inline scripts and styles.
    fn expected_csp(scripts: &[&str], styles: &[&str]) -> String {
        let script_hashes: String = scripts
            .iter()
            .map(|t| format!(" 'sha256-{}'", sha(t)))
            .collect();
        let style_hashes: String = styles
            .iter()
            .map(|t| format!(" 'sha256-{}'", sha(t)))
            .collect();
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
             style-src 'self'{style_hashes}; img-src 'self' data:; connect-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'none'"
        )
    }

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

    #[test]
    fn defer_app_start_replaces_trunks_bootstrap_and_drops_the_preloads() -> Result<(), String> {
        let page = "<HTML><HEAD>\n\
                    <script type=\"application/ld+json\">{\"a\":1}</script>\n\
                    <SCRIPT src=\"other.js\" type=\"module\"></SCRIPT>\n\
                    <Script TYPE=' Module '>\n\
                    import init, * as bindings from \"./app-1.js\";\n\
                    const wasm = await init( { module_or_path:'./app-1_bg.wasm' } );\n\
                    </Script>\n\
                    <link crossorigin href=\"./app-1.js\" REL=\"modulepreload\"><LINK as=fetch rel='preload' href=./app-1_bg.wasm>\n\
                    <link rel=\"stylesheet\" href=\"a.css\">\n\
                    </HEAD><body></body></HTML>";
        assert_eq!(
            defer_app_start(page)?,
            "<HTML><HEAD>\n\
             <script type=\"application/ld+json\">{\"a\":1}</script>\n\
             <SCRIPT src=\"other.js\" type=\"module\"></SCRIPT>\n\
             <script type=\"module\">\n\
             if (document.readyState !== \"complete\") await new Promise((r) => addEventListener(\"load\", r, { once: true }));\n\
             await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));\n\
             const bindings = await import(\"./app-1.js\");\n\
             const wasm = await bindings.default({ module_or_path: \"./app-1_bg.wasm\" });\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", { detail: { wasm } }));\n\
             </script>\n\
             \n\
             <link rel=\"stylesheet\" href=\"a.css\">\n\
             </HEAD><body></body></HTML>"
        );
        Ok(())
    }

    #[test]
    fn defer_app_start_says_what_is_missing() {
        let cases = [
            (
                r#"<head><script type="module" src="x.js"></script><script>a()</script></head>"#,
                "no Trunk module script",
            ),
            (
                "<script type=module>const wasm = await init({ module_or_path: './x.wasm' });</script>",
                "imports no glue",
            ),
            (
                "<script type=module>import init from './x.js'; await init();</script>",
                "names no wasm",
            ),
            (
                "<script type=module>a()</script><script type='module'>b()</script>",
                "2 inline module scripts",
            ),
        ];
        for (page, error) in cases {
            match defer_app_start(page) {
                Err(e) => assert!(e.contains(error), "{page}: {e:?} does not say {error:?}"),
                Ok(out) => panic!("{page} was accepted: {out}"),
            }
        }
    }

    #[test]
    fn string_after_reads_the_literal_after_a_whole_word() {
        let script = "fromage('no'); import a from \t`./y.js`; f({ module_or_path : \"z.wasm\" })";
        assert_eq!(string_after(script, "from"), Some("./y.js"));
        assert_eq!(string_after(script, "module_or_path"), Some("z.wasm"));
        assert_eq!(string_after("x.from('a')", "from"), None);
        assert_eq!(string_after("from './unclosed", "from"), None);
    }

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

    #[test]
    fn hash_sources_are_base64_sha256() {
        assert_eq!(
            hash_sources(&[String::new(), "abc".into()]),
            " 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' \
             'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
    }

    #[test]
    fn the_csp_hashes_exactly_the_inline_scripts_and_styles_that_apply() -> Result<(), String> {
        let long = "x();".repeat(30_000);
        let page = format!(
            "<head>\n\
             <script>a()</script>\n\
             <SCRIPT TYPE=\"text/JavaScript\" data-note=\"1 > 0\">\n  b(\"</p>\")\n</SCRIPT>\n\
             <script type='module'>c()</script>\n\
             <script type=\"\">e()</script>\n\
             <script></script>\n\
             <script type=\"application/ld+json\">{{\"x\":1}}</script>\n\
             <script type=application/octet-stream id=wasm>AGFz</script>\n\
             <script src=\"x.js\"></script>\n\
             <script src='y.js' type=module>ignored()</script>\n\
             <style media=print>\n  p {{ color: red }}\n</style>\n\
             <STYLE>q{{}}</STYLE>\n\
             <!-- <script>commented()</script> -->\n\
             <script>{long}</script>\n\
             </head>\n\
             <body><textarea><script>shown()</script><style>s{{}}</style></textarea>\
             <p>&lt;script&gt;x()&lt;/script&gt;</p></body>"
        );
        assert_eq!(
            content_security_policy(&page)?,
            expected_csp(
                &["a()", "\n  b(\"</p>\")\n", "c()", "e()", "", &long],
                &["\n  p { color: red }\n", "q{}"],
            )
        );
        Ok(())
    }

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

    #[test]
    fn empty_comments_are_dropped() -> Result<(), String> {
        assert_eq!(
            drop_empty_comments("<p>a<!>b</p><!><svg><g><!----></g></svg>")?,
            "<p>ab</p><svg><g></g></svg>"
        );
        Ok(())
    }

    #[test]
    fn only_empty_comments_change() -> Result<(), String> {
        let html = concat!(
            "<!-- kept -->",
            r#"<p title="<!>">a &lt;!&gt; b</p>"#,
            r#"<script>const marker = "<!>";</script>"#,
            "<textarea><!></textarea>",
        );
        assert_eq!(drop_empty_comments(html)?, html);
        Ok(())
    }

    #[test]
    fn the_rendered_explainer_has_every_hook_of_the_app_and_no_bogus_comments() -> Result<(), String>
    {
        let files = explainer_core::story::StoryFiles::default_of_repository()?;
        let content = explainer_core::load_content("content.json", &files.content_text)
            .map_err(|e| e.to_string())?;
        let words = Words::load(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
            &files.story.language,
            &files.story.subject,
        )?;
        let html = render_explainer(
            &Arc::new(content),
            &EditionPage {
                story: &files.story,
                words: &Arc::new(words),
                links: &[],
                quotes_language: None,
            },
        )?;
        for hook in [
            explainer_core::page::STEP_ATTRIBUTE,
            explainer_core::page::LIT_ATTRIBUTE,
            explainer_core::page::CROWDED_ATTRIBUTE,
            explainer_core::page::GO_STEP_ATTRIBUTE,
            explainer_core::page::GO_EVENT_ATTRIBUTE,
            explainer_core::page::EVENT_ATTRIBUTE,
            explainer_core::page::PANEL_ATTRIBUTE,
            explainer_core::page::PERSPECTIVE_ATTRIBUTE,
            explainer_core::page::SNIPPET_ATTRIBUTE,
            explainer_core::share::SHARE_ATTRIBUTE,
        ] {
            assert!(html.contains(&format!(" {hook}=")), "no {hook} in the page");
        }
        for id in [
            explainer_core::page::MAIN_ID,
            explainer_core::page::STAGE_ID,
            explainer_core::page::TIMELINE_ID,
            explainer_core::page::ANNOUNCER_ID,
            explainer_core::page::EMBED_PANEL_ID,
        ] {
            assert!(
                html.contains(&format!(r#" id="{id}""#)),
                "no #{id} in the page"
            );
        }
        assert!(!html.contains("<!---->"), "an empty comment is left");
        assert!(!html.contains("<!>"), "a <!> marker is left");
        assert!(!html.contains("<!-->"), "an abruptly closed comment");
        Ok(())
    }
}
