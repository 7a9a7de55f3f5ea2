//! Flashcard review: choose a deck, see the front, reveal (Space, Enter or click), grade
//! Again/Hard/Good/Easy (keys 1–4 or buttons, each showing when the card comes back), undo the
//! last grade (u), the counts new / learning / review, a summary at the end, "study more" and
//! the deck's card list. The session itself is `study::review_session`; this view renders it
//! and dispatches to it. Every grade is saved at once.

mod card_list;
mod focus;
mod study_more;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::content::corpus;
use crate::progress::format::SavedProgress;
use crate::progress::merge;
use crate::route::{Query, Route};
use crate::study::card_id::CardId;
use crate::study::cards::{self, Card, Deck};
use crate::study::custom_study::CustomStudy;
use crate::study::leeches;
use crate::study::review_id::ReviewId;
use crate::study::review_queue::{self, Counts, History};
use crate::study::review_session::{ReviewSession, Scope};
use crate::study::schedule::Grade;

use super::browser::{download, now, random_u64};
use super::state::AppState;
use card_list::CardList;
use focus::focus_soon;
use study_more::StudyMore;

/// The history a session reads, from saved progress.
fn history(p: &SavedProgress) -> History<'_> {
    History {
        states: &p.cards,
        reviews: &p.reviews,
        settings: &p.settings,
    }
}

/// A deck's card ids, in the deck's order.
fn card_ids(deck: Deck) -> Vec<CardId> {
    cards::deck(corpus(), deck)
        .into_iter()
        .map(|c| c.id)
        .collect()
}

/// The link to a deck's page: its review, or `extra` (the card list, study more, a custom
/// study).
fn deck_href(deck: Deck, extra: &[(&str, String)]) -> String {
    let mut query = Query::default().with("deck", deck.slug());
    for (key, value) in extra {
        query = query.with(key, value);
    }
    Route::Flashcards { query }.href()
}

#[component]
pub fn Flashcards(query: Query) -> impl IntoView {
    super::set_title("Flashcards");
    let Some(deck) = query.get("deck").and_then(Deck::from_slug) else {
        return view! { <DeckChooser /> }.into_any();
    };
    match (query.get("view"), query.get("study")) {
        (Some("cards"), _) => {
            let filter = query.get("show").map(str::to_string);
            view! { <CardList deck filter /> }.into_any()
        }
        (Some("more"), _) => view! { <StudyMorePage deck /> }.into_any(),
        (_, Some(study)) => match CustomStudy::from_query(study, query.get("id"))
            .filter(|s| s.is_known(corpus()))
        {
            Some(custom) => view! { <Review deck scope=Scope::Custom(custom) /> }.into_any(),
            None => view! {
                <section class="flashcards">
                    <h1 tabindex="-1">"No such custom study"</h1>
                    <p>"This link asks for a study the app does not know. "
                        <a href=deck_href(deck, &[("view", "more".into())])>"Choose one"</a>"."</p>
                </section>
            }
            .into_any(),
        },
        _ => view! { <Review deck scope=Scope::Today /> }.into_any(),
    }
}

