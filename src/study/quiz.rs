//! Quizzes generated from the data: multiple choice, typed answers, true/false, chronological
//! order, matching quotes to speakers, and source analysis on the primary sources.
//!
//! Nothing here knows the document: every question is built from the [`Corpus`], so another
//! document in the same schema gets its own quizzes. Claims the data attributes
//! (`according_to`) stay attributed in the question ("According to Alexander Orlov, …").
//!
//! **Determinism.** A quiz is fully determined by its [`QuizSettings`] (topics, kinds,
//! length, seed): the same settings give the same questions, options and order on every
//! machine. Randomness comes only from [`Rng`] (32/64-bit draws), iteration is over `Vec`s in
//! data order or `BTreeMap`s, and no float or clock decides anything. Each question draws from
//! its own stream, derived from the seed and the question's key.
//!
//! **Correct by construction.** Every question has exactly one right answer: a wrong option
//! is never also true (distractors exclude every value the data makes true, e.g. everyone who
//! also replaced Yagoda, any date that overlaps the answer's, any figure equal to the answer),
//! options are distinct after normalisation, a false true/false statement differs from every
//! true value, order questions use events whose date intervals do not overlap, and match
//! questions use quotes with distinct speakers. Every question cites passages that exist.
//! A question that cannot be built that way (too few distractors, …) is not asked.
//!
//! **Length.** [`generate`] returns `settings.length` questions when the data allows, spread
//! evenly over the chosen kinds and, within a kind, over the chosen topics; otherwise as many
//! distinct questions as it can (possibly none, e.g. for kinds and topics that do not go
//! together: see [`compatible`]). A quiz never asks the same question twice, and asks two
//! questions about the same fact only when it has run out of other questions.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::content::date::Day;
use crate::content::model::names;
use crate::content::{Corpus, DocDate, Organization, Person, PrimarySource, RelationKind};
use crate::search::normalize;
pub use crate::study::answer::AnswerKind;
use crate::study::answer::{self, Number, parse_number};
use crate::study::rng::Rng;
use crate::timeline::event_date;

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    MultipleChoice,
    Typed,
    TrueFalse,
    Order,
    Match,
    Source,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::MultipleChoice,
        QuestionKind::Typed,
        QuestionKind::TrueFalse,
        QuestionKind::Order,
        QuestionKind::Match,
        QuestionKind::Source,
    ];

    /// The short name used in quiz links.
    pub fn slug(self) -> &'static str {
        match self {
            Self::MultipleChoice => "mc",
            Self::Typed => "typed",
            Self::TrueFalse => "tf",
            Self::Order => "order",
            Self::Match => "match",
            Self::Source => "source",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MultipleChoice => "Multiple choice",
            Self::Typed => "Typed answer",
            Self::TrueFalse => "True or false",
            Self::Order => "Chronological order",
            Self::Match => "Match quotes to speakers",
            Self::Source => "Source analysis",
        }
    }
}

/// What a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    People,
    Dates,
    Numbers,
    Organizations,
    Quotes,
    Sources,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::People,
        Topic::Dates,
        Topic::Numbers,
        Topic::Organizations,
        Topic::Quotes,
        Topic::Sources,
    ];

    /// The short name used in quiz links.
    pub fn slug(self) -> &'static str {
        match self {
            Self::People => "people",
            Self::Dates => "dates",
            Self::Numbers => "numbers",
            Self::Organizations => "orgs",
            Self::Quotes => "quotes",
            Self::Sources => "sources",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::People => "People",
            Self::Dates => "Dates and events",
            Self::Numbers => "Numbers",
            Self::Organizations => "Organizations",
            Self::Quotes => "Quotes",
            Self::Sources => "Primary sources",
        }
    }
}

/// Whether questions of `kind` can be asked about `topic`: multiple choice, typed and
/// true/false about anything but the primary sources; order about dates; match about
/// quotes; source analysis about the sources.
pub fn compatible(kind: QuestionKind, topic: Topic) -> bool {
    match kind {
        QuestionKind::MultipleChoice | QuestionKind::Typed | QuestionKind::TrueFalse => {
            topic != Topic::Sources
        }
        QuestionKind::Order => topic == Topic::Dates,
        QuestionKind::Match => topic == Topic::Quotes,
        QuestionKind::Source => topic == Topic::Sources,
    }
}

/// Everything that determines a quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// Treated as a set; [`QuizSettings::canonical`] sorts and dedups.
    pub topics: Vec<Topic>,
    /// Treated as a set; [`QuizSettings::canonical`] sorts and dedups.
    pub kinds: Vec<QuestionKind>,
    /// How many questions to ask (at most [`QuizSettings::MAX_LENGTH`]).
    pub length: usize,
    pub seed: u64,
}

impl Default for QuizSettings {
    /// Every topic and kind, ten questions, seed 0.
    fn default() -> Self {
        Self {
            topics: Topic::ALL.to_vec(),
            kinds: QuestionKind::ALL.to_vec(),
            length: Self::DEFAULT_LENGTH,
            seed: 0,
        }
    }
}

fn comma_list<T: Copy>(items: &[T], slug: fn(T) -> &'static str) -> String {
    items.iter().map(|&t| slug(t)).collect::<Vec<_>>().join(",")
}

fn parse_list<T: Ord + Copy>(
    value: &str,
    from_slug: fn(&str) -> Option<T>,
    all: &[T],
    slug: fn(T) -> &'static str,
    what: &str,
    key: &str,
) -> Result<Vec<T>, String> {
    let mut items = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match from_slug(part) {
            Some(item) => items.push(item),
            None => {
                return Err(format!(
                    "unknown {what} \"{part}\" in {key} (expected {})",
                    comma_list(all, slug)
                ));
            }
        }
    }
    if items.is_empty() {
        return Err(format!("{key} must name at least one {what}"));
    }
    items.sort();
    items.dedup();
    Ok(items)
}

impl QuizSettings {
    pub const DEFAULT_LENGTH: usize = 10;
    pub const MAX_LENGTH: usize = 50;

    /// The same settings with topics and kinds sorted and without repeats, which is what
    /// [`QuizSettings::from_query`] returns.
    pub fn canonical(&self) -> Self {
        let mut settings = self.clone();
        settings.topics.sort();
        settings.topics.dedup();
        settings.kinds.sort();
        settings.kinds.dedup();
        settings
    }

    /// The settings as query pairs, e.g.
    /// `seed=12345&n=10&k=mc,typed,tf,order,match,source&t=people,dates,numbers,orgs,quotes,sources`.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let settings = self.canonical();
        vec![
            ("seed".into(), settings.seed.to_string()),
            ("n".into(), settings.length.to_string()),
            ("k".into(), comma_list(&settings.kinds, QuestionKind::slug)),
            ("t".into(), comma_list(&settings.topics, Topic::slug)),
        ]
    }

    /// Reads settings from query pairs. `seed` is required; `n` defaults to 10, `k` and `t`
    /// to everything. Other keys are ignored (the page may use them); a key given twice, an
    /// unknown kind or topic, an empty list or an out-of-range number is an error whose
    /// message can be shown to the student.
    pub fn from_query(pairs: &[(String, String)]) -> Result<Self, String> {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut settings = Self::default();
        let mut seed = None;
        for (key, value) in pairs {
            if !matches!(key.as_str(), "seed" | "n" | "k" | "t") {
                continue;
            }
            if !seen.insert(key) {
                return Err(format!("{key} is given twice"));
            }
            let value = value.trim();
            match key.as_str() {
                "seed" => {
                    seed = Some(value.parse::<u64>().map_err(|_| {
                        format!(
                            "seed must be a whole number from 0 to {}, not \"{value}\"",
                            u64::MAX
                        )
                    })?);
                }
                "n" => {
                    settings.length = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=Self::MAX_LENGTH).contains(n))
                        .ok_or_else(|| {
                            format!(
                                "n (the number of questions) must be a whole number from 1 to {}, not \"{value}\"",
                                Self::MAX_LENGTH
                            )
                        })?;
                }
                "k" => {
                    settings.kinds = parse_list(
                        value,
                        QuestionKind::from_slug,
                        &QuestionKind::ALL,
                        QuestionKind::slug,
                        "question kind",
                        "k",
                    )?;
                }
                _ => {
                    settings.topics = parse_list(
                        value,
                        Topic::from_slug,
                        &Topic::ALL,
                        Topic::slug,
                        "topic",
                        "t",
                    )?;
                }
            }
        }
        settings.seed = seed.ok_or("the quiz has no seed")?;
        Ok(settings)
    }
}

// ---------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------

/// One question, with its right answer, ready to show and to grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable across quizzes for the same fact and way of asking:
    /// `mc:event:<id>:date`, `typed:person:<id>:summary`, `source:<n>:speaker`,
    /// `order:<event ids in order>`, `match:<quote ids, sorted>`, …
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub body: QuestionBody,
    /// The right answer, human readable, for feedback.
    pub answer_text: String,
    /// Passages supporting the answer; never empty, all in the corpus.
    pub passages: Vec<String>,
    /// The flashcard this question tests: `person:<id>`, `event:<id>`, `number:<id>`,
    /// `quote:<id>`, `org:<id>` or `source:<n>`; none for order and match questions.
    pub card_id: Option<String>,
}

