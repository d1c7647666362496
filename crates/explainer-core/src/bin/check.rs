//! The editor's check, run after every edit of the content:
//!
//! ```text
//! cargo run -q -p explainer-core --bin check -- public/content.json
//! ```
//!
//! Lists every problem at once (structure, ids, uncited sentences, quotes not
//! verbatim in their article with how far they matched), prints a one-line
//! summary, and exits with 1 if anything is wrong (2 if it cannot run).

use std::path::PathBuf;
use std::process::ExitCode;

use explainer_core::check::{check, read_articles, sources_dir};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut file = PathBuf::from("public/content.json");
    let mut dir = sources_dir();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sources" => match args.next() {
                Some(d) => dir = PathBuf::from(d),
                None => return usage("--sources needs a folder"),
            },
            "-h" | "--help" => return usage(""),
            _ => file = PathBuf::from(arg),
        }
    }
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("check: cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let articles = match read_articles(&dir) {
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
    match (&report.summary, report.problems.len()) {
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
    eprintln!("usage: check [CONTENT_JSON] [--sources DIR]   (default public/content.json; articles from $EXPLAINER_SOURCES_DIR or ../shared/sources)");
    ExitCode::from(2)
}
