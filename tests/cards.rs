//! Flashcard decks over the real data: every item of each kind has a card, ids are unique
//! and stable, every card cites passages of the document, and the Anki export is well formed.

use std::collections::BTreeSet;

use nkvd_study::content::corpus;
use nkvd_study::search::normalize;
use nkvd_study::study::cards::{Deck, all_cards, deck, to_anki_tsv};

#[test]
fn every_item_of_each_kind_has_a_card() {
    let c = corpus();
    let ids: BTreeSet<String> = all_cards(c)
        .into_iter()
        .map(|card| card.id.to_string())
        .collect();
    for p in &c.people {
        assert!(ids.contains(&format!("person:{}", p.id)), "person {}", p.id);
    }
    for e in &c.events {
        assert!(ids.contains(&format!("event:{}", e.id)), "event {}", e.id);
    }
    for n in &c.numbers {
        assert!(ids.contains(&format!("number:{}", n.id)), "number {}", n.id);
    }
    // A quotation the document gives twice has one card, under the first record.
    for q in &c.quotes {
        let first = c
            .quotes
            .iter()
            .find(|o| normalize(&o.text) == normalize(&q.text));
        let card = format!("quote:{}", first.map_or(&q.id, |o| &o.id));
        assert!(ids.contains(&card), "quote {}", q.id);
    }
    for o in &c.organizations {
        assert!(
            ids.contains(&format!("org:{}", o.id)),
            "organization {}",
            o.id
        );
    }
}

#[test]
fn card_ids_are_unique_and_every_card_cites_the_document() {
    let c = corpus();
    let cards = all_cards(c);
    let ids: BTreeSet<String> = cards.iter().map(|card| card.id.to_string()).collect();
    assert_eq!(ids.len(), cards.len());
    for card in &cards {
        assert!(
            !card.front.trim().is_empty() && !card.back.trim().is_empty(),
            "{}",
            card.id
        );
        assert!(!card.passages.is_empty(), "{} cites no passage", card.id);
        for p in &card.passages {
            assert!(c.passage(p).is_some(), "{} cites {p}", card.id);
        }
    }
    assert_eq!(all_cards(c), all_cards(c), "generation is stable");
}

#[test]
fn everything_is_the_union_of_the_single_topic_decks() {
    let c = corpus();
    let total: usize = Deck::EVERY
        .into_iter()
        .filter(|d| *d != Deck::All)
        .map(|d| deck(c, d).len())
        .sum();
    assert_eq!(deck(c, Deck::All).len(), total);
}

#[test]
fn anki_export_has_a_header_and_three_fields_per_card() {
    let c = corpus();
    let cards = deck(c, Deck::Numbers);
    let text = to_anki_tsv(&cards, c);
    assert!(text.starts_with("#separator:tab\n"));
    let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows.len(), cards.len());
    for row in rows {
        assert_eq!(row.split('\t').count(), 3, "{row}");
    }
}

// ---- review sessions over the real decks (src/study/review_session.rs and friends) ----

use std::collections::BTreeMap;

use nkvd_study::progress::format::SavedProgress;
use nkvd_study::progress::merge::undo_review;
use nkvd_study::study::card_id::CardId;
use nkvd_study::study::custom_study::CustomStudy;
use nkvd_study::study::review_id::ReviewId;
use nkvd_study::study::review_queue::History;
use nkvd_study::study::review_session::{ReviewSession, Scope};
use nkvd_study::study::schedule::{Clock, Grade};

const NOON: i64 = 1_767_268_800_000; // 2026-01-01T12:00:00Z

fn clock(now_ms: i64) -> Clock {
    Clock {
        now_ms,
        utc_offset_minutes: 0,
    }
}

fn history(p: &SavedProgress) -> History<'_> {
    History {
        states: &p.cards,
        reviews: &p.reviews,
        settings: &p.settings,
    }
}

