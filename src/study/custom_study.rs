//! Custom study ("study more"), beyond the day's queue: review ahead, the cards missed
//! recently, everything about one person or one era. (More new cards today is an extension
//! of the deck's allowance: `Settings::add_more_new`.) Each has a link of its own
//! (`study=ahead`, `study=missed`, `study=person&id=…`, `study=era&id=…`).

use std::collections::{BTreeSet, HashMap};

use super::card_id::CardId;
use super::cards::{Card, Deck};
use super::new_order;
use super::review_queue::{History, Queue, is_learning};
use super::schedule::{Clock, DAY_MS, Grade, Phase, day_of, is_due_today};
use crate::content::Corpus;

/// How far "review ahead" looks, in days after today.
pub const AHEAD_DAYS: i64 = 7;
/// How far back "missed recently" looks, in days including today.
pub const MISSED_DAYS: i64 = 7;

/// A custom study session's choice of cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomStudy {
    /// Cards in review due in the next [`AHEAD_DAYS`] days, soonest first.
    ReviewAhead,
    /// Cards answered "Again" in the last [`MISSED_DAYS`] days, most recent first.
    Missed,
    /// Every card about one person (by person id).
    Person(String),
    /// Every card about one era (by era id).
    Era(String),
}

impl CustomStudy {
    /// From a link's `study` (and `id`) parameters.
    pub fn from_query(study: &str, id: Option<&str>) -> Option<Self> {
        let id = id.filter(|id| !id.is_empty() && id.len() <= 80);
        match (study, id) {
            ("ahead", _) => Some(Self::ReviewAhead),
            ("missed", _) => Some(Self::Missed),
            ("person", Some(id)) => Some(Self::Person(id.to_string())),
            ("era", Some(id)) => Some(Self::Era(id.to_string())),
            _ => None,
        }
    }

