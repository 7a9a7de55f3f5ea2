//! Focus and scrolling on the timeline: the selected event scrolled into view after a step,
//! focus following a step made on the axis, and focus never left on the page's body when
//! the axis is drawn again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses an element by id (an SVG element too); false when it is not in the page.
pub fn focus_id(id: &str) -> bool {
    let Some(element) = document().get_element_by_id(id) else {
        return false;
    };
    js_sys::Reflect::get(&element, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call0(&element).is_ok())
}

/// Whether keyboard focus is on one of the axis' events.
pub fn focus_on_mark() -> bool {
    document()
        .active_element()
        .is_some_and(|e| e.id().starts_with("mark-"))
}

/// Scrolls an element into view only as far as needed (no animation).
pub fn reveal_id(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    if let Ok(scroll) = js_sys::Reflect::get(&element, &"scrollIntoView".into())
        && let Ok(scroll) = scroll.dyn_into::<js_sys::Function>()
    {
        let _ = scroll.call1(&element, &options);
    }
}

/// After the axis is drawn again: the selected event is scrolled into view, focus follows a
/// step when it was on the axis, and focus is never left on the page's body.
pub fn keep_focus(stepped: Option<String>, was_on_mark: bool) {
    request_animation_frame(move || {
        if let Some(id) = &stepped {
            reveal_id(&format!("mark-{id}"));
        }
        if was_on_mark
            && let Some(id) = &stepped
            && focus_id(&format!("mark-{id}"))
        {
            return;
        }
        let lost = document()
            .active_element()
            .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
        if lost {
            let selected = stepped.map(|id| format!("mark-{id}"));
            if !selected.as_deref().is_some_and(focus_id) {
                focus_id("tl-stage");
            }
        }
    });
}
