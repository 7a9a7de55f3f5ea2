//! An order question by keyboard and touch: each item has Up and Down buttons; the moved item
//! keeps the focus (on the button of the direction it moved, or the other one once it reaches
//! an end), its new position is announced, and each row fits a 360 px screen. Once checked,
//! every item is marked in place or not.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::study::quiz::Response;
use crate::study::quiz_run::Answer;

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn focus_id(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| !el.has_attribute("disabled"))
        .map(|el| el.focus().is_ok())
        .unwrap_or(false)
}

#[component]
pub fn OrderInput(
    items: Vec<String>,
    correct: Vec<usize>,
    answer: Signal<Option<Answer>>,
    on_answer: impl Fn(Response) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // Ids unique to this list: a page can hold more than one (a retry round after a review).
    static LISTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let list = LISTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let count = items.len();
    let given = answer.with_untracked(|a| match a.as_ref().map(|a| &a.response) {
        Some(Response::Order(order)) if order.len() == count => order.clone(),
        _ => (0..count).collect(),
    });
    let order = RwSignal::new(given);
    let announcement = RwSignal::new(String::new());
    let items = StoredValue::new(items);
    let correct = StoredValue::new(correct);
    let answered = Signal::derive(move || answer.with(Option::is_some));

    // Moves the item at `from` one place up or down and keeps the focus on it.
    let move_item = move |from: usize, up: bool| {
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|t| *t < count)
        };
        let Some(to) = to else { return };
        order.update(|o| o.swap(from, to));
        let item = order.with_untracked(|o| o[to]);
        let label = items.with_value(|it| it[item].clone());
        announcement.set(format!("“{label}” is now {} of {count}.", ordinal(to + 1)));
        let (same, other) = if up { ("up", "down") } else { ("down", "up") };
        request_animation_frame(move || {
            if !focus_id(&format!("order-{list}-{same}-{item}")) {
                focus_id(&format!("order-{list}-{other}-{item}"));
            }
        });
    };

    view! {
        <p class="muted">"Put the events in order, earliest first: move each with its Up and Down buttons."</p>
        <ol class="order-list">
            {move || order.get().into_iter().enumerate().map(|(pos, item)| {
                let label = items.with_value(|it| it[item].clone());
                let up_label = format!("Move up: {label}");
                let down_label = format!("Move down: {label}");
                let mark = move || answer.with(|a| a.as_ref().map(|a| a.marks.get(pos).copied().unwrap_or(false)));
                let belongs = correct.with_value(|c| c.iter().position(|x| *x == item)).map_or(0, |p| p + 1);
                view! {
                    <li class=move || match mark() { Some(true) => "order-row mark-right", Some(false) => "order-row mark-wrong", None => "order-row" }>
                        <span class="order-pos" aria-hidden="true">{pos + 1}</span>
                        <span class="order-item">
                            {label}
                            {move || mark().map(|right| if right {
                                view! { <span class="item-mark"><span aria-hidden="true">"✓ "</span>"In place"</span> }.into_any()
                            } else {
                                view! { <span class="item-mark"><span aria-hidden="true">"✗ "</span>{format!("Belongs {}", ordinal(belongs))}</span> }.into_any()
                            })}
                        </span>
                        <span class="order-moves">
                            <button type="button" id=format!("order-{list}-up-{item}") aria-label=up_label
                                disabled=move || answered.get() || pos == 0
                                on:click=move |_| move_item(pos, true)>
                                <span aria-hidden="true">"↑"</span>" Up"
                            </button>
                            <button type="button" id=format!("order-{list}-down-{item}") aria-label=down_label
                                disabled=move || answered.get() || pos + 1 == count
                                on:click=move |_| move_item(pos, false)>
                                <span aria-hidden="true">"↓"</span>" Down"
                            </button>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        <button type="button" class="primary" disabled=move || answered.get() on:click=move |_| on_answer(Response::Order(order.get_untracked()))>"Check the order"</button>
    }
}
