//! Sharing one step: its own address, the small static page the build writes
//! there for social networks' crawlers (title, description, card image), the
//! card's size and text layout, and the host page's step parameter for embeds.
//!
//! - Every step has a page at `step/<id>/` beside `index.html` ([`step_page_path`]),
//!   with its card at `step/<id>/card.png` ([`card_path`]); the page sends a
//!   reader on to the explainer at that step ([`explainer_from_step_page`]).
//! - Inside a host page's frame, the address to share is the host page's own,
//!   with [`HOST_STEP_PARAM`](crate::embed::HOST_STEP_PARAM) naming the step: the embed snippets read it from the
//!   host page's URL and give it to the frame as `step=<id>`. The frame learns
//!   the host page's address from Pym.js's [`PARENT_URL_PARAM`] ([`parent_url`]).

use crate::cited::CitedText;
use crate::embed::PARENT_URL_PARAM;
use crate::oembed::PublicUrl;
use crate::view_state::{query_pairs, step_hash};

/// The folder, beside `index.html`, that holds one folder per step.
pub const STEP_PAGES_DIR: &str = "step";
/// A card image: the explainer's own beside `index.html`, each step's in its page's folder.
pub const CARD_FILE: &str = "card.png";
/// The card's width in pixels (the size Open Graph consumers show largest).
pub const CARD_WIDTH: u32 = 1200;
/// The card's height in pixels.
pub const CARD_HEIGHT: u32 = 630;

/// On each step's "Share this step" link: the step's id (a hook of the page).
pub use crate::page::SHARE_ATTRIBUTE;

/// Longest host page address accepted.
pub const MAX_PARENT_URL_BYTES: usize = 2000;

/// Longest description a step page gives, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 200;

/// A step's page, relative to the explainer's folder: `step/<id>/`.
pub fn step_page_path(step_id: &str) -> String {
    format!("{STEP_PAGES_DIR}/{step_id}/")
}

/// A step's card, relative to the explainer's folder: `step/<id>/card.png`.
pub fn card_path(step_id: &str) -> String {
    format!("{}{CARD_FILE}", step_page_path(step_id))
}

/// The explainer at a step, relative to that step's page: `../../#step-<id>`.
/// Relative, so the pages work wherever the build is deployed.
pub fn explainer_from_step_page(step_id: &str) -> String {
    format!("../../{}", step_hash(step_id))
}

impl PublicUrl {
    /// A step page's absolute address (its canonical link and `og:url`).
    pub fn step_page_url(&self, step_id: &str) -> String {
        format!("{}{}", self.as_str(), step_page_path(step_id))
    }

    /// A step card's absolute address (`og:image`).
    pub fn card_url(&self, step_id: &str) -> String {
        self.file_url(&card_path(step_id))
    }

    /// The absolute address of a file beside `index.html` (the explainer's
    /// own card, the publisher's logo).
    pub fn file_url(&self, name: &str) -> String {
        format!("{}{name}", self.as_str())
    }
}

/// A page's description (a step's page and card, from its lead; the main page,
/// from the short answer): the text's first sentences in our own words, without
/// markers, as many whole ones as fit in [`MAX_DESCRIPTION_CHARS`]; if even the
/// first does not fit, its first words, ending in `…`.
pub fn description(text: &CitedText) -> String {
    let sentences: Vec<String> = text
        .sentences()
        .into_iter()
        .map(|s| s.text.to_owned())
        .collect();
    let mut text = String::new();
    for sentence in &sentences {
        let joined = if text.is_empty() {
            sentence.clone()
        } else {
            format!("{text} {sentence}")
        };
        if joined.chars().count() > MAX_DESCRIPTION_CHARS {
            break;
        }
        text = joined;
    }
    if text.is_empty() {
        if let Some(first) = sentences.first() {
            text = first_words(first, MAX_DESCRIPTION_CHARS - 1);
            text.push('…');
        }
    }
    text
}

