//! The links to the story's editions in other languages, each in its own
//! language, above the headline.

use leptos::prelude::*;

/// A link to another edition of the story.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionLink {
    /// Its address, relative to this page (`es/`, `../`).
    pub href: String,
    /// Its language tag (`es-US`): the link's `hreflang` and `lang`.
    pub language: String,
    /// The link's words, in that edition's language ("Leer este explicativo en español").
    pub text: String,
}

/// One link per other edition; nothing when there is none. The live app keeps
/// each link at the step being read (`data-edition`).
#[component]
pub fn EditionSwitch(
    /// The other editions.
    links: Vec<EditionLink>,
) -> impl IntoView {
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|link| {
                view! {
                    <a href=link.href hreflang=link.language.clone() lang=link.language data-edition="">
                        {link.text}
                    </a>
                }
            })
            .collect_view();
        view! { <p class="editions">{items}</p> }
    })
}
