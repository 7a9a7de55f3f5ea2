//! Quizzes over the real data: thousands of generated quizzes (many seeds, many settings)
//! must all be sound — one right answer that `check` accepts, no wrong option that is also
//! true, distinct options, passages that exist, unambiguous order and match questions, false
//! statements that really are false — and a quiz must be a function of its settings.

use std::collections::BTreeSet;

use nkvd_study::content::{self, Corpus, DocDate};
use nkvd_study::search::normalize;
use nkvd_study::study::answer::parse_number;
use nkvd_study::study::quiz::{
    QuestionBody, QuestionKind, QuizSettings, Response, Topic, check, correct_response, generate,
};
use nkvd_study::timeline::event_date;

mod common;
use common::{overlap, parse_shown};

fn corpus() -> &'static Corpus {
    content::corpus()
}

/// Settings that vary with the seed: every kind and topic, one kind, one topic, or a
/// subset picked from the seed's bits.
fn settings_for(seed: u64) -> QuizSettings {
    let kinds = QuestionKind::ALL;
    let topics = Topic::ALL;
    let (kinds, topics): (Vec<QuestionKind>, Vec<Topic>) = match seed % 4 {
        0 => (kinds.to_vec(), topics.to_vec()),
        1 => (vec![kinds[(seed / 4) as usize % 6]], topics.to_vec()),
        2 => (kinds.to_vec(), vec![topics[(seed / 4) as usize % 6]]),
        _ => {
            let k_bits = (seed >> 2) % 63 + 1;
            let t_bits = (seed >> 8) % 63 + 1;
            (
                (0..6)
                    .filter(|i| k_bits & (1 << i) != 0)
                    .map(|i| kinds[i])
                    .collect(),
                (0..6)
                    .filter(|i| t_bits & (1 << i) != 0)
                    .map(|i| topics[i])
                    .collect(),
            )
        }
    };
    QuizSettings {
        topics,
        kinds,
        length: 5 + (seed % 11) as usize,
        seed,
    }
}

fn person_id_by_name(corpus: &Corpus, name: &str) -> Option<String> {
    corpus
        .people
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id.clone())
}

/// The ids of every card, worked out once.
fn card_ids(
    corpus: &Corpus,
) -> &'static std::collections::BTreeSet<nkvd_study::study::card_id::CardId> {
    static IDS: std::sync::OnceLock<
        std::collections::BTreeSet<nkvd_study::study::card_id::CardId>,
    > = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        nkvd_study::study::cards::all_cards(corpus)
            .into_iter()
            .map(|c| c.id)
            .collect()
    })
}

