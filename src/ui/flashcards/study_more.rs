//! "Study more" (Anki's custom study): more new cards today, review ahead, the cards missed
//! recently, one person or one era; and the deck's own new-cards-a-day limit.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::content::corpus;
use crate::study::card_id::CardId;
use crate::study::cards::{self, Deck};
use crate::study::custom_study::{AHEAD_DAYS, CustomStudy, MISSED_DAYS, is_about_person};
use crate::study::review_queue::History;
use crate::ui::browser::now;
use crate::ui::state::AppState;

use super::{deck_href, focus::focus_soon, history};

/// How many new cards one press of "more new cards" adds.
const MORE_NEW: u32 = 10;

/// Opens a link in this tab.
fn go(href: &str) {
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}

#[component]
pub fn StudyMore(deck: Deck, in_session: bool) -> impl IntoView {
    let state = AppState::get();
    let corpus = corpus();
    let deck_cards = cards::deck(corpus, deck);
    let ids: Vec<CardId> = deck_cards.iter().map(|c| c.id.clone()).collect();
    // People with at least one card in this deck, and the eras.
    let people: Vec<(String, String)> = corpus
        .people
        .iter()
        .filter(|p| ids.iter().any(|c| is_about_person(corpus, c, &p.id)))
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let eras: Vec<(String, String)> = corpus
        .eras
        .iter()
        .filter(|e| {
            !CustomStudy::Era(e.id.clone())
                .pool(corpus, &deck_cards)
                .is_empty()
        })
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let count_of = {
        let ids = ids.clone();
        move |study: CustomStudy| {
            let ids = ids.clone();
            move || {
                state.progress.with(|p| {
                    let h: History = history(p);
                    study
                        .queue(deck, &ids, &BTreeSet::new(), h, &now())
                        .counts()
                        .total()
                })
            }
        }
    };
    let ahead = count_of(CustomStudy::ReviewAhead);
    let missed = count_of(CustomStudy::Missed);
    let unseen = {
        let ids = ids.clone();
        Memo::new(move |_| {
            state.progress.with(|p| {
                ids.iter()
                    .filter(|c| !p.cards.contains_key(&c.to_string()))
                    .count()
            })
        })
    };
    let more_new = move |_| {
        let day = now().day();
        state.update(|p| p.settings.add_more_new(deck, day, MORE_NEW));
        if in_session {
            focus_soon(".card");
        } else {
            go(&deck_href(deck, &[]));
        }
    };
    let person = RwSignal::new(people.first().map(|p| p.0.clone()).unwrap_or_default());
    let era = RwSignal::new(eras.first().map(|e| e.0.clone()).unwrap_or_default());
    let limit = move || state.progress.with(|p| p.settings.new_limit(deck));
    let own_limit = move || {
        state
            .progress
            .with(|p| p.settings.deck_new_per_day.contains_key(deck.slug()))
    };
    let limit_id = format!("deck-limit-{}", deck.slug());

    view! {
        <section class="study-more" aria-labelledby="study-more-heading">
            <h2 id="study-more-heading">"Study more"</h2>
            <ul class="study-more-options">
                <li>
                    <button type="button" class="more-new" disabled=move || unseen.get() == 0 on:click=more_new>
                        {format!("{MORE_NEW} more new cards today")}
                    </button>
                    <span class="muted">{move || format!(" {} new cards not yet studied", unseen.get())}</span>
                </li>
                <li>
                    <a href=deck_href(deck, &CustomStudy::ReviewAhead.query())>"Review ahead"</a>
                    <span class="muted">{move || format!(" {} cards due in the next {AHEAD_DAYS} days", ahead())}</span>
                </li>
                <li>
                    <a href=deck_href(deck, &CustomStudy::Missed.query())>"Cards missed recently"</a>
                    <span class="muted">{move || format!(" {} answered “Again” in the last {MISSED_DAYS} days", missed())}</span>
                </li>
                {(!people.is_empty()).then(|| view! {
                    <li class="study-topic">
                        <label>
                            "One person"
                            <select on:change=move |ev| person.set(event_target_value(&ev))>
                                {people.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </label>
                        <button type="button" on:click=move |_| {
                            go(&deck_href(deck, &CustomStudy::Person(person.get_untracked()).query()));
                        }>"Study this person"</button>
                    </li>
                })}
                {(!eras.is_empty()).then(|| view! {
                    <li class="study-topic">
                        <label>
                            "One era"
                            <select on:change=move |ev| era.set(event_target_value(&ev))>
                                {eras.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </label>
                        <button type="button" on:click=move |_| {
                            go(&deck_href(deck, &CustomStudy::Era(era.get_untracked()).query()));
                        }>"Study this era"</button>
                    </li>
                })}
            </ul>
            <div class="deck-limit">
                <label for=limit_id.clone()>{format!("New cards a day in {}", deck.label())}</label>
                <input
                    id=limit_id
                    type="number"
                    min="0"
                    max="500"
                    step="1"
                    prop:value=move || limit().to_string()
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<u32>() {
                            state.update(|p| p.settings.set_new_limit(deck, Some(value)));
                        }
                    }
                />
                <button type="button" class="link-button" hidden=move || !own_limit()
                    on:click=move |_| state.update(|p| p.settings.set_new_limit(deck, None))>
                    "Use the limit all decks share"
                </button>
            </div>
        </section>
    }
}
