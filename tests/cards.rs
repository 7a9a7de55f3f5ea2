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