/// Checks everything a question must satisfy; returns a description of the first problem.
fn problems(corpus: &Corpus, q: &nkvd_study::study::quiz::Question) -> Result<(), String> {
    let fail = |what: String| Err(format!("{}: {what}\n{q:#?}", q.id));
    if q.passages.is_empty() {
        return fail("no passages".into());
    }
    if let Some(p) = q.passages.iter().find(|p| corpus.passage(p).is_none()) {
        return fail(format!("unknown passage {p}"));
    }
    if q.prompt.trim().is_empty() || q.answer_text.trim().is_empty() {
        return fail("empty prompt or answer".into());
    }
    if !check(q, &correct_response(q)) {
        return fail("the right answer is refused".into());
    }
    if let Some(card) = &q.card_id
        && !card_ids(corpus).contains(card)
    {
        return fail(format!("card {card} does not exist"));
    }
    let parts: Vec<&str> = q.id.split(':').collect();
    match &q.body {
        QuestionBody::Choice { options, correct } => {
            let keys: BTreeSet<String> = options.iter().map(|o| normalize(o)).collect();
            if keys.len() != options.len() || options.len() < 3 {
                return fail("duplicate or too few options".into());
            }
            for i in 0..options.len() {
                if check(q, &Response::Choice(i)) != (i == *correct) {
                    return fail(format!("option {i} graded wrongly"));
                }
            }
            if options[*correct] != q.answer_text {
                return fail("answer_text is not the correct option".into());
            }
            // Dates: same precision, no distractor overlapping or displayed like the answer.
            if parts.get(1) == Some(&"event") || parts.last() == Some(&"date") {
                let answer = parse_shown(&options[*correct]).ok_or("unparsable answer date")?;
                for (i, option) in options.iter().enumerate() {
                    let Some(date) = parse_shown(option) else {
                        return fail(format!("option {option} is not a date"));
                    };
                    if date.precision() != answer.precision() {
                        return fail(format!("{option} has another precision"));
                    }
                    if i != *correct && overlap(&date, &answer) {
                        return fail(format!("{option} overlaps the answer"));
                    }
                }
            }
            // Numbers: no distractor equal to the answer.
            if parts.get(1) == Some(&"number") && parts.last() == Some(&"value") {
                let answer = parse_number(&options[*correct]);
                for (i, option) in options.iter().enumerate() {
                    if i != *correct && answer.is_some() && parse_number(option) == answer {
                        return fail(format!("{option} equals the answer"));
                    }
                }
            }
            // Who did it: no distractor who also did it.
            if parts.get(1) == Some(&"relation") {
                let (subject, kind, object, side) = (parts[2], parts[3], parts[4], parts[5]);
                for relation in &corpus.relations {
                    let same_kind = format!("{:?}", relation.kind).to_lowercase() == kind;
                    let also_true = match side {
                        "subject" if same_kind && relation.object == object => {
                            Some(&relation.subject)
                        }
                        "object" if same_kind && relation.subject == subject => {
                            Some(&relation.object)
                        }
                        _ => None,
                    };
                    if let Some(id) = also_true {
                        let name = &corpus.person(id).ok_or("unknown person")?.name;
                        if name != &q.answer_text && options.contains(name) {
                            return fail(format!("{name} is also a right answer"));
                        }
                    }
                }
            }
        }
        QuestionBody::Typed { .. } => {
            if check(q, &Response::Typed(String::new())) {
                return fail("an empty answer is accepted".into());
            }
            if check(q, &Response::Typed("qqqq zzzz xxxx".into())) {
                return fail("nonsense is accepted".into());
            }
        }
        QuestionBody::TrueFalse { statement, truth } => {
            if check(q, &Response::TrueFalse(!truth)) {
                return fail("both answers accepted".into());
            }
            if !truth {
                false_is_false(corpus, &parts, statement).or_else(&fail)?;
            }
        }
        QuestionBody::Order { items, correct } => {
            let ids: Vec<&str> =
                q.id.strip_prefix("order:")
                    .ok_or("order id")?
                    .split(',')
                    .collect();
            if ids.len() != items.len() || ids.len() != 4 {
                return fail("order question without four events".into());
            }
            let dates: Vec<DocDate> = ids
                .iter()
                .map(|id| corpus.event(id).map(event_date).ok_or("unknown event"))
                .collect::<Result<_, _>>()?;
            for pair in dates.windows(2) {
                if pair[0].interval().1 >= pair[1].interval().0 {
                    return fail(format!(
                        "{} and {} overlap or are out of order",
                        pair[0], pair[1]
                    ));
                }
            }
            for (rank, &item) in correct.iter().enumerate() {
                let event = corpus.event(ids[rank]).ok_or("unknown event")?;
                if !items[item].starts_with(event.title.trim().trim_end_matches('.')) {
                    return fail(format!("item {item} is not {}", event.id));
                }
            }
            if check(q, &Response::Order((0..items.len()).rev().collect()))
                && correct != &(0..items.len()).rev().collect::<Vec<_>>()
            {
                return fail("a wrong order is accepted".into());
            }
        }
        QuestionBody::Match {
            quotes,
            speakers,
            correct,
        } => {
            let distinct: BTreeSet<String> = speakers.iter().map(|s| normalize(s)).collect();
            if distinct.len() != speakers.len() || !(3..=4).contains(&speakers.len()) {
                return fail("speakers repeat, or too few or too many".into());
            }
            for (i, shown) in quotes.iter().enumerate() {
                let start = shown.trim_end_matches('…').trim_start_matches('…');
                let quote = corpus
                    .quotes
                    .iter()
                    .find(|x| {
                        x.text
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .starts_with(start)
                    })
                    .ok_or("quote not in the data")?;
                let speaker = match (&quote.speaker, &quote.organization) {
                    (Some(p), _) => corpus.person(p).map(|p| p.name.clone()),
                    (None, Some(o)) => corpus.organization(o).map(|o| o.name.clone()),
                    _ => None,
                };
                if speaker.as_ref() != Some(&speakers[correct[i]]) {
                    return fail(format!("quote {i} matched to the wrong speaker"));
                }
            }
        }
    }
    Ok(())
}

