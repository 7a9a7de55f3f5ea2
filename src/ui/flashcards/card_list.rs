//! A deck's cards as a list with their state (new, learning, review), when each is due, its
//! lapses and the leech flag, filtered by state.

use leptos::prelude::*;

use crate::content::corpus;
use crate::route::{Query, Route};
use crate::study::card_list::{self, Filter, Status};
use crate::study::cards::{self, Card, Deck};
use crate::ui::browser::now;
use crate::ui::state::AppState;

use super::deck_href;

#[component]
pub fn CardList(deck: Deck, filter: Option<String>) -> impl IntoView {
    super::super::set_title(&format!("{} cards", deck.label()));
    let state = AppState::get();
    let deck_cards: Vec<Card> = cards::deck(corpus(), deck);
    let ids: Vec<_> = deck_cards.iter().map(|c| c.id.clone()).collect();
    let fronts = StoredValue::new(deck_cards);
    let filter = RwSignal::new(
        filter
            .as_deref()
            .and_then(Filter::from_slug)
            .unwrap_or(Filter::All),
    );
    let rows = Memo::new(move |_| {
        state
            .progress
            .with(|p| card_list::rows(&ids, &p.cards, &now()))
    });
    let tally = move |f: Filter| rows.with(|r| r.iter().filter(|row| f.admits(row)).count());
    let shown = move || {
        let f = filter.get();
        rows.with(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, row)| f.admits(row))
                .map(|(i, row)| (i, row.clone()))
                .collect::<Vec<_>>()
        })
    };
    let clock = now();
    view! {
        <section class="flashcards card-list-view">
            <p class="breadcrumb no-print">
                <a href=Route::Flashcards { query: Query::default() }.href()>"Flashcards"</a>
                " › "
                <a href=deck_href(deck, &[])>{deck.label()}</a>
            </p>
            <h1 tabindex="-1">{deck.label()} " cards"</h1>
            <p class="card-tally">
                {move || format!(
                    "{} cards: {} new, {} learning, {} review; {} due today; {} leeches.",
                    tally(Filter::All), tally(Filter::New), tally(Filter::Learning),
                    tally(Filter::Review), tally(Filter::DueToday), tally(Filter::Leeches)
                )}
            </p>
            <div class="filters">
                <label>
                    "Show"
                    <select on:change=move |ev| {
                        if let Some(f) = Filter::from_slug(&event_target_value(&ev)) {
                            filter.set(f);
                            super::super::replace_address(&deck_href(deck, &[("view", "cards".into()), ("show", f.slug().into())]));
                        }
                    }>
                        {Filter::EVERY.into_iter().map(|f| view! {
                            <option value=f.slug() selected=move || filter.get() == f>{f.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="muted" role="status">{move || format!("{} shown", shown().len())}</p>
            <ol class="card-list">
                {move || shown().into_iter().map(|(i, row)| {
                    let front = fronts.with_value(|c| c[i].front.clone());
                    let due = row.due_ms.map(|d| card_list::due_label(d, &clock));
                    let status_class = format!("state-badge state-{}", row.status.label().to_lowercase());
                    view! {
                        <li class="card-row">
                            <p class="card-row-front">{front}</p>
                            <p class="card-row-state">
                                <span class=status_class>{row.status.label()}</span>
                                {due.map(|d| view! { " · " {d} })}
                                {(row.status != Status::New && row.lapses > 0).then(|| format!(" · {} lapses", row.lapses))}
                                {row.leech.then(|| view! { " · " <span class="leech-flag">"Leech"</span> })}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
