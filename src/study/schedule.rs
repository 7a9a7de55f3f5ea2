//! Spaced repetition with FSRS (the `rs-fsrs` crate): a card's saved memory state, grading it,
//! what is due today, the student's settings (with each deck's new-cards-a-day limit), and the
//! forecast of the next days. The order of a day's cards is `review_queue`'s.
//!
//! The time is always an argument ([`Clock`]), never read here, so host tests are
//! deterministic; the app passes the real clock.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rs_fsrs::{FSRS, Parameters, Rating, Seed, State};
use serde::{Deserialize, Serialize};

use super::cards::Deck;
use super::review_id::ReviewId;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The moment of a review, and the student's offset from UTC so that "today" is their day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now_ms: i64,
    pub utc_offset_minutes: i32,
}

impl Clock {
    /// The student's local day number (days since 1970-01-01 in their time zone).
    pub fn day(&self) -> i64 {
        day_of(self.now_ms, self.utc_offset_minutes)
    }

    /// The last millisecond of the student's current day.
    pub fn end_of_day_ms(&self) -> i64 {
        (self.day() + 1) * DAY_MS - i64::from(self.utc_offset_minutes) * 60_000 - 1
    }
}

/// The local day number of a moment.
pub fn day_of(ms: i64, utc_offset_minutes: i32) -> i64 {
    (ms + i64::from(utc_offset_minutes) * 60_000).div_euclid(DAY_MS)
}

/// A day number (days since 1970-01-01) as a civil date: year, month (1–12), day (1–31).
/// Howard Hinnant's algorithm.
pub fn civil_date(day: i64) -> (i64, u8, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m as u8, d as u8)
}

/// How well the student recalled a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const EVERY: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The key that gives this grade (1–4).
    pub fn key(self) -> char {
        match self {
            Grade::Again => '1',
            Grade::Hard => '2',
            Grade::Good => '3',
            Grade::Easy => '4',
        }
    }

    pub fn from_key(key: &str) -> Option<Grade> {
        Grade::EVERY
            .into_iter()
            .find(|g| key.starts_with(g.key()) && key.len() == 1)
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// A card's memory state as saved (times in milliseconds since the epoch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub due_ms: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    pub phase: Phase,
    pub last_review_ms: i64,
}

/// The student's scheduling settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Probability of recall FSRS aims for when it schedules a review (0.7–0.99).
    pub desired_retention: f64,
    /// How many new cards a day each deck may introduce (unless the deck has its own limit).
    pub new_per_day: u32,
    /// A deck's own new-cards-a-day limit, by deck slug (`people`, `dates`, …).
    #[serde(default)]
    pub deck_new_per_day: BTreeMap<String, u32>,
    /// New cards added to a deck's allowance for one day ("study more"), by deck slug.
    #[serde(default)]
    pub more_new: BTreeMap<String, MoreNew>,
}

/// Extra new cards a deck may introduce on one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoreNew {
    /// The student's local day number ([`Clock::day`]).
    pub day: i64,
    pub count: u32,
}

/// The most a day's limit of new cards (or its extension) can be.
pub const MAX_NEW_PER_DAY: u32 = 500;

/// The most per-deck entries kept (far more than there are decks; a bound against a hostile
/// file).
const MAX_DECK_ENTRIES: usize = 32;

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: 0.9,
            new_per_day: 20,
            deck_new_per_day: BTreeMap::new(),
            more_new: BTreeMap::new(),
        }
    }
}

impl Settings {
    /// The settings with values kept in range.
    pub fn clamped(&self) -> Self {
        let bounded = |slug: &String| !slug.is_empty() && slug.len() <= 40;
        Self {
            desired_retention: if self.desired_retention.is_finite() {
                self.desired_retention.clamp(0.7, 0.99)
            } else {
                0.9
            },
            new_per_day: self.new_per_day.min(MAX_NEW_PER_DAY),
            deck_new_per_day: self
                .deck_new_per_day
                .iter()
                .filter(|(slug, _)| bounded(slug))
                .take(MAX_DECK_ENTRIES)
                .map(|(slug, n)| (slug.clone(), (*n).min(MAX_NEW_PER_DAY)))
                .collect(),
            more_new: self
                .more_new
                .iter()
                .filter(|(slug, _)| bounded(slug))
                .take(MAX_DECK_ENTRIES)
                .map(|(slug, more)| {
                    let count = more.count.min(MAX_NEW_PER_DAY);
                    (slug.clone(), MoreNew { count, ..*more })
                })
                .collect(),
        }
    }

