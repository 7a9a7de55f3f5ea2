//! What the generator precomputes from the corpus, and the pieces every topic shares:
//! speakers, name forms, distractor picking, choice and true/false bodies.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::*;
use crate::content::model::names;
use crate::content::{Corpus, DocDate, Organization, Person, PrimarySource};
use crate::search::normalize;
use crate::study::answer::{self, AnswerKind, KeyedName};
use crate::study::card_id::CardId;
use crate::study::rng::Rng;
use crate::study::text::*;
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
/// a tier, never two with the same normalised text nor one in `taken` (normalised). A tier
/// may hold the labels themselves or what they are worked out from (`label`): only the
/// candidates looked at are labelled.
pub(super) fn pick_tiered<T>(
    rng: &mut Rng,
    tiers: Vec<(Vec<T>, usize)>,
    label: impl Fn(T) -> String,
    taken: &mut BTreeSet<String>,
    want: usize,
) -> Vec<String> {
    let mut picked = Vec::new();
    for (mut tier, limit) in tiers {
        rng.shuffle(&mut tier);
        let mut from_tier = 0;
        for item in tier {
            if picked.len() >= want || from_tier >= limit {
                break;
            }
            let label = label(item);
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

/// The identity labelling, for tiers of labels.
pub(super) fn as_is(label: String) -> String {
    label
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

/// A corpus and the tables the generator keeps with it.
pub(super) struct Ctx<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) tables: Arc<Tables>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(corpus: &'a Corpus) -> Self {
        Self {
            corpus,
            tables: corpus.derived(Tables::new),
        }
    }

    /// The candidates of a kind and topic (see [`Tables::candidates`]).
    pub(super) fn candidates(
        &self,
        kind: QuestionKind,
        topic: Topic,
        length: usize,
    ) -> &[Candidate] {
        self.tables.candidates(self, kind, topic, length)
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
        Self::speaker_in(self.corpus, person, org)
    }

    /// The person, else the organization, that said something.
    pub(super) fn speaker_in<'c>(
        corpus: &'c Corpus,
        person: Option<&str>,
        org: Option<&str>,
    ) -> Option<Speaker<'c>> {
        match (person, org) {
            (Some(id), _) => corpus.person(id).map(Speaker::Person),
            (None, Some(id)) => corpus.organization(id).map(Speaker::Org),
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
    pub(super) fn rival_people(&self, answer: &Person) -> Vec<String> {
        // Worked out once per person (the answer's id alone says who it is, unless repeated).
        let unique = self
            .tables
            .person_positions
            .get(&answer.id)
            .is_some_and(|at| at.len() == 1);
        if unique
            && let Some(known) = self
                .tables
                .rivals
                .lock()
                .ok()
                .and_then(|r| r.get(&answer.id).cloned())
        {
            return known;
        }
        let keys: Vec<KeyedName> = answer::name_keys(&person_forms(answer))
            .into_iter()
            .map(KeyedName::new)
            .collect();
        let mut rivals = Vec::new();
        for i in self.tables.names.close_to(&keys, RIVAL_DISTANCE) {
            let person = &self.corpus.people[i];
            if person.id != answer.id {
                rivals.extend(person_forms(person));
            }
        }
        if unique && let Ok(mut known) = self.tables.rivals.lock() {
            known.insert(answer.id.clone(), rivals.clone());
        }
        rivals
    }

    /// Forms of other organizations, except those this one shares ("Communist Party").
    pub(super) fn rival_orgs(&self, answer: &Organization) -> Vec<String> {
        let own: BTreeSet<String> = org_forms(answer).iter().map(|f| normalize(f)).collect();
        (self.corpus.organizations.iter())
            .zip(&self.tables.org_form_keys)
            .filter(|(o, _)| o.id != answer.id)
            .flat_map(|(o, keys)| org_forms(o).into_iter().zip(keys))
            .filter(|(_, key)| !own.contains(*key))
            .map(|(form, _)| form)
            .collect()
    }

    pub(super) fn rival_speakers(&self, answer: Speaker) -> Vec<String> {
        match answer {
            Speaker::Person(p) => self.rival_people(p),
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
    /// group with the answer, then `similar_role` (positions of people in the same position
    /// elsewhere in the data), then anyone who appears in a relation. Never anyone in
    /// `excluded`.
    pub(super) fn person_distractors(
        &self,
        rng: &mut Rng,
        answer: &Person,
        excluded: &BTreeSet<&str>,
        similar_role: &[usize],
    ) -> Vec<String> {
        let people = &self.corpus.people;
        let tables = &self.tables;
        // Everyone with the answer's id or an excluded one, wherever they stand.
        let mut barred = vec![false; people.len()];
        for id in excluded.iter().copied().chain([answer.id.as_str()]) {
            for &i in tables.person_positions.get(id).into_iter().flatten() {
                barred[i] = true;
            }
        }
        let allowed = |list: &[usize]| -> Vec<usize> {
            list.iter().copied().filter(|&i| !barred[i]).collect()
        };
        let same_group = allowed(&tables.sharing_group(&answer.groups));
        let role = allowed(similar_role);
        let cast = allowed(&tables.cast);
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
            |i| people[i].name.clone(),
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
