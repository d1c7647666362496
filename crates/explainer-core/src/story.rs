//! A story's folder and its identity: everything the build needs to know about
//! one explainer that is not its words and evidence (those are its
//! `content.json`). The engine names no story: the build renders the folder
//! `$EXPLAINER_STORY` names, or the one `stories/default` names.
//!
//! `story.json` holds who publishes the explainer and when, read by the build
//! into the page's JSON-LD `Article`, Open Graph and Twitter tags:
//!
//! ```json
//! {
//!   "slug": "my-story",
//!   "language": "en-US",
//!   "date_published": "2026-11-26",
//!   "subject": "A Company",
//!   "publisher": { "name": "A Newsroom", "url": "https://news.example/", "logo": "logo.svg" },
//!   "authors": [{ "name": "A Newsroom", "kind": "organization" }]
//! }
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::embed::EmbedName;
use crate::ids::is_valid_id;
use crate::oembed::PublicUrl;
use crate::problem::{ContentError, Problem};
use crate::validate::is_calendar_date;

/// The environment variable naming the story folder to build.
pub const STORY_ENV: &str = "EXPLAINER_STORY";
/// The folder of stories, at the root of the repository.
pub const STORIES_DIR: &str = "stories";
/// In [`STORIES_DIR`]: one line, the folder name of the story built by default.
pub const DEFAULT_STORY_FILE: &str = "default";
/// A story's identity, in its folder.
pub const STORY_FILE: &str = "story.json";
/// A story's words and evidence, in its folder.
pub const CONTENT_FILE: &str = "content.json";
/// The publisher's logo as the build writes it beside `index.html` (a PNG, as
/// Google asks of an article's publisher logo).
pub const LOGO_FILE: &str = "publisher-logo.png";
/// The logo's height in pixels: Google's article logos fit in 600 × 60.
pub const LOGO_HEIGHT: u32 = 60;
/// The logo's widest width in pixels.
pub const LOGO_MAX_WIDTH: u32 = 600;
/// Longest name (publisher, author) accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// Who publishes one explainer, who wrote it and when it first appeared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// The story's short name, in the safe id alphabet: it names the single-file
    /// edition and the service worker's caches.
    pub slug: String,
    /// The language of its words, a BCP 47 tag with a region (`en-US`): the
    /// page's `lang` and, as `en_US`, its `og:locale`.
    pub language: String,
    /// The day the explainer was first published, `YYYY-MM-DD`; the day it was
    /// last changed is its newest update's.
    pub date_published: String,
    /// The name of the story's subject, the party whose account the story
    /// examines (quotes with the speaker `subject`), as the interface's words
    /// use it: "What Acme says".
    pub subject: String,
    /// The newsroom that publishes it.
    pub publisher: Publisher,
    /// Who wrote it, in byline order.
    pub authors: Vec<Author>,
    /// The folder of its articles, relative to the story's folder, when they
    /// ship with it (test fixtures); without it the articles are read from
    /// `$EXPLAINER_SOURCES_DIR`, else `shared/sources` beside the repository.
    #[serde(default)]
    pub sources: Option<String>,
    /// Its editions in other languages, each a `content.<folder>.json` beside
    /// `content.json` (checked against it by `crate::edition`).
    #[serde(default)]
    pub editions: Vec<Edition>,
    /// For an edition's build, its folder (see [`Story::for_edition`]); `None`
    /// for the original.
    #[serde(skip)]
    pub edition_folder: Option<String>,
}

/// An edition of a story in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Its language, a BCP 47 tag with a region (`es-US`): its words table and `lang`.
    pub language: String,
    /// Its folder beside the main page (`es`), and its content file's infix
    /// (`content.es.json`).
    pub folder: String,
}

impl Edition {
    /// The edition's content file, beside `content.json`.
    pub fn content_file(&self) -> String {
        format!("content.{}.json", self.folder)
    }
}

/// The newsroom that publishes a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// Its name, as readers know it: also `og:site_name` and the oEmbed provider.
    pub name: String,
    /// Its home page, an absolute `https://` or `http://` address.
    #[serde(default)]
    pub url: Option<String>,
    /// Its logo, an SVG file in the story's folder; the build draws it as a PNG
    /// [`LOGO_HEIGHT`] pixels high.
    pub logo: String,
}