    /// The link's parameters, `study` first.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::ReviewAhead => vec![("study", "ahead".into())],
            Self::Missed => vec![("study", "missed".into())],
            Self::Person(id) => vec![("study", "person".into()), ("id", id.clone())],
            Self::Era(id) => vec![("study", "era".into()), ("id", id.clone())],
        }
    }

    /// What the session studies, for its heading.
    pub fn label(&self, corpus: &Corpus) -> String {
        match self {
            Self::ReviewAhead => format!("Review ahead: cards due in the next {AHEAD_DAYS} days"),
            Self::Missed => format!("Cards you missed in the last {MISSED_DAYS} days"),
            Self::Person(id) => format!(
                "Everything about {}",
                corpus.person(id).map_or(id.as_str(), |p| p.name.as_str())
            ),
            Self::Era(id) => corpus
                .era(id)
                .map_or_else(|| format!("The era {id}"), |e| e.name.clone()),
        }
    }

    /// Whether the person or era named exists (a link may name one that does not).
    pub fn is_known(&self, corpus: &Corpus) -> bool {
        match self {
            Self::Person(id) => corpus.person(id).is_some(),
            Self::Era(id) => corpus.era(id).is_some(),
            _ => true,
        }
    }

    /// The deck's cards this study draws from, in the deck's order.
    pub fn pool(&self, corpus: &Corpus, deck: &[Card]) -> Vec<CardId> {
        deck.iter()
            .filter(|card| match self {
                Self::Person(id) => is_about_person(corpus, &card.id, id),
                Self::Era(id) => is_in_era(corpus, &card.id, id),
                Self::ReviewAhead | Self::Missed => true,
            })
            .map(|card| card.id.clone())
            .collect()
    }

    /// The queue: the cards of `pool` this study picks that were not answered in this
    /// session (`answered`), and the answered ones that are learning and due again today.
    pub fn queue(
        &self,
        deck: Deck,
        pool: &[CardId],
        answered: &BTreeSet<CardId>,
        history: History,
        clock: &Clock,
    ) -> Queue {
        let fresh = pool.iter().filter(|c| !answered.contains(*c));
        let picked: Vec<CardId> = match self {
            Self::ReviewAhead => {
                let horizon = clock.end_of_day_ms() + AHEAD_DAYS * DAY_MS;
                let mut ahead: Vec<(i64, &CardId)> = fresh
                    .filter_map(|c| history.state(c).map(|s| (s, c)))
                    .filter(|(s, _)| s.phase == Phase::Review && !is_due_today(s, clock))
                    .filter(|(s, _)| s.due_ms <= horizon)
                    .map(|(s, c)| (s.due_ms, c))
                    .collect();
                ahead.sort();
                ahead.into_iter().map(|(_, c)| c.clone()).collect()
            }
            Self::Missed => {
                let since = clock.day() - (MISSED_DAYS - 1);
                let fresh: BTreeSet<String> = fresh.map(ToString::to_string).collect();
                let mut missed: Vec<CardId> = Vec::new();
                let mut seen = BTreeSet::new();
                for review in history.reviews.iter().rev() {
                    if review.grade == Grade::Again
                        && day_of(review.at_ms, clock.utc_offset_minutes) >= since
                        && fresh.contains(&review.card)
                        && seen.insert(review.card.as_str())
                        && let Ok(id) = review.card.parse()
                    {
                        missed.push(id);
                    }
                }
                missed
            }
            Self::Person(_) | Self::Era(_) => {
                // Due cards first (soonest first), then new ones in the day's order, then
                // the rest, soonest due first.
                let mut due: Vec<(i64, CardId)> = Vec::new();
                let mut unseen: Vec<CardId> = Vec::new();
                let mut rest: Vec<(i64, CardId)> = Vec::new();
                for card in fresh {
                    match history.state(card) {
                        None => unseen.push(card.clone()),
                        Some(s) if is_due_today(s, clock) => due.push((s.due_ms, card.clone())),
                        Some(s) => rest.push((s.due_ms, card.clone())),
                    }
                }
                due.sort();
                rest.sort();
                due.into_iter()
                    .map(|(_, c)| c)
                    .chain(new_order::shuffled(&unseen, deck, clock.day()))
                    .chain(rest.into_iter().map(|(_, c)| c))
                    .collect()
            }
        };
        // In the order picked: never studied cards as new, any other as one to review (a
        // card still learning waits for its turn like any other).
        let mut queue = Queue::default();
        for card in picked {
            match history.state(&card) {
                Some(s) if s.phase != Phase::New => queue.review.push(card),
                _ => queue.new.push(card),
            }
        }
        for card in answered {
            if let Some(s) = history.state(card)
                && is_learning(s)
                && is_due_today(s, clock)
            {
                queue.learning.push((card.clone(), s.due_ms));
            }
        }
        queue.sort_learning();
        queue
    }
}

/// Whether a card asks about `person`, or about an event, figure or quotation the data ties
/// to them.
pub fn is_about_person(corpus: &Corpus, card: &CardId, person: &str) -> bool {
    match card {
        CardId::Person(id) | CardId::PersonReverse(id) | CardId::PersonFate(id) => id == person,
        CardId::Event(id) => corpus
            .event(id)
            .is_some_and(|e| e.people.iter().any(|p| p == person)),
        CardId::Number(id) => ById::of(corpus)
            .numbers(corpus, id)
            .any(|n| n.people.iter().any(|p| p == person)),
        CardId::Quote(id) => ById::of(corpus)
            .quotes(corpus, id)
            .any(|q| q.speaker.as_deref() == Some(person) || q.about.iter().any(|p| p == person)),
        CardId::Account(id) => id
            .rsplit_once('.')
            .and_then(|(dispute, n)| {
                let index = n.parse::<usize>().ok()?.checked_sub(1)?;
                corpus.dispute(dispute)?.accounts.get(index)
            })
            .is_some_and(|a| a.person.as_deref() == Some(person)),
        CardId::Org(_) => false,
    }
}

