//! Build time: what the main page tells search engines and social networks
//! about the explainer, from its story's `story.json` (publisher, authors,
//! dates) and its content (title, short answer, sources): a JSON-LD `Article`,
//! Open Graph and Twitter card tags, and the canonical address. The images it
//! names, the explainer's own card and the publisher's logo, are drawn by
//! [`crate::card`] and written beside `index.html` by the build.

use explainer_core::embed::escape_attribute;
use explainer_core::oembed::PublicUrl;
use explainer_core::page::{fill, EMBED_NAME_META, VERSION_META};
use explainer_core::share::{description, CARD_FILE, CARD_HEIGHT, CARD_WIDTH};
use explainer_core::story::{date_modified, og_locale, Story, LOGO_FILE, LOGO_HEIGHT};
use explainer_core::{Content, Perspective};

use lol_html::{element, RewriteStrSettings};

use crate::prerender::rewrite;
use crate::words::Words;

/// Everything the main page's metadata is made from.
pub struct Publication<'a> {
    /// The explainer's words and sources.
    pub content: &'a Content,
    /// Its publisher, authors and dates.
    pub story: &'a Story,
    /// Where it is published (every address in the metadata is absolute).
    pub public_url: &'a PublicUrl,
    /// `og:site_name`: the publisher, or the provider name the deployment gives.
    pub site_name: &'a str,
    /// The content version the page is rendered from.
    pub version: &'a str,
    /// The width of the publisher's logo as drawn ([`LOGO_HEIGHT`] high).
    pub logo_width: u32,
    /// The interface's words (the title, the card's alternative text).
    pub words: &'a Words,
    /// Every edition of the story (this one included, the original first), as
    /// its language and its address: the `hreflang` alternates.
    pub editions: &'a [(String, String)],
}

/// The alternative text of the explainer's own card.
pub fn front_card_alt(content: &Content, words: &Words) -> String {
    fill(
        &words.card.alt,
        &[
            ("title", content.title.trim()),
            ("label", content.perspective_label(Perspective::FIRST)),
        ],
    )
}

/// The card a page shows on social networks (every text as written; the tags
/// escape it).
pub struct SocialCard<'a> {
    /// The page's title.
    pub title: &'a str,
    /// Its description.
    pub description: &'a str,
    /// Its absolute address.
    pub url: &'a str,
    /// The absolute address of its 1200 × 630 PNG card.
    pub image: &'a str,
    /// The card's alternative text.
    pub image_alt: &'a str,
    /// `og:site_name`.
    pub site_name: &'a str,
    /// The story's language tag (`en-US`), for `og:locale`.
    pub language: &'a str,
}

