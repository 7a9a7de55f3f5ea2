//! A deck's cards as a browsable list: each card's state (new, learning, review), when it is
//! due, its lapses and whether it is a leech, and the filters the list offers.

use std::collections::BTreeMap;

use super::card_id::CardId;
use super::leeches::is_leech;
use super::review_queue::is_learning;
use super::schedule::{CardState, Clock, Phase, civil_date, day_of, is_due_today};

/// Where a card is, for the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    New,
    Learning,
    Review,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "New",
            Status::Learning => "Learning",
            Status::Review => "Review",
        }
    }
}

/// One card of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: CardId,
    pub status: Status,
    /// When it is due (never studied: `None`).
    pub due_ms: Option<i64>,
    pub due_today: bool,
    pub lapses: i32,
    pub leech: bool,
}

/// The rows of `cards`, in the deck's order.
pub fn rows(cards: &[CardId], states: &BTreeMap<String, CardState>, clock: &Clock) -> Vec<Row> {
    cards
        .iter()
        .map(|id| {
            let state = states
                .get(&id.to_string())
                .filter(|s| s.phase != Phase::New);
            Row {
                id: id.clone(),
                status: match state {
                    None => Status::New,
                    Some(s) if is_learning(s) => Status::Learning,
                    Some(_) => Status::Review,
                },
                due_ms: state.map(|s| s.due_ms),
                due_today: state.is_some_and(|s| is_due_today(s, clock)),
                lapses: state.map_or(0, |s| s.lapses),
                leech: state.is_some_and(is_leech),
            }
        })
        .collect()
}

/// Which rows the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    New,
    Learning,
    Review,
    DueToday,
    Leeches,
}

impl Filter {
    pub const EVERY: [Filter; 6] = [
        Filter::All,
        Filter::New,
        Filter::Learning,
        Filter::Review,
        Filter::DueToday,
        Filter::Leeches,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All cards",
            Filter::New => "New",
            Filter::Learning => "Learning",
            Filter::Review => "Review",
            Filter::DueToday => "Due today",
            Filter::Leeches => "Leeches",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::New => "new",
            Filter::Learning => "learning",
            Filter::Review => "review",
            Filter::DueToday => "due",
            Filter::Leeches => "leeches",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Filter> {
        Filter::EVERY.into_iter().find(|f| f.slug() == slug)
    }

    pub fn admits(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::New => row.status == Status::New,
            Filter::Learning => row.status == Status::Learning,
            Filter::Review => row.status == Status::Review,
            Filter::DueToday => row.due_today,
            Filter::Leeches => row.leech,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// When a card is due, in the student's days: "due now", "due today", "due tomorrow",
/// "due 12 Mar 2026".
pub fn due_label(due_ms: i64, clock: &Clock) -> String {
    let day = day_of(due_ms, clock.utc_offset_minutes);
    match day - clock.day() {
        _ if due_ms <= clock.now_ms => "due now".to_string(),
        0 => "due today".to_string(),
        1 => "due tomorrow".to_string(),
        _ => {
            let (y, m, d) = civil_date(day);
            format!("due {d} {} {y}", MONTHS[usize::from(m) - 1])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::review_queue::tests::{NOON, Saved, clock, ids};
    use crate::study::schedule::{DAY_MS, Grade};

    #[test]
    fn rows_give_state_due_date_and_leeches() {
        let cards = ids("person", 3);
        let mut saved = Saved::default();
        saved.grade(&cards[0], Grade::Again, NOON);
        saved.grade(&cards[1], Grade::Easy, NOON);
        saved.states.get_mut(&cards[1].to_string()).unwrap().lapses = 8;
        let rows = rows(&cards, &saved.states, &clock(NOON));
        assert_eq!(rows[0].status, Status::Learning);
        assert!(rows[0].due_today);
        assert_eq!(rows[1].status, Status::Review);
        assert!(rows[1].leech && !rows[1].due_today);
        assert_eq!((rows[2].status, rows[2].due_ms), (Status::New, None));
        let shown = |f: Filter| rows.iter().filter(|r| f.admits(r)).count();
        assert_eq!(
            Filter::EVERY.map(shown),
            [3, 1, 1, 1, 1, 1],
            "all, new, learning, review, due, leeches"
        );
        assert_eq!(Filter::from_slug("leeches"), Some(Filter::Leeches));
    }

    #[test]
    fn due_dates_read_as_days() {
        let now = clock(NOON);
        assert_eq!(due_label(NOON - 1, &now), "due now");
        assert_eq!(due_label(NOON + 3_600_000, &now), "due today");
        assert_eq!(due_label(NOON + DAY_MS, &now), "due tomorrow");
        assert_eq!(due_label(NOON + 70 * DAY_MS, &now), "due 12 Mar 2026");
        assert_eq!(due_label(NOON + 365 * DAY_MS, &now), "due 1 Jan 2027");
    }
}