/// What the student sees and answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionBody {
    /// Pick one option (multiple choice and source analysis).
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Type the answer. `rejected` holds forms of *other* people or organizations close
    /// enough to an accepted form to be mistaken for a typo of it.
    Typed {
        accepted: Vec<String>,
        #[serde(default)]
        rejected: Vec<String>,
        answer_kind: AnswerKind,
    },
    /// Say whether the statement is true.
    TrueFalse { statement: String, truth: bool },
    /// Put the items (in the shown order) in chronological order; `correct` lists item
    /// indices from earliest to latest.
    Order {
        items: Vec<String>,
        correct: Vec<usize>,
    },
    /// Match each quote to a speaker (both in the shown order); `correct[i]` is the index
    /// of the speaker of quote `i`.
    Match {
        quotes: Vec<String>,
        speakers: Vec<String>,
        correct: Vec<usize>,
    },
}

/// A student's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Choice(usize),
    Typed(String),
    TrueFalse(bool),
    /// Item indices, earliest first.
    Order(Vec<usize>),
    /// Speaker index for each quote.
    Match(Vec<usize>),
}

/// Whether the response answers the question. A response of the wrong shape is wrong.
pub fn check(question: &Question, response: &Response) -> bool {
    match (&question.body, response) {
        (QuestionBody::Choice { correct, .. }, Response::Choice(chosen)) => chosen == correct,
        (
            QuestionBody::Typed {
                accepted,
                rejected,
                answer_kind,
            },
            Response::Typed(typed),
        ) => answer::accepts(*answer_kind, accepted, rejected, typed),
        (QuestionBody::TrueFalse { truth, .. }, Response::TrueFalse(said)) => said == truth,
        (QuestionBody::Order { correct, .. }, Response::Order(order)) => order == correct,
        (QuestionBody::Match { correct, .. }, Response::Match(pairs)) => pairs == correct,
        _ => false,
    }
}

/// The response that answers the question (for showing the solution and for tests).
pub fn correct_response(question: &Question) -> Response {
    match &question.body {
        QuestionBody::Choice { correct, .. } => Response::Choice(*correct),
        QuestionBody::Typed { accepted, .. } => {
            Response::Typed(accepted.first().cloned().unwrap_or_default())
        }
        QuestionBody::TrueFalse { truth, .. } => Response::TrueFalse(*truth),
        QuestionBody::Order { correct, .. } => Response::Order(correct.clone()),
        QuestionBody::Match { correct, .. } => Response::Match(correct.clone()),
    }
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// Generates the quiz the settings describe (see the module documentation).
pub fn generate(corpus: &Corpus, settings: &QuizSettings) -> Vec<Question> {
    let settings = settings.canonical();
    let length = settings.length.min(QuizSettings::MAX_LENGTH);
    let ctx = Ctx::new(corpus);
    let mut rng = Rng::new(settings.seed);

    // Candidates grouped by kind, then topic, each group shuffled.
    let mut by_kind: BTreeMap<QuestionKind, Vec<Vec<Candidate>>> = BTreeMap::new();
    for &kind in &settings.kinds {
        for &topic in &settings.topics {
            if !compatible(kind, topic) {
                continue;
            }
            let mut group = candidates(&ctx, kind, topic, length);
            if group.is_empty() {
                continue;
            }
            rng.shuffle(&mut group);
            by_kind.entry(kind).or_default().push(group);
        }
    }
    let mut kinds: Vec<(Vec<Vec<Candidate>>, usize)> = by_kind
        .into_values()
        .map(|mut groups| {
            rng.shuffle(&mut groups);
            (groups, 0)
        })
        .collect();

    let mut quiz: Vec<Question> = Vec::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut facts: BTreeSet<String> = BTreeSet::new();
    let mut deferred: Vec<Candidate> = Vec::new();

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
                if candidate.fact.as_ref().is_some_and(|f| facts.contains(f)) {
                    deferred.push(candidate);
                    continue;
                }
                let Some(question) = build(&ctx, &candidate, settings.seed) else {
                    continue;
                };
                if ids.insert(question.id.clone()) {
                    facts.extend(candidate.fact);
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
        if let Some(question) = build(&ctx, &candidate, settings.seed)
            && ids.insert(question.id.clone())
        {
            quiz.push(question);
        }
    }
    quiz
}

/// Everything a question can be built from, before any randomness.
#[derive(Debug, Clone)]
enum Spec {
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
    /// One order question (each slot draws its own events).
    Order,
    /// One match question (each slot draws its own quotes).
    Match,
}

#[derive(Debug, Clone)]
struct Candidate {
    kind: QuestionKind,
    /// Unique among candidates; seeds the question's own random stream.
    key: String,
    /// What the question tests, so a quiz avoids two questions on one fact.
    fact: Option<String>,
    spec: Spec,
}

fn candidates(ctx: &Ctx, kind: QuestionKind, topic: Topic, length: usize) -> Vec<Candidate> {
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
            for &i in &ctx.relations {
                let r = &corpus.relations[i];
                let base = format!("relation:{}:{}:{}", r.subject, kind_slug(r.kind), r.object);
                if kind == K::TrueFalse {
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
        (K::Order, Topic::Dates) if ctx.order_pool.len() >= ORDER_ITEMS => {
            for slot in 0..length {
                push(format!("order#{slot}"), None, Spec::Order);
            }
        }
        (K::Match, Topic::Quotes) if ctx.match_pool.len() >= MATCH_MIN => {
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
        _ => {}
    }
    out
}

/// A question before its id, kind and checks are filled in.
struct Draft {
    /// Overrides the candidate key as id (order and match questions).
    id: Option<String>,
    prompt: String,
    body: QuestionBody,
    answer_text: String,
    passages: Vec<String>,
    card_id: Option<String>,
}

/// Builds a candidate into a question, or `None` when the data cannot support it. Checks
/// the invariants every question must meet, so no malformed question escapes.
fn build(ctx: &Ctx, candidate: &Candidate, seed: u64) -> Option<Question> {
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
        Spec::Order => ctx.order(&mut rng),
        Spec::Match => ctx.match_quotes(&mut rng),
    }?;
    let mut passages: Vec<String> = Vec::new();
    for p in draft.passages {
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
    if !well_formed {
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

fn is_permutation(indices: &[usize], n: usize) -> bool {
    let set: BTreeSet<usize> = indices.iter().copied().collect();
    indices.len() == n && set.len() == n && set.iter().all(|&i| i < n)
}

/// Options in a multiple-choice question: the answer and up to this many distractors.
const DISTRACTORS: usize = 3;
/// Fewer options than this and the question is not asked.
const MIN_OPTIONS: usize = 3;
const ORDER_ITEMS: usize = 4;
const MATCH_MAX: usize = 4;
const MATCH_MIN: usize = 3;
/// Longest quote or excerpt shown, in characters (longer ones are cut at a word).
const EXCERPT_CHARS: usize = 320;
/// Rival name forms within this distance of the answer's are kept for grading typed
/// answers (twice the largest typo tolerance).
const RIVAL_DISTANCE: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Subject,
    Object,
}

fn kind_slug(kind: RelationKind) -> String {
    format!("{kind:?}").to_lowercase()
}

fn symmetric(kind: RelationKind) -> bool {
    matches!(kind, RelationKind::Married | RelationKind::Met)
}

fn overlaps(a: (Day, Day), b: (Day, Day)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn iso(date: &DocDate) -> String {
    match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", date.year),
        (Some(m), None) => format!("{:04}-{m:02}", date.year),
        _ => format!("{:04}", date.year),
    }
}

/// Whether a date is a real calendar date (no 29 February in a common year).
fn valid(date: &DocDate) -> bool {
    date.part.is_some() || DocDate::parse(&iso(date), None).is_ok()
}

/// Lower-cases the first letter of a sentence that starts with a question word or an
/// article, so it can follow "According to X, ".
fn lower_start(sentence: &str) -> String {
    const SMALL: [&str; 12] = [
        "Who", "Whom", "What", "When", "Which", "Whose", "In", "On", "The", "A", "An", "How",
    ];
    let first = sentence.split([' ', ',']).next().unwrap_or_default();
    if SMALL.contains(&first) {
        let mut chars = sentence.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        sentence.to_string()
    }
}

/// The sentence with its first letter in capitals ("fifty per cent is …" → "Fifty …").
fn upper_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Cuts a text at a sentence end or a word so it is at most about `max` characters.
fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    if let Some(end) = cut.rfind(['.', '?', '!'])
        && end > max / 3
    {
        return cut[..=end].to_string();
    }
    match cut.rfind(' ') {
        Some(space) => format!("{}…", cut[..space].trim_end_matches([',', ';', ':'])),
        None => format!("{cut}…"),
    }
}

/// The first sentence of a heading (some headings are several sentences long).
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) if end >= 20 => text[..=end].to_string(),
        _ => text.to_string(),
    }
}

/// Content words of a description, for telling whether two descriptions say the same.
fn content_words(text: &str) -> BTreeSet<String> {
    const COMMON: [&str; 18] = [
        "with", "from", "that", "this", "were", "have", "been", "their", "after", "into", "which",
        "they", "them", "than", "then", "also", "whose", "later",
    ];
    normalize(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two descriptions share at least half the content words of the shorter one.
fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len());
    shorter == 0 || 2 * shared >= shorter
}

fn is_percent(text: &str) -> bool {
    let lowered = text.to_lowercase();
    lowered.contains('%') || lowered.contains("per cent") || lowered.contains("percent")
}

