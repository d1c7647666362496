//! Build-time rendering: the live components rendered to static HTML, and the
//! page variants made from Trunk's output (pre-rendered page, service worker,
//! single-file edition). Pure string work on the host; `bin/postbuild.rs` does the I/O.

use std::sync::Arc;

use base64::Engine;
use explainer_core::page::{ROOT_ID, STATUS_ID, VERSION_META};
use explainer_core::Content;
use leptos::prelude::*;
use sha2::{Digest, Sha256};

use crate::components::explainer::Explainer;
use crate::components::update_notice::UpdateNotice;

/// Marker in `index.html` where the head additions (CSP, social tags) go.
pub const HEAD_MARKER: &str = "<!-- postbuild:head -->";

/// The explainer, everything a reader can see, as static HTML in the first
/// step of the ordinary user's view. This is the only rendering of the content.
pub fn render_explainer(content: &Arc<Content>) -> Result<String, String> {
    let owner = Owner::new();
    let html = owner.with(|| {
        let content = content.clone();
        view! { <Explainer content=content/> }.to_html()
    });
    spell_empty_comments(&html)
}

/// The hidden notice for the status area above the explainer.
pub fn render_status(content: &Content) -> Result<String, String> {
    let has_log = !content.updates.is_empty();
    let html = Owner::new().with(|| view! { <UpdateNotice has_log=has_log/> }.to_html());
    spell_empty_comments(&html)
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

/// Leptos SSR marks where dynamic content starts and ends with empty comments
/// written `<!>`. HTML parses that as an empty comment, but only after a parse
/// error (a "bogus comment", which the Nu Html Checker reports). This writes every
/// empty comment as `<!---->`: the same node in the parsed page, and valid HTML.
/// An HTML rewriter finds the comments, so `<!>` in text, attribute values or
/// script is left alone.
pub fn spell_empty_comments(html: &str) -> Result<String, String> {
    use lol_html::html_content::ContentType;
    use lol_html::{doc_comments, rewrite_str, RewriteStrSettings};
    let settings =
        RewriteStrSettings::new().append_document_content_handler(doc_comments!(|comment| {
            if comment.text().is_empty() {
                comment.replace("<!---->", ContentType::Html);
            }
            Ok(())
        }));
    rewrite_str(html, settings).map_err(|e| format!("rewriting the pre-rendered comments: {e}"))
}

/// Puts the rendered explainer into the page's root element and the notices
/// into its status element (both empty in `index.html`).
pub fn insert_body(page: &str, body: &str, status: &str) -> Result<String, String> {
    let mut page = page.to_owned();
    for (id, html) in [(ROOT_ID, body), (STATUS_ID, status)] {
        let empty = format!(r#"<div id="{id}"></div>"#);
        if !page.contains(&empty) {
            return Err(format!("index.html has no empty {empty}"));
        }
        page = page.replacen(&empty, &format!(r#"<div id="{id}">{html}</div>"#), 1);
    }
    Ok(page)
}

/// Starts the app only after the pre-rendered page has loaded and painted:
/// Trunk's bootstrap and its preload links would otherwise put the wasm download
/// in front of the first paint on slow connections, although the page is
/// readable without it. Rewrites Trunk's module script in place.
pub fn defer_app_start(page: &str) -> Result<String, String> {
    const OPEN: &str = "<script type=\"module\">";
    let start = page
        .find(OPEN)
        .ok_or("index.html has no Trunk module script")?;
    let end = start
        + page[start..]
            .find("</script>")
            .ok_or("unclosed module script")?;
    let bootstrap = &page[start + OPEN.len()..end];
    let quoted_after = |marker: &str| {
        bootstrap
            .find(marker)
            .map(|i| &bootstrap[i + marker.len()..])
            .and_then(|rest| rest.find('\'').map(|j| rest[..j].to_owned()))
            .ok_or(format!("Trunk's bootstrap has no {marker}"))
    };
    let glue = quoted_after("from '")?;
    let wasm = quoted_after("module_or_path: '")?;
    let script = format!(
        r#"{OPEN}
if (document.readyState !== "complete") await new Promise((r) => addEventListener("load", r, {{ once: true }}));
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const bindings = await import("{glue}");
const wasm = await bindings.default({{ module_or_path: "{wasm}" }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
</script>"#
    );
    let page = format!(
        "{}{script}{}",
        &page[..start],
        &page[end + "</script>".len()..]
    );
    let page = strip_between(&page, "<link rel=\"modulepreload\"", ">");
    Ok(strip_between(&page, "<link rel=\"preload\"", ">"))
}

/// Social and search metadata (Open Graph tags and a JSON-LD `Article` citing
/// every source), and the content version the page is rendered from.
pub fn metadata(content: &Content, version: &str) -> String {
    let citations: Vec<serde_json::Value> = content
        .sources
        .iter()
        .map(|s| {
            let mut work = serde_json::json!({ "@type": "CreativeWork", "name": s.title });
            if let Some(publisher) = &s.publisher {
                work["publisher"] =
                    serde_json::json!({ "@type": "Organization", "name": publisher.name });
            }
            work
        })
        .collect();
    let mut article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": content.title,
        "description": content.dek,
        "citation": citations,
    });
    if let Some(date) = content.date_modified() {
        article["dateModified"] = serde_json::Value::String(date.to_owned());
    }
    // "</" must not appear inside a script element.
    let json_ld = article.to_string().replace("</", "<\\/");
    format!(
        r#"<meta name="{VERSION_META}" content="{version}">
    <meta property="og:type" content="article">
    <meta property="og:title" content="{title}">
    <meta property="og:description" content="{dek}">
    <meta name="twitter:card" content="summary">
    <script type="application/ld+json">{json_ld}</script>"#,
        title = escape_attribute(&content.title),
        dek = escape_attribute(&content.dek),
        version = escape_attribute(version),
    )
}

/// The Content-Security-Policy for a page: only this origin, plus the hashes of
/// the page's own inline scripts (and inline styles, for the single-file edition).
pub fn content_security_policy(page: &str) -> String {
    let scripts = hashes(page, "<script", "</script>", |open| {
        !open.contains("application/")
    });
    let styles = hashes(page, "<style", "</style>", |_| true);
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in scripts {
        script_src.push_str(&format!(" 'sha256-{hash}'"));
    }
    let mut style_src = String::from("'self'");
    for hash in styles {
        style_src.push_str(&format!(" 'sha256-{hash}'"));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src {style_src}; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
    )
}

/// Adds the CSP meta tag (first in `<head>`, so it covers every script) and the
/// metadata at the head marker.
pub fn finish_head(page: &str, metadata: &str) -> String {
    let page = page.replacen(HEAD_MARKER, metadata, 1);
    let csp = content_security_policy(&page);
    page.replacen(
        "<head>",
        &format!(r#"<head><meta http-equiv="Content-Security-Policy" content="{csp}">"#),
        1,
    )
}

/// Base64 SHA-256 of the text of every element opened by `open` whose opening
/// tag passes `keep`.
fn hashes(page: &str, open: &str, close: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find(open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let Some(end) = after.find(close) else { break };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..end];
        if keep(tag) && !tag.contains(" src=") {
            let digest = Sha256::digest(body.as_bytes());
            found.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &after[end + close.len()..];
    }
    found
}

/// The service worker (`src/sw.js`, a template): precaches every file of this
/// build under a cache named by the build's hash and deletes other builds'
/// caches when it activates.
pub fn service_worker(files: &[String], build_hash: &str) -> String {
    let list = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    include_str!("sw.js")
        .replace(
            "\"__BUILD_HASH__\"",
            &serde_json::Value::from(build_hash).to_string(),
        )
        .replace("\"__FILES__\"", &list)
        .replace("__VERSION_FILE__", explainer_core::page::VERSION_FILE)
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
    let head_end = parts
        .page
        .find("</head>")
        .ok_or("index.html has no </head>")?;
    let body_start = parts.page.find("<body").ok_or("index.html has no <body>")?;
    if !parts.glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init function".into());
    }
    // Drop Trunk's links and module bootstrap from the head: everything is inlined below.
    let head: String = parts.page[..head_end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("<link") || l.contains("<link rel=\"canonical\""))
        .collect::<Vec<_>>()
        .join("\n");
    let head = strip_between(&head, "<script type=\"module\">", "</script>");
    let head = strip_between(&head, "<link rel=\"modulepreload\"", ">");
    let icon = base64::engine::general_purpose::STANDARD.encode(parts.icon);
    let wasm = base64::engine::general_purpose::STANDARD.encode(parts.wasm);
    let script = format!(
        "{glue}\nconst text = document.getElementById(\"wasm-binary\").textContent;\n\
         await __wbg_init({{ module_or_path: Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) }});\n",
        glue = parts.glue.replace("</", "<\\/"),
    );
    let body = &parts.page[body_start..];
    let body = body.replacen(
        "</body>",
        &format!(
            "<script type=\"application/octet-stream\" id=\"wasm-binary\">{wasm}</script>\n\
             <script type=\"module\">{script}</script>\n</body>"
        ),
        1,
    );
    let page = format!(
        "{head}\n<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n<style>{css}</style>\n</head>\n{body}",
        css = parts.css.replace("</", "<\\/"),
    );
    let csp = content_security_policy(&page);
    Ok(page.replacen(
        "<head>",
        &format!(r#"<head><meta http-equiv="Content-Security-Policy" content="{csp}">"#),
        1,
    ))
}

/// Removes the first run of text from `start` up to and including `end`.
fn strip_between(text: &str, start: &str, end: &str) -> String {
    match text.find(start) {
        Some(i) => match text[i..].find(end) {
            Some(j) => format!("{}{}", &text[..i], &text[i + j + end.len()..]),
            None => text.to_owned(),
        },
        None => text.to_owned(),
    }
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_comments_are_spelled_validly() -> Result<(), String> {
        assert_eq!(
            spell_empty_comments("<p>a<!>b</p><!><svg><g><!></g></svg>")?,
            "<p>a<!---->b</p><!----><svg><g><!----></g></svg>"
        );
        Ok(())
    }

    #[test]
    fn only_empty_comments_change() -> Result<(), String> {
        let html = concat!(
            "<!-- kept -->",
            "<!---->",
            r#"<p title="<!>">a &lt;!&gt; b</p>"#,
            r#"<script>const marker = "<!>";</script>"#,
            "<textarea><!></textarea>",
        );
        assert_eq!(spell_empty_comments(html)?, html);
        Ok(())
    }

    #[test]
    fn the_rendered_explainer_has_no_bogus_comments() -> Result<(), String> {
        let text = include_str!("../public/content.json");
        let content =
            explainer_core::load_content("content.json", text).map_err(|e| e.to_string())?;
        let html = render_explainer(&Arc::new(content))?;
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
        assert!(
            html.contains("<!---->"),
            "Leptos no longer writes empty markers?"
        );
        assert!(!html.contains("<!>"), "a <!> marker is left");
        assert!(!html.contains("<!-->"), "an abruptly closed comment");
        Ok(())
    }
}
