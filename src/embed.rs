//! Living inside a news site's iframe: marks the document, reports the page
//! height to the host in the Pym.js and AMP formats, tells it what the reader
//! does (events), answers the host's requests and follows its theme message. Message formats are in
//! `explainer_core::embed`; this is the glue.

use std::cell::RefCell;
use std::rc::Rc;

use explainer_core::embed::{
    amp_embed_size_json, looks_decimal, parse_amp_message, parse_pym_message_with,
    parse_theme_message, pym_height_message, pym_position_request, pym_scroll_request,
    reported_height, EmbedName, HostEvent, HostPosition, ParentMessage,
};
use explainer_core::page::{EMBEDDED_CLASS, EMBED_CLASS, EMBED_NAME_META};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MessageEvent, ResizeObserver};

use crate::dom::{document, meta_content, on_window, window};
use crate::{location, theme};

/// Longest string message worth reading; protocol messages are far shorter.
const MAX_MESSAGE_CHARS: usize = 512;

/// How the page is being shown.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EmbedState {
    /// The page runs inside another page's frame.
    pub framed: bool,
    reporter: Option<Rc<HeightReporter>>,
}

impl EmbedState {
    /// Reports the current height to the host page, if framed.
    pub fn report_height(&self) {
        if let Some(reporter) = &self.reporter {
            reporter.post();
        }
    }

    /// Tells the parent window what the reader did, if framed: as a JSON object
    /// and, when a Pym.js parent gave a child id, as a Pym message. Never sent
    /// to any other window, nor anywhere when not framed (nor from a page that
    /// does not carry the story's name).
    pub fn send(&self, event: &HostEvent) {
        let (Some(reporter), Some(parent)) = (&self.reporter, parent_window()) else {
            return;
        };
        let Some(name) = &reporter.name else {
            return;
        };
        let json = event.json(name);
        if let Ok(message) = js_sys::JSON::parse(&json) {
            let _ = parent.post_message(&message, "*");
        }
        if let Some(id) = &reporter.child_id {
            let _ = parent.post_message(&JsValue::from_str(&event.pym_message(id, name)), "*");
        }
    }

    /// In a Pym.js parent's frame, asks the host where its viewport is, and then
    /// to scroll `element` into it if it is out of view; `false` when there is no
    /// Pym parent to ask (the page then scrolls itself).
    pub fn reveal_in_host(&self, element: &Element) -> bool {
        let Some(reporter) = &self.reporter else {
            return false;
        };
        let (Some(id), Some(parent)) = (&reporter.child_id, parent_window()) else {
            return false;
        };
        reporter.reveal.replace(Some(element.clone()));
        let _ = parent.post_message(&JsValue::from_str(&pym_position_request(id)), "*");
        true
    }
}

/// Posts the document height to the parent window, and asks it to scroll.
#[derive(Debug, PartialEq, Eq)]
struct HeightReporter {
    /// The Pym child id the host gave this frame, if any.
    child_id: Option<String>,
    /// The story's name in its messages, as the build wrote it into the page.
    name: Option<EmbedName>,
    /// What to bring into the host's view when its position answer arrives.
    reveal: RefCell<Option<Element>>,
}

impl HeightReporter {
    fn post(&self) {
        let Some(parent) = parent_window() else {
            return;
        };
        let Some(root) = document().document_element() else {
            return;
        };
        let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        // The root element's own box is the content height; scrollHeight would never
        // report less than the frame and so could not shrink.
        let height = reported_height(
            root.get_bounding_client_rect()
                .height()
                .max(root.offset_height() as f64),
        );
        if let Some(id) = &self.child_id {
            let _ = parent.post_message(&JsValue::from_str(&pym_height_message(id, height)), "*");
        }
        if let Ok(message) = js_sys::JSON::parse(&amp_embed_size_json(height)) {
            let _ = parent.post_message(&message, "*");
        }
    }

