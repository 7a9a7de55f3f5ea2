//! What the generator works out from a corpus once and keeps with it (`Corpus::derived`):
//! parsed dates and figures, the pools of order and match questions, who shares a group or a
//! role, the candidates of each kind and topic. A quiz then costs what its questions cost,
//! not what the whole corpus costs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::name_index::NameIndex;
use super::numbers::is_exact;
use super::*;
use crate::content::{Corpus, DateIs, DocDate, RelationKind};
use crate::search::normalize;
use crate::study::answer::{KeyedName, Number, name_keys, parse_number};
use crate::study::cards::identifying_summaries;
use crate::study::text::{content_words, first_sentence};
use crate::timeline::event_date;

/// A speaker of a quote or primary source, as wrong options are drawn from them.
pub(super) struct Quoted {
    pub(super) key: String,
    pub(super) label: String,
    pub(super) is_person: bool,
}

/// The questions of each kind and topic (by slot) built with one seed.
type Built = (u64, HashMap<usize, Arc<Vec<Question>>>);

/// Tables built once per corpus (see the module documentation).
pub(super) struct Tables {
    /// Relations without repeats of the same (subject, kind, object), in data order.
    pub(super) relations: Vec<usize>,
    pub(super) event_dates: Vec<DocDate>,
    /// The same dates as wrong options are drawn from them.
    pub(super) known_dates: Vec<KnownDate>,
    pub(super) numbers: Vec<Option<Number>>,
    /// Events usable in order questions (with a passage and a distinct title).
    pub(super) order_pool: Vec<usize>,
    /// Quotes usable in match questions (a known speaker the text does not name).
    pub(super) match_pool: Vec<usize>,
    /// Whether each quote is in `match_pool`.
    pub(super) in_match_pool: Vec<bool>,
    /// People whose summary fits only them (see [`identifying_summaries`]).
    pub(super) identifying: BTreeSet<String>,
    /// Every position of each person id (more than one only in data the checker refuses).
    pub(super) person_positions: HashMap<String, Vec<usize>>,
    /// The people (positions, in data order) who list each group id.
    pub(super) group_members: HashMap<String, Vec<usize>>,
    /// People named on either side of a relation, in data order.
    pub(super) cast: Vec<usize>,
    /// For each kind of relation and side, the person on that side of each relation of the
    /// kind (the first with the id), in data order, repeats kept.
    pub(super) roles: HashMap<(RelationKind, Side), Vec<usize>>,
    /// Relations by (kind, person on the given side): relation positions in data order.
    pub(super) by_side: HashMap<(RelationKind, Side, String), Vec<usize>>,
    /// Events by normalised title.
    pub(super) titles: HashMap<String, Vec<usize>>,
    /// Statistics by normalised `counts`, and each one's normalised value.
    pub(super) counted: HashMap<String, Vec<usize>>,
    pub(super) value_keys: Vec<String>,
    pub(super) counts_keys: Vec<String>,
    /// Statistics by parsed figure.
    pub(super) figures: HashMap<Number, Vec<usize>>,
    /// Exact statistics of three digits or more, in data order.
    pub(super) distinctive: Vec<usize>,
    /// Quotes by normalised text.
    pub(super) quote_texts: HashMap<String, Vec<usize>>,
    /// The content words of each organization's summary and name.
    pub(super) org_summary_words: Vec<BTreeSet<String>>,
    pub(super) org_name_words: Vec<BTreeSet<String>>,
    /// For each organization asked about so far, the organizations (positions, ascending)
    /// that share its id or whose summary is like its own (see [`Tables::org_look_alikes`]).
    org_look_alikes: Vec<OnceLock<Vec<usize>>>,
    /// The organizations (positions, ascending) whose summary has each content word.
    org_summary_postings: HashMap<String, Vec<usize>>,
    /// Each organization's name, and every form of it, normalised.
    pub(super) org_name_keys: Vec<String>,
    pub(super) org_form_keys: Vec<Vec<String>>,
    /// The organizations (positions, in data order) with each normalised form.
    pub(super) org_forms: HashMap<String, Vec<usize>>,
    /// Each primary source's heading (its first sentence) and summary words, normalised.
    pub(super) source_heading_keys: Vec<String>,
    pub(super) source_summary_words: Vec<BTreeSet<String>>,
    /// The speakers of quotes, then of primary sources, each once, in data order.
    pub(super) quoted: Vec<Quoted>,
    /// Each organization's speaker key (`org:<id>`).
    pub(super) org_keys: Vec<String>,
    /// Each person's name keys, for typed answers' rivals.
    pub(super) names: NameIndex,
    /// The rival names of each person asked for so far (see [`Ctx::rival_people`]).
    pub(super) rivals: Mutex<HashMap<String, Vec<String>>>,
    /// The keys of typed candidates that make no question (with any seed: see [`build`]).
    unbuildable: Mutex<HashSet<String>>,
    /// The candidates of each kind and topic, order and match slots up to the longest quiz.
    candidates: Vec<OnceLock<Vec<Candidate>>>,
    /// The questions those candidates make with one seed (the last asked for), by kind and
    /// topic: what [`available`] counts.
    built: Mutex<Option<Built>>,
}