/// "According to X, …" without its first part.
fn without_attribution(statement: &str) -> &str {
    match statement.strip_prefix("According to ") {
        Some(rest) => rest.split_once(", ").map_or(rest, |(_, s)| s),
        None => statement,
    }
}

/// A false true/false statement must differ from every true value of the swapped element.
fn false_is_false(corpus: &Corpus, parts: &[&str], statement: &str) -> Result<(), String> {
    match parts.get(1).copied() {
        Some("event") => {
            let event = corpus.event(parts[2]).ok_or("unknown event")?;
            let shown = statement
                .rsplit(" — ")
                .next()
                .ok_or("no date")?
                .trim_end_matches('.');
            let date = parse_shown(shown).ok_or(format!("no date in {statement}"))?;
            for other in corpus.events.iter().filter(|e| e.title == event.title) {
                if overlap(&date, &event_date(other)) {
                    return Err(format!("{statement} is true of {}", other.id));
                }
            }
        }
        Some("number") => {
            let stat = corpus
                .numbers
                .iter()
                .find(|n| n.id == parts[2])
                .ok_or("unknown number")?;
            // The figure is what stands where the template has `{value}`.
            let sentence = normalize(without_attribution(statement));
            let template = stat.statement.trim();
            let (before, after) = template.split_once("{value}").ok_or("no {value}")?;
            let shown = sentence
                .strip_prefix(normalize(before).as_str())
                .and_then(|rest| rest.strip_suffix(normalize(after).as_str()))
                .ok_or(format!("no figure in {statement}"))?
                .trim()
                .to_string();
            let shown = shown.as_str();
            for other in corpus.numbers.iter().filter(|n| n.counts == stat.counts) {
                let same = match (parse_number(shown), parse_number(&other.value)) {
                    (Some(a), Some(b)) => a == b,
                    _ => normalize(shown) == normalize(&other.value),
                };
                if same {
                    return Err(format!("{statement} is true"));
                }
            }
        }
        Some("relation") => {
            let kind = parts[3];
            let verb = corpus
                .relations
                .iter()
                .find(|r| format!("{:?}", r.kind).to_lowercase() == kind)
                .ok_or("unknown relation")?
                .kind
                .verb();
            let sentence = without_attribution(statement);
            let (subject, object) = sentence
                .trim_end_matches('.')
                .split_once(&format!(" {verb} "))
                .ok_or(format!("no verb in {statement}"))?;
            let subject = person_id_by_name(corpus, subject).ok_or("unknown subject")?;
            let object = person_id_by_name(corpus, object).ok_or("unknown object")?;
            let stated = corpus.relations.iter().any(|r| {
                format!("{:?}", r.kind).to_lowercase() == kind
                    && ((r.subject == subject && r.object == object)
                        || (matches!(kind, "married" | "met")
                            && r.subject == object
                            && r.object == subject))
            });
            if stated {
                return Err(format!("{statement} is true"));
            }
        }
        Some("quote") => {
            let quote = corpus
                .quotes
                .iter()
                .find(|x| x.id == parts[2])
                .ok_or("unknown quote")?;
            let who = statement
                .split(" said or wrote: ")
                .next()
                .ok_or("no speaker")?;
            for other in corpus.quotes.iter().filter(|x| x.text == quote.text) {
                let name = match (&other.speaker, &other.organization) {
                    (Some(p), _) => corpus.person(p).map(|p| p.name.clone()),
                    (None, Some(o)) => corpus.organization(o).map(|o| o.name.clone()),
                    _ => None,
                };
                if name.as_deref() == Some(who) {
                    return Err(format!("{statement} is true"));
                }
            }
        }
        Some("org") => {
            let org = corpus.organization(parts[2]).ok_or("unknown org")?;
            if statement.ends_with(&format!(" stands for {}.", org.name)) {
                return Err(format!("{statement} is true"));
            }
        }
        Some("dispute") => {
            // A false statement about what an account says is built only where the accounts
            // contradict one another; "given before" compares the document's dates (tests/bank.rs).
            let id = parts[2].split('.').next().unwrap_or_default();
            let dispute = corpus.dispute(id).ok_or("unknown dispute")?;
            if parts[3] == "says" && dispute.kind != nkvd_study::content::DisputeKind::Contradict {
                return Err(format!(
                    "{statement} is false although the accounts only differ"
                ));
            }
        }
        other => return Err(format!("unexpected true/false question {other:?}")),
    }
    Ok(())
}

