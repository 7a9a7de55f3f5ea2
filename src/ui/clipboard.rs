//! Copying text to the clipboard, the one place that calls the browser's Clipboard API.
//! The browser may refuse (no permission, page not focused); the caller is told either way.

use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

/// Copies the text, then calls `done(true)` once copied or `done(false)` if refused.
pub fn copy(text: &str, done: impl Fn(bool) + Clone + 'static) {
    let promise = leptos::prelude::window()
        .navigator()
        .clipboard()
        .write_text(text);
    let refused = done.clone();
    let ok = Closure::once(move |_: JsValue| done(true));
    let failed = Closure::once(move |_: JsValue| refused(false));
    let _ = promise.then2(&ok, &failed);
    // Each closure runs at most once, when the promise settles; they must outlive this call.
    ok.forget();
    failed.forget();
}