    /// How many new cards a day `deck` may introduce, before any "study more".
    pub fn new_limit(&self, deck: Deck) -> u32 {
        self.deck_new_per_day
            .get(deck.slug())
            .copied()
            .unwrap_or(self.new_per_day)
    }

    /// Sets `deck`'s own limit; `None` goes back to the limit every deck shares.
    pub fn set_new_limit(&mut self, deck: Deck, limit: Option<u32>) {
        match limit {
            Some(n) => {
                self.deck_new_per_day
                    .insert(deck.slug().to_string(), n.min(MAX_NEW_PER_DAY));
            }
            None => {
                self.deck_new_per_day.remove(deck.slug());
            }
        }
    }

    /// The new cards "study more" added to `deck` for local day `day`.
    pub fn more_new_on(&self, deck: Deck, day: i64) -> u32 {
        self.more_new
            .get(deck.slug())
            .filter(|m| m.day == day)
            .map_or(0, |m| m.count)
    }

    /// Lets `deck` introduce `count` more new cards on local day `day` (an extension from an
    /// earlier day is replaced).
    pub fn add_more_new(&mut self, deck: Deck, day: i64, count: u32) {
        let today = self.more_new_on(deck, day);
        let count = today.saturating_add(count).min(MAX_NEW_PER_DAY);
        self.more_new
            .insert(deck.slug().to_string(), MoreNew { day, count });
    }
}

fn to_time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn scheduler(settings: &Settings) -> FSRS {
    // Built by hand: rs-fsrs' defaults read the system clock (for a fuzz seed), which
    // WebAssembly does not have. Fuzz stays off so that schedules are reproducible.
    let defaults = Parameters {
        request_retention: settings.clamped().desired_retention,
        maximum_interval: 36_500,
        w: [
            0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824,
            1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
        ],
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: true,
        enable_fuzz: false,
        seed: Seed::String("nkvd-study".to_string()),
    };
    FSRS::new(defaults)
}

fn to_fsrs(state: Option<&CardState>, now_ms: i64) -> rs_fsrs::Card {
    match state {
        None => rs_fsrs::Card {
            due: to_time(now_ms),
            last_review: to_time(now_ms),
            ..rs_fsrs::Card::default()
        },
        Some(s) => rs_fsrs::Card {
            due: to_time(s.due_ms),
            stability: s.stability,
            difficulty: s.difficulty,
            elapsed_days: s.elapsed_days,
            scheduled_days: s.scheduled_days,
            reps: s.reps,
            lapses: s.lapses,
            state: match s.phase {
                Phase::New => State::New,
                Phase::Learning => State::Learning,
                Phase::Review => State::Review,
                Phase::Relearning => State::Relearning,
            },
            last_review: to_time(s.last_review_ms),
        },
    }
}

fn from_fsrs(card: &rs_fsrs::Card) -> CardState {
    CardState {
        due_ms: card.due.timestamp_millis(),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: card.reps,
        lapses: card.lapses,
        phase: match card.state {
            State::New => Phase::New,
            State::Learning => Phase::Learning,
            State::Review => Phase::Review,
            State::Relearning => Phase::Relearning,
        },
        last_review_ms: card.last_review.timestamp_millis(),
    }
}

/// The state after grading a card (`None` = never reviewed) at `now_ms`.
pub fn review(
    state: Option<&CardState>,
    grade: Grade,
    now_ms: i64,
    settings: &Settings,
) -> CardState {
    let card = to_fsrs(state, now_ms);
    let info = scheduler(settings).next(card, to_time(now_ms), grade.rating());
    from_fsrs(&info.card)
}

/// Whether a reviewed card is due today (by the end of the student's day).
pub fn is_due_today(state: &CardState, clock: &Clock) -> bool {
    state.due_ms <= clock.end_of_day_ms()
}

/// One review as saved in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRecord {
    pub id: ReviewId,
    pub card: String,
    pub grade: Grade,
    pub at_ms: i64,
    /// Whether the card was new before this review (counts against the daily limit).
    pub was_new: bool,
}