#[test]
fn thousands_of_quizzes_are_sound() {
    let corpus = corpus();
    let mut questions = 0;
    let mut kinds = BTreeSet::new();
    for seed in 0..2000 {
        let settings = settings_for(seed);
        let quiz = generate(corpus, &settings);
        assert!(quiz.len() <= settings.length);
        let ids: BTreeSet<&str> = quiz.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), quiz.len(), "seed {seed}: a question repeats");
        for q in &quiz {
            if let Err(problem) = problems(corpus, q) {
                panic!("seed {seed}, {settings:?}: {problem}");
            }
            assert!(settings.kinds.contains(&q.kind));
            kinds.insert(q.kind);
        }
        questions += quiz.len();
    }
    assert_eq!(kinds.len(), QuestionKind::ALL.len(), "{kinds:?}");
    assert!(questions > 10_000, "{questions}");
}

#[test]
fn every_candidate_question_is_sound() {
    // Long quizzes of one kind and one topic reach (nearly) every question the data gives.
    let corpus = corpus();
    for kind in QuestionKind::ALL {
        for topic in Topic::ALL {
            for seed in 0..3 {
                let settings = QuizSettings {
                    topics: vec![topic],
                    kinds: vec![kind],
                    length: QuizSettings::MAX_LENGTH,
                    seed,
                };
                for q in generate(corpus, &settings) {
                    if let Err(problem) = problems(corpus, &q) {
                        panic!("{settings:?}: {problem}");
                    }
                }
            }
        }
    }
}

#[test]
fn typed_names_accept_the_person_and_refuse_everyone_else() {
    let corpus = corpus();
    let mut checked = 0;
    for seed in 0..40 {
        let settings = QuizSettings {
            topics: vec![Topic::People, Topic::Quotes],
            kinds: vec![QuestionKind::Typed],
            length: 20,
            seed,
        };
        for q in generate(corpus, &settings) {
            let QuestionBody::Typed { accepted, .. } = &q.body else {
                panic!("{}", q.id)
            };
            let Some(answer) = corpus.people.iter().find(|p| p.name == accepted[0]) else {
                continue;
            };
            checked += 1;
            for form in answer.name_forms() {
                assert!(check(&q, &Response::Typed(form.to_uppercase())), "{form}");
            }
            for other in &corpus.people {
                if other.id != answer.id && normalize(&other.name) != normalize(&answer.name) {
                    assert!(
                        !check(&q, &Response::Typed(other.name.clone())),
                        "{}: {} accepted for {}",
                        q.id,
                        other.name,
                        answer.name
                    );
                }
            }
        }
    }
    assert!(checked > 0);
}

