//! Pure logic of the cited data-flow explainer, shared by the web app and the
//! host tests: nothing here touches the browser, so all of it runs under plain
//! `cargo test`.
//!
//! - [`cited`]: our own words, each sentence naming the quotes it rests on.
//! - [`quote_scope`]: the quotes a block's sentences may name, numbered as a reader meets them.
//! - [`ids`]: the safe alphabet of the ids content gives its parts.
//! - [`problem`]: what is wrong with a content file, with field paths.
//! - [`story`]: a story's folder and its identity (`story.json`): publisher, authors, dates.
//! - [`content`]: the serde model of a story's `content.json`, parsed into [`Content`].
//! - [`validate`]: every cross-reference and rule the content must satisfy,
//!   reported all at once with field paths.
//! - [`diagram`]: where the diagram's boxes, arrows and labels go.
//! - [`embed`]: the height, resize and scroll messages exchanged with a host page.
//! - [`gesture`]: which touch movements are swipes between steps.
//! - [`structure`]: every structural problem of a file serde rejects, with paths.
//! - [`quotes`]: checking that a citation's quote appears verbatim in its article.
//! - [`reading`]: how much a reader has to read: our own words, the default reading path, leads.
//! - [`theme`]: the colour theme a host page may choose.
//! - [`page`]: the ids, attributes and file names the pre-rendered page and the live app share.
//! - [`oembed`]: the oEmbed response and discovery link, and the public address they need.
//! - [`share`]: each step's share page and card, and the host page's step parameter.
//! - [`view_state`]: which step and perspective a URL asks for, and the URL for a view.

// Everything here handles data from outside the program: no panicking shortcuts.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod check;
pub mod cited;
pub mod content;
pub mod diagram;
pub mod edition;
pub mod embed;
pub mod gesture;
pub mod ids;
pub mod oembed;
pub mod page;
pub mod problem;
pub mod quote_scope;
pub mod quotes;
pub mod reading;
pub mod share;
pub mod story;
pub mod structure;
pub mod theme;
pub mod validate;
pub mod view_state;

pub use cited::{CitedText, Sentence};
pub use content::{
    Answer, Attribution, Citation, Content, DateNote, Dating, Event, Flow, FlowStatus, Group,
    Perspective, PerspectiveEntry, Place, Precision, Side, Source, Speaker, Step, Update,
    UpdateKind,
};
pub use problem::{ContentError, Problem};
pub use quote_scope::{NumberedQuote, QuoteScope};
pub use validate::load_content;
pub use view_state::{Panel, RequestedView, ViewState};
