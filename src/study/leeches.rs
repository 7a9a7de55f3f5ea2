//! Leeches: cards the student keeps forgetting (Anki's habit: flagged at 8 lapses), which
//! are better rewritten or read again in the document than drilled.

use std::collections::BTreeMap;

use super::card_id::CardId;
use super::schedule::CardState;

/// Lapses (a card in review forgotten again) at which a card is a leech.
pub const LEECH_LAPSES: i32 = 8;

/// Whether a card is a leech.
pub fn is_leech(state: &CardState) -> bool {
    state.lapses >= LEECH_LAPSES
}

/// Whether going from `before` to `after` made the card a leech (the moment to say so).
pub fn became_leech(before: Option<&CardState>, after: &CardState) -> bool {
    is_leech(after) && !before.is_some_and(is_leech)
}

/// The leeches among `cards`, most lapses first (then in the deck's order).
pub fn leeches<'a>(cards: &'a [CardId], states: &BTreeMap<String, CardState>) -> Vec<&'a CardId> {
    let mut found: Vec<(i32, usize, &CardId)> = cards
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let state = states.get(&id.to_string())?;
            is_leech(state).then_some((-state.lapses, i, id))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, _, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schedule::{Grade, Settings, review};

    const NOON: i64 = 1_767_268_800_000;

    /// A card forgotten `lapses` times, by grading it as a student would.
    pub fn forgotten(lapses: i32) -> CardState {
        let settings = Settings::default();
        let mut state = review(None, Grade::Good, NOON, &settings);
        let mut now = NOON;
        while state.lapses < lapses {
            now = state.due_ms.max(now + 60_000);
            let grade = if state.phase == crate::study::schedule::Phase::Review {
                Grade::Again
            } else {
                Grade::Good
            };
            state = review(Some(&state), grade, now, &settings);
        }
        state
    }

    #[test]
    fn a_card_forgotten_eight_times_is_a_leech() {
        let seven = forgotten(7);
        let eight = forgotten(8);
        assert_eq!(seven.lapses, 7);
        assert!(!is_leech(&seven));
        assert!(is_leech(&eight));
        assert!(became_leech(Some(&seven), &eight));
        assert!(!became_leech(Some(&eight), &eight));
    }

    #[test]
    fn leeches_are_listed_most_lapses_first() {
        let cards: Vec<CardId> = ["person:a", "person:b", "person:c", "person:d"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let mut states = BTreeMap::new();
        states.insert("person:a".to_string(), forgotten(8));
        states.insert("person:b".to_string(), forgotten(2));
        states.insert("person:c".to_string(), forgotten(9));
        let found: Vec<String> = leeches(&cards, &states)
            .into_iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found, ["person:c", "person:a"]);
    }
}
