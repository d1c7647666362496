//! How much a reader has to read: our own words in the content, the words the
//! page shows before anything is opened (the default reading path), and the
//! leads. The editor's check reports these and holds them to the budgets below;
//! the benchmark measures the same on the rendered page.

use crate::cited::CitedText;
use crate::content::Content;

/// Most words a step's lead may have.
pub const LEAD_MAX_WORDS: usize = 60;
/// Most sentences the short answer may have.
pub const ANSWER_MAX_SENTENCES: usize = 5;
/// Most words of our own in the whole content (quotes aside).
pub const OWN_WORDS_MAX: usize = 4_000;
/// Most words on the default reading path (five minutes).
pub const READING_PATH_MAX: usize = 1_200;
/// An average adult's silent reading speed, in words a minute.
pub const WORDS_PER_MINUTE: usize = 238;

/// The words of a text, markers aside.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The words of a cited text, without its markers.
pub fn cited_words(text: &CitedText) -> usize {
    text.sentences().iter().map(|s| words(s.text)).sum()
}

/// Minutes to read `n` words at [`WORDS_PER_MINUTE`], rounded up.
pub fn minutes(n: usize) -> usize {
    n.div_ceil(WORDS_PER_MINUTE)
}

/// Every word of ours in the content: everything but the quotes, the verbatim
/// evidence lines, the articles' own headlines and the names of the outlets they
/// relay (the articles' words), and ids and tokens.
pub fn own_words(content: &Content) -> usize {
    let mut plain: Vec<&str> = vec![&content.title, &content.dek];
    plain.extend(content.kicker.as_deref());
    let mut cited: Vec<&CitedText> = vec![&content.answer.text];
    plain.extend(content.method.iter().map(String::as_str));
    for perspective in &content.perspectives {
        plain.push(&perspective.label);
        plain.extend(perspective.note_heading.as_deref());
        plain.extend(perspective.only_tag.as_deref());
    }
    for source in &content.sources {
        if let Some(p) = &source.publisher {
            plain.extend([p.name.as_str(), p.basis.as_str()]);
        }
        if let Some(d) = &source.date {
            plain.extend([d.label.as_str(), d.reason.as_str()]);
        }
        plain.extend(source.note.as_deref());
    }
    for place in &content.places {
        plain.extend([place.label.as_str(), place.detail.as_str()]);
        plain.extend(place.perspective_labels.values().map(String::as_str));
    }
    for flow in &content.flows {
        cited.extend([&flow.label, &flow.detail, &flow.attribution]);
    }
    for step in &content.steps {
        plain.push(&step.title);
        cited.extend(step.cited_texts().into_iter().map(|(_, text)| text));
    }
    for group in &content.timeline {
        plain.push(&group.title);
        plain.extend(group.note.as_deref());
        for event in &group.events {
            plain.push(&event.who);
            cited.push(&event.text);
            for dating in &event.when {
                plain.push(&dating.label);
                cited.extend(&dating.inferred);
            }
        }
    }
    for update in &content.updates {
        plain.push(&update.text);
    }
    let who: usize = content
        .citation_lists()
        .iter()
        .flat_map(|(_, list)| list.iter())
        .map(|c| words(&c.who))
        .sum();
    plain.iter().map(|t| words(t)).sum::<usize>()
        + cited.iter().map(|t| cited_words(t)).sum::<usize>()
        + who
}

/// The words of the default reading path: what the page shows before the reader
/// opens anything (the headline, the dek and the short answer above the
/// walk-through, then each step's title and lead), interface words aside.
pub fn reading_path_words(content: &Content) -> usize {
    words(&content.title)
        + words(&content.dek)
        + cited_words(&content.answer.text)
        + content
            .steps
            .iter()
            .map(|s| words(&s.title) + cited_words(&s.lead))
            .sum::<usize>()
}

/// Everything [`crate::check`] reports about length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lengths {
    /// Our own words in the whole content.
    pub own_words: usize,
    /// Words on the default reading path.
    pub reading_path: usize,
    /// Words of each step's lead, in step order.
    pub leads: Vec<usize>,
}

impl Lengths {
    /// Measures a content file.
    pub fn of(content: &Content) -> Lengths {
        Lengths {
            own_words: own_words(content),
            reading_path: reading_path_words(content),
            leads: content.steps.iter().map(|s| cited_words(&s.lead)).collect(),
        }
    }

    /// What is over budget, in words an editor can act on.
    pub fn over_budget(&self) -> Vec<String> {
        let mut over = Vec::new();
        if self.own_words > OWN_WORDS_MAX {
            over.push(format!(
                "our own words come to {}, more than {OWN_WORDS_MAX}: cut",
                self.own_words
            ));
        }
        if self.reading_path > READING_PATH_MAX {
            over.push(format!(
                "the default reading path (headline, dek, answer, each step's title and lead) is {} words, more than {READING_PATH_MAX} ({} minutes): shorten the leads",
                self.reading_path,
                minutes(self.reading_path)
            ));
        }
        over
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_leave_markers_out() {
        assert_eq!(words("  two   words "), 2);
        assert_eq!(
            cited_words(&CitedText::from("One two. [a] Three. [b, c]")),
            3
        );
        assert_eq!(minutes(0), 0);
        assert_eq!(minutes(238), 1);
        assert_eq!(minutes(239), 2);
    }

    #[test]
    fn over_budget_names_each_figure() {
        let fine = Lengths {
            own_words: OWN_WORDS_MAX,
            reading_path: READING_PATH_MAX,
            leads: vec![],
        };
        assert!(fine.over_budget().is_empty());
        let long = Lengths {
            own_words: OWN_WORDS_MAX + 1,
            reading_path: READING_PATH_MAX + 1,
            leads: vec![],
        };
        let over = long.over_budget();
        assert_eq!(over.len(), 2);
        assert!(over[0].contains("4001"), "{over:?}");
        assert!(over[1].contains("6 minutes"), "{over:?}");
    }
}
