//! Runs after every Trunk build (a `post_build` hook in `Trunk.toml`) on the
//! staging folder, or on the folder given as its argument (`scripts/render.sh`
//! runs it on `dist/` after an edit of the content, without rebuilding the wasm):
//! 1. reads the story folder (`$EXPLAINER_STORY`, else the one `stories/default`
//!    names), validates its `story.json` and `content.json` (every problem, with
//!    its path, fails the build) and pre-renders it into `index.html`, with a CSP
//!    and the publication's metadata (`src/publication.rs`), whose card and
//!    publisher logo it draws beside the page;
//!    Trunk's own `index.html` is kept as `target/postbuild/index.html`, the
//!    template for later re-renders;
//! 2. writes the single-file edition;
//! 3. writes the service worker that precaches this build;
//! 4. writes `.gz` and `.br` copies of every text asset and the wasm;
//! 5. writes `_headers` with the CSP as an HTTP header, for static hosts, and
//!    the same headers as `nginx-headers.conf`, which `deploy/nginx.conf` includes;
//! 6. writes the oEmbed response `oembed.json` for the public address in
//!    `EXPLAINER_PUBLIC_URL` (and links it from the page's head);
//! 7. writes `version.json`, the content version the live app compares with its own;
//! 8. writes each step's share page and card, `step/<id>/index.html` and
//!    `step/<id>/card.png` (not precached by the service worker: they are for
//!    crawlers and for readers arriving from a shared link);
//! 9. does 1–8 again for each edition in another language that the story lists,
//!    in its own folder (`es/`), after checking it against the original
//!    (`explainer_core::edition`): the pages link each other (`hreflang`);
//! 10. writes the page contract, `contract.json` (every id, class and attribute
//!     the live app and the tests find, from `explainer_core::page`), once at
//!     the root (the same for every edition), for the browser tests, with its
//!     compressed copies like every other text file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use explainer_app::card::{Card, CardMaker};
use explainer_app::components::edition_switch::EditionLink;
use explainer_app::prerender::{
    content_security_policy_of, content_version, defer_app_start, finish_head, insert_body,
    insert_head, render_explainer, render_status, service_worker, short_hash, single_file,
    version_json, EditionPage, SingleFileParts,
};
use explainer_app::publication::{metadata, with_language, Publication};
use explainer_app::share_pages::{absolute_share_links, step_page, StepPage, StepSite};
use explainer_app::words::Words;
use explainer_core::edition::load_edition;
use explainer_core::oembed::{
    discovery_link, oembed_json, provider_name, PublicUrl, OEMBED_FILE, PROVIDER_NAME_ENV,
    PUBLIC_URL_ENV,
};
use explainer_core::page::{contract_json, CONTRACT_FILE, VERSION_FILE, VERSION_META};
use explainer_core::share::{step_page_path, CARD_FILE, STEP_PAGES_DIR};
use explainer_core::story::{story_dir, Story, StoryFiles, LOGO_FILE};
use explainer_core::Content;