impl Tables {
    pub(super) fn new(corpus: &Corpus) -> Self {
        let mut seen = BTreeSet::new();
        let relations = corpus
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| seen.insert((r.subject.clone(), r.kind, r.object.clone())))
            .map(|(i, _)| i)
            .collect();
        let event_dates: Vec<DocDate> = corpus.events.iter().map(event_date).collect();
        let numbers: Vec<Option<Number>> = corpus
            .numbers
            .iter()
            .map(|n| parse_number(&n.value))
            .collect();
        let order_pool = (0..corpus.events.len())
            .filter(|&i| {
                let e = &corpus.events[i];
                event_dates[i].year != 0
                    && e.date_is == DateIs::On
                    && !normalize(&e.title).is_empty()
                    && e.passages.iter().any(|p| corpus.passage(p).is_some())
            })
            .collect();
        let match_pool: Vec<usize> = (0..corpus.quotes.len())
            .filter(|&i| {
                let q = &corpus.quotes[i];
                corpus.passage(&q.passage).is_some()
                    && !normalize(&q.text).is_empty()
                    && Ctx::speaker_in(corpus, q.speaker.as_deref(), q.organization.as_deref())
                        .is_some_and(|s| !s.named_in(&q.text))
            })
            .collect();
        let mut in_match_pool = vec![false; corpus.quotes.len()];
        for &i in &match_pool {
            in_match_pool[i] = true;
        }

        let mut person_positions: HashMap<String, Vec<usize>> = HashMap::new();
        let mut group_members: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in corpus.people.iter().enumerate() {
            person_positions.entry(p.id.clone()).or_default().push(i);
            for g in &p.groups {
                let members = group_members.entry(g.clone()).or_default();
                if members.last() != Some(&i) {
                    members.push(i);
                }
            }
        }
        let first = |id: &str| person_positions.get(id).map(|at| at[0]);
        let in_relation: BTreeSet<&str> = corpus
            .relations
            .iter()
            .flat_map(|r| [r.subject.as_str(), r.object.as_str()])
            .collect();
        let cast = (0..corpus.people.len())
            .filter(|&i| in_relation.contains(corpus.people[i].id.as_str()))
            .collect();
        let mut roles: HashMap<(RelationKind, Side), Vec<usize>> = HashMap::new();
        let mut by_side: HashMap<(RelationKind, Side, String), Vec<usize>> = HashMap::new();
        for (i, r) in corpus.relations.iter().enumerate() {
            for (side, id) in [(Side::Subject, &r.subject), (Side::Object, &r.object)] {
                let role = roles.entry((r.kind, side)).or_default();
                role.extend(first(id));
                by_side
                    .entry((r.kind, side, id.clone()))
                    .or_default()
                    .push(i);
            }
        }

