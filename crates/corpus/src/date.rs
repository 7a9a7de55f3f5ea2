//! Dates at the precision the document gives them: a day, a month, a year, or a part of a
//! year ("summer of 1937", "late in 1936"), and how such dates are ordered and displayed.
//!
//! Shared with `build.rs` through `#[path]`: std only.

use std::cmp::Ordering;
use std::fmt;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar day, as (year, month, day); used for interval ends.
pub type Day = (u16, u8, u8);

/// A part of a year the document names instead of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearPart {
    Beginning,
    Early,
    Spring,
    Summer,
    Autumn,
    Late,
    Winter,
}

impl YearPart {
    pub const ALL: [Self; 7] = [
        Self::Beginning,
        Self::Early,
        Self::Spring,
        Self::Summer,
        Self::Autumn,
        Self::Late,
        Self::Winter,
    ];

    pub fn parse(text: &str) -> Result<Self, String> {
        Ok(match text {
            "beginning" => Self::Beginning,
            "early" => Self::Early,
            "spring" => Self::Spring,
            "summer" => Self::Summer,
            "autumn" => Self::Autumn,
            "late" => Self::Late,
            "winter" => Self::Winter,
            other => {
                return Err(format!(
                    "unknown part of year \"{other}\" (expected beginning, early, spring, summer, autumn, late or winter)"
                ));
            }
        })
    }

    /// First and last month the part covers.
    fn months(self) -> (u8, u8) {
        match self {
            Self::Beginning => (1, 2),
            Self::Early => (1, 4),
            Self::Spring => (3, 5),
            Self::Summer => (6, 8),
            Self::Autumn => (9, 11),
            Self::Late => (9, 12),
            Self::Winter => (12, 12),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Beginning => "beginning of",
            Self::Early => "early",
            Self::Spring => "spring of",
            Self::Summer => "summer of",
            Self::Autumn => "autumn of",
            Self::Late => "late",
            Self::Winter => "winter of",
        }
    }
}

/// A date known to the day, the month or only the year, optionally narrowed to a part of
/// the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub part: Option<YearPart>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    PartOfYear,
    Month,
    Day,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The start of a day as a fractional year (1 December 1934 is about 1934.92), for axes.
pub fn year_fraction((year, month, day): Day) -> f64 {
    let days_before: u32 = (1..month)
        .map(|m| u32::from(days_in_month(year, m)))
        .sum::<u32>()
        + u32::from(day)
        - 1;
    f64::from(year) + f64::from(days_before) / f64::from(days_in_year(year))
}

/// 365 or 366.
pub fn days_in_year(year: u16) -> u16 {
    if days_in_month(year, 2) == 29 {
        366
    } else {
        365
    }
}

impl DocDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with an optional part of the year
    /// (only for year-only dates).
    pub fn parse(text: &str, part: Option<&str>) -> Result<Self, String> {
        let bad = || format!("\"{text}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let mut fields = text.split('-');
        let year_text = fields.next().ok_or_else(bad)?;
        if year_text.len() != 4 {
            return Err(bad());
        }
        let year: u16 = year_text.parse().map_err(|_| bad())?;
        let month = match fields.next() {
            None => None,
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        let day = match fields.next() {
            None => None,
            Some(d) if d.len() == 2 => Some(d.parse::<u8>().map_err(|_| bad())?),
            Some(_) => return Err(bad()),
        };
        if fields.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("\"{text}\" has no month {m}"));
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(format!(
                    "\"{text}\" has no day {d} in {}",
                    MONTHS[m as usize - 1]
                ));
            }
        }
        let part = part.map(YearPart::parse).transpose()?;
        if part.is_some() && month.is_some() {
            return Err(format!(
                "\"{text}\" gives a month, so it cannot also give a part of the year"
            ));
        }
        Ok(Self {
            year,
            month,
            day,
            part,
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.part) {
            (Some(_), Some(_), _) => Precision::Day,
            (Some(_), None, _) => Precision::Month,
            (None, _, Some(_)) => Precision::PartOfYear,
            _ => Precision::Year,
        }
    }

    /// The first and last day the date may refer to.
    pub fn interval(&self) -> (Day, Day) {
        let (first_month, last_month) = match (self.month, self.part) {
            (Some(m), _) => (m, m),
            (None, Some(part)) => part.months(),
            (None, None) => (1, 12),
        };
        match self.day {
            Some(d) => ((self.year, first_month, d), (self.year, first_month, d)),
            None => (
                (self.year, first_month, 1),
                (self.year, last_month, days_in_month(self.year, last_month)),
            ),
        }
    }

    /// Timeline order: by first possible day, then the more precise date first.
    pub fn timeline_cmp(&self, other: &Self) -> Ordering {
        let (a_start, a_end) = self.interval();
        let (b_start, b_end) = other.interval();
        a_start.cmp(&b_start).then(a_end.cmp(&b_end))
    }

    /// Whether the date could fall between two days (inclusive).
    pub fn overlaps(&self, from: Day, to: Day) -> bool {
        let (start, end) = self.interval();
        start <= to && end >= from
    }

    /// Whether the two dates may refer to the same day (their intervals share a day).
    pub fn may_coincide(&self, other: &Self) -> bool {
        let (start, end) = other.interval();
        self.overlaps(start, end)
    }

    /// Reads a date back from the way it is displayed ("1 December 1934", "March 1934",
    /// "summer of 1937", "late 1936", "1937"; capitalised at the start of a sentence too).
    pub fn parse_shown(text: &str) -> Option<Self> {
        let lowered = text.trim().to_lowercase();
        for part in YearPart::ALL {
            if let Some(year) = lowered.strip_prefix(&format!("{} ", part.label())) {
                let year = Self::parse(year, None).ok()?;
                return (year.precision() == Precision::Year).then_some(Self {
                    part: Some(part),
                    ..year
                });
            }
        }
        let month = |m: &str| {
            MONTHS
                .iter()
                .position(|x| x.eq_ignore_ascii_case(m))
                .map(|i| i as u8 + 1)
        };
        let words: Vec<&str> = lowered.split(' ').collect();
        let iso = match words.as_slice() {
            [year] => year.to_string(),
            [m, year] => format!("{year}-{:02}", month(m)?),
            [d, m, year] => format!("{year}-{:02}-{:02}", month(m)?, d.parse::<u8>().ok()?),
            _ => return None,
        };
        Self::parse(&iso, None).ok()
    }

    /// A fractional year (e.g. 1934.92) at the middle of the interval, for placing on an axis.
    pub fn position(&self) -> f64 {
        let (start, end) = self.interval();
        (year_fraction(start) + year_fraction(end)) / 2.0
    }
}

