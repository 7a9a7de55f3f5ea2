//! Keeping keyboard focus on the card and its controls: after the view re-renders, focus the
//! element a selector names (so focus never falls back to the page).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the first element matching `selector` once the view has been re-rendered (the
/// next animation frame, and one more if it is not there yet).
pub fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        if !focus_now(selector) {
            request_animation_frame(move || {
                focus_now(selector);
            });
        }
    });
}

fn focus_now(selector: &str) -> bool {
    let element = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}