/// How many reviewed cards fall due on each of the next `days` days (day 0 = today,
/// including anything overdue).
pub fn forecast<'a>(
    states: impl Iterator<Item = &'a CardState>,
    clock: &Clock,
    days: usize,
) -> Vec<usize> {
    let mut counts = vec![0; days];
    let today = clock.day();
    for state in states {
        let offset = (day_of(state.due_ms, clock.utc_offset_minutes) - today).max(0);
        if let Some(slot) = usize::try_from(offset).ok().and_then(|o| counts.get_mut(o)) {
            *slot += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON: i64 = 1_767_268_800_000; // 2026-01-01T12:00:00Z

    fn clock(ms: i64) -> Clock {
        Clock {
            now_ms: ms,
            utc_offset_minutes: 0,
        }
    }

    #[test]
    fn scheduling_is_deterministic_for_a_given_clock() {
        let settings = Settings::default();
        let run = || {
            let mut state: Option<CardState> = None;
            let mut now = NOON;
            let mut out = Vec::new();
            for grade in [
                Grade::Good,
                Grade::Good,
                Grade::Hard,
                Grade::Again,
                Grade::Easy,
            ] {
                let next = review(state.as_ref(), grade, now, &settings);
                now = next.due_ms.max(now + 60_000);
                out.push(next.clone());
                state = Some(next);
            }
            out
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn better_grades_give_longer_intervals() {
        let settings = Settings::default();
        let first = review(None, Grade::Good, NOON, &settings);
        let after_good = review(Some(&first), Grade::Good, first.due_ms, &settings);
        let after_again = review(Some(&first), Grade::Again, first.due_ms, &settings);
        let after_easy = review(Some(&first), Grade::Easy, first.due_ms, &settings);
        assert!(after_again.due_ms < after_good.due_ms);
        assert!(after_good.due_ms <= after_easy.due_ms);
        assert!(after_again.lapses >= first.lapses);
    }

    #[test]
    fn higher_desired_retention_schedules_sooner() {
        let low = Settings {
            desired_retention: 0.8,
            ..Settings::default()
        };
        let high = Settings {
            desired_retention: 0.97,
            ..Settings::default()
        };
        let mut a = review(None, Grade::Easy, NOON, &low);
        let mut b = review(None, Grade::Easy, NOON, &high);
        a = review(Some(&a), Grade::Good, a.due_ms, &low);
        b = review(Some(&b), Grade::Good, b.due_ms, &high);
        assert!(
            b.scheduled_days < a.scheduled_days,
            "{} < {}",
            b.scheduled_days,
            a.scheduled_days
        );
    }

    #[test]
    fn settings_saved_before_per_deck_limits_still_read_and_new_fields_are_clamped() {
        let old: Settings =
            serde_json::from_str(r#"{"desired_retention":0.85,"new_per_day":15}"#).unwrap();
        assert_eq!(old.new_limit(Deck::Dates), 15);
        assert_eq!(old.more_new_on(Deck::Dates, 1), 0);
        let wild: Settings = serde_json::from_str(
            r#"{"desired_retention":0.9,"new_per_day":5,"deck_new_per_day":{"dates":9999,"":3},
                "more_new":{"people":{"day":7,"count":100000}}}"#,
        )
        .unwrap();
        let tame = wild.clamped();
        assert_eq!(tame.new_limit(Deck::Dates), MAX_NEW_PER_DAY);
        assert_eq!(tame.deck_new_per_day.len(), 1);
        assert_eq!(tame.more_new_on(Deck::People, 7), MAX_NEW_PER_DAY);
        let mut s = Settings::default();
        s.set_new_limit(Deck::People, Some(3));
        s.add_more_new(Deck::People, 7, 10);
        s.add_more_new(Deck::People, 8, 2);
        assert_eq!(
            (s.new_limit(Deck::People), s.new_limit(Deck::Dates)),
            (3, 20)
        );
        assert_eq!(
            (
                s.more_new_on(Deck::People, 7),
                s.more_new_on(Deck::People, 8)
            ),
            (0, 2)
        );
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        s.set_new_limit(Deck::People, None);
        assert_eq!(s.new_limit(Deck::People), 20);
    }

    #[test]
    fn forecast_counts_cards_by_local_day() {
        let base = review(None, Grade::Good, NOON, &Settings::default());
        let on = |days: i64| CardState {
            due_ms: NOON + days * DAY_MS,
            ..base.clone()
        };
        let states = [on(-3), on(0), on(1), on(1), on(13), on(14)];
        let counts = forecast(states.iter(), &clock(NOON), 14);
        assert_eq!(counts.len(), 14);
        assert_eq!(counts[0], 2, "overdue and today");
        assert_eq!(counts[1], 2);
        assert_eq!(counts[13], 1);
        assert_eq!(
            counts.iter().sum::<usize>(),
            5,
            "day 14 is beyond the window"
        );
    }

    #[test]
    fn local_days_follow_the_utc_offset() {
        // 23:30 UTC is already the next day at UTC+1.
        let late = NOON + 11 * 3_600_000 + 30 * 60_000;
        assert_eq!(day_of(late, 0) + 1, day_of(late, 60));
    }
}
