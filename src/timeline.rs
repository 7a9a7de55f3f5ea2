//! The timeline: events in date order at the precision the document gives, eras, and the
//! filters a student applies (by person, group or era); `extent`, `window`, `ticks`,
//! `label` and `layout` hold the drawing's geometry.

pub mod action;
pub mod extent;
pub mod label;
pub mod layout;
pub mod ticks;
pub mod window;

use crate::content::{Corpus, DocDate, Era, Event};

/// An event's date. Dates are validated when the data is built, so a date that fails to
/// parse here can only come from hand-made test data; it sorts as the year 0.
pub fn event_date(event: &Event) -> DocDate {
    DocDate::parse(&event.date, event.part.as_deref()).unwrap_or(DocDate {
        year: 0,
        month: None,
        day: None,
        part: None,
    })
}

/// An era's first and last possible day.
pub fn era_bounds(era: &Era) -> Option<(crate::content::date::Day, crate::content::date::Day)> {
    let start = DocDate::parse(&era.start, None).ok()?.interval().0;
    let end = DocDate::parse(&era.end, None).ok()?.interval().1;
    Some((start, end))
}

/// The eras as bands to draw, each over its stretch of time (an era whose bounds do not
/// parse is left out; the build refuses such data).
pub fn era_bands(eras: &[Era]) -> Vec<layout::Era<'_>> {
    eras.iter()
        .filter_map(|e| {
            let (start, end) = era_extent(e)?;
            Some(layout::Era {
                id: &e.id,
                name: &e.name,
                start,
                end,
            })
        })
        .collect()
}

/// An event's stretch of time on the axis.
pub fn event_extent(event: &Event) -> extent::Extent {
    extent::Extent::of(&event_date(event), event.date_is)
}

/// An era's stretch of time on the axis, as fractional years.
pub fn era_extent(era: &Era) -> Option<(f64, f64)> {
    let (start, end) = era_bounds(era)?;
    let end_date = DocDate {
        year: end.0,
        month: Some(end.1),
        day: Some(end.2),
        part: None,
    };
    Some((
        crate::content::date::year_fraction(start),
        extent::Extent::of(&end_date, crate::content::DateIs::On).end,
    ))
}

/// The event before (or after) `current` in `events`; the first (or last) when `current` is
/// not among them; none past either end.
pub fn step<'a>(events: &'a [String], current: &str, forward: bool) -> Option<&'a String> {
    match events.iter().position(|id| id == current) {
        Some(at) if forward => events.get(at + 1),
        Some(at) => at.checked_sub(1).and_then(|at| events.get(at)),
        None if forward => events.first(),
        None => events.last(),
    }
}

/// What the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub person: Option<String>,
    pub group: Option<String>,
    pub era: Option<String>,
}

impl Filter {
    pub fn matches(&self, corpus: &Corpus, event: &Event) -> bool {
        if let Some(person) = &self.person
            && !event.people.iter().any(|p| p == person)
        {
            return false;
        }
        if let Some(group) = &self.group {
            let in_group = event.people.iter().any(|id| {
                corpus
                    .person(id)
                    .is_some_and(|p| p.groups.iter().any(|g| g == group))
            });
            if !in_group {
                return false;
            }
        }
        if let Some(era) = &self.era
            && &event.era != era
        {
            return false;
        }
        true
    }
}

/// Events that pass the filter, in timeline order (first possible day, then the more
/// precise date first; ties keep the data's order).
pub fn events<'a>(corpus: &'a Corpus, filter: &Filter) -> Vec<&'a Event> {
    let mut events: Vec<(&Event, DocDate)> = corpus
        .events
        .iter()
        .filter(|e| filter.matches(corpus, e))
        .map(|e| (e, event_date(e)))
        .collect();
    events.sort_by(|a, b| a.1.timeline_cmp(&b.1));
    events.into_iter().map(|(e, _)| e).collect()
}

/// Events a person takes part in, in timeline order.
pub fn events_of<'a>(corpus: &'a Corpus, person: &str) -> Vec<&'a Event> {
    events(
        corpus,
        &Filter {
            person: Some(person.to_string()),
            ..Filter::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, date: &str, part: Option<&str>, era: &str, people: &[&str]) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            date: date.into(),
            part: part.map(Into::into),
            date_text: date.into(),
            era: era.into(),
            people: people.iter().map(|p| p.to_string()).collect(),
            organizations: vec![],
            passages: vec![],
            according_to: None,
            note: None,
            date_is: Default::default(),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            events: vec![
                event("reiss_killed", "1937-09-04", None, "yezhov", &["reiss"]),
                event("agents_recalled", "1937", Some("summer"), "yezhov", &[]),
                event(
                    "tukhachevsky_charged",
                    "1937-06",
                    None,
                    "yezhov",
                    &["tukhachevsky"],
                ),
                event("kirov_killed", "1934-12-01", None, "yagoda", &["kirov"]),
                event("purge_1937", "1937", None, "yezhov", &["yagoda"]),
                event(
                    "tukhachevsky_shot",
                    "1937-06-11",
                    None,
                    "yezhov",
                    &["tukhachevsky"],
                ),
            ],
            ..Corpus::default()
        }
    }

    fn ids(corpus: &Corpus, filter: &Filter) -> Vec<String> {
        events(corpus, filter)
            .iter()
            .map(|e| e.id.clone())
            .collect()
    }

    #[test]
    fn imprecise_dates_are_ordered_by_first_possible_day_then_precision() {
        let corpus = corpus();
        assert_eq!(
            ids(&corpus, &Filter::default()),
            [
                "kirov_killed",
                "purge_1937",
                "tukhachevsky_charged",
                "agents_recalled",
                "tukhachevsky_shot",
                "reiss_killed"
            ]
        );
    }

    #[test]
    fn stepping_goes_through_the_shown_events_and_stops_at_either_end() {
        let shown: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(step(&shown, "a", true).map(String::as_str), Some("b"));
        assert_eq!(step(&shown, "b", false).map(String::as_str), Some("a"));
        assert_eq!(step(&shown, "c", true), None);
        assert_eq!(step(&shown, "a", false), None);
        assert_eq!(step(&shown, "", true).map(String::as_str), Some("a"));
        assert_eq!(step(&shown, "gone", false).map(String::as_str), Some("c"));
        assert_eq!(step(&[], "", true), None);
    }

    #[test]
    fn filters_by_person_and_era() {
        let corpus = corpus();
        let by_person = Filter {
            person: Some("tukhachevsky".into()),
            ..Filter::default()
        };
        assert_eq!(
            ids(&corpus, &by_person),
            ["tukhachevsky_charged", "tukhachevsky_shot"]
        );
        let by_era = Filter {
            era: Some("yagoda".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&corpus, &by_era), ["kirov_killed"]);
    }
}