        let mut titles: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in corpus.events.iter().enumerate() {
            titles.entry(normalize(&e.title)).or_default().push(i);
        }
        let mut counted: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in corpus.numbers.iter().enumerate() {
            counted.entry(normalize(&n.counts)).or_default().push(i);
        }
        let value_keys = corpus.numbers.iter().map(|n| normalize(&n.value)).collect();
        let counts_keys = corpus
            .numbers
            .iter()
            .map(|n| normalize(&n.counts))
            .collect();
        let mut figures: HashMap<Number, Vec<usize>> = HashMap::new();
        for (i, n) in numbers.iter().enumerate() {
            if let Some(n) = n {
                figures.entry(*n).or_default().push(i);
            }
        }
        let distinctive = (corpus.numbers.iter().enumerate())
            .filter(|(_, n)| {
                n.value.chars().filter(char::is_ascii_digit).count() >= 3 && is_exact(&n.value)
            })
            .map(|(i, _)| i)
            .collect();
        let mut quote_texts: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, q) in corpus.quotes.iter().enumerate() {
            quote_texts.entry(normalize(&q.text)).or_default().push(i);
        }

        let speakers = (corpus.quotes.iter())
            .filter_map(|q| {
                Ctx::speaker_in(corpus, q.speaker.as_deref(), q.organization.as_deref())
            })
            .chain((corpus.sources.iter()).filter_map(|s| {
                Ctx::speaker_in(corpus, s.speaker.as_deref(), s.organization.as_deref())
            }));
        let mut seen = BTreeSet::new();
        let quoted = speakers
            .map(|s| Quoted {
                key: s.key(),
                label: s.label(),
                is_person: matches!(s, Speaker::Person(_)),
            })
            .filter(|q| seen.insert(q.key.clone()))
            .collect();

        let org_summary_words: Vec<BTreeSet<String>> = (corpus.organizations.iter())
            .map(|o| content_words(&o.summary))
            .collect();
        let org_form_keys: Vec<Vec<String>> = (corpus.organizations.iter())
            .map(|o| org_forms(o).iter().map(|f| normalize(f)).collect())
            .collect();

        Self {
            quoted,
            org_keys: (corpus.organizations.iter())
                .map(|o| Speaker::Org(o).key())
                .collect(),
            relations,
            known_dates: event_dates.iter().map(|&d| KnownDate::new(d)).collect(),
            event_dates,
            numbers,
            order_pool,
            match_pool,
            in_match_pool,
            identifying: identifying_summaries(corpus),
            person_positions,
            group_members,
            cast,
            roles,
            by_side,
            titles,
            counted,
            value_keys,
            counts_keys,
            figures,
            distinctive,
            quote_texts,
            org_summary_postings: positions_by_key(&org_summary_words),
            org_summary_words,
            org_look_alikes: (corpus.organizations.iter())
                .map(|_| OnceLock::new())
                .collect(),
            org_name_words: (corpus.organizations.iter())
                .map(|o| content_words(&o.name))
                .collect(),
            org_name_keys: (corpus.organizations.iter())
                .map(|o| normalize(&o.name))
                .collect(),
            source_heading_keys: (corpus.sources.iter())
                .map(|s| normalize(&first_sentence(&s.heading)))
                .collect(),
            source_summary_words: (corpus.sources.iter())
                .map(|s| content_words(&s.summary))
                .collect(),
            org_forms: positions_by_key(&org_form_keys),
            org_form_keys,
            names: NameIndex::new(
                (corpus.people.iter())
                    .map(|p| {
                        let forms = person_forms(p);
                        name_keys(&forms).into_iter().map(KeyedName::new).collect()
                    })
                    .collect(),
            ),
            rivals: Mutex::default(),
            unbuildable: Mutex::default(),
            candidates: (0..QuestionKind::ALL.len() * Topic::ALL.len())
                .map(|_| OnceLock::new())
                .collect(),
            built: Mutex::default(),
        }
    }

    /// The organizations (positions, ascending) that share the id of the one at `index` or
    /// whose summary shares half its content words ([`crate::study::text::similar`]), itself included: worked
    /// out the first time it is asked for, counting shared words through
    /// `org_summary_postings` rather than intersecting every pair of summaries.
    pub(super) fn org_look_alikes(&self, corpus: &Corpus, index: usize) -> &[usize] {
        self.org_look_alikes[index].get_or_init(|| {
            let orgs = &corpus.organizations;
            let words = &self.org_summary_words[index];
            let mut shared = vec![0usize; orgs.len()];
            for word in words {
                for &i in self.org_summary_postings.get(word).into_iter().flatten() {
                    shared[i] += 1;
                }
            }
            let id = orgs[index].id.as_str();
            (0..orgs.len())
                .filter(|&i| {
                    let shorter = words.len().min(self.org_summary_words[i].len());
                    shorter == 0 || 2 * shared[i] >= shorter || orgs[i].id == id
                })
                .collect()
        })
    }

    /// The candidates of a kind and topic (order and match slots: `length` of them).
    pub(super) fn candidates(
        &self,
        ctx: &Ctx,
        kind: QuestionKind,
        topic: Topic,
        length: usize,
    ) -> &[Candidate] {
        let slot = kind as usize * Topic::ALL.len() + topic as usize;
        let all = self.candidates[slot]
            .get_or_init(|| candidates(ctx, kind, topic, QuizSettings::MAX_LENGTH));
        match kind {
            QuestionKind::Order | QuestionKind::Match => &all[..length.min(all.len())],
            _ => all,
        }
    }

    /// Every question the candidates of a kind and topic make with `seed` (order and match:
    /// one per slot of the longest quiz), in candidate order.
    pub(super) fn built(
        &self,
        ctx: &Ctx,
        kind: QuestionKind,
        topic: Topic,
        seed: u64,
    ) -> Arc<Vec<Question>> {
        let slot = kind as usize * Topic::ALL.len() + topic as usize;
        let known = |built: &Option<Built>| {
            built
                .as_ref()
                .filter(|(for_seed, _)| *for_seed == seed)
                .and_then(|(_, by_slot)| by_slot.get(&slot).cloned())
        };
        if let Some(questions) = self.built.lock().ok().and_then(|b| known(&b)) {
            return questions;
        }
        let questions: Arc<Vec<Question>> = Arc::new(
            (self
                .candidates(ctx, kind, topic, QuizSettings::MAX_LENGTH)
                .iter())
            .filter_map(|c| build(ctx, c, seed))
            .collect(),
        );
        if let Ok(mut built) = self.built.lock() {
            if built.as_ref().is_none_or(|(for_seed, _)| *for_seed != seed) {
                *built = Some((seed, HashMap::new()));
            }
            if let Some((_, by_slot)) = built.as_mut() {
                by_slot.insert(slot, questions.clone());
            }
        }
        questions
    }

    /// Whether the typed candidate with this key is known to make no question.
    pub(super) fn is_unbuildable(&self, key: &str) -> bool {
        self.unbuildable.lock().is_ok_and(|keys| keys.contains(key))
    }

    pub(super) fn set_unbuildable(&self, key: &str) {
        if let Ok(mut keys) = self.unbuildable.lock() {
            keys.insert(key.to_string());
        }
    }

    /// The people (positions, in data order) who share a group with `groups`.
    pub(super) fn sharing_group(&self, groups: &[String]) -> Vec<usize> {
        let mut members: Vec<usize> = groups
            .iter()
            .filter_map(|g| self.group_members.get(g))
            .flatten()
            .copied()
            .collect();
        members.sort_unstable();
        members.dedup();
        members
    }
}

/// The positions (in order, each once) whose keys include each key.
fn positions_by_key<C>(keys: &[C]) -> HashMap<String, Vec<usize>>
where
    for<'c> &'c C: IntoIterator<Item = &'c String>,
{
    let mut at: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, keys) in keys.iter().enumerate() {
        for key in keys {
            let list = at.entry(key.clone()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    at
}