/// The Open Graph and Twitter `summary_large_image` tags of a page's card, one
/// per line, each line after the first starting with `indent`.
pub fn social_tags(card: &SocialCard, indent: &str) -> String {
    let a = escape_attribute;
    let (title, about, image, alt) = (
        a(card.title),
        a(card.description),
        a(card.image),
        a(card.image_alt),
    );
    [
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(
            r#"<meta property="og:site_name" content="{}">"#,
            a(card.site_name)
        ),
        format!(
            r#"<meta property="og:locale" content="{}">"#,
            a(&og_locale(card.language))
        ),
        format!(r#"<meta property="og:title" content="{title}">"#),
        format!(r#"<meta property="og:description" content="{about}">"#),
        format!(r#"<meta property="og:url" content="{}">"#, a(card.url)),
        format!(r#"<meta property="og:image" content="{image}">"#),
        r#"<meta property="og:image:type" content="image/png">"#.to_owned(),
        format!(r#"<meta property="og:image:width" content="{CARD_WIDTH}">"#),
        format!(r#"<meta property="og:image:height" content="{CARD_HEIGHT}">"#),
        format!(r#"<meta property="og:image:alt" content="{alt}">"#),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
        format!(r#"<meta name="twitter:title" content="{title}">"#),
        format!(r#"<meta name="twitter:description" content="{about}">"#),
        format!(r#"<meta name="twitter:image" content="{image}">"#),
        format!(r#"<meta name="twitter:image:alt" content="{alt}">"#),
    ]
    .join(&format!("\n{indent}"))
}

/// The page's `<title>`: the explainer's title and what it is.
pub fn page_title(content: &Content, words: &Words) -> String {
    fill(&words.head.title, &[("title", content.title.trim())])
}

/// The page in the story's language: `<html lang>`.
pub fn with_language(page: &str, language: &str) -> Result<String, String> {
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("html", |el| {
            el.set_attribute("lang", language)?;
            Ok(())
        }));
    rewrite(page, "setting the page's language", settings)
}

/// The `hreflang` links to every edition (with the original as `x-default`) and
/// the other editions' Open Graph locales; nothing for a story in one language.
fn alternates(editions: &[(String, String)], language: &str) -> String {
    let a = escape_attribute;
    let mut out = String::new();
    for (i, (tag, url)) in editions.iter().enumerate() {
        out.push_str(&format!(
            "\n    <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            a(tag),
            a(url)
        ));
        if i == 0 {
            out.push_str(&format!(
                "\n    <link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
                a(url)
            ));
        }
    }
    for (tag, _) in editions.iter().filter(|(tag, _)| tag != language) {
        out.push_str(&format!(
            "\n    <meta property=\"og:locale:alternate\" content=\"{}\">",
            a(&og_locale(tag))
        ));
    }
    out
}

/// The main page's metadata: title, description, canonical link, content
/// version, Open Graph and Twitter card tags and a JSON-LD `Article` citing
/// every source.
pub fn metadata(publication: &Publication) -> Result<String, String> {
    let Publication {
        content,
        story,
        public_url,
        site_name,
        version,
        logo_width,
        words,
        editions,
    } = *publication;
    // The short answer is the page's description for search and social cards.
    let about = description(&content.answer.text);
    let url = public_url.as_str();
    let image = public_url.file_url(CARD_FILE);
    let alt = front_card_alt(content, words);
    let modified = date_modified(story, content)?;
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
    let authors: Vec<serde_json::Value> = story
        .authors
        .iter()
        .map(|a| {
            let mut author = serde_json::json!({ "@type": a.kind.schema_type(), "name": a.name });
            if let Some(url) = &a.url {
                author["url"] = url.as_str().into();
            }
            author
        })
        .collect();
    let mut publisher = serde_json::json!({
        "@type": "Organization",
        "name": story.publisher.name,
        "logo": {
            "@type": "ImageObject",
            "url": public_url.file_url(LOGO_FILE),
            "width": logo_width,
            "height": LOGO_HEIGHT,
        },
    });
    if let Some(home) = &story.publisher.url {
        publisher["url"] = home.as_str().into();
    }
    let article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": content.title,
        "description": about,
        "inLanguage": story.language,
        "mainEntityOfPage": url,
        "url": url,
        "image": {
            "@type": "ImageObject",
            "url": image,
            "width": CARD_WIDTH,
            "height": CARD_HEIGHT,
        },
        "datePublished": story.date_published,
        "dateModified": modified,
        "author": authors,
        "publisher": publisher,
        "citation": citations,
    });
    // "</" must not appear inside a script element.
    let json_ld = article.to_string().replace("</", "<\\/");
    let a = escape_attribute;
    let social = social_tags(
        &SocialCard {
            title: &content.title,
            description: &about,
            url,
            image: &image,
            image_alt: &alt,
            site_name,
            language: &story.language,
        },
        "    ",
    );
    Ok(format!(
        r#"<title>{page_title}</title>
    <meta name="description" content="{description}">
    <link rel="canonical" href="{url}">
    <meta name="{VERSION_META}" content="{version}">
    <meta name="{EMBED_NAME_META}" content="{embed_name}">{alternates}
    {social}
    <meta property="article:published_time" content="{published}">
    <meta property="article:modified_time" content="{modified}">
    <script type="application/ld+json">{json_ld}</script>"#,
        page_title = a(&page_title(content, words)),
        description = a(&about),
        url = a(url),
        version = a(version),
        embed_name = a(story.embed_name().as_str()),
        alternates = alternates(editions, &story.language),
        published = a(&story.date_published),
        modified = a(modified),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use explainer_core::story::load_story;

    fn story() -> Result<Story, String> {
        load_story(
            "story.json",
            r#"{"slug": "s", "language": "es-MX", "date_published": "2026-11-26", "subject": "S",
                "publisher": {"name": "A <Desk>", "url": "https://desk.example/", "logo": "l.svg"},
                "authors": [{"name": "Ana", "kind": "person"}, {"name": "The desk", "kind": "organization"}]}"#,
        )
        .map_err(|e| e.to_string())
    }

    fn content() -> Result<Content, String> {
        let text = explainer_core::story::StoryFiles::default_of_repository()?.content_text;
        explainer_core::load_content("content.json", &text).map_err(|e| e.to_string())
    }

    fn metadata_of(story: &Story, content: &Content) -> Result<String, String> {
        let url = PublicUrl::parse("https://news.example/t/")?;
        metadata(&Publication {
            content,
            story,
            public_url: &url,
            site_name: "A <Desk>",
            version: "v1",
            words: &crate::words::english()?,
            editions: &[],
            logo_width: 330,
        })
    }

    /// The JSON-LD object in the metadata.
    fn json_ld(html: &str) -> Result<serde_json::Value, String> {
        let (_, rest) = html
            .split_once(r#"<script type="application/ld+json">"#)
            .ok_or("no JSON-LD")?;
        let (body, _) = rest.split_once("</script>").ok_or("no end of JSON-LD")?;
        serde_json::from_str(&body.replace("<\\/", "</")).map_err(|e| e.to_string())
    }

    #[test]
    fn the_article_names_its_publisher_authors_dates_and_card_from_the_story() -> Result<(), String>
    {
        let (content, story) = (content()?, story()?);
        let html = metadata_of(&story, &content)?;
        let ld = json_ld(&html)?;
        assert_eq!(ld["@type"], "Article");
        assert_eq!(ld["headline"], content.title.as_str());
        assert_eq!(ld["datePublished"], "2026-11-26");
        assert_eq!(
            ld["dateModified"],
            content.date_modified().unwrap_or_default()
        );
        assert_eq!(ld["inLanguage"], "es-MX");
        assert_eq!(
            ld["author"][0],
            serde_json::json!({"@type": "Person", "name": "Ana"})
        );
        assert_eq!(ld["author"][1]["@type"], "Organization");
        assert_eq!(ld["publisher"]["name"], "A <Desk>");
        assert_eq!(ld["publisher"]["url"], "https://desk.example/");
        assert_eq!(
            ld["publisher"]["logo"],
            serde_json::json!({"@type": "ImageObject", "url": "https://news.example/t/publisher-logo.png", "width": 330, "height": 60})
        );
        assert_eq!(ld["image"]["url"], "https://news.example/t/card.png");
        assert_eq!(ld["mainEntityOfPage"], "https://news.example/t/");
        assert_eq!(
            ld["citation"].as_array().map(Vec::len),
            Some(content.sources.len())
        );
        let title = format!(
            "<title>{}</title>",
            escape_attribute(&page_title(&content, &crate::words::english()?))
        );
        for tag in [
            title.as_str(),
            r#"<link rel="canonical" href="https://news.example/t/">"#,
            r#"<meta property="og:url" content="https://news.example/t/">"#,
            r#"<meta property="og:image" content="https://news.example/t/card.png">"#,
            r#"<meta property="og:site_name" content="A &lt;Desk&gt;">"#,
            r#"<meta property="og:locale" content="es_MX">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"<meta name="twitter:image" content="https://news.example/t/card.png">"#,
        ] {
            assert!(html.contains(tag), "missing {tag}");
        }
        let (tags, _) = html.split_once("<script").ok_or("no script")?;
        assert!(!tags.contains("<Desk>"), "unescaped");
        Ok(())
    }

    #[test]
    fn the_page_takes_the_story_language() -> Result<(), String> {
        let page = with_language(
            r#"<!doctype html><html lang="en"><head></head><body></body></html>"#,
            "es-MX",
        )?;
        assert!(page.contains(r#"<html lang="es-MX">"#), "{page}");
        Ok(())
    }

    #[test]
    fn an_update_before_publication_is_refused() -> Result<(), String> {
        let content = content()?;
        let mut story = story()?;
        story.date_published = "2099-01-01".into();
        match metadata_of(&story, &content) {
            Ok(_) => Err("accepted".into()),
            Err(e) => {
                assert!(
                    e.contains("date_published 2099-01-01 is after the update"),
                    "{e}"
                );
                Ok(())
            }
        }
    }
}
