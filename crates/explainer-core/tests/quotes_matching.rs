//! Quotes must appear verbatim: only whitespace is folded.

use explainer_core::quotes::{appears_verbatim, collapse_whitespace, matching_prefix};

const ARTICLE: &str =
    "TikTok said the data of US users\nis stored in  Virginia,\twith backups in Singapore.\n\n\
    A spokesperson added: “We have never shared data” — and called the report “false.”\n\
    Lawmakers weren't convinced; it's the company's word against BuzzFeed's.";

#[test]
fn whitespace_runs_are_folded() {
    // Article wraps with a newline, a double space and a tab; the quote does not.
    assert!(appears_verbatim(
        ARTICLE,
        "the data of US users is stored in Virginia, with backups in Singapore."
    ));
    // And the other way round: the quote has odd whitespace, the article plain spaces.
    assert!(appears_verbatim(
        ARTICLE,
        "with  backups\n in\t\tSingapore."
    ));
    // Leading and trailing whitespace in the quote is ignored.
    assert!(appears_verbatim(ARTICLE, "\n  TikTok said the data  \n"));
    // Across the paragraph break.
    assert!(appears_verbatim(
        ARTICLE,
        "in Singapore. A spokesperson added:"
    ));
}

#[test]
fn whitespace_is_not_invented_or_removed_inside_words() {
    assert!(!appears_verbatim(ARTICLE, "Virgin ia"));
    assert!(!appears_verbatim(ARTICLE, "TikToksaid"));
    assert!(!appears_verbatim(ARTICLE, "users is stored inVirginia"));
}

#[test]
fn curly_and_straight_quotes_differ() {
    assert!(appears_verbatim(
        ARTICLE,
        "added: “We have never shared data”"
    ));
    assert!(!appears_verbatim(
        ARTICLE,
        "added: \"We have never shared data\""
    ));
    // Apostrophes too, in both directions.
    assert!(appears_verbatim(ARTICLE, "weren't convinced"));
    assert!(!appears_verbatim(ARTICLE, "weren’t convinced"));
    assert!(!appears_verbatim("It’s fine.", "It's fine."));
}

#[test]
fn dashes_differ() {
    assert!(appears_verbatim(ARTICLE, "shared data” — and called"));
    for dash in ["-", "–", "--", "―"] {
        let quote = format!("shared data” {dash} and called");
        assert!(
            !appears_verbatim(ARTICLE, &quote),
            "{dash:?} matched an em dash"
        );
    }
}

#[test]
fn case_differs() {
    assert!(!appears_verbatim(ARTICLE, "tiktok said the data"));
    assert!(!appears_verbatim(ARTICLE, "TIKTOK SAID"));
    assert!(!appears_verbatim(ARTICLE, "in virginia"));
}

#[test]
fn empty_quote_never_matches() {
    for quote in ["", " ", "\n\t  \n"] {
        assert!(!appears_verbatim(ARTICLE, quote), "{quote:?}");
        assert!(!appears_verbatim("", quote), "{quote:?}");
        assert!(!appears_verbatim("   ", quote), "{quote:?}");
    }
}

#[test]
fn missing_or_altered_words_do_not_match() {
    assert!(!appears_verbatim(ARTICLE, "the data of American users"));
    assert!(!appears_verbatim(
        ARTICLE,
        "stored in Virginia, with backups in Singapore and Malaysia."
    ));
    assert!(!appears_verbatim("", "TikTok"));
}

#[test]
fn collapse_whitespace_keeps_single_spaces_only() {
    assert_eq!(collapse_whitespace("  a\n\nb\t c  "), "a b c");
    assert_eq!(collapse_whitespace(" \n\t "), "");
    assert_eq!(collapse_whitespace("“a” — b"), "“a” — b");
}

// ---------------------------------------------------------- matching_prefix

#[test]
fn matching_prefix_returns_the_whole_matching_quote() {
    assert_eq!(
        matching_prefix(ARTICLE, "is stored in Virginia,\n with backups"),
        "is stored in Virginia, with backups"
    );
}

#[test]
fn matching_prefix_stops_at_the_first_wrong_word() {
    assert_eq!(
        matching_prefix(
            ARTICLE,
            "TikTok said the data of US users is stored in Texas, with backups"
        ),
        "TikTok said the data of US users is stored in"
    );
    // A straight quote where the article has a curly one.
    assert_eq!(
        matching_prefix(
            ARTICLE,
            "A spokesperson added: \"We have never shared data\""
        ),
        "A spokesperson added:"
    );
    // Case counts.
    assert_eq!(matching_prefix(ARTICLE, "TikTok Said the data"), "TikTok");
}

#[test]
fn matching_prefix_is_empty_when_the_first_word_is_absent() {
    assert_eq!(matching_prefix(ARTICLE, "Oracle said the data"), "");
    assert_eq!(matching_prefix(ARTICLE, ""), "");
    assert_eq!(matching_prefix("", "TikTok said"), "");
}

#[test]
fn matching_prefix_finds_the_longest_prefix_anywhere_in_the_article() {
    // The first occurrence of "a b" is followed by "x"; a later one continues with "c".
    let article = "a b x. Later: a b c y";
    assert_eq!(matching_prefix(article, "a b c d"), "a b c");
    assert_eq!(matching_prefix(article, "a b c y"), "a b c y");
}

#[test]
fn matching_prefix_agrees_with_appears_verbatim() {
    let quotes = [
        "with backups in Singapore.",
        "with backups in Malaysia.",
        "called the report “false.”",
        "called the report \"false.\"",
        "Lawmakers  weren't\nconvinced",
    ];
    for quote in quotes {
        let prefix = matching_prefix(ARTICLE, quote);
        assert!(
            prefix.is_empty() || appears_verbatim(ARTICLE, &prefix),
            "{prefix:?}"
        );
        assert_eq!(
            prefix == collapse_whitespace(quote),
            appears_verbatim(ARTICLE, quote),
            "{quote:?} -> {prefix:?}"
        );
    }
}
