//! Checking that quotes are verbatim.
//!
//! Articles wrap lines and double spaces unpredictably, so whitespace is the only
//! thing folded: curly quotes, dashes, spelling and case must match exactly.

/// Collapses every run of whitespace into one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `quote` appears in `article`, comparing after collapsing whitespace only.
///
/// ```
/// use explainer_core::quotes::appears_verbatim;
/// assert!(appears_verbatim("It said  \"yes\"\nthen left.", "\"yes\" then"));
/// assert!(!appears_verbatim("It said “yes”.", "\"yes\""));
/// ```
pub fn appears_verbatim(article: &str, quote: &str) -> bool {
    let quote = collapse_whitespace(quote);
    !quote.is_empty() && collapse_whitespace(article).contains(&quote)
}

/// The longest prefix of `quote` (in whole words) found in `article`: shows an
/// editor where a near-miss quote stops matching.
pub fn matching_prefix(article: &str, quote: &str) -> String {
    let article = collapse_whitespace(article);
    let words: Vec<&str> = quote.split_whitespace().collect();
    let mut best = String::new();
    for n in 1..=words.len() {
        let candidate = words[..n].join(" ");
        if article.contains(&candidate) {
            best = candidate;
        } else {
            break;
        }
    }
    best
}
