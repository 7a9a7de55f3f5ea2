//! When a card would come back after each grade (the interval preview on the grade buttons),
//! and how an interval reads: short ("<10 min", "3 d", "2 mo") and in words for screen readers.

use super::schedule::{self, CardState, DAY_MS, Grade, Settings};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// What one grade would do to a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub grade: Grade,
    /// The state the grade would give.
    pub next: CardState,
    /// Time from now until the card is due again.
    pub interval_ms: i64,
}

impl Preview {
    /// "3 d"
    pub fn short(&self) -> String {
        short(self.interval_ms)
    }

    /// "in 3 days"
    pub fn words(&self) -> String {
        words(self.interval_ms)
    }
}

/// What each grade would do to a card (`None` = never reviewed) graded at `now_ms`, in the
/// order of [`Grade::EVERY`].
pub fn previews(state: Option<&CardState>, now_ms: i64, settings: &Settings) -> [Preview; 4] {
    Grade::EVERY.map(|grade| {
        let next = schedule::review(state, grade, now_ms, settings);
        Preview {
            grade,
            interval_ms: (next.due_ms - now_ms).max(0),
            next,
        }
    })
}

/// Whole units of an interval: (count, unit) with the unit one of min, h, d, mo, y.
fn parts(ms: i64) -> (i64, &'static str) {
    let ms = ms.max(0);
    let days = ms as f64 / DAY_MS as f64;
    if ms < HOUR_MS {
        // Learning steps: "<1 min", "<10 min" (the card may come back a little sooner).
        ((ms + MINUTE_MS - 1) / MINUTE_MS, "min")
    } else if ms < DAY_MS {
        ((ms + HOUR_MS / 2) / HOUR_MS, "h")
    } else if days < 30.5 {
        (days.round() as i64, "d")
    } else if days < 365.0 {
        ((days / 30.44).round().max(1.0) as i64, "mo")
    } else {
        ((days / 365.25).round().max(1.0) as i64, "y")
    }
}

/// An interval as a grade button shows it: "<10 min", "5 h", "1 d", "3 d", "2 mo", "1 y".
pub fn short(ms: i64) -> String {
    match parts(ms) {
        (n, "min") => format!("<{} min", n.max(1)),
        (n, unit) => format!("{n} {unit}"),
    }
}

/// An interval in words: "in less than 10 minutes", "in 1 day", "in 2 months".
pub fn words(ms: i64) -> String {
    let (n, unit) = parts(ms);
    let unit = match unit {
        "min" => "minute",
        "h" => "hour",
        "d" => "day",
        "mo" => "month",
        _ => "year",
    };
    let n = n.max(1);
    let plural = if n == 1 { "" } else { "s" };
    if unit == "minute" {
        format!("in less than {n} minute{plural}")
    } else {
        format!("in {n} {unit}{plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON: i64 = 1_767_268_800_000;

    #[test]
    fn intervals_read_like_ankis() {
        assert_eq!(short(0), "<1 min");
        assert_eq!(short(MINUTE_MS), "<1 min");
        assert_eq!(short(5 * MINUTE_MS), "<5 min");
        assert_eq!(short(10 * MINUTE_MS), "<10 min");
        assert_eq!(short(3 * HOUR_MS), "3 h");
        assert_eq!(short(DAY_MS), "1 d");
        assert_eq!(short(3 * DAY_MS), "3 d");
        assert_eq!(short(61 * DAY_MS), "2 mo");
        assert_eq!(short(400 * DAY_MS), "1 y");
        assert_eq!(words(DAY_MS), "in 1 day");
        assert_eq!(words(10 * MINUTE_MS), "in less than 10 minutes");
        assert_eq!(words(61 * DAY_MS), "in 2 months");
    }

    #[test]
    fn a_new_cards_previews_are_learning_steps_and_days() {
        let settings = Settings::default();
        let p = previews(None, NOON, &settings);
        let shown: Vec<String> = p.iter().map(Preview::short).collect();
        assert_eq!(shown, ["<1 min", "<5 min", "<10 min", "15 d"]);
        // Each preview is exactly what grading would do.
        for preview in &p {
            assert_eq!(
                preview.next,
                schedule::review(None, preview.grade, NOON, &settings)
            );
        }
    }

    #[test]
    fn previews_grow_with_the_grade_for_a_card_in_review() {
        let settings = Settings::default();
        let first = schedule::review(None, Grade::Good, NOON, &settings);
        let second = schedule::review(Some(&first), Grade::Good, first.due_ms, &settings);
        let p = previews(Some(&second), second.due_ms, &settings);
        assert!(p[0].interval_ms < p[1].interval_ms, "{p:?}");
        assert!(p[1].interval_ms <= p[2].interval_ms);
        assert!(p[2].interval_ms < p[3].interval_ms);
        assert!(p[3].interval_ms >= DAY_MS);
        let shown: Vec<String> = p.iter().map(Preview::short).collect();
        assert_eq!(shown, ["<5 min", "7 d", "15 d", "1 mo"]);
    }
}