/// One of a story's authors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// The byline name.
    pub name: String,
    /// A person or an organisation (a desk, a newsroom).
    pub kind: AuthorKind,
    /// Their page, an absolute address.
    #[serde(default)]
    pub url: Option<String>,
}

/// Whether an author is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthorKind {
    Person,
    Organization,
}

impl AuthorKind {
    /// Its schema.org type.
    pub fn schema_type(self) -> &'static str {
        match self {
            AuthorKind::Person => "Person",
            AuthorKind::Organization => "Organization",
        }
    }
}

impl Story {
    /// The story as an edition in another language builds it: its language, and
    /// its own names for the single file and the caches.
    pub fn for_edition(&self, edition: &Edition) -> Story {
        Story {
            language: edition.language.clone(),
            edition_folder: Some(edition.folder.clone()),
            ..self.clone()
        }
    }

    /// The single-file edition's name, beside the page: `<slug>-offline.html`
    /// (an edition's: `<slug>-<folder>-offline.html`).
    pub fn single_file(&self) -> String {
        match &self.edition_folder {
            Some(folder) => format!("{}-{folder}-offline.html", self.slug),
            None => format!("{}-offline.html", self.slug),
        }
    }

    /// The name the explainer goes by on a host page (messages, Pym.js container).
    pub fn embed_name(&self) -> EmbedName {
        EmbedName::of_slug(&self.slug)
    }

    /// The start of the service worker's cache names, `<slug>-` (an edition's:
    /// `<folder>-<slug>-`): a new build deletes only its own older caches, not
    /// another story's or edition's on the same site.
    pub fn cache_prefix(&self) -> String {
        match &self.edition_folder {
            Some(folder) => format!("{folder}-{}-", self.slug),
            None => format!("{}-", self.slug),
        }
    }
}

/// The Open Graph locale of a language tag: `en_US` for `en-US`.
pub fn og_locale(language: &str) -> String {
    language.replacen('-', "_", 1)
}

/// Parses and checks a `story.json`, reporting every rule it breaks.
///
/// ```
/// let err = explainer_core::story::load_story("story.json", "{}").unwrap_err();
/// assert!(err.to_string().contains("missing field"));
/// ```
pub fn load_story(file: &str, text: &str) -> Result<Story, ContentError> {
    let fail = |problems| ContentError {
        file: file.to_owned(),
        problems,
    };
    let mut reader = serde_json::Deserializer::from_str(text);
    let story: Story = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        fail(vec![Problem {
            path: if path == "." { String::new() } else { path },
            reason: e.into_inner().to_string(),
        }])
    })?;
    reader.end().map_err(|e| {
        fail(vec![Problem {
            path: String::new(),
            reason: e.to_string(),
        }])
    })?;
    let problems = story_problems(&story);
    if problems.is_empty() {
        Ok(story)
    } else {
        Err(fail(problems))
    }
}

/// Every rule a parsed story breaks.
fn story_problems(story: &Story) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, path: &str, reason: String| {
        if !ok {
            problems.push(Problem {
                path: path.to_owned(),
                reason,
            });
        }
    };
    check(
        is_valid_id(&story.slug),
        "slug",
        "use 1 to 64 lowercase letters, digits, `-` or `_`".to_owned(),
    );
    check(
        is_language_with_region(&story.language),
        "language",
        format!(
            "{:?} is not a language tag with a region, such as `en-US` or `es-419`",
            story.language
        ),
    );
    check(
        is_calendar_date(&story.date_published),
        "date_published",
        format!(
            "{:?} is not a date written YYYY-MM-DD",
            story.date_published
        ),
    );
    check(is_name(&story.subject), "subject", name_rule());
    check(
        is_name(&story.publisher.name),
        "publisher.name",
        name_rule(),
    );
    if let Some(url) = &story.publisher.url {
        check(
            PublicUrl::parse(url).is_ok(),
            "publisher.url",
            format!("{url:?} is not an absolute http(s) address ending in /"),
        );
    }
    check(
        is_plain_file_name(&story.publisher.logo, ".svg"),
        "publisher.logo",
        format!(
            "{:?} is not the name of an .svg file in the story's folder",
            story.publisher.logo
        ),
    );
    if let Some(folder) = &story.sources {
        check(
            is_plain_file_name(folder, ""),
            "sources",
            format!("{folder:?} is not the name of a folder in the story's folder"),
        );
    }
    for (i, edition) in story.editions.iter().enumerate() {
        check(
            is_language_with_region(&edition.language) && edition.language != story.language,
            &format!("editions[{i}].language"),
            format!(
                "{:?} is not another language tag with a region, such as `es-US`",
                edition.language
            ),
        );
        check(
            is_valid_id(&edition.folder),
            &format!("editions[{i}].folder"),
            "use 1 to 64 lowercase letters, digits, `-` or `_`".to_owned(),
        );
    }
    check(
        !story.authors.is_empty(),
        "authors",
        "name at least one author (a person or the desk)".to_owned(),
    );
    for (i, author) in story.authors.iter().enumerate() {
        check(
            is_name(&author.name),
            &format!("authors[{i}].name"),
            name_rule(),
        );
        if let Some(url) = &author.url {
            check(
                PublicUrl::parse(url).is_ok(),
                &format!("authors[{i}].url"),
                format!("{url:?} is not an absolute http(s) address ending in /"),
            );
        }
    }
    problems
}

