//! Where an event lies on the time axis, from its date's precision: a day is a point, a month,
//! a part of a year or a year is a span over every day it may mean, and a "by" date is a span
//! open at its start (the event had happened by its end; when it began is not said).

use crate::content::date::{Day, days_in_year, year_fraction};
use crate::content::{DateIs, DocDate, Precision};

/// An event's stretch of time, in fractional years: from the start of its first possible day
/// to the end of its last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    pub start: f64,
    pub end: f64,
    pub precision: Precision,
    /// Only the end is known ("By the summer of 1937").
    pub open_start: bool,
}

/// The end of a day (the start of the next) as a fractional year.
fn end_of(day: Day) -> f64 {
    year_fraction(day) + 1.0 / f64::from(days_in_year(day.0))
}

impl Extent {
    pub fn of(date: &DocDate, date_is: DateIs) -> Self {
        let (first, last) = date.interval();
        Self {
            start: year_fraction(first),
            end: end_of(last),
            precision: date.precision(),
            open_start: date_is == DateIs::By,
        }
    }

    /// A day: drawn as a point, not a span.
    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
    }

    pub fn width(&self) -> f64 {
        self.end - self.start
    }

    /// Whether any of it falls between two moments.
    pub fn overlaps(&self, from: f64, to: f64) -> bool {
        self.start < to && self.end > from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extent(text: &str, part: Option<&str>) -> Extent {
        Extent::of(&DocDate::parse(text, part).unwrap(), DateIs::On)
    }

    const DAY: f64 = 1.0 / 365.0;

    #[test]
    fn a_day_is_a_point_one_day_wide() {
        let e = extent("1934-12-01", None);
        assert!(e.is_point());
        assert!((e.width() - DAY).abs() < 1e-9);
        assert!((e.start - (1934.0 + 334.0 / 365.0)).abs() < 1e-9);
    }

    #[test]
    fn spans_match_the_precision_of_the_date() {
        let year = extent("1937", None);
        assert!(!year.is_point());
        assert!((year.start - 1937.0).abs() < 1e-9 && (year.end - 1938.0).abs() < 1e-9);
        let month = extent("1937-08", None);
        assert!((month.width() - 31.0 * DAY).abs() < 1e-9);
        let summer = extent("1937", Some("summer"));
        assert!((summer.start - (1937.0 + 151.0 / 365.0)).abs() < 1e-9);
        assert!((summer.width() - 92.0 * DAY).abs() < 1e-9);
        let late = extent("1936", Some("late"));
        assert!(
            (late.end - 1937.0).abs() < 1e-9,
            "late 1936 runs to the year's end"
        );
        // A leap year's February has 29 days.
        let february = extent("1936-02", None);
        assert!((february.width() - 29.0 / 366.0).abs() < 1e-9);
    }

    #[test]
    fn by_dates_are_open_at_the_start() {
        let date = DocDate::parse("1937", Some("summer")).unwrap();
        assert!(Extent::of(&date, DateIs::By).open_start);
        assert!(!Extent::of(&date, DateIs::On).open_start);
        assert!(!Extent::of(&date, DateIs::Derived).open_start);
    }
}
