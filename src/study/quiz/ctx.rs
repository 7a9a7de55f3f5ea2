//! What the generator precomputes from the corpus, and the pieces every topic shares:
//! speakers, name forms, distractor picking, choice and true/false bodies.

use std::collections::BTreeSet;

use super::*;
use crate::content::model::names;
use crate::content::{Corpus, DocDate, Organization, Person, PrimarySource};
use crate::search::normalize;
use crate::study::answer::{self, AnswerKind, Number, parse_number};
use crate::study::card_id::CardId;
use crate::study::cards::identifying_summaries;
use crate::study::rng::Rng;
use crate::study::text::*;
use crate::timeline::event_date;
pub(super) fn iso(date: &DocDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// Whether a date is a real calendar date (no 29 February in a common year).
pub(super) fn valid(date: &DocDate) -> bool {
    date.part.is_some() || DocDate::parse(&iso(date), None).is_ok()
}

/// A person or organization that said or wrote something.
#[derive(Clone, Copy)]
pub(super) enum Speaker<'a> {
    Person(&'a Person),
    Org(&'a Organization),
}

impl Speaker<'_> {
    pub(super) fn key(&self) -> String {
        match self {
            Speaker::Person(p) => format!("person:{}", p.id),
            Speaker::Org(o) => format!("org:{}", o.id),
        }
    }

    pub(super) fn label(&self) -> String {
        match self {
            Speaker::Person(p) => p.name.clone(),
            Speaker::Org(o) => o.name.clone(),
        }
    }

    pub(super) fn forms(&self) -> Vec<String> {
        match self {
            Speaker::Person(p) => person_forms(p),
            Speaker::Org(o) => org_forms(o),
        }
    }

    pub(super) fn answer_kind(&self) -> AnswerKind {
        match self {
            Speaker::Person(_) => AnswerKind::Name,
            Speaker::Org(_) => AnswerKind::Text,
        }
    }

    /// Whether a text names the speaker (so asking who said it would give it away).
    pub(super) fn named_in(&self, text: &str) -> bool {
        match self {
            Speaker::Person(p) => person_named_in(p, text),
            Speaker::Org(o) => org_forms(o).iter().any(|f| names(text, f)),
        }
    }
}

pub(super) fn person_forms(person: &Person) -> Vec<String> {
    person.name_forms().map(str::to_string).collect()
}

pub(super) fn org_forms(org: &Organization) -> Vec<String> {
    std::iter::once(&org.name)
        .chain(&org.abbreviations)
        .chain(&org.variants)
        .cloned()
        .collect()
}

/// Whether a text names a person in any form, or by the surname of their full name.
pub(super) fn person_named_in(person: &Person, text: &str) -> bool {
    let surname = person.name.rsplit(' ').next().unwrap_or_default();
    person.is_named_in(text) || names(text, surname)
}

/// How an organization is shown as an option: "Name (ABBR)".
pub(super) fn org_label(org: &Organization) -> String {
    match org.abbreviations.first() {
        Some(abbr) if normalize(abbr) != normalize(&org.name) => format!("{} ({abbr})", org.name),
        _ => org.name.clone(),
    }
}

/// Picks up to `want` labels from tiers of candidates, earlier tiers first, random within
/// a tier, never two with the same normalised text nor one in `taken` (normalised).
pub(super) fn pick_tiered(
    rng: &mut Rng,
    tiers: Vec<(Vec<String>, usize)>,
    taken: &mut BTreeSet<String>,
    want: usize,
) -> Vec<String> {
    let mut picked = Vec::new();
    for (mut tier, limit) in tiers {
        rng.shuffle(&mut tier);
        let mut from_tier = 0;
        for label in tier {
            if picked.len() >= want || from_tier >= limit {
                break;
            }
            let key = normalize(&label);
            if key.is_empty() || !taken.insert(key) {
                continue;
            }
            picked.push(label);
            from_tier += 1;
        }
    }
    picked
}

/// A multiple-choice body: the answer among the distractors, in random order.
pub(super) fn choice(
    rng: &mut Rng,
    answer: &str,
    distractors: Vec<String>,
) -> Option<QuestionBody> {
    if distractors.len() + 1 < MIN_OPTIONS {
        return None;
    }
    let mut options = distractors;
    options.push(answer.to_string());
    rng.shuffle(&mut options);
    let correct = options.iter().position(|o| o == answer)?;
    Some(QuestionBody::Choice { options, correct })
}

/// What the generator precomputes from the corpus.
pub(super) struct Ctx<'a> {
    pub(super) corpus: &'a Corpus,
    /// Relations without repeats of the same (subject, kind, object), in data order.
    pub(super) relations: Vec<usize>,
    pub(super) event_dates: Vec<DocDate>,
    pub(super) numbers: Vec<Option<Number>>,
    /// Events usable in order questions (with a passage and a distinct title).
    pub(super) order_pool: Vec<usize>,
    /// Quotes usable in match questions (a known speaker the text does not name).
    pub(super) match_pool: Vec<usize>,
    /// People whose summary fits only them (see [`identifying_summaries`]).
    pub(super) identifying: BTreeSet<String>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(corpus: &'a Corpus) -> Self {
        let mut seen = BTreeSet::new();
        let relations = corpus
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| seen.insert((r.subject.clone(), r.kind, r.object.clone())))
            .map(|(i, _)| i)
            .collect();
        let event_dates: Vec<DocDate> = corpus.events.iter().map(event_date).collect();
        let numbers = corpus
            .numbers
            .iter()
            .map(|n| parse_number(&n.value))
            .collect();
        let mut ctx = Self {
            corpus,
            relations,
            event_dates,
            numbers,
            order_pool: Vec::new(),
            match_pool: Vec::new(),
            identifying: identifying_summaries(corpus),
        };
        ctx.order_pool = (0..corpus.events.len())
            .filter(|&i| {
                let e = &corpus.events[i];
                ctx.event_dates[i].year != 0
                    && e.date_is == crate::content::DateIs::On
                    && !normalize(&e.title).is_empty()
                    && e.passages.iter().any(|p| corpus.passage(p).is_some())
            })
            .collect();
        ctx.match_pool = (0..corpus.quotes.len())
            .filter(|&i| {
                let q = &corpus.quotes[i];
                corpus.passage(&q.passage).is_some()
                    && !normalize(&q.text).is_empty()
                    && ctx
                        .quote_speaker_of(i)
                        .is_some_and(|s| !s.named_in(&q.text))
            })
            .collect();
        ctx
    }

    pub(super) fn name(&self, person: &str) -> String {
        self.corpus
            .person(person)
            .map_or_else(|| person.to_string(), |p| p.name.clone())
    }

    /// "According to X, …" when the data attributes the claim.
    pub(super) fn attributed(&self, according_to: Option<&String>, sentence: &str) -> String {
        attributed(self.corpus, according_to.map(String::as_str), sentence)
    }

    pub(super) fn speaker(&self, person: Option<&str>, org: Option<&str>) -> Option<Speaker<'a>> {
        match (person, org) {
            (Some(id), _) => self.corpus.person(id).map(Speaker::Person),
            (None, Some(id)) => self.corpus.organization(id).map(Speaker::Org),
            (None, None) => None,
        }
    }

    pub(super) fn quote_speaker_of(&self, quote: usize) -> Option<Speaker<'a>> {
        let q = &self.corpus.quotes[quote];
        self.speaker(q.speaker.as_deref(), q.organization.as_deref())
    }

    pub(super) fn source_speaker_of(&self, source: &PrimarySource) -> Option<Speaker<'a>> {
        self.speaker(source.speaker.as_deref(), source.organization.as_deref())
    }

    /// Names of other people close enough to the answer's to pass for a typo of it.
    pub(super) fn rival_people(&self, answer: &Person, also_true: &BTreeSet<&str>) -> Vec<String> {
        let keys = answer::name_keys(&person_forms(answer));
        let mut rivals = Vec::new();
        for person in &self.corpus.people {
            if person.id == answer.id || also_true.contains(person.id.as_str()) {
                continue;
            }
            let forms = person_forms(person);
            let close = answer::name_keys(&forms).iter().any(|rival| {
                keys.iter()
                    .any(|key| answer::name_distance(key, rival) <= RIVAL_DISTANCE)
            });
            if close {
                rivals.extend(forms);
            }
        }
        rivals
    }

    /// Forms of other organizations, for grading typed organization answers.
    /// Forms of other organizations, except those this one shares ("Communist Party").
    pub(super) fn rival_orgs(&self, answer: &Organization) -> Vec<String> {
        let own: BTreeSet<String> = org_forms(answer).iter().map(|f| normalize(f)).collect();
        self.corpus
            .organizations
            .iter()
            .filter(|o| o.id != answer.id)
            .flat_map(org_forms)
            .filter(|f| !own.contains(&normalize(f)))
            .collect()
    }

    pub(super) fn rival_speakers(&self, answer: Speaker) -> Vec<String> {
        match answer {
            Speaker::Person(p) => self.rival_people(p, &BTreeSet::new()),
            Speaker::Org(o) => self.rival_orgs(o),
        }
    }

    /// A typed-answer body for a speaker or person.
    pub(super) fn typed_speaker(&self, answer: Speaker) -> QuestionBody {
        QuestionBody::Typed {
            accepted: answer.forms(),
            rejected: self.rival_speakers(answer),
            answer_kind: answer.answer_kind(),
        }
    }

    /// Distractor people for a question whose answer is `answer`: first people sharing a
    /// group with the answer, then `similar_role` (people in the same position elsewhere in
    /// the data), then anyone who appears in a relation. Never anyone in `excluded`.
    pub(super) fn person_distractors(
        &self,
        rng: &mut Rng,
        answer: &Person,
        excluded: &BTreeSet<&str>,
        similar_role: &[&str],
    ) -> Vec<String> {
        let allowed = |p: &&Person| p.id != answer.id && !excluded.contains(p.id.as_str());
        let same_group: Vec<String> = self
            .corpus
            .people
            .iter()
            .filter(allowed)
            .filter(|p| p.groups.iter().any(|g| answer.groups.contains(g)))
            .map(|p| p.name.clone())
            .collect();
        let role: Vec<String> = similar_role
            .iter()
            .filter_map(|id| self.corpus.person(id))
            .filter(allowed)
            .map(|p| p.name.clone())
            .collect();
        let cast: Vec<String> = self
            .corpus
            .people
            .iter()
            .filter(allowed)
            .filter(|p| {
                self.corpus
                    .relations
                    .iter()
                    .any(|r| r.subject == p.id || r.object == p.id)
            })
            .map(|p| p.name.clone())
            .collect();
        // Names of excluded people must not come back under another id.
        let mut taken: BTreeSet<String> = excluded
            .iter()
            .filter_map(|id| self.corpus.person(id))
            .chain(std::iter::once(answer))
            .map(|p| normalize(&p.name))
            .collect();
        pick_tiered(
            rng,
            vec![
                (same_group, DISTRACTORS),
                (role, DISTRACTORS),
                (cast, DISTRACTORS),
            ],
            &mut taken,
            DISTRACTORS,
        )
    }
}

/// A true/false draft: the swapped `statement` when there is one, else the true one.
pub(super) fn true_false(
    statement: Option<String>,
    truth_text: String,
    passages: Vec<String>,
    card_id: Option<CardId>,
) -> Draft {
    let truth_text = upper_first(&truth_text);
    let (statement, truth, answer_text) = match statement.map(|s| upper_first(&s)) {
        Some(swapped) if normalize(&swapped) != normalize(&truth_text) => {
            (swapped, false, format!("False. {truth_text}"))
        }
        _ => (truth_text.clone(), true, format!("True. {truth_text}")),
    };
    Draft {
        id: None,
        prompt: "True or false?".into(),
        body: QuestionBody::TrueFalse { statement, truth },
        answer_text,
        passages,
        card_id,
    }
}
