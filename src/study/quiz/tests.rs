//! Unit tests of the generator on a small hand-made corpus.

use super::*;
use std::collections::BTreeSet;

use crate::content::RelationKind;
use crate::content::{Corpus, DocDate};
use crate::content::{
    Event, Group, OrgKind, Organization, Passage, PassageKind, Person, PrimarySource, Quote,
    Relation, Statistic,
};
use crate::search::normalize;
use crate::study::answer::parse_number;
use crate::study::text::*;
use crate::timeline::event_date;

fn s(text: &str) -> String {
    text.to_string()
}

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| s(i)).collect()
}

fn person(id: &str, name: &str, variants: &[&str], groups: &[&str], summary: &str) -> Person {
    Person {
        groups: list(groups),
        summary: s(summary),
        mentions: vec![s("p01")],
        ..Person::named(id, name, variants)
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
        kind: OrgKind::Service,
        abbreviations: list(abbr),
        variants: vec![],
        plural: false,
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
        provenance: None,
        dated: Default::default(),
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
        disputes: vec![],
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
        cache: Default::default(),
    }
}

fn settings(seed: u64, kinds: &[QuestionKind], topics: &[Topic], length: usize) -> QuizSettings {
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
        !check(q, &Response::Choice(usize::MAX)) || matches!(q.body, QuestionBody::Choice { .. })
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
            "seed={}&n=10&k=mc,typed,tf,order,match,source&t=people,dates,numbers,orgs,quotes,sources,disputes",
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
fn a_typed_answer_accepted_as_a_misspelling_gives_the_spelling() {
    let question = Question {
        id: s("typed:person:yezhov:summary"),
        kind: QuestionKind::Typed,
        prompt: s("Who?"),
        body: QuestionBody::Typed {
            accepted: list(&["Nikolai Yezhov", "Yezhov"]),
            rejected: list(&["Genrikh Yagoda", "Yagoda"]),
            answer_kind: AnswerKind::Name,
        },
        answer_text: s("Nikolai Yezhov"),
        passages: list(&["p01"]),
        card_id: None,
    };
    let typed = |t: &str| Response::Typed(t.into());
    assert_eq!(accepted_spelling(&question, &typed("Yezhov")), None);
    assert_eq!(accepted_spelling(&question, &typed("Yagoda")), None);
    let spelling = accepted_spelling(&question, &typed("Nikolai Yeshov"));
    assert!(
        spelling.as_deref().is_some_and(|s| s.contains("Yezhov")),
        "{spelling:?}"
    );
    assert_eq!(
        accepted_spelling(&question, &Response::TrueFalse(true)),
        None
    );
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

/// A figure given as a bound ("at least twelve") proves no other figure wrong: "at least
/// six" follows from it and "at least twenty-four" is not ruled out. It is asked about on its
/// card only, never with wrong figures or as a false statement.
#[test]
fn a_figure_given_as_a_bound_is_never_set_against_wrong_ones() {
    use super::numbers::is_exact;
    for bound in [
        "at least twelve",
        "at most 300",
        "more than 1,000",
        "less than five",
        "fewer than ten",
        "over 200",
        "under 40",
        "up to 14,000",
    ] {
        assert!(!is_exact(bound), "{bound}");
    }
    for exact in [
        "about 300",
        "nearly 1,000",
        "some 35,000",
        "sixteen",
        "1.3 million",
    ] {
        assert!(is_exact(exact), "{exact}");
    }
    let mut corpus = corpus();
    corpus
        .numbers
        .push(number("n6", "at least twelve", "hours a day he slept"));
    for seed in 0..40 {
        for q in generate(&corpus, &all(seed, 50)) {
            assert!(!q.id.starts_with("mc:number:n6"), "{}", q.id);
            assert!(!q.id.starts_with("tf:number:n6"), "{}", q.id);
            assert!(!q.id.starts_with("typed:number:n6"), "{}", q.id);
        }
    }
}