impl fmt::Display for DocDate {
    /// "1 December 1934", "March 1934", "summer of 1937", "1937".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day, self.part) {
            (Some(m), Some(d), _) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None, _) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            (None, _, Some(part)) => write!(f, "{} {}", part.label(), self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> DocDate {
        DocDate::parse(text, None).unwrap()
    }

    #[test]
    fn displays_at_the_documents_precision() {
        assert_eq!(date("1934-12-01").to_string(), "1 December 1934");
        assert_eq!(date("1934-03").to_string(), "March 1934");
        assert_eq!(
            DocDate::parse("1937", Some("summer")).unwrap().to_string(),
            "summer of 1937"
        );
        assert_eq!(date("1933").to_string(), "1933");
    }

    #[test]
    fn a_displayed_date_reads_back_as_itself() {
        let mut dates = vec![date("1934-12-01"), date("1934-03"), date("1937")];
        dates.extend(YearPart::ALL.map(|part| DocDate {
            part: Some(part),
            ..date("1936")
        }));
        for d in dates {
            assert_eq!(DocDate::parse_shown(&d.to_string()), Some(d), "{d}");
        }
        assert_eq!(
            DocDate::parse_shown("Late 1936"),
            DocDate::parse("1936", Some("late")).ok()
        );
        for bad in [
            "",
            "31 February 1937",
            "Smarch 1937",
            "summer of June 1937",
            "late",
        ] {
            assert_eq!(DocDate::parse_shown(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_coincide_when_their_intervals_share_a_day() {
        let summer = DocDate::parse("1937", Some("summer")).unwrap();
        assert!(summer.may_coincide(&date("1937-06-11")));
        assert!(date("1937").may_coincide(&summer));
        assert!(!summer.may_coincide(&date("1937-09-04")));
        assert!(!date("1936").may_coincide(&date("1937")));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(DocDate::parse("1937-02-30", None).is_err());
        assert!(DocDate::parse("1937-13", None).is_err());
        assert!(DocDate::parse("37", None).is_err());
        assert!(DocDate::parse("1937-06-11-01", None).is_err());
        assert!(DocDate::parse("1937-06", Some("summer")).is_err());
        assert!(DocDate::parse("1937", Some("midsummer")).is_err());
    }

    #[test]
    fn imprecise_dates_sort_by_their_first_possible_day_then_precision() {
        let mut dates = [
            date("1937-09-04"),
            DocDate::parse("1937", Some("summer")).unwrap(),
            date("1937"),
            date("1937-06-11"),
            date("1937-06"),
            date("1936-12"),
            DocDate::parse("1936", Some("late")).unwrap(),
        ];
        dates.sort_by(DocDate::timeline_cmp);
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "late 1936",
                "December 1936",
                "1937",
                "June 1937",
                "summer of 1937",
                "11 June 1937",
                "4 September 1937"
            ]
        );
    }
}
