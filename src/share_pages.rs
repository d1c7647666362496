//! Build time: each step's own page (`step/<id>/index.html`), the address that
//! "Share this step" gives out. A social network's crawler reads its title,
//! description, canonical link and Open Graph / Twitter card tags without
//! running scripts; a reader is sent on to the explainer at that step (a script
//! replaces the page, so the back button skips it), and without scripts sees
//! the step's title, description, card and a link to it.
//!
//! A script rather than `<meta http-equiv="refresh">`: some crawlers follow a
//! refresh like a redirect and would then describe the explainer's front page.

use explainer_core::embed::escape_attribute;
use explainer_core::oembed::PublicUrl;
use explainer_core::page::fill;
use explainer_core::share::{
    description, explainer_from_step_page, CARD_FILE, CARD_HEIGHT, CARD_WIDTH, SHARE_ATTRIBUTE,
};
use explainer_core::Content;
use lol_html::{element, RewriteStrSettings};

use crate::prerender::{rewrite, with_csp};
use crate::publication::{social_tags, SocialCard};
use crate::words::Words;

/// The id of the step page's link to the explainer, which its script follows.
const OPEN_LINK_ID: &str = "open-step";

/// The step page's few styles: readable without the explainer's stylesheet.
const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;\
margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fbfaf7}\
a{color:#0a5a87}img{max-width:100%;height:auto;border:1px solid #d6d1c6}";

/// What every step page of one build shares.
pub struct StepSite<'a> {
    /// The explainer's public address (the page's addresses must be absolute).
    pub public_url: &'a PublicUrl,
    /// `og:site_name`: the provider (newsroom) name.
    pub site_name: &'a str,
    /// The story's language tag (`en-US`): the page's `lang` and `og:locale`.
    pub language: &'a str,
    /// The favicon's file name beside `index.html`.
    pub icon: &'a str,
    /// The interface's words (the card's alternative text, the link to the step).
    pub words: &'a Words,
}

/// Where a step's page comes from.
pub struct StepPage<'a> {
    /// The content rendered.
    pub content: &'a Content,
    /// The step's index.
    pub index: usize,
    /// What it shares with the other step pages.
    pub site: &'a StepSite<'a>,
}

/// The alternative text of a step's card.
pub fn card_alt(content: &Content, index: usize, words: &Words) -> String {
    let title = content.steps.get(index).map_or("", |s| s.title.trim());
    fill(
        &words.card.step_alt,
        &[
            ("n", &(index + 1).to_string()),
            ("total", &content.steps.len().to_string()),
            ("title", title),
        ],
    )
}

/// A step's page, with its Content-Security-Policy.
pub fn step_page(page: &StepPage) -> Result<String, String> {
    let content = page.content;
    let step = content
        .steps
        .get(page.index)
        .ok_or_else(|| format!("no step {}", page.index + 1))?;
    let (about, url) = (
        description(&step.lead),
        page.site.public_url.step_page_url(&step.id),
    );
    let alt = card_alt(content, page.index, page.site.words);
    let social = social_tags(
        &SocialCard {
            title: step.title.trim(),
            description: &about,
            url: &url,
            image: &page.site.public_url.card_url(&step.id),
            image_alt: &alt,
            site_name: page.site.site_name,
            language: page.site.language,
        },
        "",
    );
    let a = escape_attribute;
    let (title, explainer, about, url, alt, read) = (
        a(step.title.trim()),
        a(&content.title),
        a(&about),
        a(&url),
        a(&alt),
        a(&page.site.words.card.read_step),
    );
    let target = a(&explainer_from_step_page(&step.id));
    let icon = a(page.site.icon);
    let lang = a(page.site.language);
    let html = format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · {explainer}</title>
<meta name="description" content="{about}">
<link rel="canonical" href="{url}">
<link rel="icon" href="../../{icon}" type="image/svg+xml">
{social}
<style>{STYLE}</style>
</head>
<body>
<main>
<p>{explainer}</p>
<h1>{title}</h1>
<p>{about}</p>
<p><a id="{OPEN_LINK_ID}" href="{target}">{read}</a></p>
<p><img src="{CARD_FILE}" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" alt="{alt}"></p>
</main>
<script>location.replace(document.getElementById("{OPEN_LINK_ID}").href);</script>
</body>
</html>
"#
    );
    with_csp(&html)
}

/// The page with every share link pointing to the step page's public address:
/// for the single-file edition, read from disk, where `step/<id>/` leads nowhere.
pub fn absolute_share_links(page: &str, public_url: &PublicUrl) -> Result<String, String> {
    let settings = RewriteStrSettings::new().append_element_content_handler(element!(
        format!("a[{SHARE_ATTRIBUTE}]"),
        |el| {
            if let Some(id) = el.get_attribute(SHARE_ATTRIBUTE) {
                el.set_attribute("href", &public_url.step_page_url(&id))?;
            }
            Ok(())
        }
    ));
    rewrite(page, "making the share links absolute", settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_links_become_the_public_step_pages() -> Result<(), String> {
        let url = PublicUrl::parse("https://example.org/t/")?;
        let page = r#"<p><a href="step/backups/" class="x" data-share-step="backups">Share</a> <a href="step/backups/">other</a></p>"#;
        assert_eq!(
            absolute_share_links(page, &url)?,
            r#"<p><a href="https://example.org/t/step/backups/" class="x" data-share-step="backups">Share</a> <a href="step/backups/">other</a></p>"#
        );
        Ok(())
    }
}
