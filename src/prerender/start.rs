//! The app starts after the page's first paint: Trunk's bootstrap is replaced
//! and its preloads dropped.

use lol_html::html_content::ContentType;
use lol_html::{element, RewriteStrSettings};

use super::elements::{inline_texts, is_inline_module, rel_has};
use super::rewrite;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
