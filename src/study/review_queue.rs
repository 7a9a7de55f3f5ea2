//! What a review session shows next and the counts new / learning / review: a deck's cards
//! for today (learning cards when due, reviews due today, then new cards up to the deck's own
//! allowance, in the day's seeded order). Custom study builds its queue in `custom_study`.

use std::collections::{BTreeMap, BTreeSet};

use super::card_id::CardId;
use super::cards::Deck;
use super::new_order;
use super::schedule::{CardState, Clock, Phase, ReviewRecord, Settings, day_of, is_due_today};

/// What a queue is built from: the saved card states, the review history and the settings.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub states: &'a BTreeMap<String, CardState>,
    pub reviews: &'a [ReviewRecord],
    pub settings: &'a Settings,
}

impl<'a> History<'a> {
    pub fn state(&self, card: &CardId) -> Option<&'a CardState> {
        self.states.get(&card.to_string())
    }
}

/// How many cards are left, by kind. Learning cards count once however many steps remain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

/// A session's cards, sorted into what comes next.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Queue {
    /// Learning (or relearning) cards, earliest due first, with when they are due.
    pub learning: Vec<(CardId, i64)>,
    /// Cards to review, in order.
    pub review: Vec<CardId>,
    /// New cards, in the order they are introduced.
    pub new: Vec<CardId>,
}

impl Queue {
    pub fn counts(&self) -> Counts {
        Counts {
            new: self.new.len(),
            learning: self.learning.len(),
            review: self.review.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts().total() == 0
    }

    /// The card to show at `now_ms`: a learning card that is due, else the next review, else
    /// the next new card, else the learning card due soonest (not `avoid`, the card just
    /// answered, while another is waiting).
    pub fn next(&self, now_ms: i64, avoid: Option<&CardId>) -> Option<&CardId> {
        let due_learning = self.learning.iter().find(|(_, due)| *due <= now_ms);
        due_learning
            .map(|(id, _)| id)
            .or_else(|| self.review.first())
            .or_else(|| self.new.first())
            .or_else(|| {
                let waiting = self.learning.iter().map(|(id, _)| id);
                waiting
                    .clone()
                    .find(|id| Some(*id) != avoid)
                    .or_else(|| waiting.clone().next())
            })
    }

    pub(super) fn sort_learning(&mut self) {
        self.learning
            .sort_by(|(a, a_due), (b, b_due)| (a_due, a).cmp(&(b_due, b)));
    }
}

/// Whether a card is in learning or relearning (short steps within a day).
pub fn is_learning(state: &CardState) -> bool {
    matches!(state.phase, Phase::Learning | Phase::Relearning)
}

/// How many of `cards` were studied for the first time on the student's current day.
/// (Today's first reviews are few and a deck's cards may be thousands: the reviews are read
/// first, and the cards are only compared with them.)
pub fn new_introduced_today(cards: &[CardId], reviews: &[ReviewRecord], clock: &Clock) -> usize {
    let today = clock.day();
    let studied: BTreeSet<CardId> = reviews
        .iter()
        .filter(|r| r.was_new && day_of(r.at_ms, clock.utc_offset_minutes) == today)
        .filter_map(|r| {
            r.card
                .parse::<CardId>()
                .ok()
                .filter(|id| id.to_string() == r.card)
        })
        .collect();
    if studied.is_empty() {
        return 0;
    }
    let in_deck: BTreeSet<&CardId> = cards.iter().filter(|c| studied.contains(c)).collect();
    in_deck.len()
}

/// How many more new cards `deck` (whose cards are `cards`) may introduce today: its own
/// limit plus any "study more" for today, less what it introduced today.
pub fn new_allowance(deck: Deck, cards: &[CardId], history: History, clock: &Clock) -> usize {
    let limit = history.settings.new_limit(deck) + history.settings.more_new_on(deck, clock.day());
    (limit as usize).saturating_sub(new_introduced_today(cards, history.reviews, clock))
}

/// Today's queue of `deck` (whose cards are `cards`, in the deck's order).
pub fn today(deck: Deck, cards: &[CardId], history: History, clock: &Clock) -> Queue {
    let mut queue = Queue::default();
    let mut review: Vec<(i64, &CardId)> = Vec::new();
    let mut unseen: Vec<&CardId> = Vec::new();
    for card in cards {
        match history.state(card) {
            None => unseen.push(card),
            Some(s) if s.phase == Phase::New => unseen.push(card),
            Some(s) if !is_due_today(s, clock) => {}
            Some(s) if is_learning(s) => queue.learning.push((card.clone(), s.due_ms)),
            Some(s) => review.push((s.due_ms, card)),
        }
    }
    queue.sort_learning();
    review.sort();
    queue.review = review.into_iter().map(|(_, id)| id.clone()).collect();
    let allowance = new_allowance(deck, cards, history, clock);
    queue.new = new_order::first(&unseen, deck, clock.day(), allowance)
        .into_iter()
        .cloned()
        .collect();
    queue
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::study::review_id::ReviewId;
    use crate::study::schedule::{DAY_MS, Grade, review};

    pub const NOON: i64 = 1_767_268_800_000; // 2026-01-01T12:00:00Z

    pub fn clock(ms: i64) -> Clock {
        Clock {
            now_ms: ms,
            utc_offset_minutes: 0,
        }
    }

    pub fn ids(prefix: &str, n: usize) -> Vec<CardId> {
        (0..n)
            .map(|i| format!("{prefix}:c{i:02}").parse().unwrap())
            .collect()
    }

    /// A saved history that test steps grade cards into.
    #[derive(Default)]
    pub struct Saved {
        pub states: BTreeMap<String, CardState>,
        pub reviews: Vec<ReviewRecord>,
        pub settings: Settings,
    }

    impl Saved {
        pub fn with_limit(new_per_day: u32) -> Self {
            Saved {
                settings: Settings {
                    new_per_day,
                    ..Settings::default()
                },
                ..Saved::default()
            }
        }

        pub fn history(&self) -> History<'_> {
            History {
                states: &self.states,
                reviews: &self.reviews,
                settings: &self.settings,
            }
        }

        pub fn grade(&mut self, card: &CardId, grade: Grade, at_ms: i64) {
            let key = card.to_string();
            let previous = self.states.get(&key);
            let next = review(previous, grade, at_ms, &self.settings);
            self.reviews.push(ReviewRecord {
                id: ReviewId::from_random(self.reviews.len() as u64 + 1),
                card: key.clone(),
                grade,
                at_ms,
                was_new: previous.is_none(),
            });
            self.states.insert(key, next);
        }
    }

