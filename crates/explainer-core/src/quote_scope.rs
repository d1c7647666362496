//! The quotes one block of our own words may name (the answer, a step, a flow or
//! an event), numbered as a reader meets them, and what a sentence's markers
//! resolve to.

use crate::cited::CitedText;
use crate::content::{Citation, Side, Speaker};

/// A quote as a marker shows it: numbered within its block, with whose words it reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberedQuote<'a> {
    /// 1-based number of the quote within its block (answer, step, flow or event), in reading order.
    pub number: usize,
    /// The quote.
    pub citation: &'a Citation,
    /// Whose words the quote reports.
    pub speaker: Speaker,
    /// Who exactly.
    pub who: &'a str,
}

/// The quotes that the sentences of one block (the answer, a step, a flow or
/// an event) may name, numbered in the order the block lists them.
#[derive(Debug, Clone, Default)]
pub struct QuoteScope<'a> {
    quotes: Vec<NumberedQuote<'a>>,
}

impl<'a> QuoteScope<'a> {
    /// The scope of a block whose quotes are `citations`, numbered in that order.
    pub fn new(citations: &'a [Citation]) -> QuoteScope<'a> {
        QuoteScope::numbered(citations.iter())
    }

    /// The quotes in `order`, numbered from 1.
    fn numbered(order: impl Iterator<Item = &'a Citation>) -> QuoteScope<'a> {
        QuoteScope {
            quotes: order
                .enumerate()
                .map(|(i, citation)| NumberedQuote {
                    number: i + 1,
                    citation,
                    speaker: citation.speaker,
                    who: &citation.who,
                })
                .collect(),
        }
    }

    /// The scope of a block read as `texts`: its quotes numbered in the order
    /// the texts first name them, so the numbers a reader meets go up (quotes no
    /// text names, which validation reports, come last).
    pub fn in_reading_order(citations: &'a [Citation], texts: &[&CitedText]) -> QuoteScope<'a> {
        let mut order: Vec<&'a Citation> = Vec::new();
        for sentence in texts.iter().flat_map(|t| t.sentences()) {
            for id in sentence.refs {
                if let Some(c) = citations.iter().find(|c| c.id == id) {
                    if !order.iter().any(|o| o.id == c.id) {
                        order.push(c);
                    }
                }
            }
        }
        for c in citations {
            if !order.iter().any(|o| o.id == c.id) {
                order.push(c);
            }
        }
        QuoteScope::numbered(order.into_iter())
    }

    /// Every quote in order.
    pub fn quotes(&self) -> &[NumberedQuote<'a>] {
        &self.quotes
    }

    /// The quote an id names; `None` when the id is not in this scope.
    pub fn resolve(&self, id: &str) -> Option<&NumberedQuote<'a>> {
        self.quotes.iter().find(|q| q.citation.id == id)
    }

    /// The quotes a sentence names, in marker order, without repeats.
    pub fn resolve_all(&self, refs: &[&str]) -> Vec<NumberedQuote<'a>> {
        let mut found: Vec<NumberedQuote<'a>> = Vec::new();
        for quote in refs.iter().filter_map(|id| self.resolve(id)) {
            if !found.iter().any(|q| q.number == quote.number) {
                found.push(*quote);
            }
        }
        found
    }

    /// The side of a dispute a point stands on: the side of every quote it names,
    /// or `None` when it names quotes of both (or none). Validation keeps every
    /// point of a dispute on one side; the page puts it in that side's column.
    pub fn side_of(&self, text: &CitedText) -> Option<Side> {
        let mut sides = text
            .sentences()
            .into_iter()
            .flat_map(|s| self.resolve_all(&s.refs))
            .map(|q| q.speaker.side());
        let first = sides.next()?;
        sides.all(|s| s == first).then_some(first)
    }
}
