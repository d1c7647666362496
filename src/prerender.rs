//! Build-time rendering: the live components rendered to static HTML, and the
//! page variants made from Trunk's output (pre-rendered page, service worker,
//! single-file edition). Pure string work on the host; `bin/postbuild.rs` does the I/O.

use std::sync::Arc;

use base64::Engine;
use explainer_core::{Content, ViewState};
use leptos::prelude::*;
use sha2::{Digest, Sha256};

use crate::app::{ROOT_ID, STATUS_ID};
use crate::components::explainer::Explainer;
use crate::components::StaticPage;
use crate::content_loader::INLINE_CONTENT_ID;
use crate::navigator::Navigator;

/// Marker in `index.html` where the head additions (CSP, social tags) go.
pub const HEAD_MARKER: &str = "<!-- postbuild:head -->";

/// The explainer as the first step in the ordinary user's view, as static HTML.
pub fn render_explainer(content: &Arc<Content>) -> Result<String, String> {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(StaticPage);
        let steps = content.steps.iter().map(|s| s.id.clone()).collect();
        let events = content.timeline.iter().map(|e| e.id.clone()).collect();
        provide_context(Navigator::new(steps, events, ViewState::default(), false));
        let content = content.clone();
        view! { <Explainer content=content/> }.to_html()
    });
    spell_empty_comments(&html)
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

/// Puts the rendered explainer into the page's root element.
pub fn insert_body(page: &str, body: &str) -> Result<String, String> {
    let empty_root = format!(r#"<div id="{ROOT_ID}"></div>"#);
    if !page.contains(&empty_root) {
        return Err(format!("index.html has no empty {empty_root}"));
    }
    if !page.contains(&format!(r#"id="{STATUS_ID}""#)) {
        return Err(format!("index.html has no #{STATUS_ID} element"));
    }
    Ok(page.replacen(
        &empty_root,
        &format!(r#"<div id="{ROOT_ID}">{body}</div>"#),
        1,
    ))
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

/// Social and search metadata: Open Graph tags and a JSON-LD `Article` citing every source.
pub fn metadata(content: &Content) -> String {
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
        r#"<meta property="og:type" content="article">
    <meta property="og:title" content="{title}">
    <meta property="og:description" content="{dek}">
    <meta name="twitter:card" content="summary">
    <script type="application/ld+json">{json_ld}</script>"#,
        title = escape_attribute(&content.title),
        dek = escape_attribute(&content.dek),
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

/// The service worker: precaches every file of this build under a cache named
/// by the build's hash and deletes other builds' caches when it activates.
/// Hashed assets are served cache-first; the page and `content.json` (which
/// editors may change without a rebuild) network-first, falling back to the cache.
pub fn service_worker(files: &[String], build_hash: &str) -> String {
    let list = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    format!(
        r#"// Generated at build time by postbuild; do not edit.
const CACHE = "tiktok-explainer-{build_hash}";
const FILES = {list};
self.addEventListener("install", (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
}});
self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("tiktok-explainer-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
}});
self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {{
    const cache = await caches.open(CACHE);
    if (request.mode === "navigate") {{
      const page = await cache.match("./", {{ ignoreSearch: true }}) || await cache.match("index.html", {{ ignoreSearch: true }});
      try {{ return await fetch(request); }} catch (e) {{ if (page) return page; throw e; }}
    }}
    // content.json may be edited on the server without a rebuild: try the network first.
    if (new URL(request.url).pathname.endsWith("/content.json")) {{
      try {{
        const fresh = await fetch(request);
        // Keep only a real JSON answer; a host's error page must not replace the copy.
        if (fresh.ok && (fresh.headers.get("content-type") || "").includes("json")) cache.put(request, fresh.clone());
        return fresh;
      }} catch (e) {{
        const saved = await cache.match(request, {{ ignoreSearch: true }});
        if (saved) return saved;
        throw e;
      }}
    }}
    const hit = await cache.match(request, {{ ignoreSearch: true }});
    return hit || fetch(request);
  }})());
}});
"#
    )
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
    /// The content file's text.
    pub content: &'a str,
    /// The favicon's SVG text.
    pub icon: &'a str,
}

/// One self-contained HTML file that works from `file://`: stylesheet, content,
/// icon and wasm inlined, and the glue turned into a classic script (module
/// scripts and fetches do not work from `file://`).
pub fn single_file(parts: &SingleFileParts) -> Result<String, String> {
    let head_end = parts
        .page
        .find("</head>")
        .ok_or("index.html has no </head>")?;
    let body_start = parts.page.find("<body").ok_or("index.html has no <body>")?;
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
    let glue = classic_glue(parts.glue)?;
    let content = parts.content.replace("</", "<\\/");
    let script = format!(
        "{glue}\n(function () {{\n  var text = document.getElementById(\"wasm-binary\").textContent;\n  \
         var bytes = Uint8Array.from(atob(text), function (c) {{ return c.charCodeAt(0); }});\n  \
         __wbg_init({{ module_or_path: bytes }});\n}})();\n"
    );
    let body = &parts.page[body_start..];
    let body = body.replacen(
        "</body>",
        &format!(
            "<script type=\"application/json\" id=\"{INLINE_CONTENT_ID}\">{content}</script>\n\
             <script type=\"application/octet-stream\" id=\"wasm-binary\">{wasm}</script>\n\
             <script>{script}</script>\n</body>"
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

/// wasm-bindgen's `web` glue as a classic script: no `export`, no `import.meta`.
fn classic_glue(glue: &str) -> Result<String, String> {
    if !glue.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init function".into());
    }
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        if line.starts_with("import ") {
            return Err(format!("the wasm-bindgen glue imports other files: {line}"));
        }
        if line.starts_with("export {") {
            continue;
        }
        out.push_str(line.strip_prefix("export ").unwrap_or(line));
        out.push('\n');
    }
    // Only used when no module is passed in, which never happens here.
    Ok(out.replace("import.meta.url", "document.baseURI"))
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
        assert!(
            html.contains("<!---->"),
            "Leptos no longer writes empty markers?"
        );
        assert!(!html.contains("<!>"), "a <!> marker is left");
        assert!(!html.contains("<!-->"), "an abruptly closed comment");
        Ok(())
    }
}