    /// With the host's viewport known, asks it to scroll to the element waiting
    /// to be revealed, if that is out of the host's view (unasked-for answers
    /// are ignored).
    fn reveal(&self, host: HostPosition) {
        let (Some(element), Some(id), Some(parent)) =
            (self.reveal.take(), &self.child_id, parent_window())
        else {
            return;
        };
        let rect = element.get_bounding_client_rect();
        let top = rect.top() + window().page_y_offset().unwrap_or(0.0);
        if let Some(offset) = host.scroll_for(top, rect.height()) {
            let _ = parent.post_message(&JsValue::from_str(&pym_scroll_request(id, offset)), "*");
        }
    }
}

/// Reads the embed wishes from the URL, marks `<html>` with `embed` and
/// `embedded` classes, and when framed starts reporting the height.
pub fn set_up() -> EmbedState {
    let requested = location::requested_view();
    let framed = parent_window().is_some();
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        if requested.embed {
            let _ = classes.add_1(EMBED_CLASS);
        }
        if framed {
            let _ = classes.add_1(EMBEDDED_CLASS);
        }
    }
    let reporter = framed.then(|| {
        let reporter = Rc::new(HeightReporter {
            child_id: requested.child_id.clone(),
            name: name(),
            reveal: RefCell::default(),
        });
        observe_size(reporter.clone());
        listen_to_parent(reporter.clone());
        reporter
    });
    EmbedState { framed, reporter }
}

/// The parent window, when there is one other than this window.
fn parent_window() -> Option<web_sys::Window> {
    let own = window();
    let parent = own.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &own)).then_some(parent)
}

/// Reports the height whenever the document's size changes.
fn observe_size(reporter: Rc<HeightReporter>) {
    let callback = Closure::<dyn Fn()>::new(move || reporter.post());
    let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    if let Some(root) = document().document_element() {
        observer.observe(&root);
    }
    // Observer and callback live as long as the page.
    callback.forget();
    std::mem::forget(observer);
}

/// Answers the parent's Pym `width` and frames' `frames-init` messages, follows
/// its theme message and its Pym position answers; ignores everything else, including any message from a
/// window other than the parent.
fn listen_to_parent(reporter: Rc<HeightReporter>) {
    on_window("message", move |ev: MessageEvent| {
        let from_parent = match (ev.source(), parent_window()) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        if !from_parent {
            return;
        }
        match parent_message(&ev.data(), &reporter) {
            Some(ParentMessage::Theme(chosen)) => {
                theme::apply(chosen);
                location::replace_theme(chosen);
            }
            Some(ParentMessage::PymWidth(_) | ParentMessage::FramesInit) => reporter.post(),
            Some(ParentMessage::PymPosition(host)) => reporter.reveal(host),
            None => {}
        }
    });
}

/// Parses a message's data without trusting its shape: getters that throw,
/// proxies and odd types all come out as `None`.
/// Without a child id (no Pym parent set one), no Pym message is ours; without
/// the story's name, no theme message is.
fn parent_message(data: &JsValue, reporter: &HeightReporter) -> Option<ParentMessage> {
    // Measure strings before copying them into wasm: a flood of huge messages
    // must not cost an allocation each.
    if let Some(text) = data.dyn_ref::<js_sys::JsString>() {
        if text.length() as usize > MAX_MESSAGE_CHARS {
            return None;
        }
    }
    if let Some(text) = data.as_string() {
        return (reporter.child_id.as_deref())
            .and_then(|id| parse_pym_message_with(&text, id, browser_number));
    }
    if !data.is_object() {
        return None;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(data, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let kind = field("type");
    parse_amp_message(field("sentinel").as_deref(), kind.as_deref()).or_else(|| {
        let name = reporter.name.as_ref()?;
        parse_theme_message(name, kind.as_deref(), field("theme").as_deref())
    })
}

/// The story's name on a host page, as the build wrote it into the page.
pub fn name() -> Option<EmbedName> {
    meta_content(EMBED_NAME_META).and_then(|text| EmbedName::parse(&text))
}

/// A number read by the browser (unary `+`, as `Number(text)`), for text that
/// looks decimal.
fn browser_number(text: &str) -> Option<f64> {
    if !looks_decimal(text) {
        return None;
    }
    let value = JsValue::from_str(text).unchecked_into_f64();
    (!value.is_nan()).then_some(value)
}