/// The headers of `_headers`' `/*` block as nginx `add_header` lines.
const NGINX_HEADERS_FILE: &str = "nginx-headers.conf";
/// Names another content file to render instead of the story's own, with the
/// story's identity (the tests use it for broken and edited content).
const CONTENT_FILE_ENV: &str = "EXPLAINER_CONTENT_FILE";
/// Where Trunk's `index.html` is kept for re-rendering without Trunk, unless
/// `TEMPLATE_FILE_ENV` names another place (the tests use it).
const TEMPLATE_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/postbuild/index.html");
const TEMPLATE_FILE_ENV: &str = "EXPLAINER_TEMPLATE_FILE";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("postbuild: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    // Checked first: a malformed address fails the build before anything is written.
    let public_url = env_var(PUBLIC_URL_ENV)?;
    let (public_url, is_default) = PublicUrl::from_env(public_url.as_deref())?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let story_files = StoryFiles::read(&story_dir(root)?)?;
    let story = &story_files.story;
    let provider = provider_name(
        env_var(PROVIDER_NAME_ENV)?.as_deref(),
        &story.publisher.name,
    )?;
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dist"));
    let read = |name: &str| {
        fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };

    let (content_file, content_text) = match env_var(CONTENT_FILE_ENV)? {
        Some(file) => {
            let text = fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
            (file, text)
        }
        None => (
            story_files.content_file.display().to_string(),
            story_files.content_text.clone(),
        ),
    };
    // Trunk's page, before this build writes over it.
    let trunk_page = template(&read("index.html")?)?;

    // The original, then every edition in another language, each checked against it.
    let mut builds = vec![EditionBuild {
        folder: None,
        story: story.clone(),
        content: load(&content_file, &content_text)?,
        version: content_version(&content_text),
        words: Arc::new(Words::load(root, &story.language, &story.subject)?),
        public_url: public_url.clone(),
    }];
    for edition in &story.editions {
        let file = story_files.path(&edition.content_file());
        let name = file.display().to_string();
        let text = fs::read_to_string(&file).map_err(|e| format!("{name}: {e}"))?;
        let content = load_edition(&name, &content_text, &text).map_err(|error| {
            let list: Vec<String> = error.problems.iter().map(|p| format!("  {p}")).collect();
            format!(
                "{name} is not an edition of {content_file}: {} problem(s)\n{}",
                error.problems.len(),
                list.join("\n")
            )
        })?;
        builds.push(EditionBuild {
            folder: Some(edition.folder.clone()),
            story: story.for_edition(edition),
            content: Arc::new(content),
            version: content_version(&text),
            words: Arc::new(Words::load(root, &edition.language, &story.subject)?),
            public_url: PublicUrl::parse(&format!("{}{}/", public_url.as_str(), edition.folder))?,
        });
    }
    let alternates: Vec<(String, String)> = builds
        .iter()
        .map(|b| (b.story.language.clone(), b.public_url.as_str().to_owned()))
        .collect();

    let mut pages = Vec::new();
    for build in &builds {
        let out = match &build.folder {
            None => dir.clone(),
            Some(folder) => copy_assets(&dir, &dir.join(folder))?,
        };
        let links: Vec<EditionLink> = builds
            .iter()
            .filter(|other| other.folder != build.folder)
            .map(|other| EditionLink {
                href: format!(
                    "{}{}",
                    if build.folder.is_some() { "../" } else { "" },
                    other
                        .folder
                        .as_deref()
                        .map_or(String::new(), |f| format!("{f}/"))
                ),
                language: other.story.language.clone(),
                text: other.words.edition.link.clone(),
            })
            .collect();
        pages.extend(build_edition(&Site {
            dir: &out,
            build,
            trunk_page: &trunk_page,
            links: &links,
            alternates: &alternates,
            provider: &provider,
            story_files: &story_files,
            quotes_language: build.folder.as_ref().map(|_| story.language.as_str()),
        })?);
    }

    // The same policy as an HTTP header, for hosts that read a _headers file
    // (and to copy into any other server's configuration); it covers every
    // edition's pages and step pages, whose scripts and styles are the same.
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    let policy = content_security_policy_of(&pages)?;
    let site_headers = [
        ("Content-Security-Policy", policy.as_str()),
        ("X-Content-Type-Options", "nosniff"),
    ];
    // The oEmbed responses may be read by scripts on other sites (browser-side consumers).
    let oembed_headers: String = builds
        .iter()
        .map(|b| {
            format!(
                "{}{OEMBED_FILE}\n  Access-Control-Allow-Origin: *\n",
                b.public_url.path()
            )
        })
        .collect();
    let headers = format!(
        "/*\n{}{oembed_headers}",
        site_headers
            .iter()
            .map(|(name, value)| format!("  {name}: {value}\n"))
            .collect::<String>(),
    );
    write(&dir.join("_headers"), headers.as_bytes())?;
    // The same headers for nginx: deploy/nginx.conf includes this file, so the
    // server sends this build's policy without anyone copying it by hand.
    write(
        &dir.join(NGINX_HEADERS_FILE),
        nginx_headers(&site_headers)?.as_bytes(),
    )?;
    write(&dir.join(CONTRACT_FILE), contract_json().as_bytes())?;
    for file in ["_headers", NGINX_HEADERS_FILE, CONTRACT_FILE] {
        compress(&dir.join(file))?;
    }
    if is_default {
        println!(
            "postbuild: {PUBLIC_URL_ENV} is not set, so {OEMBED_FILE} and its link point to \
             {} (the local preview); set it to the deployed address for a deployment",
            public_url.as_str()
        );
    }
    Ok(())
}

/// One edition of the story, read and checked, ready to render.
struct EditionBuild {
    /// Its folder beside the original's page; `None` for the original.
    folder: Option<String>,
    /// The story as this edition builds it (`Story::for_edition`).
    story: Story,
    content: Arc<Content>,
    /// Its content version (a hash of its file).
    version: String,
    words: Arc<Words>,
    /// Its public address (the original's, or `<original>/<folder>/`).
    public_url: PublicUrl,
}

/// Where and with what an edition is written.
struct Site<'a> {
    /// The edition's folder in the build.
    dir: &'a Path,
    build: &'a EditionBuild,
    /// Trunk's page, the template of every edition's page.
    trunk_page: &'a str,
    /// Links to the other editions, from this one's page.
    links: &'a [EditionLink],
    /// Every edition's language and address, for the `hreflang` links.
    alternates: &'a [(String, String)],
    provider: &'a str,
    story_files: &'a StoryFiles,
    /// The quotes' language, when it is not the edition's.
    quotes_language: Option<&'a str>,
}

