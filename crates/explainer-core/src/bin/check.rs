//! The editor's check, run after every edit of the content:
//!
//! ```text
//! cargo run -q -p explainer-core --bin check -- [STORY_FOLDER | CONTENT_JSON]
//! ```
//!
//! Without an argument it checks the story the build renders (`$EXPLAINER_STORY`,
//! else the folder `stories/default` names). Given a story folder, it checks its
//! `story.json` and its `content.json` (against its own articles if
//! `story.json` names a `sources` folder); given a file, that content file alone.
//! Lists every problem at once (structure, ids, uncited sentences, quotes not
//! verbatim in their article with how far they matched), prints a one-line
//! summary, and exits with 1 if anything is wrong (2 if it cannot run).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use explainer_core::check::{check, read_articles, sources_dir};
use explainer_core::edition::load_edition;
use explainer_core::story::{date_modified, story_dir, StoryFiles};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut target = None;
    let mut dir = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sources" => match args.next() {
                Some(d) => dir = Some(PathBuf::from(d)),
                None => return usage("--sources needs a folder"),
            },
            "-h" | "--help" => return usage(""),
            _ => target = Some(PathBuf::from(arg)),
        }
    }
    let target = match target.map_or_else(|| story_dir(Path::new(".")), Ok) {
        Ok(target) => target,
        Err(e) => {
            eprintln!("check: {e}");
            return ExitCode::from(2);
        }
    };
    let mut editions = Vec::new();
    let (file, text, story) = if target.is_dir() {
        match StoryFiles::read(&target) {
            Ok(files) => {
                // The story's own articles, unless --sources names others.
                dir = dir.or_else(|| Some(files.sources_dir()));
                editions = files
                    .story
                    .editions
                    .iter()
                    .map(|e| files.path(&e.content_file()))
                    .collect();
                (files.content_file, files.content_text, Some(files.story))
            }
            Err(e) => {
                eprintln!("check: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        match std::fs::read_to_string(&target) {
            Ok(text) => (target, text, None),
            Err(e) => {
                eprintln!("check: cannot read {}: {e}", target.display());
                return ExitCode::from(2);
            }
        }
    };
    let articles = match read_articles(&dir.unwrap_or_else(sources_dir)) {
        Ok(articles) => articles,
        Err(e) => {
            eprintln!("check: {e}");
            return ExitCode::from(2);
        }
    };
    let name = file.display().to_string();
    let report = check(&name, &text, &articles);
    for problem in &report.problems {
        println!("{name}: {problem}");
    }
    // The story's dates against the content's updates.
    let mut problems = report.problems.len();
    if let (Some(story), Ok(content)) = (&story, explainer_core::load_content(&name, &text)) {
        if let Err(e) = date_modified(story, &content) {
            println!("{e}");
            problems += 1;
        }
    }
    // Each edition in another language, against this content.
    for path in &editions {
        let edition = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(translated) => match load_edition(&edition, &text, &translated) {
                Ok(_) => println!("{edition}: OK: an edition of {name}, sentence for sentence"),
                Err(error) => {
                    for problem in &error.problems {
                        println!("{edition}: {problem}");
                    }
                    problems += error.problems.len();
                }
            },
            Err(e) => {
                println!("{edition}: cannot read it: {e}");
                problems += 1;
            }
        }
    }
    match (&report.summary, problems) {
        (Some(summary), 0) => {
            println!("{name}: OK: {summary}");
            ExitCode::SUCCESS
        }
        (Some(summary), n) => {
            println!("{name}: {n} problem(s); {summary}");
            ExitCode::FAILURE
        }
        (None, n) => {
            println!("{name}: {n} problem(s)");
            ExitCode::FAILURE
        }
    }
}

fn usage(error: &str) -> ExitCode {
    if !error.is_empty() {
        eprintln!("check: {error}");
    }
    eprintln!("usage: check [STORY_FOLDER | CONTENT_JSON] [--sources DIR]   (default: $EXPLAINER_STORY, else the folder stories/default names; articles from the story's own sources folder if story.json names one, else $EXPLAINER_SOURCES_DIR or ../shared/sources)");
    ExitCode::from(2)
}