/// Whether a card asks about an event of `era`, or a quotation from one of its years.
pub fn is_in_era(corpus: &Corpus, card: &CardId, era: &str) -> bool {
    let Some(era) = corpus.era(era) else {
        return false;
    };
    let year = |date: &str| date.get(..4).and_then(|y| y.parse::<u16>().ok());
    match card {
        CardId::Event(id) => corpus.event(id).is_some_and(|e| e.era == era.id),
        CardId::Quote(id) => ById::of(corpus).quotes(corpus, id).any(|q| {
            q.year.is_some_and(|y| {
                year(&era.start).is_some_and(|s| s <= y) && year(&era.end).is_some_and(|e| y <= e)
            })
        }),
        _ => false,
    }
}

/// Every position of each statistic's and quotation's id (more than one only in data the
/// checker refuses), worked out once per corpus, so a card's figure or quotation is found
/// without scanning the lists.
#[derive(Default)]
struct ById {
    numbers: HashMap<String, Vec<usize>>,
    quotes: HashMap<String, Vec<usize>>,
}

impl ById {
    fn of(corpus: &Corpus) -> std::sync::Arc<Self> {
        corpus.derived(|corpus| {
            let mut by_id = Self::default();
            for (i, n) in corpus.numbers.iter().enumerate() {
                by_id.numbers.entry(n.id.clone()).or_default().push(i);
            }
            for (i, q) in corpus.quotes.iter().enumerate() {
                by_id.quotes.entry(q.id.clone()).or_default().push(i);
            }
            by_id
        })
    }