fn name_rule() -> String {
    format!("a name is one line of 1 to {MAX_NAME_CHARS} characters")
}

fn is_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.chars().any(char::is_control)
}

/// `en-US`, `es-419`: a language subtag and a region subtag.
fn is_language_with_region(tag: &str) -> bool {
    let Some((language, region)) = tag.split_once('-') else {
        return false;
    };
    let language_ok =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = (region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase()))
        || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()));
    language_ok && region_ok
}

/// A file name with no folder, ending in `extension`.
fn is_plain_file_name(name: &str, extension: &str) -> bool {
    name.len() > extension.len()
        && name.ends_with(extension)
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

/// The story folder to build: `$EXPLAINER_STORY` (relative to `root` unless
/// absolute), else the folder `stories/default` names.
pub fn story_dir(root: &Path) -> Result<PathBuf, String> {
    match std::env::var(STORY_ENV) {
        Ok(dir) if !dir.trim().is_empty() => Ok(root.join(dir.trim())),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{STORY_ENV} is not valid UTF-8")),
        _ => default_story_dir(root),
    }
}

/// The folder `stories/default` names.
pub fn default_story_dir(root: &Path) -> Result<PathBuf, String> {
    let stories = root.join(STORIES_DIR);
    let file = stories.join(DEFAULT_STORY_FILE);
    let name = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "{}: {e}; it names the story folder to build (or set {STORY_ENV})",
            file.display()
        )
    })?;
    let name = name.trim();
    if !is_valid_id(name) {
        return Err(format!(
            "{} must hold one folder name of {STORIES_DIR}/, not {name:?}",
            file.display()
        ));
    }
    Ok(stories.join(name))
}

/// The repository's root, from this crate's folder (`crates/explainer-core`).
pub fn repository_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One story folder read from disk: its identity and its content's text.
#[derive(Debug, Clone)]
pub struct StoryFiles {
    /// The folder.
    pub dir: PathBuf,
    /// Its `story.json`, checked.
    pub story: Story,
    /// The path of its `content.json`, as given to the editor in messages.
    pub content_file: PathBuf,
    /// Its `content.json`'s text (the content version is a hash of it).
    pub content_text: String,
}

impl StoryFiles {
    /// Reads `story.json` and `content.json` in `dir`; says which file is
    /// missing or wrong.
    pub fn read(dir: &Path) -> Result<StoryFiles, String> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path)
                .map(|text| (path.clone(), text))
                .map_err(|e| format!("{}: {e}", path.display()))
        };
        let (story_file, story_text) = read(STORY_FILE)?;
        let story = load_story(&story_file.display().to_string(), &story_text)
            .map_err(|e| e.to_string())?;
        let (content_file, content_text) = read(CONTENT_FILE)?;
        Ok(StoryFiles {
            dir: dir.to_owned(),
            story,
            content_file,
            content_text,
        })
    }

    /// The default story of this repository (for tests and tools run from it).
    pub fn default_of_repository() -> Result<StoryFiles, String> {
        StoryFiles::read(&story_dir(&repository_root())?)
    }

    /// The folder of the story's articles: its own `sources` folder if it
    /// names one, else the shared one ([`crate::check::sources_dir`]).
    pub fn sources_dir(&self) -> PathBuf {
        match &self.story.sources {
            Some(folder) => self.dir.join(folder),
            None => crate::check::sources_dir(),
        }
    }

    /// A file of the story's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

