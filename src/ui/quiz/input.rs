//! How a question is answered: options (keys 1–9), true/false (keys 1 and 2), a typed answer
//! and matching; ordering is in `order`. Once answered, the inputs stay in place and carry
//! the marks: the option picked and the right one are labelled in words, not colour alone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::study::quiz::{Question, QuestionBody, Response};
use crate::study::quiz_run::Answer;

use super::order::OrderInput;

/// Number keys 1–9 pick the n-th choice while the question is unanswered and the student is
/// not typing in a field.
fn number_keys(count: usize, answered: Signal<bool>, pick: impl Fn(usize) + 'static) {
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || answered.get_untracked() {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name())
            .unwrap_or_default();
        if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        if let Some(n) = ev
            .key()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count.min(9)).contains(n))
        {
            ev.prevent_default();
            pick(n - 1);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The words and icon that mark an option once the question is answered.
fn option_mark(picked: bool, right: bool) -> Option<(&'static str, &'static str, &'static str)> {
    match (picked, right) {
        (true, true) => Some(("✓", "Your answer, correct", "mark-right")),
        (true, false) => Some(("✗", "Your answer", "mark-wrong")),
        (false, true) => Some(("✓", "Correct answer", "mark-right")),
        (false, false) => None,
    }
}

/// One option button: its key, its text, and once answered its mark.
#[component]
fn OptionButton(
    index: usize,
    text: String,
    right: bool,
    /// The index picked, once answered.
    picked: Signal<Option<usize>>,
    on_pick: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let mark = move || picked.get().and_then(|p| option_mark(p == index, right));
    view! {
        <button
            type="button"
            class=move || match mark() {
                Some((_, _, class)) => format!("option {class}"),
                None => "option".to_string(),
            }
            disabled=move || picked.get().is_some()
            on:click=move |_| on_pick(index)
        >
            <span class="option-key" aria-hidden="true">{(index + 1).to_string()}</span>
            <span class="option-text">{text}</span>
            {move || mark().map(|(icon, label, _)| view! {
                <span class="option-mark"><span aria-hidden="true">{icon} " "</span>{label}</span>
            })}
        </button>
    }
}

#[component]
pub fn QuestionInput(
    question: Question,
    answer: Signal<Option<Answer>>,
    on_answer: impl Fn(Response) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let answered = Signal::derive(move || answer.with(Option::is_some));
    match question.body.clone() {
        QuestionBody::Choice { options, correct } => {
            let count = options.len();
            let picked = Signal::derive(move || {
                answer.with(|a| match a.as_ref().map(|a| &a.response) {
                    Some(Response::Choice(i)) => Some(*i),
                    Some(_) => Some(usize::MAX),
                    None => None,
                })
            });
            let pick = move |i: usize| on_answer(Response::Choice(i));
            number_keys(count, answered, pick);
            view! {
                <p class="muted key-hint">"Keys 1–" {count.min(9)} " pick an option."</p>
                <ol class="options">
                    {options.into_iter().enumerate().map(|(i, text)| view! {
                        <li><OptionButton index=i text right=i == correct picked on_pick=pick /></li>
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }
        QuestionBody::TrueFalse { statement, truth } => {
            let picked = Signal::derive(move || {
                answer.with(|a| match a.as_ref().map(|a| &a.response) {
                    Some(Response::TrueFalse(said)) => Some(usize::from(!*said)),
                    Some(_) => Some(usize::MAX),
                    None => None,
                })
            });
            let pick = move |i: usize| on_answer(Response::TrueFalse(i == 0));
            number_keys(2, answered, pick);
            view! {
                <blockquote class="statement-to-judge"><p>{statement}</p></blockquote>
                <p class="muted key-hint">"Keys: 1 True, 2 False."</p>
                <div class="options-row">
                    <OptionButton index=0 text="True".to_string() right=truth picked on_pick=pick />
                    <OptionButton index=1 text="False".to_string() right=!truth picked on_pick=pick />
                </div>
            }
            .into_any()
        }
        QuestionBody::Typed { .. } => {
            let given = answer.with_untracked(|a| match a.as_ref().map(|a| &a.response) {
                Some(Response::Typed(text)) => text.clone(),
                _ => String::new(),
            });
            let text = RwSignal::new(given);
            view! {
                <form class="typed" on:submit=move |ev| {
                    ev.prevent_default();
                    if !text.get_untracked().trim().is_empty() {
                        on_answer(Response::Typed(text.get_untracked()));
                    }
                }>
                    <label>
                        <span>"Your answer"</span>
                        <input type="text" autocomplete="off" maxlength="200" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) disabled=move || answered.get() />
                    </label>
                    <button type="submit" class="primary" disabled=move || answered.get()>"Check"</button>
                </form>
            }
            .into_any()
        }
        QuestionBody::Order { items, correct } => {
            view! { <OrderInput items correct answer on_answer /> }.into_any()
        }
        QuestionBody::Match {
            quotes,
            speakers,
            correct,
        } => {
            let given = answer.with_untracked(|a| match a.as_ref().map(|a| &a.response) {
                Some(Response::Match(pairs)) if pairs.len() == quotes.len() => pairs.clone(),
                _ => vec![usize::MAX; quotes.len()],
            });
            let chosen = RwSignal::new(given);
            let speakers = StoredValue::new(speakers);
            let correct = StoredValue::new(correct);
            view! {
                <ol class="match-list">
                    {quotes.into_iter().enumerate().map(|(qi, quote)| {
                        let select_label = format!("Speaker of quote {}", qi + 1);
                        let mark = move || answer.with(|a| a.as_ref().map(|a| a.marks.get(qi).copied().unwrap_or(false)));
                        let right_speaker = speakers.with_value(|s| correct.with_value(|c| c.get(qi).and_then(|i| s.get(*i)).cloned().unwrap_or_default()));
                        view! {
                            <li class=move || match mark() { Some(true) => "mark-right", Some(false) => "mark-wrong", None => "" }>
                                <blockquote><p>"“" {quote} "”"</p></blockquote>
                                <label>
                                    <span class="visually-hidden">{select_label}</span>
                                    <select disabled=move || answered.get()
                                        prop:value=move || chosen.with(|c| c.get(qi).filter(|v| **v != usize::MAX).map(usize::to_string).unwrap_or_default())
                                        on:change=move |ev| {
                                            let value = event_target_value(&ev).parse().unwrap_or(usize::MAX);
                                            chosen.update(|c| c[qi] = value);
                                        }>
                                        <option value="">"Who said it?"</option>
                                        {speakers.with_value(|s| s.iter().enumerate().map(|(si, name)| view! { <option value=si.to_string()>{name.clone()}</option> }).collect_view())}
                                    </select>
                                </label>
                                {move || mark().map(|right| if right {
                                    view! { <p class="item-mark"><span aria-hidden="true">"✓ "</span>"Right"</p> }.into_any()
                                } else {
                                    view! { <p class="item-mark"><span aria-hidden="true">"✗ "</span>"Wrong: said by " <strong>{right_speaker.clone()}</strong></p> }.into_any()
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <button type="button" class="primary"
                    disabled=move || answered.get() || chosen.with(|c| c.contains(&usize::MAX))
                    on:click=move |_| on_answer(Response::Match(chosen.get_untracked()))>
                    "Check the matches"
                </button>
            }
            .into_any()
        }
    }
}
