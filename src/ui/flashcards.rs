//! Flashcard review: choose a deck, see the front, reveal (Space, Enter or click), grade
//! Again/Hard/Good/Easy (keys 1–4 or buttons), undo the last grade (u), a count of what is
//! left today and a summary at the end. Every grade is saved at once.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::content::corpus;
use crate::progress::merge;
use crate::route::{Query, Route};
use crate::study::cards::{self, Card, Deck};
use crate::study::review_id::ReviewId;
use crate::study::schedule::{self, CardState, Grade, ReviewRecord};

use super::state::{AppState, download, now, random_u64};

/// What one grade changed, so that undo can put it back exactly.
#[derive(Clone)]
struct Undo {
    /// The review this tab made: undo takes back exactly that one.
    review: ReviewId,
    previous: Option<CardState>,
    queue: Vec<String>,
    grade: Grade,
}

fn deck_cards(deck: Deck) -> Vec<Card> {
    cards::deck(corpus(), deck)
}

/// Today's queue for a deck, from the saved progress.
fn queue_for(state: &AppState, deck: Deck) -> Vec<String> {
    let ids: Vec<String> = deck_cards(deck)
        .into_iter()
        .map(|c| c.id.to_string())
        .collect();
    state
        .progress
        .with_untracked(|p| schedule::today_queue(&ids, &p.cards, &p.reviews, &p.settings, &now()))
}

#[component]
pub fn Flashcards(query: Query) -> impl IntoView {
    super::set_title("Flashcards");
    match query.get("deck").and_then(Deck::from_slug) {
        Some(deck) => view! { <Review deck /> }.into_any(),
        None => view! { <DeckChooser /> }.into_any(),
    }
}