    #[test]
    fn each_deck_has_its_own_new_card_limit() {
        let people = ids("person", 10);
        let dates = ids("event", 10);
        let every: Vec<CardId> = people.iter().chain(&dates).cloned().collect();
        let mut saved = Saved::with_limit(3);
        let now = clock(NOON);
        for card in today(Deck::People, &people, saved.history(), &now).new {
            saved.grade(&card, Grade::Easy, NOON);
        }
        assert!(
            today(Deck::People, &people, saved.history(), &now)
                .new
                .is_empty()
        );
        // A deck never opened still has its whole allowance.
        assert_eq!(
            today(Deck::Dates, &dates, saved.history(), &now).new.len(),
            3
        );
        // "Everything" counts what it introduced from its own cards: three people cards.
        assert!(
            today(Deck::All, &every, saved.history(), &now)
                .new
                .is_empty()
        );
        // A deck's own limit overrides the shared one.
        saved.settings.set_new_limit(Deck::Dates, Some(5));
        assert_eq!(
            today(Deck::Dates, &dates, saved.history(), &now).new.len(),
            5
        );
        // Tomorrow the allowance renews.
        let tomorrow = clock(NOON + DAY_MS);
        assert_eq!(
            today(Deck::People, &people, saved.history(), &tomorrow)
                .new
                .len(),
            3
        );
    }

    #[test]
    fn new_cards_introduced_today_are_counted_once_and_only_from_the_deck() {
        let deck = ids("person", 6);
        let record = |card: &str, at_ms: i64, was_new: bool| ReviewRecord {
            id: ReviewId::from_random(at_ms as u64),
            card: card.to_string(),
            grade: Grade::Good,
            at_ms,
            was_new,
        };
        let reviews = vec![
            record("person:c01", NOON, true),
            record("person:c01", NOON + 1, true), // the same card twice
            record("person:c02", NOON + 2, true),
            record("person:c03", NOON - DAY_MS, true), // yesterday
            record("person:c04", NOON + 3, false),     // not new
            record("event:c05", NOON + 4, true),       // another deck
            record("person:c99", NOON + 5, true),      // not in this deck
            record("not a card id", NOON + 6, true),
            record("person:", NOON + 7, true),
        ];
        // What the old string comparison counted: distinct card texts among the deck's.
        let texts: BTreeSet<String> = deck.iter().map(ToString::to_string).collect();
        let expected: BTreeSet<&str> = reviews
            .iter()
            .filter(|r| r.was_new && day_of(r.at_ms, 0) == clock(NOON).day())
            .map(|r| r.card.as_str())
            .filter(|c| texts.contains(*c))
            .collect();
        assert_eq!(expected.len(), 2);
        assert_eq!(new_introduced_today(&deck, &reviews, &clock(NOON)), 2);
        assert_eq!(new_introduced_today(&deck, &[], &clock(NOON)), 0);
        assert_eq!(new_introduced_today(&[], &reviews, &clock(NOON)), 0);
    }

