//! What the list of primary sources shows beside each heading: the author, the work and the
//! date, each only when the heading does not already give it ("Eugene Lyons, Assignment in
//! Utopia (1937)" needs nothing more; "Alexander Orlov was a NKVD officer…" needs no name).

use super::{Corpus, DocDate, PrimarySource};

/// The details the heading lacks, in the order author, work, date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Beyond {
    pub author: Option<String>,
    pub work: Option<String>,
    pub date: Option<String>,
}

impl Beyond {
    pub fn is_empty(&self) -> bool {
        self.author.is_none() && self.work.is_none() && self.date.is_none()
    }
}

/// The author, work and date of a source that its heading does not already give.
pub fn beyond_heading(source: &PrimarySource, corpus: &Corpus) -> Beyond {
    let heading = source.heading.as_str();
    let author = source
        .author(corpus)
        .filter(|name| !heading.contains(name.trim_start_matches("The ")));
    let work = source
        .work
        .clone()
        .filter(|w| !heading.contains(w.as_str()));
    let date = source
        .date
        .as_deref()
        .and_then(|d| DocDate::parse(d, None).ok())
        .filter(|d| !heading.contains(&d.year.to_string()))
        .map(|d| d.to_string());
    Beyond { author, work, date }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Person, PrimarySource};

    fn source(heading: &str, work: Option<&str>, date: Option<&str>) -> PrimarySource {
        PrimarySource {
            number: 2,
            heading: heading.into(),
            speaker: Some("lyons".into()),
            organization: None,
            work: work.map(Into::into),
            date: date.map(Into::into),
            summary: String::new(),
            passages: vec![],
            provenance: None,
            dated: Default::default(),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            people: vec![Person::named("lyons", "Eugene Lyons", &[])],
            ..Corpus::default()
        }
    }

    #[test]
    fn a_heading_that_names_everything_needs_nothing_more() {
        let s = source(
            "Eugene Lyons, Assignment in Utopia (1937)",
            Some("Assignment in Utopia"),
            Some("1937"),
        );
        assert!(beyond_heading(&s, &corpus()).is_empty());
    }

    #[test]
    fn what_the_heading_lacks_is_added() {
        let s = source(
            "A journalist in Moscow",
            Some("Assignment in Utopia"),
            Some("1937-06"),
        );
        assert_eq!(
            beyond_heading(&s, &corpus()),
            Beyond {
                author: Some("Eugene Lyons".into()),
                work: Some("Assignment in Utopia".into()),
                date: Some("June 1937".into()),
            }
        );
    }
}
