//! Turning settings into a quiz: candidates per kind and topic, spread evenly, each built
//! and checked against the invariants every question must meet.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::content::model::names;
use crate::content::{Corpus, RelationKind};
use crate::search::normalize;
use crate::study::answer::{self};
use crate::study::card_id::CardId;
use crate::study::rng::Rng;
// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// Generates the quiz the settings describe (see the module documentation).
pub fn generate(corpus: &Corpus, settings: &QuizSettings) -> Vec<Question> {
    generate_within(corpus, settings, &Scope::default())
}

/// Generates the quiz the settings describe, asking only questions within the scope. An
/// unnarrowed scope gives exactly [`generate`]'s quiz: the scope only skips questions.
pub fn generate_within(corpus: &Corpus, settings: &QuizSettings, scope: &Scope) -> Vec<Question> {
    let settings = settings.canonical();
    let length = settings.length.min(QuizSettings::MAX_LENGTH);
    let ctx = Ctx::new(corpus);
    let mut rng = Rng::new(settings.seed);

    // Candidates grouped by kind, then topic, each group shuffled.
    let mut by_kind: BTreeMap<QuestionKind, Vec<Vec<&Candidate>>> = BTreeMap::new();
    for &kind in &settings.kinds {
        for &topic in &settings.topics {
            if !compatible(kind, topic) {
                continue;
            }
            let mut group: Vec<&Candidate> = ctx.candidates(kind, topic, length).iter().collect();
            if group.is_empty() {
                continue;
            }
            rng.shuffle(&mut group);
            by_kind.entry(kind).or_default().push(group);
        }
    }
    let mut kinds: Vec<(Vec<Vec<&Candidate>>, usize)> = by_kind
        .into_values()
        .map(|mut groups| {
            rng.shuffle(&mut groups);
            (groups, 0)
        })
        .collect();

    let mut quiz: Vec<Question> = Vec::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut facts: BTreeSet<String> = BTreeSet::new();
    let mut deferred: Vec<&Candidate> = Vec::new();

    // Rounds: every kind (in a shuffled order) asks one question, from its next topic.
    while quiz.len() < length && !kinds.is_empty() {
        let mut order: Vec<usize> = (0..kinds.len()).collect();
        rng.shuffle(&mut order);
        for k in order {
            if quiz.len() >= length {
                break;
            }
            let (groups, cursor) = &mut kinds[k];
            // Try topics in rotation until one yields a question or all are empty.
            while !groups.is_empty() {
                *cursor %= groups.len();
                let Some(candidate) = groups[*cursor].pop() else {
                    groups.remove(*cursor);
                    continue;
                };
                // Outside the scope whatever it asks: skipped now, as it would be once built.
                if !candidate.may_be_within(corpus, scope) {
                    continue;
                }
                if candidate.fact.as_ref().is_some_and(|f| facts.contains(f)) {
                    deferred.push(candidate);
                    continue;
                }
                let Some(question) = build(&ctx, candidate, settings.seed) else {
                    continue;
                };
                if !scope.admits(corpus, &question) {
                    continue;
                }
                if ids.insert(question.id.clone()) {
                    facts.extend(candidate.fact.clone());
                    quiz.push(question);
                    *cursor += 1;
                    break;
                }
            }
        }
        kinds.retain(|(groups, _)| !groups.is_empty());
    }
    // Out of fresh facts: ask about the same facts in other ways.
    for candidate in deferred {
        if quiz.len() >= length {
            break;
        }
        if let Some(question) = build(&ctx, candidate, settings.seed)
            && scope.admits(corpus, &question)
            && ids.insert(question.id.clone())
        {
            quiz.push(question);
        }
    }
    quiz
}