#[component]
fn DeckChooser() -> impl IntoView {
    let state = AppState::get();
    let corpus = corpus();
    let retention = move || state.progress.with(|p| p.settings.desired_retention);
    let new_per_day = move || state.progress.with(|p| p.settings.new_per_day);
    view! {
        <section class="flashcards">
            <h1 tabindex="-1">"Flashcards"</h1>
            <p class="muted">
                "Cards are made from the document. The app schedules each card with FSRS so that you "
                "see it again just before you would forget it."
            </p>
            <ul class="deck-list">
                {Deck::EVERY
                    .into_iter()
                    .map(|deck| {
                        let ids: Vec<String> = cards::deck(corpus, deck).into_iter().map(|c| c.id.to_string()).collect();
                        let total = ids.len();
                        let counts = {
                            let ids = ids.clone();
                            move || {
                                state.progress.with(|p| {
                                    let clock = now();
                                    let queue = schedule::today_queue(&ids, &p.cards, &p.reviews, &p.settings, &clock);
                                    let new = queue.iter().filter(|id| !p.cards.contains_key(*id)).count();
                                    (queue.len() - new, new)
                                })
                            }
                        };
                        let href = Route::Flashcards { query: Query::default().with("deck", deck.slug()) }.href();
                        let file = format!("nkvd-study-{}.txt", deck.slug());
                        view! {
                            <li class="deck">
                                <div>
                                    <a class="deck-name" href=href>{deck.label()}</a>
                                    <span class="muted">" — " {total} " cards"</span>
                                </div>
                                <div class="deck-counts">
                                    {move || {
                                        let (due, new) = counts();
                                        format!("{due} due, {new} new today")
                                    }}
                                </div>
                                <button type="button" class="link-button" on:click=move |_| {
                                    let cards = cards::deck(corpus, deck);
                                    download(&file, "text/tab-separated-values", &cards::to_anki_tsv(&cards, corpus));
                                }>
                                    "Export " {deck.label()} " for Anki"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"Settings"</h2>
            <div class="filters">
                <label>
                    "Desired retention"
                    <input
                        type="number"
                        min="0.7"
                        max="0.99"
                        step="0.01"
                        prop:value=move || format!("{:.2}", retention())
                        on:change=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse::<f64>() {
                                state.update(|p| {
                                    p.settings.desired_retention = value;
                                    p.settings = p.settings.clamped();
                                });
                            }
                        }
                    />
                </label>
                <label>
                    "New cards per day"
                    <input
                        type="number"
                        min="0"
                        max="500"
                        step="1"
                        prop:value=move || new_per_day().to_string()
                        on:change=move |ev| {
                            if let Ok(value) = event_target_value(&ev).parse::<u32>() {
                                state.update(|p| {
                                    p.settings.new_per_day = value;
                                    p.settings = p.settings.clamped();
                                });
                            }
                        }
                    />
                </label>
            </div>
            <p class="muted">"A higher retention means more frequent reviews. The export is a tab-separated file: in Anki, use File › Import."</p>
        </section>
    }
}

#[component]
fn Review(deck: Deck) -> impl IntoView {
    let state = AppState::get();
    let by_id: BTreeMap<String, Card> = deck_cards(deck)
        .into_iter()
        .map(|c| (c.id.to_string(), c))
        .collect();
    let by_id = StoredValue::new(by_id);
    let queue = RwSignal::new(queue_for(&state, deck));
    let revealed = RwSignal::new(false);
    let undo_stack: RwSignal<Vec<Undo>> = RwSignal::new(Vec::new());
    let done: RwSignal<Vec<Grade>> = RwSignal::new(Vec::new());

    let current = move || queue.with(|q| q.first().cloned());

    let grade = move |grade: Grade| {
        let Some(id) = current() else { return };
        if !revealed.get_untracked() {
            return;
        }
        let clock = now();
        let previous = state.progress.with_untracked(|p| p.cards.get(&id).cloned());
        let next = state.progress.with_untracked(|p| {
            schedule::review(previous.as_ref(), grade, clock.now_ms, &p.settings)
        });
        let review = ReviewId::from_random(random_u64());
        undo_stack.update(|u| {
            u.push(Undo {
                review,
                previous: previous.clone(),
                queue: queue.get_untracked(),
                grade,
            })
        });
        let due_again_today = schedule::is_due_today(&next, &clock);
        state.update(|p| {
            p.cards.insert(id.clone(), next);
            p.reviews.push(ReviewRecord {
                id: review,
                card: id.clone(),
                grade,
                at_ms: clock.now_ms,
                was_new: previous.is_none(),
            });
        });
        queue.update(|q| {
            q.remove(0);
            if due_again_today {
                q.push(id.clone());
            }
        });
        done.update(|d| d.push(grade));
        revealed.set(false);
    };

    let undo = move || {
        let Some(last) = undo_stack.try_update(|u| u.pop()).flatten() else {
            return;
        };
        // Recorded as undone, so that merging with another tab's copy does not bring it back.
        state.update(|p| {
            merge::undo_review(p, last.review, last.previous.clone());
        });
        queue.set(last.queue);
        done.update(|d| {
            if let Some(i) = d.iter().rposition(|g| *g == last.grade) {
                d.remove(i);
            }
        });
        revealed.set(true);
    };

    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // Leave keys alone while the student is in a form field or on a button/link.
        let tag = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| el.tag_name())
            .unwrap_or_default();
        if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        let on_control = matches!(tag.as_str(), "BUTTON" | "A");
        match ev.key().as_str() {
            " " | "Enter" if !on_control && current().is_some() && !revealed.get_untracked() => {
                ev.prevent_default();
                revealed.set(true);
            }
            "u" | "U" => undo(),
            key => {
                if let Some(g) = Grade::from_key(key)
                    && revealed.get_untracked()
                {
                    ev.prevent_default();
                    grade(g);
                }
            }
        }
    });
    on_cleanup(move || listener.remove());

    let card_view = move || {
        let Some(id) = current() else {
            let grades = done.get();
            let count = |g: Grade| grades.iter().filter(|x| **x == g).count();
            return view! {
                <div class="session-summary" role="status">
                    <h2>"Done for today"</h2>
                    {if grades.is_empty() {
                        view! { <p>"Nothing is due in this deck today. Come back tomorrow, or pick another deck."</p> }.into_any()
                    } else {
                        view! {
                            <p>{format!("You reviewed {} cards in this session.", grades.len())}</p>
                            <ul class="grade-counts">
                                {Grade::EVERY.into_iter().map(|g| view! { <li>{g.label()} ": " {count(g)}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p>
                        <a href=Route::Flashcards { query: Query::default() }.href()>"Choose another deck"</a>
                        " · "
                        <a href=Route::Progress.href()>"See your progress"</a>
                    </p>
                </div>
            }
            .into_any();
        };
        let card = by_id.with_value(|m| m.get(&id).cloned());
        let Some(card) = card else {
            return view! { <p class="error">"This card no longer exists."</p> }.into_any();
        };
        let back = card.back.clone();
        let passages = card.passages.clone();
        let front = card.front.clone();
        view! {
            <div class="card" aria-live="polite">
                <p class="card-deck muted">{card.deck.label()}</p>
                <p class="card-front">{card.front.clone()}</p>
                {move || if revealed.get() {
                    view! {
                        <div class="card-back">
                            <p>{back.clone()}</p>
                            <super::evidence::Evidence passages=passages.clone() answer=back.clone() context=front.clone() />
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary reveal" on:click=move |_| revealed.set(true)>
                            "Show answer " <kbd>"Space"</kbd>
                        </button>
                    }.into_any()
                }}
            </div>
            <div class="grades" role="group" aria-label="How well did you know it?" hidden=move || !revealed.get()>
                {Grade::EVERY.into_iter().map(|g| view! {
                    <button type="button" class=format!("grade grade-{}", g.label().to_lowercase()) on:click=move |_| grade(g)>
                        {g.label()} " " <kbd>{g.key().to_string()}</kbd>
                    </button>
                }).collect_view()}
            </div>
        }
        .into_any()
    };

    view! {
        <section class="flashcards review">
            <p class="breadcrumb no-print">
                <a href=Route::Flashcards { query: Query::default() }.href()>"Flashcards"</a>
            </p>
            <h1 tabindex="-1">{deck.label()} " flashcards"</h1>
            <p class="left-today" role="status">
                {move || {
                    let n = queue.with(Vec::len);
                    format!("{n} left today")
                }}
            </p>
            {card_view}
            <p class="review-help muted">
                "Keys: Space or Enter shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; U undoes the last grade."
                <button type="button" class="link-button" disabled=move || undo_stack.with(Vec::is_empty) on:click=move |_| undo()>
                    "Undo last grade"
                </button>
            </p>
        </section>
    }
}