    /// The statistics with the id, in data order (what a scan of the list finds).
    fn numbers<'c>(
        &self,
        corpus: &'c Corpus,
        id: &str,
    ) -> impl Iterator<Item = &'c crate::content::Statistic> {
        let at = self.numbers.get(id).cloned().unwrap_or_default();
        at.into_iter().map(|i| &corpus.numbers[i])
    }

    /// The quotations with the id, in data order (what a scan of the list finds).
    fn quotes<'c>(
        &self,
        corpus: &'c Corpus,
        id: &str,
    ) -> impl Iterator<Item = &'c crate::content::Quote> {
        let at = self.quotes.get(id).cloned().unwrap_or_default();
        at.into_iter().map(|i| &corpus.quotes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::review_queue::tests::{NOON, Saved, clock, ids};

    /// What `is_about_person` and `is_in_era` answered by scanning the lists.
    fn scanned(corpus: &Corpus, card: &CardId, person: &str, era: &str) -> (bool, bool) {
        let in_years = |y: u16| {
            let year = |date: &str| date.get(..4).and_then(|y| y.parse::<u16>().ok());
            corpus.era(era).is_some_and(|e| {
                year(&e.start).is_some_and(|s| s <= y) && year(&e.end).is_some_and(|e| y <= e)
            })
        };
        match card {
            CardId::Number(id) => (
                (corpus.numbers.iter())
                    .any(|n| &n.id == id && n.people.iter().any(|p| p == person)),
                false,
            ),
            CardId::Quote(id) => (
                corpus.quotes.iter().any(|q| {
                    &q.id == id
                        && (q.speaker.as_deref() == Some(person)
                            || q.about.iter().any(|p| p == person))
                }),
                (corpus.quotes.iter()).any(|q| &q.id == id && q.year.is_some_and(in_years)),
            ),
            _ => unreachable!(),
        }
    }

    #[test]
    fn figures_and_quotations_are_found_as_a_scan_finds_them() {
        let mut corpus =
            crate::content::load::load_dir(std::path::Path::new("data")).expect("data/ loads");
        // A repeated id (data the checker refuses): every entry with it counts.
        let mut twin = corpus.quotes[3].clone();
        twin.id = corpus.quotes[0].id.clone();
        corpus.quotes.push(twin);
        let mut twin = corpus.numbers[3].clone();
        twin.id = corpus.numbers[0].id.clone();
        corpus.numbers.push(twin);
        let cards: Vec<CardId> = (corpus.numbers.iter())
            .map(|n| CardId::Number(n.id.clone()))
            .chain(corpus.quotes.iter().map(|q| CardId::Quote(q.id.clone())))
            .chain([CardId::Number("none".into()), CardId::Quote("none".into())])
            .collect();
        let people = corpus.people.iter().map(|p| p.id.as_str());
        let eras: Vec<&str> = corpus.eras.iter().map(|e| e.id.as_str()).collect();
        let (mut about, mut within) = (0, 0);
        for (n, person) in people.enumerate() {
            let era = eras[n % eras.len()];
            for card in &cards {
                let found = (
                    is_about_person(&corpus, card, person),
                    is_in_era(&corpus, card, era),
                );
                assert_eq!(
                    found,
                    scanned(&corpus, card, person, era),
                    "{card} {person}"
                );
                about += usize::from(found.0);
                within += usize::from(found.1);
            }
        }
        assert!(about > 50 && within > 20, "{about} {within}");
    }

    #[test]
    fn links_round_trip() {
        for study in [
            CustomStudy::ReviewAhead,
            CustomStudy::Missed,
            CustomStudy::Person("yezhov".into()),
            CustomStudy::Era("beria".into()),
        ] {
            let query = study.query();
            let id = query.get(1).map(|(_, v)| v.as_str());
            assert_eq!(CustomStudy::from_query(&query[0].1, id), Some(study));
        }
        assert_eq!(CustomStudy::from_query("person", None), None);
        assert_eq!(CustomStudy::from_query("cram", Some("x")), None);
    }

    #[test]
    fn review_ahead_takes_the_next_weeks_reviews_soonest_first() {
        let cards = ids("person", 4);
        let mut saved = Saved::default();
        for (card, days) in cards.iter().zip([3, 1, 30, 0]) {
            saved.grade(card, Grade::Good, NOON - 60 * DAY_MS);
            let s = saved.states.get_mut(&card.to_string()).unwrap();
            s.phase = Phase::Review;
            s.due_ms = NOON + days * DAY_MS;
        }
        let queue = CustomStudy::ReviewAhead.queue(
            Deck::People,
            &cards,
            &BTreeSet::new(),
            saved.history(),
            &clock(NOON),
        );
        // Due today is today's queue's; in a month is beyond the week.
        assert_eq!(queue.review, [cards[1].clone(), cards[0].clone()]);
    }

    #[test]
    fn missed_recently_takes_cards_answered_again_this_week() {
        let cards = ids("event", 4);
        let mut saved = Saved::default();
        saved.grade(&cards[0], Grade::Again, NOON - 10 * DAY_MS);
        saved.grade(&cards[1], Grade::Again, NOON - 2 * DAY_MS);
        saved.grade(&cards[2], Grade::Good, NOON - DAY_MS);
        saved.grade(&cards[3], Grade::Again, NOON - DAY_MS);
        let mut answered = BTreeSet::new();
        let study = CustomStudy::Missed;
        let queue = study.queue(
            Deck::Dates,
            &cards,
            &answered,
            saved.history(),
            &clock(NOON),
        );
        assert_eq!(queue.counts().total(), 2);
        assert_eq!(queue.next(NOON, None), Some(&cards[3]), "most recent first");
        // Answered Good in the session: gone from it. Answered Again: back when due.
        saved.grade(&cards[3], Grade::Good, NOON);
        answered.insert(cards[3].clone());
        saved.grade(&cards[1], Grade::Again, NOON);
        answered.insert(cards[1].clone());
        let queue = study.queue(
            Deck::Dates,
            &cards,
            &answered,
            saved.history(),
            &clock(NOON),
        );
        assert_eq!(queue.counts().learning, 1);
        assert_eq!(queue.next(NOON + 120_000, None), Some(&cards[1]));
    }
}