    #[test]
    fn study_more_adds_new_cards_for_today_only() {
        let people = ids("person", 10);
        let mut saved = Saved::with_limit(2);
        let now = clock(NOON);
        for card in today(Deck::People, &people, saved.history(), &now).new {
            saved.grade(&card, Grade::Easy, NOON);
        }
        assert!(today(Deck::People, &people, saved.history(), &now).is_empty());
        saved.settings.add_more_new(Deck::People, now.day(), 5);
        let more = today(Deck::People, &people, saved.history(), &now);
        assert_eq!(more.new.len(), 5);
        assert!(
            more.new
                .iter()
                .all(|c| !saved.states.contains_key(&c.to_string()))
        );
        // Asking twice adds up; tomorrow the extension is gone.
        saved.settings.add_more_new(Deck::People, now.day(), 1);
        assert_eq!(
            today(Deck::People, &people, saved.history(), &now)
                .new
                .len(),
            6
        );
        let tomorrow = clock(NOON + DAY_MS);
        assert_eq!(saved.settings.more_new_on(Deck::People, tomorrow.day()), 0);
    }

    #[test]
    fn due_reviews_come_before_new_cards_earliest_first() {
        let cards = ids("person", 3);
        let mut saved = Saved::default();
        saved.grade(&cards[0], Grade::Good, NOON - 30 * DAY_MS);
        saved.grade(&cards[1], Grade::Good, NOON - 30 * DAY_MS);
        for (card, days) in [(&cards[0], 1), (&cards[1], 2)] {
            let state = saved.states.get_mut(&card.to_string()).unwrap();
            state.phase = Phase::Review;
            state.due_ms = NOON - days * DAY_MS;
        }
        let queue = today(Deck::People, &cards, saved.history(), &clock(NOON));
        assert_eq!(queue.review, [cards[1].clone(), cards[0].clone()]);
        assert_eq!(queue.next(NOON, None), Some(&cards[1]));
        assert_eq!(queue.new, [cards[2].clone()]);
    }

    #[test]
    fn learning_steps_bring_a_card_back_the_same_day_and_the_counts_move() {
        let cards = ids("event", 5);
        let mut saved = Saved::with_limit(5);
        let now = clock(NOON);
        let queue = today(Deck::Dates, &cards, saved.history(), &now);
        assert_eq!(
            queue.counts(),
            Counts {
                new: 5,
                learning: 0,
                review: 0
            }
        );
        let first = queue.next(NOON, None).unwrap().clone();
        // Again: back in a minute, counted as learning.
        saved.grade(&first, Grade::Again, NOON);
        let queue = today(Deck::Dates, &cards, saved.history(), &now);
        assert_eq!(
            queue.counts(),
            Counts {
                new: 4,
                learning: 1,
                review: 0
            }
        );
        // Not due yet: a new card comes first.
        let next = queue.next(NOON + 1_000, Some(&first)).unwrap();
        assert_ne!(next, &first);
        // Due a minute later: the learning card comes before new ones.
        assert_eq!(queue.next(NOON + 61_000, None), Some(&first));
        // Good, Good: it graduates to review in days, and leaves today's counts.
        saved.grade(&first, Grade::Good, NOON + 61_000);
        let state = &saved.states[&first.to_string()];
        let later = state.due_ms;
        saved.grade(&first, Grade::Good, later);
        assert_eq!(saved.states[&first.to_string()].phase, Phase::Review);
        let queue = today(Deck::Dates, &cards, saved.history(), &clock(later));
        assert_eq!(
            queue.counts(),
            Counts {
                new: 4,
                learning: 0,
                review: 0
            }
        );
    }

    #[test]
    fn when_only_learning_cards_wait_the_soonest_other_one_comes() {
        let cards = ids("event", 2);
        let mut saved = Saved::with_limit(2);
        saved.grade(&cards[0], Grade::Hard, NOON);
        saved.grade(&cards[1], Grade::Again, NOON + 1);
        let queue = today(Deck::Dates, &cards, saved.history(), &clock(NOON + 2));
        assert_eq!(queue.counts().learning, 2);
        assert_eq!(queue.next(NOON + 2, None), Some(&cards[1]));
        assert_eq!(queue.next(NOON + 2, Some(&cards[1])), Some(&cards[0]));
        assert_eq!(Queue::default().next(NOON, None), None);
    }

    #[test]
    fn new_cards_come_in_the_days_shuffled_order() {
        let cards = ids("event", 30);
        let saved = Saved::with_limit(30);
        let day1 = today(Deck::Dates, &cards, saved.history(), &clock(NOON)).new;
        let again = today(
            Deck::Dates,
            &cards,
            saved.history(),
            &clock(NOON + 3_600_000),
        )
        .new;
        let day2 = today(Deck::Dates, &cards, saved.history(), &clock(NOON + DAY_MS)).new;
        assert_eq!(day1, again, "the same all day");
        assert_ne!(day1, day2, "another day, another order");
        assert_ne!(day1, cards, "not the document's order");
        let mut sorted = day1.clone();
        sorted.sort();
        assert_eq!(sorted, cards, "no card lost or doubled");
    }
}
