//! The dates marked along the axis: the finest step (a day, a week, a month, a quarter, half a
//! year, one, two or five years) whose labels stand apart at the axis' scale.

use super::window::Window;
use crate::content::date::{days_in_year, year_fraction};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One labelled date on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Fractional year.
    pub at: f64,
    pub label: String,
}

#[derive(Debug, Clone, Copy)]
enum Step {
    /// Days of the month (1, 8, 15, 22 for a step of 7).
    Days(u8),
    Months(u8),
    Years(u16),
}

const STEPS: [Step; 8] = [
    Step::Days(1),
    Step::Days(7),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
];

impl Step {
    /// Roughly how long the step is, in years.
    fn length(self) -> f64 {
        match self {
            Self::Days(n) => f64::from(n) / 365.0,
            Self::Months(n) => f64::from(n) / 12.0,
            Self::Years(n) => f64::from(n),
        }
    }

    /// A label as wide as this step's widest.
    fn sample(self) -> &'static str {
        match self {
            Self::Days(_) => "22 Sep 1936",
            Self::Months(_) => "Sep 1936",
            Self::Years(_) => "1936",
        }
    }

    /// Every tick of this step from `start` to `end`.
    fn ticks(self, start: f64, end: f64) -> Vec<Tick> {
        let mut out = Vec::new();
        let first_year = start.floor() as i32;
        let last_year = end.ceil() as i32;
        for year in first_year..=last_year {
            let Ok(y) = u16::try_from(year) else { continue };
            match self {
                Self::Years(n) => {
                    if y.is_multiple_of(n) {
                        out.push(Tick {
                            at: f64::from(y),
                            label: y.to_string(),
                        });
                    }
                }
                Self::Months(n) => {
                    for m in (1..=12u8).step_by(usize::from(n)) {
                        out.push(Tick {
                            at: year_fraction((y, m, 1)),
                            label: format!("{} {y}", MONTHS[usize::from(m) - 1]),
                        });
                    }
                }
                Self::Days(n) => {
                    for m in 1..=12u8 {
                        let month_start = year_fraction((y, m, 1));
                        if month_start > end || month_start + 1.0 / 12.0 < start {
                            continue;
                        }
                        let last_day = if m == 2 && days_in_year(y) == 366 {
                            29
                        } else {
                            [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][usize::from(m) - 1]
                        };
                        let mut d = 1u8;
                        while d <= last_day && (n == 1 || d <= 22) {
                            out.push(Tick {
                                at: year_fraction((y, m, d)),
                                label: format!("{d} {} {y}", MONTHS[usize::from(m) - 1]),
                            });
                            d += n;
                        }
                    }
                }
            }
        }
        out.retain(|t| t.at >= start && t.at <= end);
        out
    }
}

/// The ticks for a window drawn `px_per_year` to the year, where a label needs
/// `space(label)` pixels along the axis (its width on a horizontal axis, its line height on
/// a vertical one).
pub fn ticks(window: Window, px_per_year: f64, space: impl Fn(&str) -> f64) -> Vec<Tick> {
    let step = STEPS
        .into_iter()
        .find(|s| s.length() * px_per_year * 0.9 >= space(s.sample()) + 12.0)
        .unwrap_or(Step::Years(5));
    step.ticks(window.start, window.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(window: Window, px_per_year: f64) -> Vec<String> {
        ticks(window, px_per_year, |l| l.len() as f64 * 8.0)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    #[test]
    fn years_when_zoomed_out_and_months_or_days_when_zoomed_in() {
        let all = Window {
            start: 1932.6,
            end: 1941.9,
        };
        assert_eq!(labels(all, 100.0)[0], "1933");
        assert_eq!(labels(all, 20.0), ["1935", "1940"]);
        let summer = Window {
            start: 1936.45,
            end: 1936.75,
        };
        assert_eq!(labels(summer, 4000.0)[0], "Jul 1936");
        let week = Window {
            start: year_fraction((1936, 8, 18)),
            end: year_fraction((1936, 8, 28)),
        };
        assert!(labels(week, 30_000.0).contains(&"22 Aug 1936".to_string()));
    }

    #[test]
    fn labels_stand_apart() {
        for px_per_year in [30.0, 80.0, 300.0, 1000.0, 5000.0, 40_000.0] {
            let t = ticks(
                Window {
                    start: 1933.0,
                    end: 1935.0,
                },
                px_per_year,
                |l| l.len() as f64 * 8.0,
            );
            for pair in t.windows(2) {
                let gap = (pair[1].at - pair[0].at) * px_per_year;
                assert!(
                    gap >= pair[0].label.len() as f64 * 8.0,
                    "{px_per_year}: {pair:?}"
                );
            }
        }
    }
}
