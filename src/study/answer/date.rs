//! Dates a student types: a year, or a day in any common format ("1 Dec 1934",
//! "December 1, 1934", "1934-12-01", "23/11/1938" where day and month cannot be confused).

/// A date as precise as it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateParts {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

impl DateParts {
    /// Whether `typed` gives this date (at least as precisely).
    pub(super) fn answered_by(self, typed: DateParts) -> bool {
        typed.year == self.year
            && self.month.is_none_or(|m| typed.month == Some(m))
            && self.day.is_none_or(|d| typed.day == Some(d))
    }
}

/// The date an expected answer gives: a plain four-digit year ("1934") or a full date.
pub(super) fn expected_date(expected: &str) -> Option<DateParts> {
    let trimmed = expected.trim();
    if trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return year(trimmed).map(|year| DateParts {
            year,
            month: None,
            day: None,
        });
    }
    parse_date(expected).filter(|d| d.month.is_some())
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, in full or abbreviated ("Dec", "Sept").
pub(super) fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(word)))?;
    u32::try_from(index + 1).ok()
}

pub(super) fn year(word: &str) -> Option<u32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1000..=2999).contains(y))
}

/// A day of the month, in digits or as an ordinal ("1", "01", "1st", "23rd").
pub(super) fn day(word: &str) -> Option<u32> {
    let digits_end = word
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(word.len());
    let (digits, suffix) = word.split_at(digits_end);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let right_suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (suffix.is_empty() || suffix == right_suffix).then_some(n)
}

pub(super) fn days_in_month(month: u32, year: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(super) fn full_date(year: u32, month: u32, day: u32) -> Option<DateParts> {
    ((1..=12).contains(&month) && (1..=days_in_month(month, year)).contains(&day)).then_some(
        DateParts {
            year,
            month: Some(month),
            day: Some(day),
        },
    )
}

/// Reads a date with at least a month: "1 Dec 1934", "December 1, 1934", "1st of December
/// 1934", "December 1934", "1934-12-01", "23/11/1938". A numeric date whose day and month
/// could be swapped ("1/12/1934") gives only its year.
pub(super) fn parse_date(text: &str) -> Option<DateParts> {
    let lowered = text.trim().to_lowercase();
    let lowered = lowered.trim_end_matches('.');
    if !lowered.contains(char::is_whitespace)
        && let Some(separator) = ['/', '-', '.'].into_iter().find(|s| lowered.contains(*s))
    {
        let parts: Vec<&str> = lowered.split(separator).collect();
        let [a, b, c] = parts[..] else {
            return None;
        };
        let number = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(y) = year(a) {
            return full_date(y, number(b)?, number(c)?);
        }
        let (a, b, y) = (number(a)?, number(b)?, year(c)?);
        let day_first = full_date(y, b, a);
        let month_first = full_date(y, a, b);
        return match (day_first, month_first) {
            (Some(d), Some(m)) if d != m => Some(DateParts {
                year: y,
                month: None,
                day: None,
            }),
            (Some(d), _) | (None, Some(d)) => Some(d),
            (None, None) => None,
        };
    }
    let tokens: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty() && !matches!(*t, "the" | "of"))
        .collect();
    match tokens[..] {
        [d, m, y] if day(d).is_some() && month(m).is_some() => {
            full_date(year(y)?, month(m)?, day(d)?)
        }
        [m, d, y] => full_date(year(y)?, month(m)?, day(d)?),
        [m, y] => Some(DateParts {
            year: year(y)?,
            month: Some(month(m)?),
            day: None,
        }),
        _ => None,
    }
}
