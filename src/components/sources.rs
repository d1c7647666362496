//! The articles, with only what their own text says of publisher and date,
//! and links back to every step that cites each.

use std::sync::Arc;

use explainer_core::page::{
    fill, SOURCES_CLASS, SOURCE_CITED_CLASS, SOURCE_CLASS, SOURCE_TITLE_CLASS,
};
use explainer_core::{Content, Source};
use leptos::prelude::*;

use super::step_link::StepLink;
use crate::words::words;

/// The sources section; each entry's id is `source-<id>`, the target of every citation.
#[component]
pub fn Sources(content: Arc<Content>) -> impl IntoView {
    let entries = content
        .sources
        .iter()
        .map(|source| source_entry(source, &content))
        .collect_view();
    let words = words();
    let count = words.number(content.sources.len());
    view! {
        <section class=SOURCES_CLASS aria-labelledby="sources-heading">
            <h2 id="sources-heading">{words.sources.heading.clone()}</h2>
            <p class="sources-intro">{fill(&words.sources.intro, &[("count", &count)])}</p>
            <ol class="source-list">{entries}</ol>
        </section>
    }
}

fn source_entry(source: &Source, content: &Content) -> impl IntoView {
    let words = words();
    let text = &words.sources;
    let publisher = match &source.publisher {
        Some(p) => view! {
            <dd>{p.name.clone()}<span class="source-basis">{format!(" — {}", p.basis)}</span></dd>
        }
        .into_any(),
        None => view! { <dd>{text.no_publisher.clone()}</dd> }.into_any(),
    };
    let date = match &source.date {
        Some(d) => view! {
            <dd>{d.label.clone()}<span class="source-basis">{format!(" — {}", d.reason)}</span></dd>
        }
        .into_any(),
        None => view! { <dd>{text.no_date.clone()}</dd> }.into_any(),
    };
    let relays = (!source.relays.is_empty()).then(|| {
        view! {
            <dt>{text.relays.clone()}</dt>
            <dd>{source.relays.join(", ")}</dd>
        }
    });
    let cited_in = content
        .steps_citing(&source.id)
        .into_iter()
        .map(|step| {
            let index = content.step_index(&step.id).unwrap_or(0);
            let text = words.step_link(index, &step.title);
            view! {
                <li>
                    <StepLink index=index id=step.id.clone()>
                        {text}
                    </StepLink>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class=SOURCE_CLASS id=source.anchor() data-file=source.file_name()>
            <p class=SOURCE_TITLE_CLASS><cite>{source.title.clone()}</cite></p>
            <dl class="source-facts">
                <dt>{text.publisher.clone()}</dt>
                {publisher}
                <dt>{text.date.clone()}</dt>
                {date}
                {relays}
                <dt>{text.file.clone()}</dt>
                <dd><code>{source.file_name()}</code></dd>
            </dl>
            {source.note.clone().map(|note| view! { <p class="source-note">{note}</p> })}
            <p class="source-cited-label">{text.cited_in.clone()}</p>
            <ul class=SOURCE_CITED_CLASS>{cited_in}</ul>
        </li>
    }
}
