//! A quiz's scope beyond topics and kinds: eras, groups of people, people and primary
//! sources, and which questions are about them.
//!
//! Within one dimension the choices are alternatives (this era *or* that one); across
//! dimensions they narrow (this era *and* this person). An empty dimension does not narrow.
//! What a question is about comes from the data: the flashcard it tests (the same rules as
//! custom study, see [`is_about_person`] and [`is_in_era`]), the events of an order question,
//! the speaker and date of a primary source, and the passages it cites.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{Question, QuestionKind};
use crate::content::{Corpus, DocDate};
use crate::study::card_id::CardId;
use crate::study::custom_study::{is_about_person, is_in_era};
use crate::timeline::era_bounds;

/// The eras, groups, people and primary sources a quiz is limited to (ids as in the data;
/// sources by number). Each list is sorted and without repeats once canonical.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<u8>,
}

/// The link keys of the scope's dimensions, in link order.
pub const SCOPE_KEYS: [&str; 4] = ["era", "grp", "who", "src"];

impl Scope {
    /// Whether the scope narrows nothing (every question of the topics and kinds).
    pub fn is_everything(&self) -> bool {
        self.eras.is_empty()
            && self.groups.is_empty()
            && self.people.is_empty()
            && self.sources.is_empty()
    }

    /// The same scope with each list sorted and without repeats.
    pub fn canonical(&self) -> Self {
        let mut scope = self.clone();
        for list in [&mut scope.eras, &mut scope.groups, &mut scope.people] {
            list.sort();
            list.dedup();
        }
        scope.sources.sort();
        scope.sources.dedup();
        scope
    }

    /// The link's pairs for the dimensions in use (none for an unnarrowed scope, so that
    /// older links stay as they were).
    pub fn to_query(&self) -> Vec<(String, String)> {
        let scope = self.canonical();
        let sources: Vec<String> = scope.sources.iter().map(u8::to_string).collect();
        [&scope.eras, &scope.groups, &scope.people, &sources]
            .into_iter()
            .zip(SCOPE_KEYS)
            .filter(|(list, _)| !list.is_empty())
            .map(|(list, key)| (key.to_string(), list.join(",")))
            .collect()
    }

    /// Reads one dimension from a link pair; `Ok(false)` when the key is not a scope key.
    /// Ids must be made of letters, digits, `_` and `-`; sources are numbers.
    pub fn read_pair(&mut self, key: &str, value: &str) -> Result<bool, String> {
        let parts: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let ids = || -> Result<Vec<String>, String> {
            match parts.iter().find(|p| !is_id(p)) {
                Some(bad) => Err(format!("\"{bad}\" in {key} is not an id")),
                None => Ok(parts.iter().map(|p| p.to_string()).collect()),
            }
        };
        match key {
            "era" => self.eras = ids()?,
            "grp" => self.groups = ids()?,
            "who" => self.people = ids()?,
            "src" => {
                self.sources = parts
                    .iter()
                    .map(|p| {
                        p.parse::<u8>()
                            .map_err(|_| format!("\"{p}\" in src is not a source number"))
                    })
                    .collect::<Result<_, _>>()?
            }
            _ => return Ok(false),
        }
        *self = self.canonical();
        Ok(true)
    }

    /// Whether the question is within the scope (see the module documentation).
    pub fn admits(&self, corpus: &Corpus, question: &Question) -> bool {
        self.may_admit(corpus, Subject::of(question))
            && (self.sources.is_empty()
                || self
                    .sources
                    .iter()
                    .any(|&s| from_source(corpus, question, s)))
    }

    /// Whether a question about `subject` may be within the scope: false only when its eras,
    /// groups or people rule it out (the sources also look at the passages it cites).
    pub(super) fn may_admit(&self, corpus: &Corpus, subject: Subject) -> bool {
        (self.eras.is_empty() || self.eras.iter().any(|e| subject.in_era(corpus, e)))
            && (self.groups.is_empty() || self.groups.iter().any(|g| subject.in_group(corpus, g)))
            && (self.people.is_empty()
                || self.people.iter().any(|p| subject.about_person(corpus, p)))
    }
}

