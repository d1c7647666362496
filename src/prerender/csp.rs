//! The Content-Security-Policy of a page or of several: this origin, plus the
//! hashes of the inline scripts and styles.

use base64::Engine;
use sha2::{Digest, Sha256};

use super::elements::{inline_texts, is_inline_javascript};

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
/// The policy a page should get, given the texts of its inline scripts and
/// styles (for the stages' tests).
#[cfg(test)]
pub(super) fn expected_csp(scripts: &[&str], styles: &[&str]) -> String {
    let hash = |text: &&str| {
        format!(
            " 'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    };
    let script_hashes: String = scripts.iter().map(hash).collect();
    let style_hashes: String = styles.iter().map(hash).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; \
         style-src 'self'{style_hashes}; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
