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
                let answer =
                    DocDate::parse_shown(&options[*correct]).ok_or("unparsable answer date")?;
                for (i, option) in options.iter().enumerate() {
                    let Some(date) = DocDate::parse_shown(option) else {
                        return fail(format!("option {option} is not a date"));
                    };
                    if date.precision() != answer.precision() {
                        return fail(format!("{option} has another precision"));
                    }
                    if i != *correct && date.may_coincide(&answer) {
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
            let date = DocDate::parse_shown(shown).ok_or(format!("no date in {statement}"))?;
            for other in corpus.events.iter().filter(|e| e.title == event.title) {
                if date.may_coincide(&event_date(other)) {
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
        assert_eq!(
            DocDate::parse_shown(&date.to_string()),
            Some(date),
            "{}",
            event.id
        );
    }
}

// ---------------------------------------------------------------------------------------
// A quiz being taken (study::quiz_run): answering, partial credit, resume, retry, learn
// mode, and the evidence quoted with an answer (study::evidence).
// ---------------------------------------------------------------------------------------

mod run {
    use nkvd_study::content;
    use nkvd_study::study::evidence;
    use nkvd_study::study::quiz::{
        Question, QuestionBody, QuestionKind, QuizSettings, Response, Topic, correct_response,
        generate,
    };
    use nkvd_study::study::quiz_run::{
        LearnRun, LearnStage, QuizRun, ResumeError, SavedRun, review_prompt,
    };

    fn settings(
        kinds: &[QuestionKind],
        topics: &[Topic],
        length: usize,
        seed: u64,
    ) -> QuizSettings {
        QuizSettings {
            topics: topics.to_vec(),
            kinds: kinds.to_vec(),
            length,
            seed,
        }
    }

    const KEY: &str = "seed=4242&n=6&k=mc,tf&t=people,dates,numbers";

    fn mixed() -> Vec<Question> {
        use QuestionKind as K;
        use Topic as T;
        generate(
            content::corpus(),
            &settings(
                &[K::MultipleChoice, K::TrueFalse],
                &[T::People, T::Dates, T::Numbers],
                6,
                4242,
            ),
        )
    }

    /// A response that is wrong for the question (another option, the other truth value).
    fn wrong(q: &Question) -> Response {
        match &q.body {
            QuestionBody::Choice { correct, .. } => Response::Choice((correct + 1) % 3),
            QuestionBody::TrueFalse { truth, .. } => Response::TrueFalse(!truth),
            _ => Response::Typed("nobody at all".into()),
        }
    }

    fn first_of(kind: QuestionKind, topic: Topic) -> Question {
        generate(content::corpus(), &settings(&[kind], &[topic], 3, 7))
            .into_iter()
            .next()
            .expect("a question of that kind")
    }

    #[test]
    fn answering_grades_at_once_and_moving_on_needs_an_answer() {
        let questions = mixed();
        assert_eq!(questions.len(), 6);
        let mut run = QuizRun::new(questions.clone());
        assert!(!run.move_on(), "no moving on before an answer");
        let right = correct_response(&questions[0]);
        assert!(run.answer(right).expect("graded").is_right());
        assert!(
            run.answer(wrong(&questions[0])).is_none(),
            "one answer per question"
        );
        assert!(run.current_answer().unwrap().is_right());
        assert!(run.move_on());
        assert_eq!(run.position(), 1);
        assert!(!run.answer(wrong(&questions[1])).unwrap().is_right());
        assert_eq!(run.score().right, 1);
    }

    fn run_to_question_4() -> QuizRun {
        let questions = mixed();
        let mut run = QuizRun::new(questions.clone());
        for (i, q) in questions.iter().take(3).enumerate() {
            let response = if i == 1 {
                wrong(q)
            } else {
                correct_response(q)
            };
            run.answer(response);
            run.move_on();
        }
        run
    }

    #[test]
    fn a_saved_run_resumes_at_its_question_with_its_answers() {
        let run = run_to_question_4();
        assert_eq!(run.position(), 3);
        let text = SavedRun::of(&run, KEY).to_json();
        let saved = SavedRun::from_json(&text).expect("readable");
        let resumed = saved.resume(KEY, mixed()).expect("same quiz");
        assert_eq!(resumed, run);
        assert_eq!(resumed.position(), 3);
        assert_eq!(resumed.answers().len(), 3);
        assert!(!resumed.answers()[1].is_right());
    }

    #[test]
    fn a_run_answered_but_not_moved_on_resumes_showing_its_feedback() {
        let mut run = run_to_question_4();
        let q = run.current().unwrap().clone();
        run.answer(correct_response(&q));
        let resumed = SavedRun::of(&run, KEY).resume(KEY, mixed()).unwrap();
        assert_eq!(resumed.position(), 3);
        assert!(resumed.current_answer().is_some_and(|a| a.is_right()));
    }

    #[test]
    fn a_saved_run_of_another_quiz_or_of_changed_questions_is_not_resumed() {
        let run = run_to_question_4();
        let saved = SavedRun::of(&run, KEY);
        assert_eq!(
            saved.resume("seed=1&n=6&k=mc,tf&t=people,dates,numbers", mixed()),
            Err(ResumeError::OtherQuiz)
        );
        let mut changed = mixed();
        changed[2].id.push_str(":v2");
        assert_eq!(
            saved.resume(KEY, changed),
            Err(ResumeError::QuestionsChanged)
        );
        let mut past_the_end = saved.clone();
        past_the_end.position = 40;
        assert_eq!(
            past_the_end.resume(KEY, mixed()),
            Err(ResumeError::Inconsistent)
        );
        let mut out_of_range = saved.clone();
        out_of_range.round[0] = 99;
        assert_eq!(
            out_of_range.resume(KEY, mixed()),
            Err(ResumeError::Inconsistent)
        );
        assert_eq!(
            SavedRun::from_json("{\"version\":1"),
            Err(ResumeError::Unreadable)
        );
        assert_eq!(SavedRun::from_json("null"), Err(ResumeError::Unreadable));
        let mut newer = saved;
        newer.version = 2;
        assert_eq!(
            SavedRun::from_json(&newer.to_json()),
            Err(ResumeError::Unreadable)
        );
    }

    #[test]
    fn a_finished_round_is_not_resumed() {
        let questions = mixed();
        let mut run = QuizRun::new(questions.clone());
        for q in &questions {
            run.answer(correct_response(q));
            run.move_on();
        }
        assert!(run.is_finished());
        assert_eq!(
            SavedRun::of(&run, KEY).resume(KEY, questions),
            Err(ResumeError::Inconsistent)
        );
    }

    #[test]
    fn order_questions_earn_credit_for_each_event_in_its_place() {
        let q = first_of(QuestionKind::Order, Topic::Dates);
        let QuestionBody::Order { correct, .. } = &q.body else {
            panic!()
        };
        assert!(correct.len() >= 3);
        let mut given = correct.clone();
        given.swap(0, 1);
        let mut run = QuizRun::new(vec![q.clone()]);
        let answer = run.answer(Response::Order(given)).unwrap().clone();
        let mut expected = vec![true; correct.len()];
        expected[0] = false;
        expected[1] = false;
        assert_eq!(answer.marks, expected);
        assert_eq!(answer.credit.right as usize, correct.len() - 2);
        assert!(answer.credit.is_partial() && !answer.is_right());
        run.move_on();
        let score = run.score();
        assert_eq!(score.right, 0);
        assert!(score.partial);
        assert!((score.points - (correct.len() - 2) as f64 / correct.len() as f64).abs() < 1e-9);
    }

    #[test]
    fn match_questions_earn_credit_for_each_quote_matched() {
        let q = first_of(QuestionKind::Match, Topic::Quotes);
        let QuestionBody::Match { correct, .. } = &q.body else {
            panic!()
        };
        let mut given = correct.clone();
        given.swap(0, 1);
        let mut run = QuizRun::new(vec![q.clone()]);
        let answer = run.answer(Response::Match(given)).unwrap();
        assert_eq!(&answer.marks[..2], &[false, false]);
        assert!(answer.marks[2..].iter().all(|m| *m));
        assert_eq!(answer.credit.of as usize, correct.len());
        // A full answer is right; a response of the wrong shape earns nothing.
        let mut run = QuizRun::new(vec![q.clone()]);
        assert!(run.answer(correct_response(&q)).unwrap().is_right());
        let mut run = QuizRun::new(vec![q]);
        assert_eq!(run.answer(Response::Choice(0)).unwrap().credit.right, 0);
    }

    #[test]
    fn retry_asks_only_the_mistakes_and_only_once_the_round_is_over() {
        let questions = mixed();
        let mut run = QuizRun::new(questions.clone());
        for (i, q) in questions.iter().enumerate() {
            assert!(run.retry_mistakes().is_none(), "not before the end");
            run.answer(if i % 2 == 0 {
                wrong(q)
            } else {
                correct_response(q)
            });
            run.move_on();
        }
        let missed: Vec<String> = run.mistakes().iter().map(|(q, _)| q.id.clone()).collect();
        assert_eq!(missed.len(), 3);
        let mut retry = run.retry_mistakes().expect("three to retry");
        assert_eq!(retry.retry(), 1);
        assert_eq!(retry.len(), 3);
        assert_eq!(retry.current().unwrap().id, missed[0]);
        // Retrying resumes like the quiz itself.
        let q = retry.current().unwrap().clone();
        retry.answer(correct_response(&q));
        retry.move_on();
        let resumed = SavedRun::of(&retry, KEY).resume(KEY, questions).unwrap();
        assert_eq!(resumed, retry);
        // Everything right: nothing to retry.
        let mut retry = resumed;
        while let Some(q) = retry.current().cloned() {
            retry.answer(correct_response(&q));
            retry.move_on();
        }
        assert!(retry.retry_mistakes().is_none());
    }

    #[test]
    fn true_false_mistakes_show_the_statement_judged() {
        let q = first_of(QuestionKind::TrueFalse, Topic::Dates);
        let QuestionBody::TrueFalse { statement, .. } = &q.body else {
            panic!()
        };
        let shown = review_prompt(&q);
        assert!(shown.contains(statement.as_str()), "{shown}");
        assert!(shown.starts_with("True or false?"));
    }

    #[test]
    fn learn_mode_asks_multiple_choice_first_then_typed_and_sends_misses_back() {
        use QuestionKind as K;
        let topics = [Topic::People, Topic::Dates];
        let pool = |k| generate(content::corpus(), &settings(&[k], &topics, 50, 11));
        let typed = pool(K::Typed);
        let mut learn = LearnRun::from_pools(pool(K::MultipleChoice), &typed, 4);
        assert_eq!(learn.known(), (0, 4));
        let first = learn.current().unwrap().clone();
        assert_eq!(learn.stage(), Some(LearnStage::Recognise));
        assert!(matches!(first.body, QuestionBody::Choice { .. }));
        // A miss: the fact comes back, still as multiple choice, after two others.
        learn.answer(wrong(&first));
        learn.move_on();
        learn.answer(correct_response(&learn.current().unwrap().clone()));
        learn.move_on();
        learn.answer(correct_response(&learn.current().unwrap().clone()));
        learn.move_on();
        assert_eq!(learn.current().unwrap().id, first.id);
        // Known as multiple choice: asked typed (on the same card) later.
        let mut typed_seen = 0;
        let mut guard = 0;
        while let Some(q) = learn.current().cloned() {
            if matches!(q.body, QuestionBody::Typed { .. }) {
                typed_seen += 1;
                assert_eq!(learn.stage(), Some(LearnStage::Recall));
            }
            learn.answer(correct_response(&q));
            learn.move_on();
            guard += 1;
            assert!(guard < 100);
        }
        assert!(learn.is_finished());
        assert_eq!(learn.known(), (4, 4));
        assert!(
            typed_seen >= 1,
            "facts with a typed question are typed once known"
        );
    }

    /// The first evidence of a question, as text, and its marked words.
    fn evidence_of(q: &Question) -> Vec<evidence::Evidence> {
        let answer = q
            .answer_text
            .trim_start_matches("True. ")
            .trim_start_matches("False. ");
        evidence::find(content::corpus(), &q.passages, answer, &q.prompt, 4)
    }

    #[test]
    fn evidence_quotes_the_sentence_that_names_the_answer() {
        use QuestionKind as K;
        let corpus = content::corpus();
        let mut asked = 0;
        let mut named = 0;
        for seed in 0..20 {
            for q in generate(
                corpus,
                &settings(&[K::MultipleChoice], &Topic::ALL, 20, seed),
            ) {
                let found = evidence_of(&q);
                assert!(!found.is_empty(), "{}: no evidence", q.id);
                for e in &found {
                    assert!(q.passages.contains(&e.passage));
                    let passage = &corpus.passage(&e.passage).unwrap().text;
                    // Every quoted stretch is the document's own text.
                    for part in e.text().split(['…']) {
                        assert!(
                            passage.contains(part.trim()),
                            "{}: {part:?} not in {}",
                            q.id,
                            e.passage
                        );
                    }
                    // Every mark is a word of the answer.
                    let keys = evidence::key_words(&q.answer_text);
                    for mark in e.marked() {
                        let words = evidence::key_words(mark);
                        assert!(
                            words
                                .iter()
                                .any(|w| keys.iter().any(|k| w.starts_with(k.as_str()))),
                            "{}: {mark:?} is not part of {:?}",
                            q.id,
                            q.answer_text
                        );
                    }
                }
                asked += 1;
                if found.iter().any(|e| !e.marked().is_empty()) {
                    named += 1;
                }
            }
        }
        eprintln!("evidence names the answer for {named} of {asked} questions");
        assert!(named * 100 >= asked * 80, "{named} of {asked}");
    }

    #[test]
    fn the_sentence_quoted_for_a_date_contains_its_year() {
        use QuestionKind as K;
        let mut asked = 0;
        let mut with_year = 0;
        for seed in 0..10 {
            for q in generate(
                content::corpus(),
                &settings(&[K::MultipleChoice], &[Topic::Dates], 10, seed),
            ) {
                let year: String = q
                    .answer_text
                    .split(|c: char| !c.is_ascii_digit())
                    .find(|w| w.len() == 4)
                    .unwrap_or_default()
                    .to_string();
                if year.is_empty() {
                    continue;
                }
                asked += 1;
                if evidence_of(&q)
                    .iter()
                    .any(|e| e.marked().iter().any(|m| m.contains(&year)))
                {
                    with_year += 1;
                }
            }
        }
        eprintln!("the year is marked for {with_year} of {asked} date questions");
        assert!(
            asked > 0 && with_year * 100 >= asked * 80,
            "{with_year} of {asked}"
        );
    }
}