#[test]
fn the_same_settings_give_the_same_quiz() {
    let corpus = corpus();
    for seed in (0..3000).step_by(15) {
        let settings = settings_for(seed);
        let first = serde_json::to_string(&generate(corpus, &settings)).unwrap();
        let again = serde_json::to_string(&generate(corpus, &settings.clone())).unwrap();
        assert_eq!(first, again, "seed {seed}");
        // Through the link, too.
        let from_link = QuizSettings::from_query(&settings.to_query()).unwrap();
        assert_eq!(
            serde_json::to_string(&generate(corpus, &from_link)).unwrap(),
            first
        );
    }
}

#[test]
fn different_seeds_usually_give_different_quizzes() {
    let corpus = corpus();
    let quizzes: BTreeSet<String> = (0..100)
        .map(|seed| {
            let settings = QuizSettings {
                seed,
                ..QuizSettings::default()
            };
            serde_json::to_string(&generate(corpus, &settings)).unwrap()
        })
        .collect();
    assert!(quizzes.len() >= 95, "{}", quizzes.len());
}

#[test]
fn a_default_quiz_has_its_full_length() {
    let corpus = corpus();
    for seed in 0..100 {
        let settings = QuizSettings {
            seed,
            ..QuizSettings::default()
        };
        assert_eq!(
            generate(corpus, &settings).len(),
            settings.length,
            "seed {seed}"
        );
    }
}

#[test]
fn questions_survive_serialisation() {
    let corpus = corpus();
    let quiz = generate(
        corpus,
        &QuizSettings {
            length: QuizSettings::MAX_LENGTH,
            seed: 42,
            ..QuizSettings::default()
        },
    );
    let json = serde_json::to_string(&quiz).unwrap();
    let back: Vec<nkvd_study::study::quiz::Question> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, quiz);
}

#[test]
fn settings_round_trip_through_links() {
    for seed in 0..500u64 {
        let settings = settings_for(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let query = settings.to_query();
        assert_eq!(QuizSettings::from_query(&query), Ok(settings.canonical()));
        let keys: Vec<&str> = query.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["seed", "n", "k", "t"]);
    }
}

#[test]
fn bad_links_are_errors() {
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    for bad in [
        vec![("n", "10")],
        vec![("seed", "")],
        vec![("seed", "1.5")],
        vec![("seed", "18446744073709551616")],
        vec![("seed", "1"), ("n", "0")],
        vec![("seed", "1"), ("n", "1000")],
        vec![("seed", "1"), ("n", "-3")],
        vec![("seed", "1"), ("k", "mc,quiz")],
        vec![("seed", "1"), ("k", "")],
        vec![("seed", "1"), ("t", "people,")],
        vec![("seed", "1"), ("t", ",")],
        vec![("seed", "1"), ("t", "persons")],
        vec![("seed", "1"), ("seed", "1")],
    ] {
        let result = QuizSettings::from_query(&pairs(&bad));
        if bad == vec![("seed", "1"), ("t", "people,")] {
            // A trailing comma is harmless.
            assert!(result.is_ok(), "{bad:?}");
            continue;
        }
        let message = result.expect_err(&format!("{bad:?} accepted"));
        assert!(!message.is_empty());
    }
}

#[test]
fn dates_shown_in_options_parse_back() {
    // The test's own date reader must understand every date the data gives.
    for event in &corpus().events {
        let date = event_date(event);
        assert_eq!(parse_shown(&date.to_string()), Some(date), "{}", event.id);
    }
}
