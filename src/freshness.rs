//! Is the page being read older than the deployed explainer? A page from the
//! service worker's cache or a cached embed can be. The page carries the
//! content version it was rendered from (`<meta name="explainer-content-version">`);
//! the build writes the deployed one to `version.json`. When they differ the
//! pre-rendered update notice is shown. Any failed, slow, odd or hostile
//! answer changes nothing and logs nothing.

use explainer_core::page::{UPDATE_NOTICE_ID, VERSION_FILE, VERSION_META};
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::{AbortController, RequestCache};

use crate::dom::{by_id, meta_content, served_over_http, window};

/// How long the version may take before the question is dropped.
const TIMEOUT_MS: u32 = 10_000;
/// A version file is a few dozen bytes; anything much longer is not one.
const MAX_ANSWER_BYTES: usize = 1024;

/// Asks once, in the background, after start-up.
pub fn check() {
    // From disk there is no deployment to ask; offline, no answer can come.
    if !served_over_http() || !window().navigator().on_line() {
        return;
    }
    let Some(own) = page_version() else {
        return;
    };
    spawn_local(async move {
        if deployed_version()
            .await
            .is_some_and(|deployed| deployed != own)
        {
            if let Some(notice) = by_id(UPDATE_NOTICE_ID) {
                let _ = notice.remove_attribute("hidden");
            }
        }
    });
}

/// The version this page was rendered from.
fn page_version() -> Option<String> {
    meta_content(VERSION_META).filter(|v| is_version(v))
}

/// The deployed version, or `None` for any answer that is not a version file.
async fn deployed_version() -> Option<String> {
    let controller = AbortController::new().ok()?;
    let signal = controller.signal();
    // Dropped (so cleared) once the answer is in.
    let _abort = {
        let controller = controller.clone();
        Timeout::new(TIMEOUT_MS, move || controller.abort())
    };
    let answer = async {
        let response = Request::get(VERSION_FILE)
            .cache(RequestCache::NoStore)
            .abort_signal(Some(&signal))
            .send()
            .await
            .ok()?;
        if !response.ok() {
            return None;
        }
        let text = response.text().await.ok()?;
        if text.len() > MAX_ANSWER_BYTES {
            return None;
        }
        let json = js_sys::JSON::parse(&text).ok()?;
        if !json.is_object() {
            return None;
        }
        js_sys::Reflect::get(&json, &JsValue::from_str("version"))
            .ok()?
            .as_string()
            .filter(|v| is_version(v))
    }
    .await;
    answer
}

/// A version is a short hex string (the build writes lowercase).
fn is_version(text: &str) -> bool {
    (1..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_hexdigit())
}