/// "New 12 · Learning 2 · Review 0"
#[component]
fn CountsLine(counts: Signal<Counts>) -> impl IntoView {
    view! {
        <span class="count count-new">"New " <strong>{move || counts.get().new}</strong></span>
        <span class="count count-learning">"Learning " <strong>{move || counts.get().learning}</strong></span>
        <span class="count count-review">"Review " <strong>{move || counts.get().review}</strong></span>
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
                        let ids = card_ids(deck);
                        let total = ids.len();
                        let counts = {
                            let ids = ids.clone();
                            Signal::from(Memo::new(move |_| {
                                state.progress.with(|p| review_queue::today(deck, &ids, history(p), &now()).counts())
                            }))
                        };
                        let leech_count = move || state.progress.with(|p| leeches::leeches(&ids, &p.cards).len());
                        let file = format!("nkvd-study-{}.txt", deck.slug());
                        view! {
                            <li class="deck">
                                <div>
                                    <a class="deck-name" href=deck_href(deck, &[])>{deck.label()}</a>
                                    <span class="muted">" — " {total} " cards"</span>
                                </div>
                                <p class="deck-counts">
                                    <span class="visually-hidden">"Left today: "</span>
                                    <CountsLine counts />
                                </p>
                                <p class="deck-links">
                                    <a href=deck_href(deck, &[("view", "cards".into())])>
                                        "Browse " <span class="visually-hidden">{deck.label()} " "</span> "cards"
                                    </a>
                                    {move || {
                                        let n = leech_count();
                                        (n > 0).then(|| view! {
                                            " · "
                                            <a href=deck_href(deck, &[("view", "cards".into()), ("show", "leeches".into())])>
                                                {format!("{n} leech{}", if n == 1 { "" } else { "es" })}
                                            </a>
                                        })
                                    }}
                                    " · "
                                    <button type="button" class="link-button" on:click=move |_| {
                                        let cards = cards::deck(corpus, deck);
                                        download(&file, "text/tab-separated-values", &cards::to_anki_tsv(&cards, corpus));
                                    }>
                                        "Export " {deck.label()} " for Anki"
                                    </button>
                                </p>
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
                        aria-describedby="new-per-day-help"
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
            <p class="muted" id="new-per-day-help">
                "Each deck introduces up to this many new cards a day, unless it has its own limit (under "
                "“Study more” in the deck). A higher retention means more frequent reviews. The export is a "
                "tab-separated file: in Anki, use File › Import."
            </p>
        </section>
    }
}

#[component]
fn StudyMorePage(deck: Deck) -> impl IntoView {
    view! {
        <section class="flashcards">
            <p class="breadcrumb no-print">
                <a href=Route::Flashcards { query: Query::default() }.href()>"Flashcards"</a>
                " › "
                <a href=deck_href(deck, &[])>{deck.label()}</a>
            </p>
            <h1 tabindex="-1">"Study more: " {deck.label()}</h1>
            <StudyMore deck in_session=false />
        </section>
    }
}

#[component]
fn Review(deck: Deck, scope: Scope) -> impl IntoView {
    let state = AppState::get();
    let corpus = corpus();
    let deck_cards = cards::deck(corpus, deck);
    let pool: Vec<CardId> = match &scope {
        Scope::Today => deck_cards.iter().map(|c| c.id.clone()).collect(),
        Scope::Custom(study) => study.pool(corpus, &deck_cards),
    };
    let custom = match &scope {
        Scope::Custom(study) => Some(study.label(corpus)),
        Scope::Today => None,
    };
    let by_id: BTreeMap<CardId, Card> = deck_cards.into_iter().map(|c| (c.id.clone(), c)).collect();
    let by_id = StoredValue::new(by_id);
    let session = RwSignal::new(
        state
            .progress
            .with_untracked(|p| ReviewSession::start(deck, scope, pool, history(p), &now())),
    );
    let current = Memo::new(move |_| session.with(|s| s.current().cloned()));
    let revealed = Memo::new(move |_| session.with(ReviewSession::revealed));
    // Recounted when progress or what is left changes, not when an answer is shown (with
    // thousands of cards a count reads every one).
    let queue_revision = Memo::new(move |_| session.with(ReviewSession::queue_revision));
    let counts = Signal::from(Memo::new(move |_| {
        queue_revision.track();
        state
            .progress
            .with(|p| session.with_untracked(|s| s.counts(history(p), &now())))
    }));
    let previews = Memo::new(move |_| {
        state
            .progress
            .with(|p| session.with(|s| s.previews(history(p), &now())))
    });

    // Progress changed while no card is shown ("study more", another tab): look again.
    Effect::new(move |_| {
        state.progress.track();
        if session.with_untracked(|s| s.current().is_none()) {
            state
                .progress
                .with_untracked(|p| session.update(|s| s.advance(history(p), &now())));
        }
    });

    let reveal = move || {
        if session.try_update(ReviewSession::reveal).unwrap_or(false) {
            focus_soon(".card-back");
        }
    };

    let grade = move |grade: Grade| {
        if !session.with_untracked(|s| s.revealed() && s.current().is_some()) {
            return;
        }
        let clock = now();
        let review = ReviewId::from_random(random_u64());
        state.update(|p| {
            let SavedProgress {
                cards,
                reviews,
                settings,
                ..
            } = p;
            session.update(|s| {
                s.grade(grade, review, cards, reviews, settings, &clock);
            });
        });
        if session.with_untracked(|s| s.current().is_some()) {
            focus_soon(".card");
        } else {
            focus_soon(".session-summary h2");
        }
    };

    let undo = move || {
        let Some(step) = session.try_update(ReviewSession::undo).flatten() else {
            return;
        };
        // Recorded as undone, so that merging with another tab's copy does not bring it back.
        state.update(|p| {
            merge::undo_review(p, step.review, step.previous);
        });
        focus_soon(".card-back");
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
        let on_control = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        match ev.key().as_str() {
            " " | "Enter"
                if !on_control
                    && current.get_untracked().is_some()
                    && !revealed.get_untracked() =>
            {
                ev.prevent_default();
                reveal();
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

    let leech_note = move || {
        session.with(|s| s.new_leech().cloned()).map(|_| {
            view! {
                <p class="leech-note" role="status">
                    "That card has now been forgotten " {leeches::LEECH_LAPSES} " times: it is a leech. "
                    "Reading its passage again, or putting it in your own words, helps more than repeating it. "
                    <a href=deck_href(deck, &[("view", "cards".into()), ("show", "leeches".into())])>"See the leeches"</a>
                </p>
            }
        })
    };

    let card_view = move || {
        let Some(id) = current.get() else {
            let grades = session.with_untracked(|s| s.grades().to_vec());
            let count = |g: Grade| grades.iter().filter(|x| **x == g).count();
            return view! {
                <div class="session-summary">
                    <h2 tabindex="-1">"Done for today"</h2>
                    {if grades.is_empty() {
                        view! { <p>"Nothing is left to study here for now."</p> }.into_any()
                    } else {
                        view! {
                            <p>{format!("You reviewed {} cards in this session.", grades.len())}</p>
                            <ul class="grade-counts">
                                {Grade::EVERY.into_iter().map(|g| view! { <li>{g.label()} ": " {count(g)}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <StudyMore deck in_session=true />
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
        let key = id.to_string();
        let is_leech = move || {
            state
                .progress
                .with(|p| p.cards.get(&key).is_some_and(leeches::is_leech))
        };
        let back = card.back.clone();
        let passages = card.passages.clone();
        let front = card.front.clone();
        view! {
            <div class="card" tabindex="-1" aria-labelledby="card-front">
                <p class="card-deck muted">
                    {card.deck.label()}
                    {move || is_leech().then(|| view! { " · " <span class="leech-flag">"Leech"</span> })}
                </p>
                <p class="card-front" id="card-front">{card.front.clone()}</p>
                {move || if revealed.get() {
                    view! {
                        <div class="card-back" tabindex="-1">
                            <p>{back.clone()}</p>
                            <super::evidence::Evidence passages=passages.clone() answer=back.clone() context=front.clone() />
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="primary reveal" on:click=move |_| reveal()>
                            "Show answer " <kbd>"Space"</kbd>
                        </button>
                    }.into_any()
                }}
            </div>
            <div class="grades" role="group" aria-label="How well did you know it?" hidden=move || !revealed.get()>
                {Grade::EVERY.into_iter().enumerate().map(|(i, g)| {
                    let preview = move || previews.with(|p| p.as_ref().map(|p| p[i].clone()));
                    let interval = move || preview().map(|p| p.short()).unwrap_or_default();
                    let label = move || match preview() {
                        Some(p) => format!("{}: again {} (key {})", g.label(), p.words(), g.key()),
                        None => g.label().to_string(),
                    };
                    view! {
                        <button type="button" class=format!("grade grade-{}", g.label().to_lowercase())
                            aria-label=label on:click=move |_| grade(g)>
                            <span class="grade-label">{g.label()}</span>
                            <span class="grade-interval">{interval}</span>
                            <kbd aria-hidden="true">{g.key().to_string()}</kbd>
                        </button>
                    }
                }).collect_view()}
            </div>
        }
        .into_any()
    };

    let title = match &custom {
        Some(_) => "Custom study",
        None => "flashcards",
    };
    view! {
        <section class="flashcards review">
            <p class="breadcrumb no-print">
                <a href=Route::Flashcards { query: Query::default() }.href()>"Flashcards"</a>
                {custom.is_some().then(|| view! { " › " <a href=deck_href(deck, &[])>{deck.label()}</a> })}
            </p>
            <h1 tabindex="-1">{deck.label()} " " {title}</h1>
            {custom.map(|label| view! { <p class="custom-study">{label}</p> })}
            <p class="left-today" role="status">
                <span class="visually-hidden">"Left: "</span>
                <CountsLine counts />
            </p>
            {leech_note}
            {card_view}
            <p class="review-help muted">
                "Keys: Space or Enter shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; U undoes the last grade."
            </p>
            <p class="review-links">
                <button type="button" class="link-button undo" disabled=move || !session.with(ReviewSession::can_undo) on:click=move |_| undo()>
                    "Undo last grade"
                </button>
                <a href=deck_href(deck, &[("view", "cards".into())])>"Browse the cards"</a>
                <a href=deck_href(deck, &[("view", "more".into())])>"Study more…"</a>
            </p>
        </section>
    }
}
