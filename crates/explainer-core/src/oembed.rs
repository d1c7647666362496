//! oEmbed (<https://oembed.com>): the static response the build writes beside the
//! page (`oembed.json`) and the discovery link in the page's `<head>` that points
//! to it, so a CMS given the page's address can fetch the embed code itself.
//!
//! Both need the deployed page's absolute address, which only the deployment
//! knows: it is read at build time from [`PUBLIC_URL_ENV`] and checked here.

use crate::embed::{escape_attribute, iframe_snippet};

/// The environment variable naming the page's public address, e.g.
/// `https://example.org/graphics/city-budget/`.
pub const PUBLIC_URL_ENV: &str = "EXPLAINER_PUBLIC_URL";

/// The environment variable naming the provider (`provider_name`), e.g. the
/// newsroom's name. Without it, the story's publisher (`story.json`) is used.
pub const PROVIDER_NAME_ENV: &str = "EXPLAINER_PROVIDER_NAME";

/// The address used when [`PUBLIC_URL_ENV`] is not set: where `scripts/serve.sh`
/// (`trunk serve`, see `Trunk.toml`) serves the explainer, so a local preview is
/// a working oEmbed provider.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080/";

/// The oEmbed response's file name, beside `index.html`.
pub const OEMBED_FILE: &str = "oembed.json";

/// The nominal width, in pixels, the response gives (the iframe itself is 100% wide).
pub const OEMBED_WIDTH: u32 = 640;

/// The height, in pixels, the response gives: a placeholder of about one screen
/// for consumers that reserve space. The snippet's script sets the frame to the
/// real height, which is far more (about 12,000 px at 640 px wide in November
/// 2026, with every step's full text below the interactive part) and changes
/// with the content, the width and the step shown.
pub const OEMBED_HEIGHT: u32 = 900;

/// Longest public address accepted.
const MAX_URL_BYTES: usize = 2000;

/// Longest provider name accepted.
const MAX_PROVIDER_BYTES: usize = 200;

/// A checked public address: absolute `http(s)`, with a host, no query or
/// fragment, ending in `/`, only URL characters (non-ASCII must be percent-encoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Checks an address; the error says what is wrong, in words for a build log.
    ///
    /// ```
    /// use explainer_core::oembed::PublicUrl;
    /// assert!(PublicUrl::parse("https://example.org/graphics/city-budget/").is_ok());
    /// assert!(PublicUrl::parse("https://example.org/graphics/city-budget").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<PublicUrl, String> {
        let fail = |why: &str| {
            Err(format!(
                "{PUBLIC_URL_ENV}={raw:?} is not usable: {why}. \
                 Give the deployed page's absolute address ending in /, \
                 e.g. https://example.org/graphics/city-budget/"
            ))
        };
        if raw.is_empty() {
            return fail("it is empty");
        }
        if raw.len() > MAX_URL_BYTES {
            return fail("it is longer than 2000 bytes");
        }
        if let Some(c) = raw.chars().find(|c| !is_url_char(*c)) {
            return fail(&format!(
                "it contains {c:?}, which a URL cannot hold as is (percent-encode it)"
            ));
        }
        let bytes = raw.as_bytes();
        let bad_escape = bytes.iter().enumerate().any(|(i, b)| {
            *b == b'%'
                && !bytes
                    .get(i + 1..i + 3)
                    .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
        });
        if bad_escape {
            return fail("a % is not followed by two hex digits");
        }
        let Some(rest) = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
        else {
            return fail("it must start with https:// or http://");
        };
        if raw.contains('?') || raw.contains('#') {
            return fail("it must not have a query (?) or a fragment (#)");
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if authority.contains('@') {
            return fail("it must not contain a user name or password");
        }
        let host = match authority.rsplit_once(':') {
            // An IPv6 address in brackets has colons of its own.
            Some((host, port)) if !port.contains(']') => {
                let port_ok = !port.is_empty()
                    && port.chars().all(|c| c.is_ascii_digit())
                    && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
                if !port_ok {
                    return fail("its port is not a number from 1 to 65535");
                }
                host
            }
            _ => authority,
        };
        if host.is_empty() {
            return fail("it has no host name");
        }
        if !path.ends_with('/') {
            return fail("it must end with / (the folder that holds index.html)");
        }
        Ok(PublicUrl(raw.to_owned()))
    }

    /// The public address from the environment variable's value: the default
    /// when unset. Returns the address and whether it is the default.
    pub fn from_env(value: Option<&str>) -> Result<(PublicUrl, bool), String> {
        match value {
            Some(raw) => PublicUrl::parse(raw).map(|url| (url, false)),
            None => PublicUrl::parse(DEFAULT_PUBLIC_URL).map(|url| (url, true)),
        }
    }

    /// The address as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The page in embed mode, as the iframe's `src`.
    pub fn embed_url(&self) -> String {
        format!("{}?embed", self.0)
    }

    /// The oEmbed response's address.
    pub fn oembed_url(&self) -> String {
        format!("{}{OEMBED_FILE}", self.0)
    }

    /// The path, from the `/` after the host, e.g. `/graphics/city-budget/`.
    pub fn path(&self) -> &str {
        let rest = self.0.split_once("://").map_or("", |(_, rest)| rest);
        rest.find('/').map_or("/", |i| &rest[i..])
    }
}

/// Characters a URL may hold unencoded (RFC 3986 unreserved, reserved and `%`).
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// The provider name from the environment variable's value: the story's
/// publisher when unset; a set value must be one line of plain text.
pub fn provider_name(value: Option<&str>, publisher: &str) -> Result<String, String> {
    let Some(name) = value else {
        return Ok(publisher.to_owned());
    };
    let name = name.trim();
    if name.is_empty() || name.len() > MAX_PROVIDER_BYTES || name.chars().any(char::is_control) {
        return Err(format!(
            "{PROVIDER_NAME_ENV}={name:?} is not usable: give one line of text of 1 to \
             {MAX_PROVIDER_BYTES} bytes (or leave it unset for the story's publisher)"
        ));
    }
    Ok(name.to_owned())
}

/// The oEmbed response (`type: "rich"`): the iframe snippet readers copy from the
/// page, for the page at `url`, with a nominal width and a default height.
pub fn oembed_json(url: &PublicUrl, title: &str, provider_name: &str) -> String {
    let response = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": provider_name,
        "provider_url": url.as_str(),
        "html": iframe_snippet(&url.embed_url(), title),
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
    });
    // Serialising a `Value` built from strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&response).unwrap_or_default();
    text.push('\n');
    text
}

/// The discovery link for the page's `<head>`.
///
/// ```
/// use explainer_core::oembed::{discovery_link, PublicUrl};
/// let url = PublicUrl::parse("https://example.org/t/").unwrap();
/// assert_eq!(
///     discovery_link(&url, "A & B"),
///     r#"<link rel="alternate" type="application/json+oembed" href="https://example.org/t/oembed.json" title="A &amp; B">"#
/// );
/// ```
pub fn discovery_link(url: &PublicUrl, title: &str) -> String {
    format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
        escape_attribute(&url.oembed_url()),
        escape_attribute(title)
    )
}