/// The longest run of whole words from the start of `text` within `max` characters
/// (the first line [`wrap_words`] makes at that width, if even one word fits),
/// without trailing punctuation that would dangle before an ellipsis.
fn first_words(text: &str, max: usize) -> String {
    let chars = |line: &str| line.chars().count() as f64;
    wrap_words(text, max as f64, chars)
        .into_iter()
        .next()
        .filter(|line| line.chars().count() <= max)
        .unwrap_or_default()
        .trim_end_matches([',', ';', ':', '.', ' '])
        .to_owned()
}

/// The host page's address from the frame's query (`location.search`): the
/// first `parentUrl` value, if it decodes, is at most [`MAX_PARENT_URL_BYTES`]
/// and starts with `http://` or `https://`. This only screens the untrusted
/// text; the browser's URL parser then reads it.
///
/// ```
/// use explainer_core::share::parent_url;
/// assert_eq!(
///     parent_url("?embed&parentUrl=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1").as_deref(),
///     Some("https://news.example/a?x=1")
/// );
/// assert_eq!(parent_url("?parentUrl=javascript%3Aalert(1)"), None);
/// ```
pub fn parent_url(search: &str) -> Option<String> {
    let (_, value) =
        query_pairs(search, MAX_PARENT_URL_BYTES).find(|(k, _)| k == PARENT_URL_PARAM)?;
    let value = value?;
    let scheme = value.split_once("://")?.0.to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https").then_some(value)
}

/// Lays `text` out in lines no wider than `max_width`, trying each font size of
/// `sizes` (largest first) until the text fits in `max_lines`; `measure(text,
/// size)` gives a line's width. Returns the size and the lines; with no size
/// that fits, the last size, with the lines that do not fit dropped and the last
/// one kept ending in `…`.
pub fn fit_lines(
    text: &str,
    sizes: &[f64],
    max_width: f64,
    max_lines: usize,
    measure: impl Fn(&str, f64) -> f64,
) -> (f64, Vec<String>) {
    let mut last = (0.0, Vec::new());
    for &size in sizes {
        let lines = wrap_words(text, max_width, |line| measure(line, size));
        let fits = lines.len() <= max_lines && lines.iter().all(|l| measure(l, size) <= max_width);
        if fits {
            return (size, lines);
        }
        last = (size, lines);
    }
    let (size, mut lines) = last;
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(line) = lines.last_mut() {
            while !line.is_empty() && measure(&format!("{line}…"), size) > max_width {
                match line.rfind(' ') {
                    Some(space) => line.truncate(space),
                    None => line.clear(),
                }
            }
            line.push('…');
        }
    }
    (size, lines)
}

