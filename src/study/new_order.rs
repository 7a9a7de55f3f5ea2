//! The order a deck's new cards are introduced in: a shuffle seeded by the deck and the
//! student's day, so that one date card does not predict the next, the order holds all day
//! (reloads, other tabs) and every new card is in it exactly once.

use super::cards::Deck;
use std::fmt;

use super::rng::fnv1a;

/// The seed of `deck`'s new-card order on local day `day`.
pub fn seed(deck: Deck, day: i64) -> u64 {
    fnv1a(deck.slug()) ^ (day as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// `cards` (the deck's new cards) in the day's order. Each card's place comes from the seed
/// and its own id alone, so the order of any subset follows the order of the whole:
/// introducing a card (or another tab doing so) does not reorder the rest.
pub fn shuffled<T: Clone + Ord + fmt::Display>(cards: &[T], deck: Deck, day: i64) -> Vec<T> {
    first(cards, deck, day, cards.len())
}

/// The first `n` of `shuffled(cards, deck, day)`, without ordering (or copying) the rest: a
/// deck of thousands of new cards introduces a handful a day.
pub fn first<T: Clone + Ord + fmt::Display>(cards: &[T], deck: Deck, day: i64, n: usize) -> Vec<T> {
    let seed = seed(deck, day);
    let mut keyed: Vec<(u64, &T)> = cards
        .iter()
        .map(|c| (mix(seed ^ fnv1a(&c.to_string())), c))
        .collect();
    if n < keyed.len() {
        if n == 0 {
            return Vec::new();
        }
        keyed.select_nth_unstable(n - 1);
        keyed.truncate(n);
    }
    keyed.sort();
    keyed.into_iter().map(|(_, c)| c.clone()).collect()
}

/// SplitMix64's finaliser: spreads a hash over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("event:e{i:03}")).collect()
    }

    #[test]
    fn the_same_deck_and_day_give_the_same_order() {
        let c = cards(40);
        assert_eq!(
            shuffled(&c, Deck::Dates, 20_000),
            shuffled(&c, Deck::Dates, 20_000)
        );
    }

    #[test]
    fn another_day_or_deck_gives_another_order() {
        let c = cards(40);
        let today = shuffled(&c, Deck::Dates, 20_000);
        assert_ne!(today, shuffled(&c, Deck::Dates, 20_001));
        assert_ne!(today, shuffled(&c, Deck::All, 20_000));
        assert_ne!(today, c, "not the document's order");
    }

    #[test]
    fn introducing_cards_does_not_reorder_the_rest() {
        let c = cards(40);
        let whole = shuffled(&c, Deck::Dates, 20_000);
        let rest: Vec<String> = c
            .iter()
            .filter(|id| !whole[..5].contains(id))
            .cloned()
            .collect();
        assert_eq!(shuffled(&rest, Deck::Dates, 20_000), whole[5..]);
    }

    #[test]
    fn the_first_few_are_the_whole_orders_first_few() {
        for total in [0, 1, 2, 7, 40, 300] {
            let c = cards(total);
            let whole = shuffled(&c, Deck::People, 321);
            for n in [0, 1, 2, 5, 39, 40, 41, 299, 300, 1000] {
                assert_eq!(
                    first(&c, Deck::People, 321, n),
                    whole[..n.min(total)],
                    "{n} of {total}"
                );
            }
        }
    }

    #[test]
    fn no_card_is_lost_or_doubled() {
        for n in [0, 1, 2, 7, 40, 300] {
            let c = cards(n);
            let mut out = shuffled(&c, Deck::People, 123);
            assert_eq!(out.len(), n);
            out.sort();
            assert_eq!(out, c);
        }
    }
}
