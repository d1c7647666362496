//! The diagram as a table: every flow with what moves, how firmly it is
//! established, its evidence and the step that explains it. This is the
//! diagram's text equivalent for screen readers and for print.

use std::sync::Arc;

use explainer_core::{Content, QuoteScope};
use leptos::prelude::*;

use super::cited_text::cited_view;
use super::step_link::StepLink;
use super::INITIAL;
use crate::words::{quotes_language, words};
use explainer_core::page::{
    fill, index_list, CITATION_NUMBER_CLASS, CITATION_SPEAKER_CLASS, CURRENT_CLASS, FLOWS_CLASS,
    FLOW_EVIDENCE_CLASS, FLOW_TABLE_CLASS, QUOTE_TRANSLATION_CLASS,
};

/// All flows, in both perspectives; the current step's rows are marked.
#[component]
pub fn FlowTable(content: Arc<Content>) -> impl IntoView {
    let words = words();
    let language = quotes_language();
    let rows = content
        .flows
        .iter()
        .map(|flow| {
            let step_index = content.step_index(&flow.step).unwrap_or(0);
            let step_title = content.step_title(step_index).to_owned();
            let lit = content.steps_highlighting_flow(&flow.id);
            // A flow drawn for some perspectives only says for which.
            let some = content.drawn_for_some_only(flow);
            let only: Vec<String> = content
                .perspectives
                .iter()
                .filter(|p| some && flow.applies_to(&p.id))
                .filter_map(|p| p.only_tag.clone())
                .collect();
            let scope = QuoteScope::new(&flow.citations);
            let evidence = scope
                .quotes()
                .iter()
                .map(|quote| {
                    let c = quote.citation;
                    let anchor = format!("#source-{}", c.source);
                    let title = content.source(&c.source).map(|s| s.title.clone()).unwrap_or_default();
                    let translation = c.translation.as_ref().map(|t| {
                        let text = format!("({t}; {})", words.quote.ours);
                        view! { " " <span class=QUOTE_TRANSLATION_CLASS>{text}</span> }
                    });
                    view! {
                        <p class=FLOW_EVIDENCE_CLASS id=c.anchor() tabindex="-1">
                            <span class=CITATION_NUMBER_CLASS aria-hidden="true">{quote.number}</span>
                            <span class="visually-hidden">{fill(&words.quote.number, &[("n", &quote.number.to_string())])}</span>
                            <span class=CITATION_SPEAKER_CLASS>{format!("{}: {}", words.speaker(quote.speaker), quote.who)}</span>
                            " "
                            <q cite=anchor.clone() lang=language.clone()>{c.quote.clone()}</q>
                            {translation}
                            " — "
                            <a href=anchor><cite>{title}</cite></a>
                        </p>
                    }
                })
                .collect_view();
            let link = words.step_link(step_index, &step_title);
            view! {
                <tr class=(CURRENT_CLASS, lit.contains(&INITIAL.step)) data-lit=index_list(&lit) data-flow=flow.id.clone()>
                    <th scope="row">
                        {cited_view(&flow.label, &scope, "")}
                        {only.into_iter().map(|tag| view! { <span class="tag">{tag}</span> }).collect_view()}
                    </th>
                    <td data-label=words.flows.from.clone()>{content.place_label(&flow.from).to_owned()}</td>
                    <td data-label=words.flows.to.clone()>{content.place_label(&flow.to).to_owned()}</td>
                    <td data-label=words.flows.status.clone()>
                        <span class=format!("flow-status flow-status--{}", flow.status.as_str())>{words.status(flow.status).to_owned()}</span>
                        <span class="flow-attribution">{cited_view(&flow.attribution, &scope, "")}</span>
                    </td>
                    <td data-label=words.flows.sources.clone()>
                        <p>{cited_view(&flow.detail, &scope, "")}</p>
                        {evidence}
                    </td>
                    <td data-label=words.flows.explained_in.clone()>
                        <StepLink index=step_index id=flow.step.clone()>
                            {link}
                        </StepLink>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class=FLOWS_CLASS aria-labelledby="flows-heading">
            <h2 id="flows-heading">{words.flows.heading.clone()}</h2>
            <table class=FLOW_TABLE_CLASS>
                <caption>{words.flows.caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{words.flows.what.clone()}</th>
                        <th scope="col">{words.flows.from.clone()}</th>
                        <th scope="col">{words.flows.to.clone()}</th>
                        <th scope="col">{words.flows.status.clone()}</th>
                        <th scope="col">{words.flows.sources.clone()}</th>
                        <th scope="col">{words.flows.explained_in.clone()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
