//! Every quote in the shipped content appears verbatim in the article it cites.

mod sources_dir;

use explainer_core::quotes::{appears_verbatim, matching_prefix};

#[test]
fn every_quote_is_verbatim_in_its_article() {
    let articles = sources_dir::load_articles();
    let content = sources_dir::shipped_content();

    let mut checks: Vec<(String, &str, &str)> = content
        .citations()
        .into_iter()
        .map(|(at, c)| (at, c.source.as_str(), c.quote.as_str()))
        .collect();
    for source in &content.sources {
        if let Some(p) = &source.publisher {
            checks.push((
                format!("source {} publisher", source.id),
                &source.id,
                &p.evidence,
            ));
        }
        if let Some(d) = &source.date {
            checks.push((
                format!("source {} date", source.id),
                &source.id,
                &d.evidence,
            ));
        }
    }

    let mut failures = Vec::new();
    for (at, source, quote) in &checks {
        let Some(article) = articles.get(*source) else {
            failures.push(format!("{at}: no article file {source}.txt"));
            continue;
        };
        if !appears_verbatim(article, quote) {
            failures.push(format!(
                "{at}\n  quote:   {quote}\n  article: {source}.txt\n  matches up to: {:?}",
                matching_prefix(article, quote)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} quotes are not verbatim:\n{}",
        failures.len(),
        checks.len(),
        failures.join("\n")
    );
}

#[test]
fn every_article_is_a_listed_source_and_every_source_is_an_article() {
    let articles = sources_dir::load_articles();
    let content = sources_dir::shipped_content();
    let mut listed: Vec<&str> = content.sources.iter().map(|s| s.id.as_str()).collect();
    let mut present: Vec<&str> = articles.keys().map(String::as_str).collect();
    listed.sort_unstable();
    present.sort_unstable();
    assert_eq!(listed, present);
}

#[test]
fn titles_are_the_articles_first_lines() {
    let articles = sources_dir::load_articles();
    let content = sources_dir::shipped_content();
    for source in &content.sources {
        let article = &articles[&source.id];
        let first_line = article
            .lines()
            .find(|l| !l.trim().is_empty() && !l.contains('»'))
            .unwrap_or_default();
        assert!(
            first_line.contains(&source.title),
            "source {}: title {:?} is not the article's headline {:?}",
            source.id,
            source.title,
            first_line
        );
    }
}