fn is_id(text: &str) -> bool {
    text.len() <= 80
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// What the scope's era, group and person checks look at in a question: its kind, id and
/// flashcard. A candidate knows these before it is built (see `Candidate::card`), so a
/// scope can pass over candidates without building them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Subject<'q> {
    pub(super) kind: QuestionKind,
    pub(super) id: &'q str,
    pub(super) card: Option<&'q CardId>,
}

impl<'q> Subject<'q> {
    pub(super) fn of(question: &'q Question) -> Self {
        Self {
            kind: question.kind,
            id: &question.id,
            card: question.card_id.as_ref(),
        }
    }

    /// The primary source a source-analysis question is built on (`source:<n>:…`).
    fn source_number(self) -> Option<u8> {
        if self.kind != QuestionKind::Source {
            return None;
        }
        self.id
            .strip_prefix("source:")?
            .split(':')
            .next()?
            .parse()
            .ok()
    }

    /// The events an order question puts in order (`order:<ids, comma-separated>`).
    fn order_events(self) -> Option<Vec<&'q str>> {
        let ids = self.id.strip_prefix("order:")?;
        Some(ids.split(',').collect())
    }

    fn about_person(self, corpus: &Corpus, person: &str) -> bool {
        if let Some(card) = self.card {
            return is_about_person(corpus, card, person);
        }
        if let Some(events) = self.order_events() {
            return events
                .iter()
                .any(|id| is_about_person(corpus, &CardId::Event(id.to_string()), person));
        }
        self.source_number()
            .and_then(|n| corpus.source(n))
            .is_some_and(|s| s.speaker.as_deref() == Some(person))
    }

    fn in_group(self, corpus: &Corpus, group: &str) -> bool {
        corpus
            .derived(Members::new)
            .0
            .get(group)
            .is_some_and(|ids| ids.iter().any(|id| self.about_person(corpus, id)))
    }

    fn in_era(self, corpus: &Corpus, era: &str) -> bool {
        if let Some(card) = self.card {
            return is_in_era(corpus, card, era);
        }
        if let Some(events) = self.order_events() {
            return events
                .iter()
                .all(|id| is_in_era(corpus, &CardId::Event(id.to_string()), era));
        }
        let (Some(source), Some(bounds)) = (
            self.source_number().and_then(|n| corpus.source(n)),
            corpus.era(era).and_then(era_bounds),
        ) else {
            return false;
        };
        source
            .date
            .as_deref()
            .and_then(|d| DocDate::parse(d, None).ok())
            .is_some_and(|d| d.overlaps(bounds.0, bounds.1))
    }
}

/// Whether the question asks about the person (or an event, figure, quotation or account
/// the data ties to them, or a primary source they wrote).
pub fn about_person(corpus: &Corpus, question: &Question, person: &str) -> bool {
    Subject::of(question).about_person(corpus, person)
}

/// Whether the question asks about someone in the group.
pub fn in_group(corpus: &Corpus, question: &Question, group: &str) -> bool {
    Subject::of(question).in_group(corpus, group)
}

/// The ids of each group's members, in data order: worked out once per corpus.
struct Members(HashMap<String, Vec<String>>);

impl Members {
    fn new(corpus: &Corpus) -> Self {
        let mut members: HashMap<String, Vec<String>> = HashMap::new();
        for person in &corpus.people {
            let groups: BTreeSet<&String> = person.groups.iter().collect();
            for group in groups {
                members
                    .entry(group.clone())
                    .or_default()
                    .push(person.id.clone());
            }
        }
        Self(members)
    }
}

/// Whether the question asks about the era: an event of it, a quotation or primary source
/// dated within it, or (an order question) only events of it.
pub fn in_era(corpus: &Corpus, question: &Question, era: &str) -> bool {
    Subject::of(question).in_era(corpus, era)
}

/// Whether the question is drawn from the primary source: built on it, or citing one of its
/// passages.
pub fn from_source(corpus: &Corpus, question: &Question, number: u8) -> bool {
    if Subject::of(question).source_number() == Some(number) {
        return true;
    }
    corpus.source(number).is_some_and(|s| {
        question
            .passages
            .iter()
            .any(|p| s.passages.iter().any(|sp| sp.as_str() == p.as_str()))
    })
}
