//! Figures for the progress page: reviews per day, cards by phase, how well each deck is
//! known, how often cards seen before are remembered, the run of study days, and what falls
//! due on the coming days. Pure: the clock is an argument.

use std::collections::BTreeMap;

use crate::study::schedule::{CardState, Clock, Grade, Phase, ReviewRecord, day_of};

/// Reviews on each of the last `days` days, oldest first (the last entry is today).
pub fn reviews_per_day(reviews: &[ReviewRecord], clock: &Clock, days: usize) -> Vec<usize> {
    let today = clock.day();
    let mut counts = vec![0; days];
    for review in reviews {
        let age = today - day_of(review.at_ms, clock.utc_offset_minutes);
        if let Ok(age) = usize::try_from(age)
            && age < days
        {
            counts[days - 1 - age] += 1;
        }
    }
    counts
}

/// How many of `card_ids` are new, learning (or relearning) and in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhaseCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

pub fn phase_counts(card_ids: &[String], states: &BTreeMap<String, CardState>) -> PhaseCounts {
    let mut counts = PhaseCounts::default();
    for id in card_ids {
        match states.get(id).map(|s| s.phase) {
            None | Some(Phase::New) => counts.new += 1,
            Some(Phase::Learning | Phase::Relearning) => counts.learning += 1,
            Some(Phase::Review) => counts.review += 1,
        }
    }
    counts
}

/// The share (0–100) of a deck's cards that have graduated to review.
pub fn percent_known(card_ids: &[String], states: &BTreeMap<String, CardState>) -> u32 {
    if card_ids.is_empty() {
        return 0;
    }
    let known = phase_counts(card_ids, states).review;
    u32::try_from(known * 100 / card_ids.len()).unwrap_or(100)
}

/// How often cards seen before were remembered: of the reviews of the last `days` days that
/// were not a card's first, the share (0–100) not graded "Again", and how many there were.
/// `None` when there were none.
pub fn recall_rate(reviews: &[ReviewRecord], clock: &Clock, days: usize) -> Option<(u32, usize)> {
    let today = clock.day();
    let recent = reviews.iter().filter(|r| {
        !r.was_new
            && usize::try_from(today - day_of(r.at_ms, clock.utc_offset_minutes))
                .is_ok_and(|age| age < days)
    });
    let (mut total, mut remembered) = (0usize, 0usize);
    for review in recent {
        total += 1;
        if review.grade != Grade::Again {
            remembered += 1;
        }
    }
    (total > 0).then(|| {
        (
            u32::try_from(remembered * 100 / total).unwrap_or(100),
            total,
        )
    })
}

/// The number of days in a row, ending today (or yesterday, if nothing is done yet today),
/// with at least one review; `per_day` is [`reviews_per_day`]'s list.
pub fn streak(per_day: &[usize]) -> usize {
    let mut days = per_day.iter().rev().peekable();
    if days.peek() == Some(&&0) {
        days.next();
    }
    days.take_while(|n| **n > 0).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::review_id::ReviewId;
    use crate::study::schedule::{Settings, review};

    const NOON: i64 = 1_767_268_800_000;

    #[test]
    fn reviews_are_counted_on_their_local_day() {
        let record = |at_ms| ReviewRecord {
            id: ReviewId::from_random(at_ms as u64),
            card: "c".into(),
            grade: Grade::Good,
            at_ms,
            was_new: false,
        };
        let reviews = [
            record(NOON),
            record(NOON - 86_400_000),
            record(NOON - 86_400_000),
            record(NOON - 40 * 86_400_000),
        ];
        let clock = Clock {
            now_ms: NOON,
            utc_offset_minutes: 0,
        };
        let counts = reviews_per_day(&reviews, &clock, 30);
        assert_eq!(counts[29], 1);
        assert_eq!(counts[28], 2);
        assert_eq!(counts.iter().sum::<usize>(), 3);
    }

    #[test]
    fn phases_and_knowledge() {
        let settings = Settings::default();
        let mut states = BTreeMap::new();
        let learning = review(None, Grade::Again, NOON, &settings);
        let mut known = review(None, Grade::Easy, NOON, &settings);
        known.phase = Phase::Review;
        states.insert("a".to_string(), learning);
        states.insert("b".to_string(), known);
        let ids: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            phase_counts(&ids, &states),
            PhaseCounts {
                new: 2,
                learning: 1,
                review: 1
            }
        );
        assert_eq!(percent_known(&ids, &states), 25);
        assert_eq!(percent_known(&[], &states), 0);
    }

    #[test]
    fn recall_counts_only_cards_seen_before_in_the_window() {
        let clock = Clock {
            now_ms: NOON,
            utc_offset_minutes: 0,
        };
        let record = |grade, days_ago: i64, was_new| ReviewRecord {
            id: ReviewId::from_random(days_ago as u64 * 10 + grade as u64),
            card: "c".into(),
            grade,
            at_ms: NOON - days_ago * 86_400_000,
            was_new,
        };
        assert_eq!(recall_rate(&[], &clock, 30), None);
        let reviews = [
            record(Grade::Good, 0, false),
            record(Grade::Again, 1, false),
            record(Grade::Hard, 2, false),
            record(Grade::Easy, 3, false),
            record(Grade::Again, 4, true), // a first review: not a recall
            record(Grade::Again, 40, false), // outside the window
        ];
        assert_eq!(recall_rate(&reviews, &clock, 30), Some((75, 4)));
    }

    #[test]
    fn a_streak_runs_back_from_today_or_yesterday() {
        assert_eq!(streak(&[]), 0);
        assert_eq!(streak(&[1, 0, 2, 3, 1]), 3);
        assert_eq!(streak(&[1, 0, 2, 3, 0]), 2, "nothing yet today");
        assert_eq!(streak(&[1, 1, 0, 0]), 0);
    }
}