/// How many distinct questions the settings' kinds and topics allow within the scope: the
/// most [`generate_within`] can ask, whatever the length (order and match questions, drawn
/// afresh for each slot, count up to [`QuizSettings::MAX_LENGTH`]). The questions are built
/// once per seed (and kept with the corpus), so a change of scope, kinds or topics costs
/// only the scope's checks.
pub fn available(corpus: &Corpus, settings: &QuizSettings, scope: &Scope) -> usize {
    let settings = settings.canonical();
    let ctx = Ctx::new(corpus);
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for &kind in &settings.kinds {
        for &topic in &settings.topics {
            if !compatible(kind, topic) {
                continue;
            }
            for question in ctx.tables.built(&ctx, kind, topic, settings.seed).iter() {
                if scope.admits(corpus, question) {
                    ids.insert(question.id.clone());
                }
            }
        }
    }
    ids.len()
}

/// Everything a question can be built from, before any randomness.
#[derive(Debug, Clone)]
pub(super) enum Spec {
    RelationSubject(usize),
    RelationObject(usize),
    /// True/false about a relation (either side swapped).
    RelationStatement(usize),
    PersonSummary(usize),
    EventDate(usize),
    NumberValue(usize),
    NumberCounts(usize),
    OrgSummary(usize),
    OrgAbbreviation(usize),
    QuoteSpeaker(usize),
    SourceSummary(usize),
    SourceSpeaker(usize),
    SourceDate(usize),
    /// (dispute, account): which account gives these words.
    DisputeGiver(usize, usize),
    /// (dispute, account): what this account says.
    DisputeSays(usize, usize),
    /// (dispute, account): true/false on what this account says.
    DisputeStatement(usize, usize),
    /// (dispute, account, account): which of two dated accounts was given first.
    DisputeEarlier(usize, usize, usize),
    /// One order question (each slot draws its own events).
    Order,
    /// One match question (each slot draws its own quotes).
    Match,
}

#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) kind: QuestionKind,
    /// Unique among candidates; seeds the question's own random stream.
    pub(super) key: String,
    /// What the question tests, so a quiz avoids two questions on one fact.
    pub(super) fact: Option<String>,
    pub(super) spec: Spec,
}

