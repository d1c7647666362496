//! The first stage: the live components rendered to static HTML, once, as the
//! only rendering of the content.

use std::sync::Arc;

use explainer_core::story::Story;
use explainer_core::Content;
use leptos::prelude::*;
use lol_html::doc_comments;
use lol_html::RewriteStrSettings;

use super::rewrite;
use crate::components::edition_switch::EditionLink;
use crate::components::explainer::Explainer;
use crate::components::update_notice::UpdateNotice;
use crate::words::{provide_words, QuotesLanguage, Words};

/// What one edition's page is rendered with.
pub struct EditionPage<'a> {
    /// The story as this edition builds it: the single file's name (for its
    /// download link) and the embed snippets' container.
    pub story: &'a Story,
    /// The interface's words in the edition's language.
    pub words: &'a Arc<Words>,
    /// Links to the other editions.
    pub links: &'a [EditionLink],
    /// The quotes' language, when it is not the page's (an edition in another
    /// language keeps the articles' words).
    pub quotes_language: Option<&'a str>,
}

/// The explainer, everything a reader can see, as static HTML in the first
/// step of the ordinary user's view. This is the only rendering of the content.
pub fn render_explainer(content: &Arc<Content>, page: &EditionPage) -> Result<String, String> {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_words(page.words.clone());
        provide_context(QuotesLanguage(page.quotes_language.map(str::to_owned)));
        let content = content.clone();
        let story = page.story;
        view! {
            <Explainer
                content=content
                single_file=story.single_file()
                embed_name=story.embed_name()
                editions=page.links.to_vec()
            />
        }
        .to_html()
    });
    drop_empty_comments(&html)
}

/// The hidden notice for the status area above the explainer.
pub fn render_status(content: &Content, words: &Arc<Words>) -> Result<String, String> {
    let has_log = !content.updates.is_empty();
    let html = Owner::new().with(|| {
        provide_words(words.clone());
        view! { <UpdateNotice has_log=has_log/> }.to_html()
    });
    drop_empty_comments(&html)
}

/// Leptos SSR marks where dynamic content starts and ends with empty comments
/// written `<!>`, for hydration. HTML parses that as an empty comment, but only
/// after a parse error (a "bogus comment", which the Nu Html Checker reports). The
/// live app does not hydrate (it takes over the rendered page as it is), so the
/// marks are of no use to it: this removes every empty comment (about 600 in a
/// page, 0.3 KB of its gzip). An HTML rewriter finds the comments, so `<!>` in
/// text, attribute values or script is left alone.
pub fn drop_empty_comments(html: &str) -> Result<String, String> {
    let settings =
        RewriteStrSettings::new().append_document_content_handler(doc_comments!(|comment| {
            if comment.text().is_empty() {
                comment.remove();
            }
            Ok(())
        }));
    rewrite(html, "rewriting the pre-rendered comments", settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_comments_are_dropped() -> Result<(), String> {
        assert_eq!(
            drop_empty_comments("<p>a<!>b</p><!><svg><g><!----></g></svg>")?,
            "<p>ab</p><svg><g></g></svg>"
        );
        Ok(())
    }

    #[test]
    fn only_empty_comments_change() -> Result<(), String> {
        let html = concat!(
            "<!-- kept -->",
            r#"<p title="<!>">a &lt;!&gt; b</p>"#,
            r#"<script>const marker = "<!>";</script>"#,
            "<textarea><!></textarea>",
        );
        assert_eq!(drop_empty_comments(html)?, html);
        Ok(())
    }

    #[test]
    fn the_rendered_explainer_has_every_hook_of_the_app_and_no_bogus_comments() -> Result<(), String>
    {
        let files = explainer_core::story::StoryFiles::default_of_repository()?;
        let content = explainer_core::load_content("content.json", &files.content_text)
            .map_err(|e| e.to_string())?;
        let words = Words::load(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
            &files.story.language,
            &files.story.subject,
        )?;
        let html = render_explainer(
            &Arc::new(content),
            &EditionPage {
                story: &files.story,
                words: &Arc::new(words),
                links: &[],
                quotes_language: None,
            },
        )?;
        for hook in [
            explainer_core::page::STEP_ATTRIBUTE,
            explainer_core::page::LIT_ATTRIBUTE,
            explainer_core::page::CROWDED_ATTRIBUTE,
            explainer_core::page::GO_STEP_ATTRIBUTE,
            explainer_core::page::GO_EVENT_ATTRIBUTE,
            explainer_core::page::EVENT_ATTRIBUTE,
            explainer_core::page::PANEL_ATTRIBUTE,
            explainer_core::page::PERSPECTIVE_ATTRIBUTE,
            explainer_core::page::SNIPPET_ATTRIBUTE,
            explainer_core::share::SHARE_ATTRIBUTE,
        ] {
            assert!(html.contains(&format!(" {hook}=")), "no {hook} in the page");
        }
        for id in [
            explainer_core::page::MAIN_ID,
            explainer_core::page::STAGE_ID,
            explainer_core::page::TIMELINE_ID,
            explainer_core::page::ANNOUNCER_ID,
            explainer_core::page::EMBED_PANEL_ID,
        ] {
            assert!(
                html.contains(&format!(r#" id="{id}""#)),
                "no #{id} in the page"
            );
        }
        assert!(!html.contains("<!---->"), "an empty comment is left");
        assert!(!html.contains("<!>"), "a <!> marker is left");
        assert!(!html.contains("<!-->"), "an abruptly closed comment");
        Ok(())
    }
}