/// The day the explainer last changed: its newest update's, else the day it
/// was published. An update dated before publication is an error.
pub fn date_modified<'a>(story: &'a Story, content: &'a Content) -> Result<&'a str, String> {
    let published = story.date_published.as_str();
    match content.date_modified() {
        Some(newest) if newest < published => Err(format!(
            "{STORY_FILE}: date_published {published} is after the update of {newest} in {CONTENT_FILE}"
        )),
        Some(newest) => Ok(newest),
        None => Ok(published),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "slug": "a-story",
        "language": "en-US",
        "date_published": "2026-02-28",
        "subject": "A Company",
        "publisher": { "name": "A Desk", "url": "https://news.example/", "logo": "logo.svg" },
        "authors": [{ "name": "A Desk", "kind": "organization" }]
    }"#;

    fn with(change: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(GOOD).unwrap();
        change(&mut value);
        value.to_string()
    }

    fn paths(text: &str) -> Vec<String> {
        load_story("story.json", text)
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| p.path)
            .collect()
    }

    #[test]
    fn a_good_story_loads() {
        let story = load_story("story.json", GOOD).unwrap();
        assert_eq!(og_locale(&story.language), "en_US");
        assert_eq!(story.single_file(), "a-story-offline.html");
        assert_eq!(story.cache_prefix(), "a-story-");
        assert_eq!(story.authors[0].kind.schema_type(), "Organization");
    }

    #[test]
    fn every_broken_rule_is_reported_with_its_path() {
        let text = with(|v| {
            v["slug"] = "A Story".into();
            v["language"] = "english".into();
            v["date_published"] = "2026-02-30".into();
            v["subject"] = "".into();
            v["publisher"]["name"] = " ".into();
            v["publisher"]["url"] = "news.example".into();
            v["publisher"]["logo"] = "../logo.svg".into();
            v["authors"][0]["name"] = "a\nb".into();
        });
        assert_eq!(
            paths(&text),
            [
                "slug",
                "language",
                "date_published",
                "subject",
                "publisher.name",
                "publisher.url",
                "publisher.logo",
                "authors[0].name"
            ]
        );
        assert_eq!(
            paths(&with(|v| v["authors"] = serde_json::json!([]))),
            ["authors"]
        );
    }

    #[test]
    fn a_misspelt_or_missing_field_names_its_place() {
        let err = load_story(
            "story.json",
            &with(|v| v["publisher"]["logoo"] = "x".into()),
        )
        .unwrap_err();
        assert!(err.problems[0].path.starts_with("publisher"), "{err}");
        assert!(
            err.problems[0].reason.contains("unknown field `logoo`"),
            "{err}"
        );
        let err = load_story(
            "story.json",
            &with(|v| {
                v.as_object_mut().unwrap().remove("date_published");
            }),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("missing field `date_published`"),
            "{err}"
        );
        assert!(load_story("story.json", "[").is_err());
        assert!(
            load_story("story.json", &format!("{GOOD} x")).is_err(),
            "trailing text"
        );
    }

    #[test]
    fn language_tags_need_a_region() {
        for good in ["en-US", "es-419", "es-MX", "pt-BR"] {
            assert!(is_language_with_region(good), "{good}");
        }
        for bad in ["en", "EN-us", "en-us", "en-USA", "e-US", "en_US", ""] {
            assert!(!is_language_with_region(bad), "{bad}");
        }
    }

    #[test]
    fn the_default_story_is_the_folder_stories_default_names() {
        let root = std::env::temp_dir().join(format!("story-default-{}", std::process::id()));
        std::fs::create_dir_all(root.join(STORIES_DIR)).unwrap();
        let err = default_story_dir(&root).unwrap_err();
        assert!(err.contains(STORY_ENV), "{err}");
        std::fs::write(root.join(STORIES_DIR).join(DEFAULT_STORY_FILE), "../etc\n").unwrap();
        assert!(default_story_dir(&root)
            .unwrap_err()
            .contains("one folder name"));
        std::fs::write(root.join(STORIES_DIR).join(DEFAULT_STORY_FILE), "a-story\n").unwrap();
        assert_eq!(
            default_story_dir(&root).unwrap(),
            root.join(STORIES_DIR).join("a-story")
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