fn load(name: &str, text: &str) -> Result<Arc<Content>, String> {
    explainer_core::load_content(name, text)
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

/// Copies Trunk's files (stylesheet, script, wasm, icon) into an edition's
/// folder, so its page finds them beside it as the original's does; returns the folder.
fn copy_assets(dir: &Path, folder: &Path) -> Result<PathBuf, String> {
    if folder.exists() {
        fs::remove_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for suffix in [".css", ".js", "_bg.wasm", ".svg"] {
        let name = find_asset(dir, suffix)?;
        fs::copy(dir.join(&name), folder.join(&name))
            .map_err(|e| format!("{}: {e}", folder.join(&name).display()))?;
    }
    Ok(folder.to_owned())
}

/// Writes one edition into its folder: the page, its card and logo, the single
/// file, the step pages, the oEmbed response, the version file, the service
/// worker and the compressed copies. Returns the pages it wrote (for the CSP).
fn build_edition(site: &Site) -> Result<Vec<String>, String> {
    let (dir, build) = (site.dir, site.build);
    let (story, content, words, public_url) = (
        &build.story,
        &build.content,
        &build.words,
        &build.public_url,
    );
    let read = |name: &str| {
        fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let page = with_language(site.trunk_page, &story.language)?;
    let single_file_name = story.single_file();
    let body = render_explainer(
        content,
        &EditionPage {
            story,
            words,
            links: site.links,
            quotes_language: site.quotes_language,
        },
    )?;
    let page = defer_app_start(&insert_body(&page, &body, &render_status(content, words)?)?)?;
    // The explainer's own card and the publisher's logo, beside the page.
    let cards = CardMaker::new(content, words)?;
    let logo_file = site.story_files.path(&story.publisher.logo);
    let (logo, logo_width) = fs::read_to_string(&logo_file)
        .map_err(|e| e.to_string())
        .and_then(|svg| cards.logo_png(&svg))
        .map_err(|e| format!("the publisher's logo {}: {e}", logo_file.display()))?;
    write(&dir.join(LOGO_FILE), &logo)?;
    let front = Card::Front {
        publisher: &story.publisher.name,
    };
    write(&dir.join(CARD_FILE), &cards.png(content, front)?)?;
    // The single-file edition drops the discovery link with the other links in
    // the head (a file read from disk is no oEmbed provider).
    let meta = format!(
        "{}\n    {}",
        metadata(&Publication {
            content,
            story,
            public_url,
            site_name: site.provider,
            version: &build.version,
            logo_width,
            words,
            editions: site.alternates,
        })?,
        discovery_link(public_url, &content.title)
    );

    let find = |ext: &str| find_asset(dir, ext);
    let icon_name = find(".svg")?;
    // Read from disk, the single file's share links lead to the public step pages.
    let parts_page = absolute_share_links(&insert_head(&page, &meta)?, public_url)?;
    let css = read(&find(".css")?)?;
    let glue = read(&find(".js")?)?;
    let wasm_name = find("_bg.wasm")?;
    let wasm = fs::read(dir.join(&wasm_name)).map_err(|e| e.to_string())?;
    let icon = read(&icon_name)?;
    let offline = single_file(&SingleFileParts {
        page: &parts_page,
        css: &css,
        glue: &glue,
        wasm: &wasm,
        icon: &icon,
    })?;
    write(&dir.join(&single_file_name), offline.as_bytes())?;

    let page = finish_head(&page, &meta)?;
    write(&dir.join("index.html"), page.as_bytes())?;
    let mut pages = write_step_pages(
        dir,
        content,
        &cards,
        &StepSite {
            public_url,
            site_name: site.provider,
            language: &story.language,
            icon: &icon_name,
            words,
        },
    )?;
    pages.push(page);
    write(
        &dir.join(OEMBED_FILE),
        oembed_json(public_url, &content.title, site.provider).as_bytes(),
    )?;
    write(
        &dir.join(VERSION_FILE),
        version_json(&build.version).as_bytes(),
    )?;

    let mut files = asset_names(dir)?;
    // Not precached: the worker itself, the large offline edition (a download, not
    // part of the page), _headers and nginx-headers.conf, which servers read, the
    // oEmbed response, the card and the logo, which are for other sites' servers
    // and crawlers, and the version file, which must always come from the network.
    files.retain(|f| {
        ![
            "sw.js",
            single_file_name.as_str(),
            "_headers",
            NGINX_HEADERS_FILE,
            OEMBED_FILE,
            CARD_FILE,
            LOGO_FILE,
            VERSION_FILE,
        ]
        .contains(&f.as_str())
    });
    let mut all_bytes = Vec::new();
    for file in &files {
        all_bytes.extend(fs::read(dir.join(file)).map_err(|e| e.to_string())?);
    }
    let mut precache = vec!["./".to_owned()];
    precache.extend(files.iter().cloned());
    write(
        &dir.join("sw.js"),
        service_worker(&precache, &story.cache_prefix(), &short_hash(&all_bytes)).as_bytes(),
    )?;

    for file in asset_names(dir)? {
        compress(&dir.join(&file))?;
    }
    println!(
        "postbuild: pre-rendered {} steps into {}",
        content.steps.len(),
        dir.display()
    );
    Ok(pages)
}

/// Writes every step's share page and card (after removing those of an earlier
/// build, whose steps may have gone), with compressed copies of the pages;
/// returns the pages.
fn write_step_pages(
    dir: &Path,
    content: &Arc<explainer_core::Content>,
    cards: &CardMaker,
    site: &StepSite,
) -> Result<Vec<String>, String> {
    let root = dir.join(STEP_PAGES_DIR);
    if root.exists() {
        fs::remove_dir_all(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    }
    let mut pages = Vec::new();
    for (index, step) in content.steps.iter().enumerate() {
        let folder = dir.join(step_page_path(&step.id));
        fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        let page = step_page(&StepPage {
            content,
            index,
            site,
        })?;
        let file = folder.join("index.html");
        write(&file, page.as_bytes())?;
        compress(&file)?;
        write(
            &folder.join(CARD_FILE),
            &cards.png(content, Card::Step(index))?,
        )?;
        pages.push(page);
    }
    Ok(pages)
}

/// The page to render into: Trunk's fresh `index.html` (kept as the template
/// for later re-renders), or, when `page` was rendered already (it carries the
/// content version), the kept template. Any other page is Trunk's, however it
/// is written: a page Trunk minified (`--minify`) then fails for want of the
/// head's marker instead of being taken for a rendered one.
fn template(page: &str) -> Result<String, String> {
    let file = PathBuf::from(env_var(TEMPLATE_FILE_ENV)?.unwrap_or_else(|| TEMPLATE_FILE.into()));
    if !page.contains(&format!(r#"<meta name="{VERSION_META}""#)) {
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        write(&file, page.as_bytes())?;
        return Ok(page.to_owned());
    }
    fs::read_to_string(&file).map_err(|e| {
        format!(
            "the page is rendered already and Trunk's template {} is missing ({e}): run `trunk build --release` once",
            file.display()
        )
    })
}

/// An environment variable's value; unset is `None`, a value that is not UTF-8 an error.
fn env_var(name: &str) -> Result<Option<String>, String> {
    match std::env::var(name) {
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{name} is not valid UTF-8")),
    }
}

/// The build's files (not compressed copies), sorted.
fn asset_names(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".gz") && !n.ends_with(".br"))
        .collect();
    names.sort();
    Ok(names)
}

/// `add_header` lines for nginx, one per header, sent with every answer
/// (`always`: error pages too). A value nginx would read differently than
/// written (a quote, a backslash, a `$` variable) fails the build.
fn nginx_headers(headers: &[(&str, &str)]) -> Result<String, String> {
    let mut out = String::from(
        "# Written by the build (src/bin/postbuild.rs) with _headers: this build's headers.\n\
         # Included by deploy/nginx.conf; reload nginx after deploying a new build.\n",
    );
    for (name, value) in headers {
        if value.contains(['"', '\\', '$', '\n']) {
            return Err(format!("{name} cannot be written for nginx: {value}"));
        }
        out.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    Ok(out)
}

/// The one file whose name ends with `suffix` (Trunk hashes the names).
fn find_asset(dir: &Path, suffix: &str) -> Result<String, String> {
    let names: Vec<String> = asset_names(dir)?
        .into_iter()
        .filter(|n| {
            n.ends_with(suffix) && n != "sw.js" && !(suffix == ".js" && n.ends_with("_bg.js"))
        })
        .collect();
    match names.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "expected one *{suffix} file in {}, found {names:?}",
            dir.display()
        )),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `.gz` and `.br` beside a text asset or the wasm, for static hosts that serve them.
fn compress(path: &Path) -> Result<(), String> {
    let compressible = ["html", "js", "css", "json", "svg", "wasm"];
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if !compressible.contains(&ext) {
        return Ok(());
    }
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    write(&PathBuf::from(format!("{}.gz", path.display())), &gz)?;
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        writer.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    write(&PathBuf::from(format!("{}.br", path.display())), &br)
}