pub(super) fn candidates(
    ctx: &Ctx,
    kind: QuestionKind,
    topic: Topic,
    length: usize,
) -> Vec<Candidate> {
    use QuestionKind as K;
    let corpus = ctx.corpus;
    let k = kind.slug();
    let mut out = Vec::new();
    let mut push = |key: String, fact: Option<String>, spec: Spec| {
        out.push(Candidate {
            kind,
            key,
            fact,
            spec,
        });
    };
    match (kind, topic) {
        (K::MultipleChoice | K::Typed | K::TrueFalse, Topic::People) => {
            for &i in &ctx.tables.relations {
                let r = &corpus.relations[i];
                let base = format!("relation:{}:{}:{}", r.subject, kind_slug(r.kind), r.object);
                if kind == K::TrueFalse {
                    // A statement that may be false needs a side that can be proved wrong.
                    if r.single.is_none() {
                        continue;
                    }
                    push(
                        format!("{k}:{base}"),
                        Some(base),
                        Spec::RelationStatement(i),
                    );
                } else {
                    let fact = Some(base.clone());
                    push(
                        format!("{k}:{base}:subject"),
                        fact.clone(),
                        Spec::RelationSubject(i),
                    );
                    push(format!("{k}:{base}:object"), fact, Spec::RelationObject(i));
                }
            }
            if kind != K::TrueFalse {
                for (i, p) in corpus.people.iter().enumerate() {
                    let fact = Some(format!("person:{}", p.id));
                    push(
                        format!("{k}:person:{}:summary", p.id),
                        fact,
                        Spec::PersonSummary(i),
                    );
                }
            }
        }
        (K::MultipleChoice | K::Typed | K::TrueFalse, Topic::Dates) => {
            for (i, e) in corpus.events.iter().enumerate() {
                let what = if kind == K::Typed { "year" } else { "date" };
                push(
                    format!("{k}:event:{}:{what}", e.id),
                    Some(format!("event:{}", e.id)),
                    Spec::EventDate(i),
                );
            }
        }
        (K::MultipleChoice | K::Typed | K::TrueFalse, Topic::Numbers) => {
            for (i, n) in corpus.numbers.iter().enumerate() {
                let fact = Some(format!("number:{}", n.id));
                push(
                    format!("{k}:number:{}:value", n.id),
                    fact.clone(),
                    Spec::NumberValue(i),
                );
                if kind == K::MultipleChoice {
                    push(
                        format!("{k}:number:{}:counts", n.id),
                        fact,
                        Spec::NumberCounts(i),
                    );
                }
            }
        }
        (K::MultipleChoice | K::Typed | K::TrueFalse, Topic::Organizations) => {
            for (i, o) in corpus.organizations.iter().enumerate() {
                let fact = Some(format!("org:{}", o.id));
                if kind != K::TrueFalse {
                    push(
                        format!("{k}:org:{}:summary", o.id),
                        fact.clone(),
                        Spec::OrgSummary(i),
                    );
                }
                push(
                    format!("{k}:org:{}:abbr", o.id),
                    fact,
                    Spec::OrgAbbreviation(i),
                );
            }
        }
        (K::MultipleChoice | K::Typed | K::TrueFalse, Topic::Quotes) => {
            for (i, q) in corpus.quotes.iter().enumerate() {
                push(
                    format!("{k}:quote:{}:speaker", q.id),
                    Some(format!("quote:{}", q.id)),
                    Spec::QuoteSpeaker(i),
                );
            }
        }
        (K::Order, Topic::Dates) if ctx.tables.order_pool.len() >= ORDER_ITEMS => {
            for slot in 0..length {
                push(format!("order#{slot}"), None, Spec::Order);
            }
        }
        (K::Match, Topic::Quotes) if ctx.tables.match_pool.len() >= MATCH_MIN => {
            for slot in 0..length {
                push(format!("match#{slot}"), None, Spec::Match);
            }
        }
        (K::Source, Topic::Sources) => {
            for (i, s) in corpus.sources.iter().enumerate() {
                let fact = Some(format!("source:{}", s.number));
                push(
                    format!("source:{}:summary", s.number),
                    fact.clone(),
                    Spec::SourceSummary(i),
                );
                push(
                    format!("source:{}:speaker", s.number),
                    fact.clone(),
                    Spec::SourceSpeaker(i),
                );
                push(
                    format!("source:{}:date", s.number),
                    fact,
                    Spec::SourceDate(i),
                );
            }
        }
        (K::MultipleChoice | K::Source, Topic::Disputes) => {
            for (i, d) in corpus.disputes.iter().enumerate() {
                for (j, _) in d.accounts.iter().enumerate() {
                    let fact = Some(format!("account:{}.{}", d.id, j + 1));
                    if kind == K::Source {
                        push(
                            format!("source:dispute:{}.{}:giver", d.id, j + 1),
                            fact,
                            Spec::DisputeGiver(i, j),
                        );
                    } else {
                        push(
                            format!("{k}:dispute:{}.{}:says", d.id, j + 1),
                            fact,
                            Spec::DisputeSays(i, j),
                        );
                    }
                }
            }
        }
        (K::TrueFalse, Topic::Disputes) => {
            for (i, d) in corpus.disputes.iter().enumerate() {
                for (j, _) in d.accounts.iter().enumerate() {
                    push(
                        format!("{k}:dispute:{}.{}:says", d.id, j + 1),
                        Some(format!("account:{}.{}", d.id, j + 1)),
                        Spec::DisputeStatement(i, j),
                    );
                    for l in j + 1..d.accounts.len() {
                        push(
                            format!("{k}:dispute:{}.{}.{}:earlier", d.id, j + 1, l + 1),
                            Some(format!("dispute:{}:dates", d.id)),
                            Spec::DisputeEarlier(i, j, l),
                        );
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// A question before its id, kind and checks are filled in.
pub(super) struct Draft {
    /// Overrides the candidate key as id (order and match questions).
    pub(super) id: Option<String>,
    pub(super) prompt: String,
    pub(super) body: QuestionBody,
    pub(super) answer_text: String,
    pub(super) passages: Vec<String>,
    pub(super) card_id: Option<CardId>,
}

/// Builds a candidate into a question, or `None` when the data cannot support it. Checks
/// the invariants every question must meet, so no malformed question escapes.
///
/// A typed question draws nothing (no options to pick or shuffle), so one that cannot be
/// built with one seed cannot be built with any: the corpus' tables remember it, and a
/// quiz that runs through a topic without typed questions pays for that once.
pub(super) fn build(ctx: &Ctx, candidate: &Candidate, seed: u64) -> Option<Question> {
    let typed = candidate.kind == QuestionKind::Typed;
    if typed && ctx.tables.is_unbuildable(&candidate.key) {
        return None;
    }
    let question = build_afresh(ctx, candidate, seed);
    if typed && question.is_none() {
        ctx.tables.set_unbuildable(&candidate.key);
    }
    question
}

/// [`build`], without what the tables remember.
pub(super) fn build_afresh(ctx: &Ctx, candidate: &Candidate, seed: u64) -> Option<Question> {
    let mut rng = Rng::derived(seed, &candidate.key);
    let kind = candidate.kind;
    let draft = match candidate.spec {
        Spec::RelationSubject(i) => ctx.relation_question(&mut rng, kind, i, Side::Subject),
        Spec::RelationObject(i) => ctx.relation_question(&mut rng, kind, i, Side::Object),
        Spec::RelationStatement(i) => ctx.relation_statement(&mut rng, i),
        Spec::PersonSummary(i) => ctx.person_summary(&mut rng, kind, i),
        Spec::EventDate(i) => ctx.event_date_question(&mut rng, kind, i),
        Spec::NumberValue(i) => ctx.number_value(&mut rng, kind, i),
        Spec::NumberCounts(i) => ctx.number_counts(&mut rng, i),
        Spec::OrgSummary(i) => ctx.org_summary(&mut rng, kind, i),
        Spec::OrgAbbreviation(i) => ctx.org_abbreviation(&mut rng, kind, i),
        Spec::QuoteSpeaker(i) => ctx.quote_speaker(&mut rng, kind, i),
        Spec::SourceSummary(i) => ctx.source_summary(&mut rng, i),
        Spec::SourceSpeaker(i) => ctx.source_speaker(&mut rng, i),
        Spec::SourceDate(i) => ctx.source_date(&mut rng, i),
        Spec::DisputeGiver(d, a) => ctx.dispute_giver(&mut rng, d, a),
        Spec::DisputeSays(d, a) => ctx.dispute_says(&mut rng, d, a),
        Spec::DisputeStatement(d, a) => ctx.dispute_statement(&mut rng, d, a),
        Spec::DisputeEarlier(d, a, b) => ctx.dispute_earlier(&mut rng, d, a, b),
        Spec::Order => ctx.order(&mut rng),
        Spec::Match => ctx.match_quotes(&mut rng),
    }?;
    let mut passages: Vec<String> = Vec::new();
    for p in draft.passages.clone() {
        if ctx.corpus.passage(&p).is_some() && !passages.contains(&p) {
            passages.push(p);
        }
    }
    if passages.is_empty() || draft.prompt.is_empty() || draft.answer_text.is_empty() {
        return None;
    }
    let distinct = |texts: &[String]| {
        let keys: BTreeSet<String> = texts.iter().map(|t| normalize(t)).collect();
        keys.len() == texts.len() && !keys.contains("")
    };
    let well_formed = match &draft.body {
        QuestionBody::Choice { options, correct } => {
            options.len() >= MIN_OPTIONS && *correct < options.len() && distinct(options)
        }
        QuestionBody::Typed {
            accepted,
            rejected,
            answer_kind,
        } => accepted
            .first()
            .is_some_and(|first| answer::accepts(*answer_kind, accepted, rejected, first)),
        QuestionBody::TrueFalse { statement, .. } => !statement.is_empty(),
        QuestionBody::Order { items, correct } => {
            items.len() >= 2 && distinct(items) && is_permutation(correct, items.len())
        }
        QuestionBody::Match {
            quotes,
            speakers,
            correct,
        } => {
            quotes.len() >= 2
                && quotes.len() == speakers.len()
                && distinct(quotes)
                && distinct(speakers)
                && is_permutation(correct, quotes.len())
        }
    };
    if !well_formed || gives_itself_away(&draft.prompt, &draft.body) || !reads_well(&draft) {
        return None;
    }
    Some(Question {
        id: draft.id.unwrap_or_else(|| candidate.key.clone()),
        kind,
        prompt: draft.prompt,
        body: draft.body,
        answer_text: draft.answer_text,
        passages,
        card_id: draft.card_id,
    })
}

/// Whether the prompt names the answer it asks for (a person's surname, the year, the
/// abbreviation), so that the question answers itself.
pub(super) fn gives_itself_away(prompt: &str, body: &QuestionBody) -> bool {
    let forms: Vec<&String> = match body {
        QuestionBody::Choice { options, correct } => options.get(*correct).into_iter().collect(),
        QuestionBody::Typed { accepted, .. } => accepted.iter().collect(),
        _ => Vec::new(),
    };
    let prompt = normalize(prompt);
    forms.iter().any(|form| {
        let form = normalize(form);
        !form.is_empty() && names(&prompt, &form)
    })
}

/// Whether every text the student reads is well formed: no doubled attribution, no "the
/// The", no template holes, no doubled spaces.
pub(super) fn reads_well(draft: &Draft) -> bool {
    let mut texts: Vec<&str> = vec![&draft.prompt, &draft.answer_text];
    match &draft.body {
        QuestionBody::Choice { options, .. } => texts.extend(options.iter().map(String::as_str)),
        QuestionBody::TrueFalse { statement, .. } => texts.push(statement),
        QuestionBody::Order { items, .. } => texts.extend(items.iter().map(String::as_str)),
        QuestionBody::Match {
            quotes, speakers, ..
        } => texts.extend(quotes.iter().chain(speakers).map(String::as_str)),
        QuestionBody::Typed { .. } => {}
    }
    texts.iter().all(|text| text_reads_well(text))
}

/// The checks of [`reads_well`] on one text.
pub fn text_reads_well(text: &str) -> bool {
    let lowered = text.to_lowercase();
    lowered.matches("according to").count() <= 1
        && !lowered.contains("the the ")
        && !text.contains('{')
        && !text.contains('}')
        && !text.contains("  ")
        && !text.contains("___ ___")
}

pub(super) fn is_permutation(indices: &[usize], n: usize) -> bool {
    let set: BTreeSet<usize> = indices.iter().copied().collect();
    indices.len() == n && set.len() == n && set.iter().all(|&i| i < n)
}

/// Options in a multiple-choice question: the answer and up to this many distractors.
pub(super) const DISTRACTORS: usize = 3;
/// Fewer options than this and the question is not asked.
pub(super) const MIN_OPTIONS: usize = 3;
pub(super) const ORDER_ITEMS: usize = 4;
pub(super) const MATCH_MAX: usize = 4;
pub(super) const MATCH_MIN: usize = 3;
/// Longest quote or excerpt shown, in characters (longer ones are cut at a word).
pub(super) const EXCERPT_CHARS: usize = 320;
/// Rival name forms within this distance of the answer's are kept for grading typed
/// answers (twice the largest typo tolerance).
pub(super) const RIVAL_DISTANCE: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Side {
    Subject,
    Object,
}

pub(super) fn kind_slug(kind: RelationKind) -> String {
    format!("{kind:?}").to_lowercase()
}

pub(super) fn symmetric(kind: RelationKind) -> bool {
    matches!(kind, RelationKind::Married | RelationKind::Met)
}