fn ids(d: Deck) -> Vec<CardId> {
    deck(nkvd_study::content::corpus(), d)
        .into_iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn one_person_or_era_takes_every_card_about_it_once() {
    let corpus = nkvd_study::content::corpus();
    let all = deck(corpus, Deck::All);
    let yezhov = CustomStudy::Person("yezhov".into());
    let pool = yezhov.pool(corpus, &all);
    assert!(pool.contains(&CardId::Person("yezhov".into())));
    assert!(
        pool.iter().any(|c| matches!(c, CardId::Event(_))),
        "{pool:?}"
    );
    assert!(!pool.contains(&CardId::Person("yagoda".into())));
    let mut p = SavedProgress::default();
    p.settings.new_per_day = 0;
    let queue = yezhov.queue(
        Deck::All,
        &pool,
        &BTreeSet::new(),
        history(&p),
        &clock(NOON),
    );
    assert_eq!(
        queue.counts().new,
        pool.len(),
        "not held back by the new-card limit"
    );

    let era = CustomStudy::Era("yezhov".into());
    let pool = era.pool(corpus, &all);
    assert!(pool.len() > 5, "{pool:?}");
    for card in &pool {
        if let CardId::Event(id) = card {
            assert_eq!(corpus.event(id).unwrap().era, "yezhov");
        }
    }
    assert!(!CustomStudy::Era("nobody".into()).is_known(corpus));
    assert!(yezhov.is_known(corpus));
}

#[test]
fn a_session_over_a_real_deck_grades_undoes_by_review_id_and_the_counts_move() {
    let mut p = SavedProgress::default();
    let cards = ids(Deck::Dates);
    let start = clock(NOON);
    let mut session = ReviewSession::start(
        Deck::Dates,
        Scope::Today,
        cards.clone(),
        history(&p),
        &start,
    );
    let counts = session.counts(history(&p), &start);
    assert_eq!((counts.new, counts.learning, counts.review), (20, 0, 0));
    // Not in the document's order: the first new card is not the first date card.
    let first = session.current().unwrap().clone();
    assert_ne!(first, cards[0]);

    let mut made = Vec::new();
    for (i, grade) in [Grade::Good, Grade::Again, Grade::Easy]
        .into_iter()
        .enumerate()
    {
        assert!(session.reveal());
        let now = clock(NOON + i as i64 * 1000);
        let SavedProgress {
            cards,
            reviews,
            settings,
            ..
        } = &mut p;
        let graded = session
            .grade(
                grade,
                ReviewId::from_random(0xabc + i as u64),
                cards,
                reviews,
                settings,
                &now,
            )
            .unwrap();
        made.push(graded);
    }
    let counts = session.counts(history(&p), &start);
    assert_eq!((counts.new, counts.learning, counts.review), (17, 2, 0));

    // Undo takes back exactly the last review, by its id.
    let step = session.undo().unwrap();
    assert_eq!(step.review, made[2].record.id);
    assert!(undo_review(&mut p, step.review, step.previous));
    assert_eq!(p.reviews.len(), 2);
    assert_eq!(p.undone.len(), 1);
    assert!(!p.cards.contains_key(&made[2].card.to_string()));
    assert_eq!(session.current(), Some(&made[2].card));
    assert!(session.revealed());
    let counts = session.counts(history(&p), &start);
    assert_eq!((counts.new, counts.learning, counts.review), (18, 2, 0));
}

#[test]
fn study_more_on_a_used_up_deck_brings_new_cards_and_none_twice() {
    let mut p = SavedProgress::default();
    p.settings.new_per_day = 2;
    let cards = ids(Deck::Numbers);
    let now = clock(NOON);
    let mut session = ReviewSession::start(Deck::Numbers, Scope::Today, cards, history(&p), &now);
    let mut seen = Vec::new();
    let mut i = 0;
    while let Some(card) = session.current().cloned() {
        session.reveal();
        let SavedProgress {
            cards,
            reviews,
            settings,
            ..
        } = &mut p;
        session.grade(
            Grade::Easy,
            ReviewId::from_random(i),
            cards,
            reviews,
            settings,
            &now,
        );
        seen.push(card);
        i += 1;
    }
    assert_eq!(seen.len(), 2);
    p.settings.add_more_new(Deck::Numbers, now.day(), 3);
    session.advance(history(&p), &now);
    while let Some(card) = session.current().cloned() {
        session.reveal();
        let SavedProgress {
            cards,
            reviews,
            settings,
            ..
        } = &mut p;
        session.grade(
            Grade::Easy,
            ReviewId::from_random(i),
            cards,
            reviews,
            settings,
            &now,
        );
        assert!(!seen.contains(&card), "{card} twice");
        seen.push(card);
        i += 1;
    }
    assert_eq!(seen.len(), 5);
    let states: BTreeMap<_, _> = p.cards.clone();
    assert_eq!(states.len(), 5);
}

/// An organization card asks "What was …?" or, for a name the data marks plural, "What
/// were …?": never "What was the Mobile Groups?".
#[test]
fn an_organization_card_agrees_with_a_plural_name() {
    let c = corpus();
    let cards = deck(c, Deck::Organizations);
    for o in &c.organizations {
        let card = cards
            .iter()
            .find(|card| card.id.to_string() == format!("org:{}", o.id))
            .expect("every organization has a card");
        let verb = if o.plural { "What were " } else { "What was " };
        assert!(card.front.starts_with(verb), "{}: {}", o.id, card.front);
    }
    let groups = cards
        .iter()
        .find(|card| card.id.to_string() == "org:mobile_groups")
        .expect("the Mobile Groups' card");
    assert_eq!(groups.front, "What were the Mobile Groups?");
}
