//! The browser's services the views use, each wrapped in one plain function: the clock with
//! the student's time zone, random bits, and offering text as a file download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::study::schedule::Clock;

/// The real clock, with the student's time zone.
pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock {
        now_ms: date.get_time() as i64,
        utc_offset_minutes: -(date.get_timezone_offset() as i32),
    }
}

/// 64 random bits (for review ids), from `crypto.getRandomValues` where it works.
pub fn random_u64() -> u64 {
    let bytes = js_sys::Uint8Array::new_with_length(8);
    let filled = js_sys::Reflect::get(&window(), &"crypto".into())
        .and_then(|crypto| {
            let fill = js_sys::Reflect::get(&crypto, &"getRandomValues".into())?;
            fill.dyn_into::<js_sys::Function>()?.call1(&crypto, &bytes)
        })
        .is_ok();
    if filled {
        let mut out = [0u8; 8];
        bytes.copy_to(&mut out);
        u64::from_le_bytes(out)
    } else {
        let half = |x: f64| (x * 4_294_967_296.0) as u64;
        (half(js_sys::Math::random()) << 32) | half(js_sys::Math::random())
    }
}

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Calls `then` with a promise's outcome once it settles, on the app's task queue: no
/// callback is leaked, whatever the promise does.
pub fn settle(
    promise: js_sys::Promise,
    then: impl FnOnce(Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>) + 'static,
) {
    leptos::task::spawn_local(async move {
        then(wasm_bindgen_futures::JsFuture::from(promise).await);
    });
}

/// Calls `handler` on every `event` at `target` for as long as the target lives: the handler
/// is handed over to JavaScript, whose garbage collector frees it with the target.
pub fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut() + 'static) {
    let handler = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(handler).into_js_value();
    let _ = target.add_event_listener_with_callback(event, handler.unchecked_ref());
}

/// Copies text to the clipboard; `done(true)` once copied, `done(false)` where the browser
/// refuses (no permission, the page not focused).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    settle(
        window().navigator().clipboard().write_text(text),
        move |result| done(result.is_ok()),
    );
}
