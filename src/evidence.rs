//! The evidence layers of the live app: a block's button (a step's, or the short
//! answer's) opens and closes its evidence; following a marker opens the layer
//! its quote is in. Only two attributes change: the block's
//! `explainer_core::page::OPEN_ATTRIBUTE` and the button's `aria-expanded`; the
//! stylesheet does the rest, and the page as rendered has every layer open.

use explainer_core::embed::HostEvent;
use explainer_core::page::{EVIDENCE_TOGGLE_CLASS, LAYERED_CLASS, OPEN_ATTRIBUTE, STEP_ATTRIBUTE};
use web_sys::Element;

use crate::embed::EmbedState;

/// Opens or closes the block of a pressed evidence button; tells the host page
/// (if any) which block's evidence was opened: the step's id, or the answer's.
pub fn toggle(button: &Element, embed: &EmbedState) {
    let Some(block) = block_of(button) else {
        return;
    };
    let open = !block.has_attribute(OPEN_ATTRIBUTE);
    set_open(&block, open);
    if open {
        let id = block
            .get_attribute(STEP_ATTRIBUTE)
            .unwrap_or_else(|| block.id());
        embed.send(&HostEvent::Evidence { block: &id });
    }
}

/// Opens the block that holds `element` (a quote a marker leads to), if it is folded.
pub fn open_around(element: &Element) {
    if let Some(block) = block_of(element) {
        if !block.has_attribute(OPEN_ATTRIBUTE) {
            set_open(&block, true);
        }
    }
}

fn block_of(element: &Element) -> Option<Element> {
    element.closest(&format!(".{LAYERED_CLASS}")).ok().flatten()
}

fn set_open(block: &Element, open: bool) {
    let _ = block.toggle_attribute_with_force(OPEN_ATTRIBUTE, open);
    if let Ok(Some(button)) = block.query_selector(&format!(".{EVIDENCE_TOGGLE_CLASS}")) {
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
}