/// Breaks `text` into lines at spaces, each as long as fits in `max_width`
/// (`width` measures a line). A word wider than that gets a line of its own.
pub fn wrap_words(text: &str, max_width: f64, width: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        let longer = format!("{line} {word}");
        if width(&longer) <= max_width {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_a_step_page_and_its_card() {
        assert_eq!(step_page_path("backups"), "step/backups/");
        assert_eq!(card_path("backups"), "step/backups/card.png");
        assert_eq!(explainer_from_step_page("backups"), "../../#step-backups");
        let url = PublicUrl::parse("https://example.org/graphics/city-budget/").unwrap();
        assert_eq!(
            url.step_page_url("backups"),
            "https://example.org/graphics/city-budget/step/backups/"
        );
        assert_eq!(
            url.card_url("backups"),
            "https://example.org/graphics/city-budget/step/backups/card.png"
        );
    }

    #[test]
    fn the_description_is_whole_sentences_of_ours_without_markers() {
        let s = CitedText::from(
            "The city says it moved the data. [a] It said so twice. [b, c] \
             A third sentence that would make the description far too long to fit in two hundred characters, which is the limit a description has on a step page of the explainer, and more. [d]",
        );
        assert_eq!(
            description(&s),
            "The city says it moved the data. It said so twice."
        );
    }

    #[test]
    fn a_long_first_sentence_is_cut_at_a_word_with_an_ellipsis() {
        let long = format!("{} end. [a]", "word, ".repeat(60));
        let text = description(&CitedText::from(long.as_str()));
        assert!(text.chars().count() <= MAX_DESCRIPTION_CHARS, "{text}");
        assert!(text.ends_with("word…"), "{text}");
        assert!(!text.contains('['));
    }

    #[test]
    fn only_an_http_parent_url_within_the_limit_is_taken() {
        let encoded = |s: &str| crate::view_state::percent_encode(s);
        let ok = "https://news.example/2026/story?id=3#top";
        assert_eq!(
            parent_url(&format!("?embed&parentUrl={}", encoded(ok))).as_deref(),
            Some(ok)
        );
        assert_eq!(
            parent_url("?parentUrl=HTTP://news.example/").as_deref(),
            Some("HTTP://news.example/")
        );
        for bad in [
            "?embed",
            "?parentUrl",
            "?parentUrl=",
            "?parentUrl=%E0%A4%A",
            "?parentUrl=javascript:alert(1)//https://x",
            "?parentUrl=data%3Atext%2Fhtml%2Chttps%3A%2F%2F",
            "?parentUrl=%2F%2Fnews.example%2F",
            "?parentUrl=ftp%3A%2F%2Fnews.example%2F",
        ] {
            assert_eq!(parent_url(bad), None, "{bad}");
        }
        let long = format!("https://news.example/{}", "a".repeat(MAX_PARENT_URL_BYTES));
        assert_eq!(parent_url(&format!("?parentUrl={long}")), None);
        // The first one counts, as for every parameter.
        assert_eq!(
            parent_url("?parentUrl=ftp%3A%2F%2Fx&parentUrl=https%3A%2F%2Fy").as_deref(),
            None
        );
    }

    #[test]
    fn both_snippets_hand_the_host_pages_step_to_the_frame() {
        let name = crate::embed::EmbedName::of_slug("t");
        for kind in crate::embed::SNIPPETS {
            let code = crate::embed::snippet(kind, "https://example.org/t/?embed", "T", &name);
            assert!(
                code.contains(r#"new URLSearchParams(location.search).get("explainer-step")"#),
                "{kind} does not read the host page's step parameter:\n{code}"
            );
            assert!(
                code.contains(r#"(step ? "&step=" + encodeURIComponent(step) : "")"#),
                "{kind} does not hand the step to the frame:\n{code}"
            );
        }
        let plain = crate::embed::snippet("iframe", "https://example.org/t/?embed", "T", &name);
        assert!(plain.contains(r#""&parentUrl=" + encodeURIComponent(location.href)"#));
        assert!(plain.contains(r#" allow="clipboard-write""#));
    }

    /// Every character one unit wide.
    fn chars(text: &str, size: f64) -> f64 {
        text.chars().count() as f64 * size
    }

    #[test]
    fn words_wrap_within_the_width() {
        let lines = wrap_words("one two three four five", 9.0, |l| chars(l, 1.0));
        assert_eq!(lines, ["one two", "three", "four five"]);
        assert_eq!(
            wrap_words("unbreakable a", 4.0, |l| chars(l, 1.0)),
            ["unbreakable", "a"]
        );
        assert!(wrap_words("  ", 4.0, |l| chars(l, 1.0)).is_empty());
    }

    #[test]
    fn text_takes_the_largest_size_that_fits() {
        let text = "one two three four five";
        assert_eq!(
            fit_lines(text, &[2.0, 1.0], 9.0, 3, chars),
            (
                1.0,
                vec!["one two".into(), "three".into(), "four five".into()]
            )
        );
        assert_eq!(
            fit_lines(text, &[1.0], 30.0, 1, chars),
            (1.0, vec![text.to_owned()])
        );
        // Nothing fits: the last size, cut to the lines allowed, with an ellipsis.
        let (size, lines) = fit_lines(text, &[1.0], 9.0, 2, chars);
        assert_eq!(size, 1.0);
        assert_eq!(lines, ["one two", "three…"]);
        assert!(lines.iter().all(|l| chars(l, 1.0) <= 9.0));
    }
}