/// Groups an integer's digits in threes with commas.
fn with_commas(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A person or organization that said or wrote something.
#[derive(Clone, Copy)]
enum Speaker<'a> {
    Person(&'a Person),
    Org(&'a Organization),
}

impl Speaker<'_> {
    fn key(&self) -> String {
        match self {
            Speaker::Person(p) => format!("person:{}", p.id),
            Speaker::Org(o) => format!("org:{}", o.id),
        }
    }

    fn label(&self) -> String {
        match self {
            Speaker::Person(p) => p.name.clone(),
            Speaker::Org(o) => o.name.clone(),
        }
    }

    fn forms(&self) -> Vec<String> {
        match self {
            Speaker::Person(p) => person_forms(p),
            Speaker::Org(o) => org_forms(o),
        }
    }

    fn answer_kind(&self) -> AnswerKind {
        match self {
            Speaker::Person(_) => AnswerKind::Name,
            Speaker::Org(_) => AnswerKind::Text,
        }
    }

    /// Whether a text names the speaker (so asking who said it would give it away).
    fn named_in(&self, text: &str) -> bool {
        match self {
            Speaker::Person(p) => person_named_in(p, text),
            Speaker::Org(o) => org_forms(o).iter().any(|f| names(text, f)),
        }
    }
}

fn person_forms(person: &Person) -> Vec<String> {
    person.name_forms().map(str::to_string).collect()
}

fn org_forms(org: &Organization) -> Vec<String> {
    std::iter::once(&org.name)
        .chain(&org.abbreviations)
        .chain(&org.variants)
        .cloned()
        .collect()
}

/// Whether a text names a person in any form, or by the surname of their full name.
fn person_named_in(person: &Person, text: &str) -> bool {
    let surname = person.name.rsplit(' ').next().unwrap_or_default();
    person.is_named_in(text) || names(text, surname)
}

/// How an organization is shown as an option: "Name (ABBR)".
fn org_label(org: &Organization) -> String {
    match org.abbreviations.first() {
        Some(abbr) if normalize(abbr) != normalize(&org.name) => format!("{} ({abbr})", org.name),
        _ => org.name.clone(),
    }
}

/// Picks up to `want` labels from tiers of candidates, earlier tiers first, random within
/// a tier, never two with the same normalised text nor one in `taken` (normalised).
fn pick_tiered(
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
fn choice(rng: &mut Rng, answer: &str, distractors: Vec<String>) -> Option<QuestionBody> {
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
struct Ctx<'a> {
    corpus: &'a Corpus,
    /// Relations without repeats of the same (subject, kind, object), in data order.
    relations: Vec<usize>,
    event_dates: Vec<DocDate>,
    numbers: Vec<Option<Number>>,
    /// Events usable in order questions (with a passage and a distinct title).
    order_pool: Vec<usize>,
    /// Quotes usable in match questions (a known speaker the text does not name).
    match_pool: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn new(corpus: &'a Corpus) -> Self {
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
        };
        ctx.order_pool = (0..corpus.events.len())
            .filter(|&i| {
                let e = &corpus.events[i];
                ctx.event_dates[i].year != 0
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

    fn name(&self, person: &str) -> String {
        self.corpus
            .person(person)
            .map_or_else(|| person.to_string(), |p| p.name.clone())
    }

    /// "According to X, …" when the data attributes the claim.
    fn attributed(&self, according_to: Option<&String>, sentence: &str) -> String {
        match according_to {
            Some(who) => format!("According to {}, {}", self.name(who), lower_start(sentence)),
            None => sentence.to_string(),
        }
    }

    fn speaker(&self, person: Option<&str>, org: Option<&str>) -> Option<Speaker<'a>> {
        match (person, org) {
            (Some(id), _) => self.corpus.person(id).map(Speaker::Person),
            (None, Some(id)) => self.corpus.organization(id).map(Speaker::Org),
            (None, None) => None,
        }
    }

    fn quote_speaker_of(&self, quote: usize) -> Option<Speaker<'a>> {
        let q = &self.corpus.quotes[quote];
        self.speaker(q.speaker.as_deref(), q.organization.as_deref())
    }

    fn source_speaker_of(&self, source: &PrimarySource) -> Option<Speaker<'a>> {
        self.speaker(source.speaker.as_deref(), source.organization.as_deref())
    }

    /// Names of other people close enough to the answer's to pass for a typo of it.
    fn rival_people(&self, answer: &Person, also_true: &BTreeSet<&str>) -> Vec<String> {
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
    fn rival_orgs(&self, answer: &Organization) -> Vec<String> {
        self.corpus
            .organizations
            .iter()
            .filter(|o| o.id != answer.id)
            .flat_map(org_forms)
            .collect()
    }

    fn rival_speakers(&self, answer: Speaker) -> Vec<String> {
        match answer {
            Speaker::Person(p) => self.rival_people(p, &BTreeSet::new()),
            Speaker::Org(o) => self.rival_orgs(o),
        }
    }

    /// A typed-answer body for a speaker or person.
    fn typed_speaker(&self, answer: Speaker) -> QuestionBody {
        QuestionBody::Typed {
            accepted: answer.forms(),
            rejected: self.rival_speakers(answer),
            answer_kind: answer.answer_kind(),
        }
    }

    /// Passages that support what the data says about a person.
    fn person_passages(&self, person: &Person) -> Vec<String> {
        let mut passages: Vec<String> = person
            .roles
            .iter()
            .chain(person.fate.iter())
            .flat_map(|s| s.passages.iter().cloned())
            .collect();
        if passages.is_empty() {
            passages = person.mentions.iter().take(1).cloned().collect();
        }
        passages
    }

    /// Distractor people for a question whose answer is `answer`: first people sharing a
    /// group with the answer, then `similar_role` (people in the same position elsewhere in
    /// the data), then anyone who appears in a relation. Never anyone in `excluded`.
    fn person_distractors(
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

    // --- people ------------------------------------------------------------------------

    /// Everyone of whom the relation's statement is true on `side`, given the other side.
    fn true_side(&self, relation: usize, side: Side) -> BTreeSet<&'a str> {
        let r = &self.corpus.relations[relation];
        let mut set = BTreeSet::new();
        for other in &self.corpus.relations {
            if other.kind != r.kind {
                continue;
            }
            match side {
                Side::Subject => {
                    if other.object == r.object {
                        set.insert(other.subject.as_str());
                    }
                    if symmetric(r.kind) && other.subject == r.object {
                        set.insert(other.object.as_str());
                    }
                }
                Side::Object => {
                    if other.subject == r.subject {
                        set.insert(other.object.as_str());
                    }
                    if symmetric(r.kind) && other.object == r.subject {
                        set.insert(other.subject.as_str());
                    }
                }
            }
        }
        set
    }

    /// People in the same position (`side`) of other relations of the same kind.
    fn same_role(&self, relation: usize, side: Side) -> Vec<&'a str> {
        let kind = self.corpus.relations[relation].kind;
        self.corpus
            .relations
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| match side {
                Side::Subject => r.subject.as_str(),
                Side::Object => r.object.as_str(),
            })
            .collect()
    }

    fn relation_sentence(&self, relation: usize, subject: &str, object: &str) -> String {
        let r = &self.corpus.relations[relation];
        self.attributed(
            r.according_to.as_ref(),
            &format!("{subject} {} {object}.", r.kind.verb()),
        )
    }

    fn relation_question(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        relation: usize,
        side: Side,
    ) -> Option<Draft> {
        let r = &self.corpus.relations[relation];
        let subject = self.corpus.person(&r.subject)?;
        let object = self.corpus.person(&r.object)?;
        let (answer, other) = match side {
            Side::Subject => (subject, object),
            Side::Object => (object, subject),
        };
        if answer.id == other.id {
            return None;
        }
        let prompt = match side {
            Side::Subject => format!("Who {} {}?", r.kind.verb(), object.name),
            Side::Object => format!("{} {} whom?", subject.name, r.kind.verb()),
        };
        let prompt = self.attributed(r.according_to.as_ref(), &prompt);
        let also_true = self.true_side(relation, side);
        let body = match kind {
            QuestionKind::Typed => {
                // A typed answer must have one right answer: skip when several people fit.
                if also_true.iter().any(|id| *id != answer.id) {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: person_forms(answer),
                    rejected: self.rival_people(answer, &BTreeSet::new()),
                    answer_kind: AnswerKind::Name,
                }
            }
            _ => {
                let mut excluded = also_true.clone();
                excluded.insert(other.id.as_str());
                let role = self.same_role(relation, side);
                let distractors = self.person_distractors(rng, answer, &excluded, &role);
                choice(rng, &answer.name, distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: answer.name.clone(),
            passages: r.passages.clone(),
            card_id: Some(format!("person:{}", answer.id)),
        })
    }

    fn relation_statement(&self, rng: &mut Rng, relation: usize) -> Option<Draft> {
        let r = &self.corpus.relations[relation];
        let subject = self.corpus.person(&r.subject)?;
        let object = self.corpus.person(&r.object)?;
        let truth_text = self.relation_sentence(relation, &subject.name, &object.name);
        let want_true = rng.coin();
        let mut statement = None;
        if !want_true {
            let mut sides = [Side::Subject, Side::Object];
            rng.shuffle(&mut sides);
            for side in sides {
                let (answer, other) = match side {
                    Side::Subject => (subject, object),
                    Side::Object => (object, subject),
                };
                let mut excluded = self.true_side(relation, side);
                excluded.insert(other.id.as_str());
                let role = self.same_role(relation, side);
                let swap = self.person_distractors(rng, answer, &excluded, &role);
                if let Some(swap) = swap.first() {
                    statement = Some(match side {
                        Side::Subject => self.relation_sentence(relation, swap, &object.name),
                        Side::Object => self.relation_sentence(relation, &subject.name, swap),
                    });
                    break;
                }
            }
        }
        Some(true_false(
            statement,
            truth_text,
            r.passages.clone(),
            Some(format!("person:{}", subject.id)),
        ))
    }

    fn person_summary(&self, rng: &mut Rng, kind: QuestionKind, index: usize) -> Option<Draft> {
        let person = &self.corpus.people[index];
        if normalize(&person.summary).is_empty() || person_named_in(person, &person.summary) {
            return None;
        }
        let prompt = format!("Who is described as: “{}”?", person.summary.trim());
        let words = content_words(&person.summary);
        // Anyone whose own description says much the same is not a wrong answer.
        let look_alike: BTreeSet<&str> = self
            .corpus
            .people
            .iter()
            .filter(|p| p.id != person.id && similar(&words, &content_words(&p.summary)))
            .map(|p| p.id.as_str())
            .collect();
        let body = match kind {
            QuestionKind::Typed => {
                if !look_alike.is_empty() {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: person_forms(person),
                    rejected: self.rival_people(person, &BTreeSet::new()),
                    answer_kind: AnswerKind::Name,
                }
            }
            _ => {
                let distractors = self.person_distractors(rng, person, &look_alike, &[]);
                choice(rng, &person.name, distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: person.name.clone(),
            passages: self.person_passages(person),
            card_id: Some(format!("person:{}", person.id)),
        })
    }

    // --- dates -------------------------------------------------------------------------

    /// Wrong dates for `answer` at its precision: up to one date the data uses elsewhere
    /// (`elsewhere`), then dates a few years (or months) away. None overlaps the answer or
    /// any of `also_true`, and none displays like them.
    fn date_distractors(
        &self,
        rng: &mut Rng,
        answer: DocDate,
        also_true: &[DocDate],
        elsewhere: &[DocDate],
    ) -> Vec<String> {
        let precision = answer.precision();
        let truths: Vec<DocDate> = std::iter::once(answer)
            .chain(also_true.iter().copied())
            .collect();
        let wrong = |d: &DocDate| {
            d.precision() == precision
                && valid(d)
                && truths.iter().all(|t| {
                    !overlaps(d.interval(), t.interval()) && d.to_string() != t.to_string()
                })
        };
        let real: Vec<String> = elsewhere
            .iter()
            .filter(|d| wrong(d))
            .map(ToString::to_string)
            .collect();
        let mut synthetic = Vec::new();
        for offset in [-3i32, -2, -1, 1, 2, 3] {
            let year = i32::from(answer.year) + offset;
            if let Ok(year) = u16::try_from(year) {
                synthetic.push(DocDate { year, ..answer });
            }
        }
        if let Some(month) = answer.month {
            for offset in [-3i32, -2, -1, 1, 2, 3] {
                let m = i32::from(month) + offset;
                if (1..=12).contains(&m) {
                    synthetic.push(DocDate {
                        month: Some(m as u8),
                        ..answer
                    });
                }
            }
        }
        let synthetic: Vec<String> = synthetic
            .iter()
            .filter(|d| wrong(d))
            .map(ToString::to_string)
            .collect();
        let mut taken: BTreeSet<String> =
            truths.iter().map(|t| normalize(&t.to_string())).collect();
        pick_tiered(
            rng,
            vec![(real, 1), (synthetic, DISTRACTORS)],
            &mut taken,
            DISTRACTORS,
        )
    }

    fn event_date_question(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let event = &self.corpus.events[index];
        let date = self.event_dates[index];
        if date.year == 0 || normalize(&event.title).is_empty() {
            return None;
        }
        let year = date.year.to_string();
        // A title that gives the year away makes no date question.
        if names(&event.title, &year) {
            return None;
        }
        let title_key = normalize(&event.title);
        // Other entries for the same event (another source, another date) are true too.
        let also_true: Vec<DocDate> = self
            .corpus
            .events
            .iter()
            .enumerate()
            .filter(|(i, e)| *i != index && normalize(&e.title) == title_key)
            .map(|(i, _)| self.event_dates[i])
            .collect();
        let elsewhere: Vec<DocDate> = self
            .event_dates
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, d)| *d)
            .collect();
        let title = event.title.trim().trim_end_matches('.');
        let shown = date.to_string();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::Typed => {
                if also_true.iter().any(|d| d.year != date.year) {
                    return None;
                }
                (
                    self.attributed(
                        event.according_to.as_ref(),
                        &format!("In which year did this happen: {title}?"),
                    ),
                    QuestionBody::Typed {
                        accepted: vec![year.clone()],
                        rejected: Vec::new(),
                        answer_kind: AnswerKind::Number,
                    },
                    format!("{year} ({shown})"),
                )
            }
            QuestionKind::TrueFalse => {
                let sentence = |d: &str| match &event.according_to {
                    Some(who) => format!("{d}: {title} (according to {}).", self.name(who)),
                    None => format!("{d}: {title}."),
                };
                let truth_text = sentence(&shown);
                let statement = if rng.coin() {
                    None
                } else {
                    self.date_distractors(rng, date, &also_true, &[])
                        .first()
                        .map(|d| sentence(d))
                };
                let draft = true_false(
                    statement,
                    truth_text,
                    event.passages.clone(),
                    Some(format!("event:{}", event.id)),
                );
                return Some(draft);
            }
            _ => {
                let distractors = self.date_distractors(rng, date, &also_true, &elsewhere);
                (
                    self.attributed(
                        event.according_to.as_ref(),
                        &format!("When did this happen: {title}?"),
                    ),
                    choice(rng, &shown, distractors)?,
                    shown.clone(),
                )
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text,
            passages: event.passages.clone(),
            card_id: Some(format!("event:{}", event.id)),
        })
    }

    fn order(&self, rng: &mut Rng) -> Option<Draft> {
        let mut pool = self.order_pool.clone();
        rng.shuffle(&mut pool);
        let mut chosen: Vec<usize> = Vec::new();
        let mut labels: BTreeSet<String> = BTreeSet::new();
        for i in pool {
            let interval = self.event_dates[i].interval();
            let clear = chosen
                .iter()
                .all(|&c| !overlaps(interval, self.event_dates[c].interval()));
            if clear && labels.insert(normalize(&self.order_label(i))) {
                chosen.push(i);
                if chosen.len() == ORDER_ITEMS {
                    break;
                }
            }
        }
        if chosen.len() < ORDER_ITEMS {
            return None;
        }
        let mut chronological = chosen.clone();
        chronological.sort_by(|&a, &b| self.event_dates[a].timeline_cmp(&self.event_dates[b]));
        // Shown order: the random pick, unless it happens to be already in order.
        if chosen == chronological {
            chosen.reverse();
        }
        let items: Vec<String> = chosen.iter().map(|&i| self.order_label(i)).collect();
        let correct: Vec<usize> = chronological
            .iter()
            .map(|c| chosen.iter().position(|x| x == c).unwrap_or(usize::MAX))
            .collect();
        let events = &self.corpus.events;
        let answer_text = chronological
            .iter()
            .map(|&i| format!("{} ({})", self.order_label(i), self.event_dates[i]))
            .collect::<Vec<_>>()
            .join(" → ");
        Some(Draft {
            id: Some(format!(
                "order:{}",
                chronological
                    .iter()
                    .map(|&i| events[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            )),
            prompt: "Put these events in chronological order, earliest first.".into(),
            body: QuestionBody::Order { items, correct },
            answer_text,
            passages: chronological
                .iter()
                .flat_map(|&i| events[i].passages.iter().cloned())
                .collect(),
            card_id: None,
        })
    }

    fn order_label(&self, index: usize) -> String {
        let event = &self.corpus.events[index];
        let title = event.title.trim().trim_end_matches('.');
        match &event.according_to {
            Some(who) => format!("{title} (according to {})", self.name(who)),
            None => title.to_string(),
        }
    }

    // --- numbers -----------------------------------------------------------------------

    /// Other statistics' values that are wrong for statistic `index`, best first, then
    /// made-up figures near a plain whole-number answer.
    fn number_distractors(&self, rng: &mut Rng, index: usize) -> Vec<String> {
        let stat = &self.corpus.numbers[index];
        let value = self.numbers[index];
        let counts = normalize(&stat.counts);
        // Every value the data gives for the same thing is true.
        let truths: Vec<(Option<Number>, String)> = self
            .corpus
            .numbers
            .iter()
            .enumerate()
            .filter(|(i, n)| *i == index || normalize(&n.counts) == counts)
            .map(|(i, n)| (self.numbers[i], normalize(&n.value)))
            .collect();
        let is_true = |parsed: Option<Number>, text: &str| {
            truths
                .iter()
                .any(|(v, t)| *t == normalize(text) || (parsed.is_some() && *v == parsed))
        };
        let percent = is_percent(&stat.value);
        let magnitude = value.map(Number::magnitude);
        let mut close = Vec::new();
        let mut same_kind = Vec::new();
        let mut rest = Vec::new();
        for (i, other) in self.corpus.numbers.iter().enumerate() {
            if is_true(self.numbers[i], &other.value) {
                continue;
            }
            let other_magnitude = self.numbers[i].map(Number::magnitude);
            let label = other.value.trim().to_string();
            if is_percent(&other.value) != percent {
                rest.push(label);
            } else if let (Some(a), Some(b)) = (magnitude, other_magnitude)
                && a.abs_diff(b) <= 1
            {
                close.push(label);
            } else {
                same_kind.push(label);
            }
        }
        let mut synthetic = Vec::new();
        let plain = stat
            .value
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',');
        if let Some(v) = value.filter(|v| plain && v.scale == 0 && v.mantissa >= 10) {
            let n = v.mantissa;
            for made_up in [n * 2, n / 2, n * 3 / 2, n * 3 / 4, n + n / 10, n - n / 10] {
                let text = if stat.value.contains(',') || made_up >= 10_000 {
                    with_commas(made_up)
                } else {
                    made_up.to_string()
                };
                if !is_true(parse_number(&text), &text) {
                    synthetic.push(text);
                }
            }
        }
        let mut taken: BTreeSet<String> = truths.iter().map(|(_, t)| t.clone()).collect();
        pick_tiered(
            rng,
            vec![
                (close, DISTRACTORS),
                (same_kind, DISTRACTORS),
                (rest, DISTRACTORS),
                (synthetic, DISTRACTORS),
            ],
            &mut taken,
            DISTRACTORS,
        )
    }

    fn number_value(&self, rng: &mut Rng, kind: QuestionKind, index: usize) -> Option<Draft> {
        let stat = &self.corpus.numbers[index];
        let value = stat.value.trim();
        let counts = stat.counts.trim().trim_end_matches('.');
        if value.is_empty() || counts.is_empty() {
            return None;
        }
        let card_id = Some(format!("number:{}", stat.id));
        let prompt = self.attributed(
            stat.according_to.as_ref(),
            &format!("What is the number of {counts}?"),
        );
        let body = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |v: &str| {
                    self.attributed(
                        stat.according_to.as_ref(),
                        &format!("{v} is the number of {counts}."),
                    )
                };
                let statement = if rng.coin() {
                    None
                } else {
                    self.number_distractors(rng, index)
                        .first()
                        .map(|v| sentence(v))
                };
                return Some(true_false(
                    statement,
                    sentence(value),
                    stat.passages.clone(),
                    card_id,
                ));
            }
            QuestionKind::Typed => {
                let key = normalize(&stat.counts);
                let ambiguous = self
                    .corpus
                    .numbers
                    .iter()
                    .any(|n| n.id != stat.id && normalize(&n.counts) == key);
                if self.numbers[index].is_none() || ambiguous {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: vec![value.to_string()],
                    rejected: Vec::new(),
                    answer_kind: AnswerKind::Number,
                }
            }
            _ => {
                let distractors = self.number_distractors(rng, index);
                choice(rng, value, distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: value.to_string(),
            passages: stat.passages.clone(),
            card_id,
        })
    }

    fn number_counts(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let stat = &self.corpus.numbers[index];
        let value = stat.value.trim();
        let counts = stat.counts.trim().trim_end_matches('.');
        if value.is_empty() || counts.is_empty() {
            return None;
        }
        let parsed = self.numbers[index];
        let value_key = normalize(value);
        let counts_key = normalize(counts);
        // Anything the data counts with this same figure would be true as well.
        let mut taken: BTreeSet<String> = self
            .corpus
            .numbers
            .iter()
            .enumerate()
            .filter(|(i, n)| {
                normalize(&n.value) == value_key || (parsed.is_some() && self.numbers[*i] == parsed)
            })
            .map(|(_, n)| normalize(n.counts.trim().trim_end_matches('.')))
            .collect();
        taken.insert(counts_key);
        let others: Vec<String> = self
            .corpus
            .numbers
            .iter()
            .map(|n| n.counts.trim().trim_end_matches('.').to_string())
            .collect();
        let distractors = pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
        Some(Draft {
            id: None,
            prompt: self.attributed(
                stat.according_to.as_ref(),
                &format!("{value} is the number of what?"),
            ),
            body: choice(rng, counts, distractors)?,
            answer_text: counts.to_string(),
            passages: stat.passages.clone(),
            card_id: Some(format!("number:{}", stat.id)),
        })
    }

    // --- organizations -----------------------------------------------------------------

    fn org_summary(&self, rng: &mut Rng, kind: QuestionKind, index: usize) -> Option<Draft> {
        let org = &self.corpus.organizations[index];
        let summary = org.summary.trim();
        if normalize(summary).is_empty() || Speaker::Org(org).named_in(summary) {
            return None;
        }
        let words = content_words(summary);
        let look_alike = |o: &Organization| similar(&words, &content_words(&o.summary));
        let body = match kind {
            QuestionKind::Typed => {
                let others = self.corpus.organizations.iter().filter(|o| o.id != org.id);
                if others.clone().any(look_alike) {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: org_forms(org),
                    rejected: self.rival_orgs(org),
                    answer_kind: AnswerKind::Text,
                }
            }
            _ => {
                let mut taken: BTreeSet<String> = self
                    .corpus
                    .organizations
                    .iter()
                    .filter(|o| o.id == org.id || look_alike(o))
                    .map(|o| normalize(&org_label(o)))
                    .collect();
                let others: Vec<String> = self.corpus.organizations.iter().map(org_label).collect();
                let distractors =
                    pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
                choice(rng, &org_label(org), distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt: format!("Which organization is described as: “{summary}”?"),
            body,
            answer_text: org_label(org),
            passages: org.passages.clone(),
            card_id: Some(format!("org:{}", org.id)),
        })
    }

    fn org_abbreviation(&self, rng: &mut Rng, kind: QuestionKind, index: usize) -> Option<Draft> {
        let org = &self.corpus.organizations[index];
        let abbr = org.abbreviations.first()?.trim();
        let abbr_key = normalize(abbr);
        let name_key = normalize(&org.name);
        if abbr_key.is_empty() || abbr_key == name_key {
            return None;
        }
        // The abbreviation must stand for this organization only.
        let shared = self.corpus.organizations.iter().any(|o| {
            o.id != org.id
                && (o.abbreviations.iter().any(|a| normalize(a) == abbr_key)
                    || normalize(&o.name) == name_key)
        });
        if shared {
            return None;
        }
        let card_id = Some(format!("org:{}", org.id));
        let others: Vec<String> = self
            .corpus
            .organizations
            .iter()
            .filter(|o| o.id != org.id)
            .map(|o| o.name.clone())
            .collect();
        let mut taken: BTreeSet<String> = org_forms(org).iter().map(|f| normalize(f)).collect();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |name: &str| format!("{abbr} stands for {name}.");
                let statement = if rng.coin() {
                    None
                } else {
                    pick_tiered(rng, vec![(others, 1)], &mut taken, 1)
                        .first()
                        .map(|n| sentence(n))
                };
                return Some(true_false(
                    statement,
                    sentence(&org.name),
                    org.passages.clone(),
                    card_id,
                ));
            }
            QuestionKind::Typed => (
                format!("Which abbreviation does the document use for the {}?", {
                    org.name.strip_prefix("The ").unwrap_or(&org.name)
                }),
                QuestionBody::Typed {
                    accepted: org.abbreviations.clone(),
                    rejected: self
                        .corpus
                        .organizations
                        .iter()
                        .filter(|o| o.id != org.id)
                        .flat_map(|o| o.abbreviations.iter().cloned())
                        .collect(),
                    answer_kind: AnswerKind::Text,
                },
                abbr.to_string(),
            ),
            _ => {
                let distractors =
                    pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
                (
                    format!("What does {abbr} stand for?"),
                    choice(rng, &org.name, distractors)?,
                    org.name.clone(),
                )
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text,
            passages: org.passages.clone(),
            card_id,
        })
    }

    // --- quotes ------------------------------------------------------------------------

    /// Distractor speakers: speakers of other quotes and sources, then people sharing a
    /// group with a person speaker (or other organizations for an organization).
    fn speaker_distractors(
        &self,
        rng: &mut Rng,
        answer: Speaker,
        excluded: &BTreeSet<String>,
    ) -> Vec<String> {
        let allowed = |s: &Speaker| s.key() != answer.key() && !excluded.contains(&s.key());
        let is_person = |s: &Speaker| matches!(s, Speaker::Person(_));
        let mut quoted: Vec<Speaker> = (0..self.corpus.quotes.len())
            .filter_map(|i| self.quote_speaker_of(i))
            .chain(
                self.corpus
                    .sources
                    .iter()
                    .filter_map(|s| self.source_speaker_of(s)),
            )
            .filter(allowed)
            .collect();
        let mut seen = BTreeSet::new();
        quoted.retain(|s| seen.insert(s.key()));
        // A person among publications (or the reverse) would stand out: same kind first.
        let (same_kind, other_kind): (Vec<Speaker>, Vec<Speaker>) = quoted
            .into_iter()
            .partition(|s| is_person(s) == is_person(&answer));
        let labels = |speakers: Vec<Speaker>| speakers.iter().map(Speaker::label).collect();
        let near: Vec<String> = match answer {
            Speaker::Person(p) => self
                .corpus
                .people
                .iter()
                .filter(|o| o.groups.iter().any(|g| p.groups.contains(g)))
                .map(Speaker::Person)
                .filter(allowed)
                .map(|s| s.label())
                .collect(),
            Speaker::Org(_) => self
                .corpus
                .organizations
                .iter()
                .map(Speaker::Org)
                .filter(allowed)
                .map(|s| s.label())
                .collect(),
        };
        let mut taken: BTreeSet<String> = std::iter::once(normalize(&answer.label()))
            .chain(excluded.iter().filter_map(|key| {
                let (kind, id) = key.split_once(':')?;
                match kind {
                    "person" => self.corpus.person(id).map(|p| normalize(&p.name)),
                    _ => self.corpus.organization(id).map(|o| normalize(&o.name)),
                }
            }))
            .collect();
        pick_tiered(
            rng,
            vec![
                (labels(same_kind), DISTRACTORS),
                (near, DISTRACTORS),
                (labels(other_kind), DISTRACTORS),
            ],
            &mut taken,
            DISTRACTORS,
        )
    }

    fn quote_speaker(&self, rng: &mut Rng, kind: QuestionKind, index: usize) -> Option<Draft> {
        let quote = &self.corpus.quotes[index];
        if !self.match_pool.contains(&index) {
            return None;
        }
        let speaker = self.quote_speaker_of(index)?;
        let text_key = normalize(&quote.text);
        // Whoever else the data says said the same words is not a wrong answer.
        let also_said: BTreeSet<String> = (0..self.corpus.quotes.len())
            .filter(|&i| i != index && normalize(&self.corpus.quotes[i].text) == text_key)
            .filter_map(|i| self.quote_speaker_of(i))
            .map(|s| s.key())
            .filter(|k| *k != speaker.key())
            .collect();
        let shown = excerpt(&quote.text, EXCERPT_CHARS);
        let answer_text = speaker.label();
        let card_id = Some(format!("quote:{}", quote.id));
        let body = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |who: &str| format!("{who} said or wrote: “{shown}”");
                let statement = if rng.coin() {
                    None
                } else {
                    self.speaker_distractors(rng, speaker, &also_said)
                        .first()
                        .map(|who| sentence(who))
                };
                return Some(true_false(
                    statement,
                    sentence(&speaker.label()),
                    vec![quote.passage.clone()],
                    card_id,
                ));
            }
            QuestionKind::Typed => {
                if !also_said.is_empty() {
                    return None;
                }
                self.typed_speaker(speaker)
            }
            _ => {
                let distractors = self.speaker_distractors(rng, speaker, &also_said);
                choice(rng, &speaker.label(), distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt: format!("Who said or wrote this? “{shown}”"),
            body,
            answer_text,
            passages: vec![quote.passage.clone()],
            card_id,
        })
    }

    fn match_quotes(&self, rng: &mut Rng) -> Option<Draft> {
        let mut pool = self.match_pool.clone();
        rng.shuffle(&mut pool);
        let mut chosen: Vec<(usize, Speaker)> = Vec::new();
        let mut speakers = BTreeSet::new();
        let mut texts = BTreeSet::new();
        for i in pool {
            let speaker = self.quote_speaker_of(i)?;
            let text = excerpt(&self.corpus.quotes[i].text, EXCERPT_CHARS);
            if speakers.contains(&speaker.key())
                || speakers.contains(&normalize(&speaker.label()))
                || texts.contains(&normalize(&text))
            {
                continue;
            }
            speakers.insert(speaker.key());
            speakers.insert(normalize(&speaker.label()));
            texts.insert(normalize(&text));
            chosen.push((i, speaker));
            if chosen.len() == MATCH_MAX {
                break;
            }
        }
        if chosen.len() < MATCH_MIN {
            return None;
        }
        let quotes: Vec<String> = chosen
            .iter()
            .map(|(i, _)| excerpt(&self.corpus.quotes[*i].text, EXCERPT_CHARS))
            .collect();
        let mut shown: Vec<usize> = (0..chosen.len()).collect();
        rng.shuffle(&mut shown);
        let speaker_labels: Vec<String> = shown.iter().map(|&i| chosen[i].1.label()).collect();
        let correct: Vec<usize> = (0..chosen.len())
            .map(|q| shown.iter().position(|&s| s == q).unwrap_or(usize::MAX))
            .collect();
        let mut ids: Vec<&str> = chosen
            .iter()
            .map(|(i, _)| self.corpus.quotes[*i].id.as_str())
            .collect();
        let answer_text = chosen
            .iter()
            .map(|(i, s)| {
                format!(
                    "“{}” — {}",
                    excerpt(&self.corpus.quotes[*i].text, 60),
                    s.label()
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let passages = chosen
            .iter()
            .map(|(i, _)| self.corpus.quotes[*i].passage.clone())
            .collect();
        ids.sort_unstable();
        Some(Draft {
            id: Some(format!("match:{}", ids.join(","))),
            prompt: "Match each quote to the person or publication it comes from.".into(),
            body: QuestionBody::Match {
                quotes,
                speakers: speaker_labels,
                correct,
            },
            answer_text,
            passages,
            card_id: None,
        })
    }

    // --- primary sources ---------------------------------------------------------------

    fn source_label(source: &PrimarySource) -> String {
        format!(
            "({}) {}",
            source.number,
            excerpt(&first_sentence(&source.heading), 140)
        )
    }

    fn source_summary(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let summary = source.summary.trim();
        if normalize(summary).is_empty() {
            return None;
        }
        let heading_key = normalize(&first_sentence(&source.heading));
        let words = content_words(summary);
        // Sources with the same heading, or described alike, cannot be told apart.
        let others: Vec<String> = self
            .corpus
            .sources
            .iter()
            .filter(|s| {
                s.number != source.number
                    && normalize(&first_sentence(&s.heading)) != heading_key
                    && !similar(&words, &content_words(&s.summary))
            })
            .map(Self::source_label)
            .collect();
        let answer = Self::source_label(source);
        let mut taken = BTreeSet::from([normalize(&answer)]);
        let distractors = pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
        Some(Draft {
            id: None,
            prompt: format!("Which primary source is described as follows? {summary}"),
            body: choice(rng, &answer, distractors)?,
            answer_text: answer,
            passages: source.passages.clone(),
            card_id: Some(format!("source:{}", source.number)),
        })
    }

    fn source_speaker(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let speaker = self.source_speaker_of(source)?;
        // Show the opening of the body; fall back on the heading.
        let opening = source
            .passages
            .iter()
            .skip(1)
            .find_map(|p| self.corpus.passage(p))
            .map(|p| excerpt(p.text.trim_matches(['"', '“', '”']), EXCERPT_CHARS / 2))
            .unwrap_or_else(|| source.heading.trim().to_string());
        if normalize(&opening).is_empty() || speaker.named_in(&opening) {
            return None;
        }
        let distractors = self.speaker_distractors(rng, speaker, &BTreeSet::new());
        Some(Draft {
            id: None,
            prompt: format!(
                "Primary source ({}) begins: “{opening}” Who wrote or said it?",
                source.number
            ),
            body: choice(rng, &speaker.label(), distractors)?,
            answer_text: speaker.label(),
            passages: source.passages.clone(),
            card_id: Some(format!("source:{}", source.number)),
        })
    }

    fn source_date(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let date = DocDate::parse(source.date.as_deref()?, None).ok()?;
        let summary = source.summary.trim();
        if normalize(summary).is_empty() || names(summary, &date.year.to_string()) {
            return None;
        }
        let elsewhere: Vec<DocDate> = self
            .corpus
            .sources
            .iter()
            .filter(|s| s.number != source.number)
            .filter_map(|s| DocDate::parse(s.date.as_deref()?, None).ok())
            .collect();
        let distractors = self.date_distractors(rng, date, &[], &elsewhere);
        Some(Draft {
            id: None,
            prompt: format!(
                "When is primary source ({}) dated? It is described as: {summary}",
                source.number
            ),
            body: choice(rng, &date.to_string(), distractors)?,
            answer_text: date.to_string(),
            passages: source.passages.clone(),
            card_id: Some(format!("source:{}", source.number)),
        })
    }
}

/// A true/false draft: the swapped `statement` when there is one, else the true one.
fn true_false(
    statement: Option<String>,
    truth_text: String,
    passages: Vec<String>,
    card_id: Option<String>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{
        Event, Group, Organization, Passage, PassageKind, Person, PrimarySource, Quote, Relation,
        Statistic,
    };

    fn s(text: &str) -> String {
        text.to_string()
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|i| s(i)).collect()
    }

    fn person(id: &str, name: &str, variants: &[&str], groups: &[&str], summary: &str) -> Person {
        Person {
            id: s(id),
            name: s(name),
            variants: list(variants),
            groups: list(groups),
            summary: s(summary),
            roles: vec![],
            fate: None,
            note: None,
            mentions: vec![s("p01")],
        }
    }

    fn event(id: &str, title: &str, date: &str, according_to: Option<&str>) -> Event {
        Event {
            id: s(id),
            title: s(title),
            date: s(date),
            part: None,
            date_text: s(date),
            era: s("era"),
            people: vec![],
            organizations: vec![],
            passages: list(&["p02"]),
            according_to: according_to.map(s),
            note: None,
            date_is: Default::default(),
        }
    }

    fn relation(subject: &str, kind: RelationKind, object: &str) -> Relation {
        Relation {
            subject: s(subject),
            kind,
            object: s(object),
            passages: list(&["p03"]),
            according_to: None,
            note: None,
            single: None,
        }
    }

    fn number(id: &str, value: &str, counts: &str) -> Statistic {
        Statistic {
            id: s(id),
            value: s(value),
            unit: None,
            counts: s(counts),
            statement: format!("{{value}} is the number of {counts}."),
            people: vec![],
            passages: list(&["p04"]),
            according_to: None,
            note: None,
        }
    }

    fn quote(id: &str, speaker: Option<&str>, org: Option<&str>, text: &str) -> Quote {
        Quote {
            id: s(id),
            speaker: speaker.map(s),
            organization: org.map(s),
            text: s(text),
            work: None,
            year: None,
            about: vec![],
            passage: s("p05"),
            source: None,
        }
    }

    fn org(id: &str, name: &str, abbr: &[&str], summary: &str) -> Organization {
        Organization {
            id: s(id),
            name: s(name),
            abbreviations: list(abbr),
            variants: vec![],
            summary: s(summary),
            passages: list(&["p06"]),
            note: None,
        }
    }

    fn source(
        number: u8,
        heading: &str,
        speaker: (Option<&str>, Option<&str>),
        date: Option<&str>,
        summary: &str,
    ) -> PrimarySource {
        PrimarySource {
            number,
            heading: s(heading),
            speaker: speaker.0.map(s),
            organization: speaker.1.map(s),
            work: None,
            date: date.map(s),
            summary: s(summary),
            passages: list(&["p07", "p08"]),
        }
    }

    /// A made-up corpus in the data's schema (not the real document's facts).
    fn corpus() -> Corpus {
        use RelationKind::*;
        let passages = (1..=8)
            .map(|i| Passage {
                id: format!("p{i:02}"),
                kind: PassageKind::Paragraph,
                text: if i == 8 {
                    s("The first words of the body of a source, without any names in them.")
                } else {
                    format!("Passage {i}.")
                },
                names: vec![],
            })
            .collect();
        Corpus {
            title: s("Fixture"),
            passages,
            groups: vec![
                Group {
                    id: s("chiefs"),
                    name: s("Chiefs"),
                    description: s(""),
                },
                Group {
                    id: s("accused"),
                    name: s("Accused"),
                    description: s(""),
                },
            ],
            people: vec![
                person(
                    "anton",
                    "Anton Alpha",
                    &["Alpha"],
                    &["chiefs"],
                    "First chief of the agency.",
                ),
                person(
                    "boris",
                    "Boris Bravo",
                    &["Bravo", "Borys Bravo"],
                    &["chiefs"],
                    "Second chief, who ran the great purge.",
                ),
                person(
                    "cyril",
                    "Cyril Charlie",
                    &["Charlie"],
                    &["chiefs"],
                    "Third chief, appointed after the purge.",
                ),
                person(
                    "dmitri",
                    "Dmitri Delta",
                    &["Delta"],
                    &["chiefs"],
                    "Deputy who organised the first shooting.",
                ),
                person(
                    "egor",
                    "Egor Echo",
                    &["Echo"],
                    &["accused"],
                    "Defendant at the first trial.",
                ),
                person(
                    "fedor",
                    "Fedor Foxtrot",
                    &["Foxtrot"],
                    &["accused"],
                    "Defendant at the first trial too.",
                ),
                person(
                    "gleb",
                    "Gleb Golf",
                    &["Golf"],
                    &["accused"],
                    "Defendant who withdrew his plea.",
                ),
                person(
                    "ivan",
                    "Ivan Zarubin",
                    &["Zarubin"],
                    &["accused"],
                    "An agent in New York.",
                ),
                person(
                    "irina",
                    "Irina Zarubina",
                    &["Zarubina"],
                    &["accused"],
                    "A courier in Paris.",
                ),
            ],
            organizations: vec![
                org(
                    "agency",
                    "People's Agency for Internal Matters",
                    &["PAIM"],
                    "The secret police from the first year.",
                ),
                org(
                    "old",
                    "Old Political Office",
                    &["OPO"],
                    "The body the secret police grew out of.",
                ),
                org(
                    "paper",
                    "The Weekly Paper",
                    &[],
                    "A magazine that believed the trials.",
                ),
                org(
                    "rival",
                    "The Other Weekly",
                    &[],
                    "A magazine that doubted the confessions.",
                ),
            ],
            eras: vec![],
            events: vec![
                event("e1", "The agency is founded", "1933", None),
                event("e2", "The first shooting", "1934-12-01", None),
                event("e3", "The first trial", "1936-08", None),
                event("e4", "Bravo becomes chief", "1936-09", None),
                event("e5", "The purge peaks", "1937", Some("dmitri")),
                event("e6", "Charlie becomes chief", "1938-11-25", None),
                event("e7", "Golf withdraws his plea", "1938-03-13", None),
            ],
            numbers: vec![
                number("n1", "681,692", "people shot in the purge"),
                number("n2", "117", "people shot after the first shooting"),
                number("n3", "1.3 million", "people arrested in the purge"),
                number("n4", "fifty per cent", "officers purged"),
                number("n5", "16", "defendants at the first trial"),
            ],
            quotes: vec![
                quote("q1", Some("egor"), None, "I am fully and utterly guilty."),
                quote(
                    "q2",
                    Some("gleb"),
                    None,
                    "I do not recognise that I am guilty.",
                ),
                quote(
                    "q3",
                    None,
                    Some("paper"),
                    "We see no reason to doubt the confessions.",
                ),
                quote("q4", None, Some("rival"), "Very likely there was a plot."),
                quote(
                    "q5",
                    Some("anton"),
                    None,
                    "Alpha speaking: this names its speaker.",
                ),
            ],
            sources: vec![
                source(
                    1,
                    "Egor Echo, speech at his trial (August, 1936)",
                    (Some("egor"), None),
                    Some("1936-08"),
                    "A defendant confesses in full.",
                ),
                source(
                    2,
                    "The Weekly Paper (2nd September, 1936)",
                    (None, Some("paper")),
                    Some("1936-09-02"),
                    "A magazine accepts the trial at face value.",
                ),
                source(
                    3,
                    "Gleb Golf, speech at his trial (12th March, 1938)",
                    (Some("gleb"), None),
                    Some("1938-03-12"),
                    "A defendant denies his guilt.",
                ),
                source(
                    4,
                    "Gleb Golf, speech at his trial (13th March, 1938)",
                    (Some("gleb"), None),
                    Some("1938-03-13"),
                    "A defendant withdraws the denial he made the day before.",
                ),
                source(
                    5,
                    "The Other Weekly (5th September, 1936)",
                    (None, Some("rival")),
                    Some("1936-09-05"),
                    "A magazine doubts the confessions.",
                ),
            ],
            relations: vec![
                relation("boris", Replaced, "anton"),
                relation("cyril", Replaced, "boris"),
                relation("boris", Interrogated, "egor"),
                relation("boris", Interrogated, "fedor"),
                relation("dmitri", Interrogated, "egor"),
                relation("anton", Ordered, "dmitri"),
                relation("ivan", Married, "irina"),
            ],
        }
    }

    fn settings(
        seed: u64,
        kinds: &[QuestionKind],
        topics: &[Topic],
        length: usize,
    ) -> QuizSettings {
        QuizSettings {
            topics: topics.to_vec(),
            kinds: kinds.to_vec(),
            length,
            seed,
        }
    }

    fn all(seed: u64, length: usize) -> QuizSettings {
        settings(seed, &QuestionKind::ALL, &Topic::ALL, length)
    }

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (s(k), s(v)))
            .collect()
    }

    /// Every invariant a question must meet.
    fn assert_sound(corpus: &Corpus, q: &Question) {
        assert!(!q.passages.is_empty(), "{}", q.id);
        assert!(
            q.passages.iter().all(|p| corpus.passage(p).is_some()),
            "{}",
            q.id
        );
        assert!(
            check(q, &correct_response(q)),
            "{} rejects its own answer",
            q.id
        );
        match &q.body {
            QuestionBody::Choice { options, correct } => {
                let keys: BTreeSet<String> = options.iter().map(|o| normalize(o)).collect();
                assert_eq!(keys.len(), options.len(), "{}: {options:?}", q.id);
                for i in 0..options.len() {
                    assert_eq!(check(q, &Response::Choice(i)), i == *correct, "{}", q.id);
                }
                assert_eq!(options[*correct], q.answer_text, "{}", q.id);
            }
            QuestionBody::TrueFalse { truth, .. } => {
                assert!(!check(q, &Response::TrueFalse(!truth)));
            }
            QuestionBody::Typed { .. } => {
                assert!(!check(q, &Response::Typed(s("zzzz qqqq"))));
            }
            QuestionBody::Order { correct, .. } => {
                let mut wrong = correct.clone();
                wrong.swap(0, 1);
                assert!(!check(q, &Response::Order(wrong)));
            }
            QuestionBody::Match { correct, .. } => {
                let mut wrong = correct.clone();
                wrong.swap(0, 1);
                assert!(!check(q, &Response::Match(wrong)));
            }
        }
        assert!(
            !check(q, &Response::Choice(usize::MAX))
                || matches!(q.body, QuestionBody::Choice { .. })
        );
    }

    #[test]
    fn settings_round_trip_through_the_query() {
        let settings = QuizSettings {
            topics: vec![Topic::Quotes, Topic::People, Topic::People],
            kinds: vec![QuestionKind::Typed, QuestionKind::MultipleChoice],
            length: 7,
            seed: 12345,
        };
        let query = settings.to_query();
        assert_eq!(query, pairs("seed=12345&n=7&k=mc,typed&t=people,quotes"),);
        assert_eq!(QuizSettings::from_query(&query), Ok(settings.canonical()));
        let full = QuizSettings {
            seed: u64::MAX,
            ..QuizSettings::default()
        };
        assert_eq!(
            full.to_query(),
            pairs(&format!(
                "seed={}&n=10&k=mc,typed,tf,order,match,source&t=people,dates,numbers,orgs,quotes,sources",
                u64::MAX
            ))
        );
        assert_eq!(QuizSettings::from_query(&full.to_query()), Ok(full));
        // Defaults and ignored keys.
        assert_eq!(
            QuizSettings::from_query(&pairs("seed=3&page=quiz")),
            Ok(QuizSettings {
                seed: 3,
                ..QuizSettings::default()
            })
        );
    }

    #[test]
    fn bad_queries_say_what_is_wrong() {
        let err = |q: &str| QuizSettings::from_query(&pairs(q)).unwrap_err();
        assert!(err("n=10").contains("no seed"));
        assert!(err("seed=abc").contains("seed must be a whole number"));
        assert!(err("seed=-1").contains("\"-1\""));
        assert!(err("seed=1&n=0").contains("from 1 to 50"));
        assert!(err("seed=1&n=51").contains("from 1 to 50"));
        assert!(err("seed=1&n=ten").contains("\"ten\""));
        assert!(err("seed=1&k=mc,essay").contains("unknown question kind \"essay\""));
        assert!(err("seed=1&k=").contains("at least one question kind"));
        assert!(err("seed=1&t=people,weather").contains("unknown topic \"weather\""));
        assert!(err("seed=1&seed=2").contains("twice"));
    }

    #[test]
    fn every_question_is_sound_for_many_seeds() {
        let corpus = corpus();
        let mut kinds_seen = BTreeSet::new();
        for seed in 0..300 {
            let quiz = generate(&corpus, &all(seed, 20));
            let ids: BTreeSet<&str> = quiz.iter().map(|q| q.id.as_str()).collect();
            assert_eq!(ids.len(), quiz.len(), "seed {seed}: repeated question");
            for q in &quiz {
                assert_sound(&corpus, q);
                kinds_seen.insert(q.kind);
            }
        }
        assert_eq!(kinds_seen.len(), QuestionKind::ALL.len(), "{kinds_seen:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_quiz() {
        let corpus = corpus();
        for seed in [0, 1, 99, u64::MAX] {
            assert_eq!(
                generate(&corpus, &all(seed, 15)),
                generate(&corpus, &all(seed, 15))
            );
        }
        assert_ne!(
            generate(&corpus, &all(1, 15)),
            generate(&corpus, &all(2, 15))
        );
    }

    #[test]
    fn no_distractor_is_also_true() {
        let corpus = corpus();
        let mc = [QuestionKind::MultipleChoice];
        for seed in 0..200 {
            for q in generate(&corpus, &settings(seed, &mc, &[Topic::People], 50)) {
                let QuestionBody::Choice { options, .. } = &q.body else {
                    panic!()
                };
                // Boris interrogated Egor and Fedor; Dmitri interrogated Egor too.
                if q.id == "mc:relation:dmitri:interrogated:egor:subject" {
                    assert!(!options.contains(&s("Boris Bravo")), "{options:?}");
                }
                if q.id == "mc:relation:boris:interrogated:egor:object" {
                    assert!(!options.contains(&s("Fedor Foxtrot")), "{options:?}");
                }
                // Marriage goes both ways.
                if q.id.starts_with("mc:relation:ivan:married:irina") {
                    assert!(
                        !(options.contains(&s("Ivan Zarubin"))
                            && options.contains(&s("Irina Zarubina")))
                    );
                }
                // Egor and Fedor are described alike: neither is a distractor for the other.
                if q.id == "mc:person:egor:summary" {
                    assert!(!options.contains(&s("Fedor Foxtrot")), "{options:?}");
                }
            }
        }
    }

    #[test]
    fn date_and_number_distractors_are_wrong_and_look_right() {
        let corpus = corpus();
        let mc = [QuestionKind::MultipleChoice];
        let mut seen = 0;
        for seed in 0..100 {
            for q in generate(
                &corpus,
                &settings(seed, &mc, &[Topic::Dates, Topic::Numbers], 50),
            ) {
                let QuestionBody::Choice { options, correct } = &q.body else {
                    panic!()
                };
                if q.id == "mc:event:e2:date" {
                    seen += 1;
                    assert_eq!(options[*correct], "1 December 1934");
                    for (i, o) in options.iter().enumerate() {
                        // Same precision: a day, a month and a year.
                        assert_eq!(o.split(' ').count(), 3, "{o}");
                        assert_eq!(i == *correct, o == "1 December 1934");
                    }
                }
                if q.id == "mc:number:n1:value" {
                    let answer = parse_number("681,692");
                    for (i, o) in options.iter().enumerate() {
                        assert_eq!(parse_number(o) == answer, i == *correct, "{o}");
                        assert!(!is_percent(o), "{o}");
                    }
                }
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn attributed_facts_stay_attributed() {
        let corpus = corpus();
        for seed in 0..50 {
            for q in generate(
                &corpus,
                &settings(seed, &QuestionKind::ALL, &[Topic::Dates], 30),
            ) {
                if q.id.contains(":event:e5:") {
                    let text = match &q.body {
                        QuestionBody::TrueFalse { statement, .. } => statement.clone(),
                        _ => q.prompt.clone(),
                    };
                    assert!(
                        text.to_lowercase().contains("according to dmitri delta"),
                        "{text}"
                    );
                }
                if let QuestionBody::Order { items, .. } = &q.body
                    && let Some(item) = items.iter().find(|i| i.starts_with("The purge peaks"))
                {
                    assert!(item.contains("according to Dmitri Delta"));
                }
            }
        }
    }

    #[test]
    fn order_and_match_questions_are_unambiguous() {
        let corpus = corpus();
        let kinds = [QuestionKind::Order, QuestionKind::Match];
        let mut orders = 0;
        for seed in 0..100 {
            for q in generate(&corpus, &settings(seed, &kinds, &Topic::ALL, 6)) {
                match &q.body {
                    QuestionBody::Order { items, correct } => {
                        orders += 1;
                        assert_eq!(items.len(), ORDER_ITEMS);
                        let dates: Vec<DocDate> = correct
                            .iter()
                            .map(|&i| {
                                let e = corpus
                                    .events
                                    .iter()
                                    .find(|e| items[i].starts_with(e.title.as_str()))
                                    .unwrap();
                                event_date(e)
                            })
                            .collect();
                        for pair in dates.windows(2) {
                            assert!(pair[0].interval().1 < pair[1].interval().0, "{dates:?}");
                        }
                    }
                    QuestionBody::Match {
                        quotes, speakers, ..
                    } => {
                        assert!((MATCH_MIN..=MATCH_MAX).contains(&quotes.len()));
                        assert!(
                            !quotes.iter().any(|q| q.contains("Alpha")),
                            "names its speaker"
                        );
                        let distinct: BTreeSet<&String> = speakers.iter().collect();
                        assert_eq!(distinct.len(), speakers.len());
                    }
                    _ => panic!("{}", q.id),
                }
            }
        }
        assert!(orders > 0);
    }

    #[test]
    fn typed_answers_are_graded_against_other_names() {
        let corpus = corpus();
        let mut seen = 0;
        for seed in 0..50 {
            for q in generate(
                &corpus,
                &settings(seed, &[QuestionKind::Typed], &Topic::ALL, 50),
            ) {
                if q.id == "typed:person:ivan:summary" {
                    seen += 1;
                    assert!(check(&q, &Response::Typed(s("zarubin"))));
                    assert!(check(&q, &Response::Typed(s("Ivan Zarubn"))));
                    assert!(!check(&q, &Response::Typed(s("Zarubina"))));
                }
                if q.id == "typed:number:n1:value" {
                    assert!(check(&q, &Response::Typed(s("681 692"))));
                    assert!(!check(&q, &Response::Typed(s("681,693"))));
                }
                // Boris interrogated two people: no typed question asks whom.
                assert_ne!(q.id, "typed:relation:boris:interrogated:egor:object");
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn kinds_and_topics_that_do_not_go_together_give_no_questions() {
        let corpus = corpus();
        let quiz = generate(
            &corpus,
            &settings(1, &[QuestionKind::Order], &[Topic::People], 10),
        );
        assert!(quiz.is_empty());
        // Few candidates: as many as there are, no repeats.
        let quiz = generate(
            &corpus,
            &settings(1, &[QuestionKind::Source], &[Topic::Sources], 50),
        );
        assert!(!quiz.is_empty() && quiz.len() < 50);
        let ids: BTreeSet<&str> = quiz.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), quiz.len());
    }

    #[test]
    fn the_quiz_has_the_requested_length_and_spreads_over_kinds() {
        let corpus = corpus();
        for seed in 0..50 {
            let quiz = generate(&corpus, &all(seed, 12));
            assert_eq!(quiz.len(), 12);
            let kinds: BTreeSet<QuestionKind> = quiz.iter().map(|q| q.kind).collect();
            assert_eq!(kinds.len(), 6, "seed {seed}");
        }
    }

    #[test]
    fn responses_of_the_wrong_shape_are_wrong() {
        let corpus = corpus();
        for q in generate(&corpus, &all(5, 20)) {
            for r in [
                Response::Choice(0),
                Response::Typed(q.answer_text.clone()),
                Response::TrueFalse(true),
                Response::Order(vec![0, 1, 2, 3]),
                Response::Match(vec![0, 1, 2]),
            ] {
                let same_shape = matches!(
                    (&q.body, &r),
                    (QuestionBody::Choice { .. }, Response::Choice(_))
                        | (QuestionBody::Typed { .. }, Response::Typed(_))
                        | (QuestionBody::TrueFalse { .. }, Response::TrueFalse(_))
                        | (QuestionBody::Order { .. }, Response::Order(_))
                        | (QuestionBody::Match { .. }, Response::Match(_))
                );
                if !same_shape {
                    assert!(!check(&q, &r));
                }
            }
        }
    }

    #[test]
    fn an_empty_corpus_gives_an_empty_quiz() {
        for seed in 0..20 {
            assert!(generate(&Corpus::default(), &all(seed, 10)).is_empty());
        }
        // A corpus with a little of everything but too little for most questions.
        let mut small = corpus();
        small.people.truncate(2);
        small.events.truncate(3);
        small.numbers.truncate(1);
        small.quotes.truncate(2);
        small.organizations.truncate(1);
        small.sources.truncate(1);
        for seed in 0..50 {
            for q in generate(&small, &all(seed, 20)) {
                assert_sound(&small, &q);
            }
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(with_commas(681692), "681,692");
        assert_eq!(with_commas(1000), "1,000");
        assert_eq!(with_commas(999), "999");
        assert_eq!(lower_start("Who replaced X?"), "who replaced X?");
        assert_eq!(
            lower_start("Boris Bravo replaced X."),
            "Boris Bravo replaced X."
        );
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("one two three four", 10), "one two…");
    }
}
