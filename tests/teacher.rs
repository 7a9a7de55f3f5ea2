//! The teacher's toolkit on the real data: scopes that keep to their era, person, group or
//! source; result codes that round-trip, stay short and refuse every mistyped or cut
//! character; a class's results gathered from a fixed set of codes; the CSV export.

use nkvd_study::content::{self, Corpus};
use nkvd_study::study::quiz::{
    QuestionKind, QuizSettings, Response, Scope, Topic, about_person, correct_response,
    from_source, generate, in_era, in_group,
};
use nkvd_study::teacher::base32::ALPHABET;
use nkvd_study::teacher::csv::class_csv;
use nkvd_study::teacher::{Assignment, ClassResults, CodeError, Handed, QuizResult};

fn corpus() -> &'static Corpus {
    content::corpus()
}

fn everything(seed: u64, length: usize) -> QuizSettings {
    QuizSettings {
        length,
        seed,
        ..QuizSettings::default()
    }
}

fn scoped(scope: Scope) -> Assignment {
    Assignment {
        settings: everything(7, QuizSettings::MAX_LENGTH),
        scope,
        ..Assignment::default()
    }
}

// ---------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------

#[test]
fn an_unnarrowed_scope_gives_the_quiz_of_the_plain_link() {
    for seed in 0..5 {
        let settings = everything(seed, 20);
        let assignment = Assignment {
            settings: settings.clone(),
            ..Assignment::default()
        };
        assert_eq!(
            assignment.questions(corpus()),
            generate(corpus(), &settings)
        );
    }
}

#[test]
fn an_era_scope_asks_only_about_that_era() {
    for era in &corpus().eras {
        let quiz = scoped(Scope {
            eras: vec![era.id.clone()],
            ..Scope::default()
        });
        let questions = quiz.questions(corpus());
        assert!(!questions.is_empty(), "{} gives questions", era.id);
        for q in &questions {
            assert!(
                in_era(corpus(), q, &era.id),
                "{} is not about {}",
                q.id,
                era.id
            );
        }
        assert_eq!(
            questions.len(),
            quiz.available(corpus()).min(QuizSettings::MAX_LENGTH)
        );
    }
}

#[test]
fn a_person_scope_asks_only_about_that_person() {
    for person in ["yezhov", "yagoda", "orlov"] {
        let quiz = scoped(Scope {
            people: vec![person.into()],
            ..Scope::default()
        });
        let questions = quiz.questions(corpus());
        assert!(!questions.is_empty(), "{person} gives questions");
        for q in &questions {
            assert!(
                about_person(corpus(), q, person),
                "{} is not about {person}",
                q.id
            );
        }
    }
}

#[test]
fn a_group_scope_asks_only_about_its_members() {
    let quiz = scoped(Scope {
        groups: vec!["nkvd_leadership".into()],
        ..Scope::default()
    });
    let questions = quiz.questions(corpus());
    assert!(!questions.is_empty());
    for q in &questions {
        assert!(in_group(corpus(), q, "nkvd_leadership"), "{}", q.id);
    }
}

#[test]
fn a_source_scope_asks_only_about_that_source() {
    let source = corpus().sources[0].number;
    let quiz = scoped(Scope {
        sources: vec![source],
        ..Scope::default()
    });
    let questions = quiz.questions(corpus());
    assert!(!questions.is_empty());
    for q in &questions {
        assert!(from_source(corpus(), q, source), "{}", q.id);
    }
}

#[test]
fn dimensions_narrow_each_other() {
    let era = scoped(Scope {
        eras: vec!["yezhov".into()],
        ..Scope::default()
    });
    let both = scoped(Scope {
        eras: vec!["yezhov".into()],
        people: vec!["yezhov".into()],
        ..Scope::default()
    });
    assert!(both.available(corpus()) <= era.available(corpus()));
    for q in both.questions(corpus()) {
        assert!(in_era(corpus(), &q, "yezhov") && about_person(corpus(), &q, "yezhov"));
    }
}

#[test]
fn an_impossible_choice_allows_no_question_and_a_long_one_is_clamped() {
    let none = Assignment {
        settings: QuizSettings {
            kinds: vec![QuestionKind::Order],
            topics: vec![Topic::People],
            ..everything(1, 10)
        },
        ..Assignment::default()
    };
    assert_eq!(none.available(corpus()), 0);
    let one_person = scoped(Scope {
        people: vec!["yezhov".into()],
        ..Scope::default()
    });
    let available = one_person.available(corpus());
    let (clamped, asked) = one_person.clamped(available);
    if available < QuizSettings::MAX_LENGTH {
        assert_eq!(asked, Some(QuizSettings::MAX_LENGTH));
        assert_eq!(clamped.settings.length, available);
        assert_eq!(clamped.questions(corpus()).len(), available);
    }
}

#[test]
fn an_assignment_round_trips_through_its_link() {
    let quiz = Assignment {
        settings: everything(123_456_789, 12),
        scope: Scope {
            eras: vec!["yezhov".into()],
            groups: vec!["victims".into()],
            people: vec!["yagoda".into(), "orlov".into()],
            sources: vec![3, 1],
        },
        title: "Week 4: the Terror".into(),
        instructions: "Answer alone. <b>No notes</b> & no phones.".into(),
    };
    let back = Assignment::from_query(&quiz.to_query()).unwrap();
    assert_eq!(back.scope, quiz.scope.canonical());
    assert_eq!(back.title, quiz.title);
    assert_eq!(back.instructions, quiz.instructions);
    assert_eq!(back.settings, quiz.settings.canonical());
    let twice = [
        ("seed".to_string(), "1".to_string()),
        ("who".into(), "a".into()),
        ("who".into(), "b".into()),
    ];
    assert!(Assignment::from_query(&twice).is_err());
    let bad = [
        ("seed".to_string(), "1".to_string()),
        ("era".into(), "<x>".into()),
    ];
    assert!(Assignment::from_query(&bad).is_err());
}

// ---------------------------------------------------------------------------------------
// Result codes
// ---------------------------------------------------------------------------------------

/// A finished 30-question quiz, every answer right but the first.
fn result_of_30() -> (Vec<nkvd_study::study::quiz::Question>, QuizResult) {
    let settings = everything(987_654_321, 30);
    let questions = generate(corpus(), &settings);
    assert_eq!(questions.len(), 30);
    let mut responses: Vec<Handed> = questions
        .iter()
        .map(|q| match correct_response(q) {
            Response::Typed(_) => Handed::TypedRight,
            r => Handed::Given(r),
        })
        .collect();
    responses[0] = Handed::Blank;
    let result = QuizResult {
        settings,
        scope: Scope::default(),
        name: "Anna Karenina-Smith".into(),
        finished_minutes: 29_937_005,
        seconds: 754,
        right: 29,
        responses,
    };
    (questions, result)
}

#[test]
fn a_result_code_round_trips() {
    let (_, result) = result_of_30();
    let code = result.encode();
    let mut canonical = result.clone();
    canonical.settings = canonical.settings.canonical();
    assert_eq!(QuizResult::decode(&code), Ok(canonical.clone()));
    assert_eq!(
        QuizResult::decode(&format!("  {}\n", code.to_lowercase())),
        Ok(canonical)
    );
    let scoped = QuizResult {
        scope: Scope {
            eras: vec!["yezhov".into()],
            people: vec!["yagoda".into()],
            sources: vec![2],
            ..Scope::default()
        },
        responses: vec![
            Handed::Given(Response::Typed("Yezhov".into())),
            Handed::Given(Response::Order(vec![2, 0, 3, 1])),
            Handed::Given(Response::Match(vec![1, 0, 2])),
            Handed::Given(Response::Order(vec![5, 0, 3, 1, 2, 4])),
            Handed::Given(Response::TrueFalse(false)),
            Handed::Given(Response::Choice(17)),
            Handed::TypedRight,
            Handed::Blank,
        ],
        ..result_of_30().1
    };
    let back = QuizResult::decode(&scoped.encode()).unwrap();
    assert_eq!(back.scope, scoped.scope);
    assert_eq!(back.responses, scoped.responses);
}

#[test]
fn a_code_for_a_30_question_quiz_is_short() {
    let (_, result) = result_of_30();
    let code = result.encode();
    // The length this test pins down (the README states it).
    assert_eq!(code.len(), 135, "{code}");
}

#[test]
fn every_single_character_change_is_refused() {
    let (_, result) = result_of_30();
    let code = result.encode();
    let others: Vec<u8> = ALPHABET.iter().copied().chain(*b"-_ +/=.IOLU").collect();
    for i in 0..code.len() {
        for &c in &others {
            let mut bytes = code.clone().into_bytes();
            if bytes[i] == c {
                continue;
            }
            bytes[i] = c;
            let changed = String::from_utf8(bytes).unwrap();
            assert!(
                QuizResult::decode(&changed).is_err(),
                "changing character {i} to {} was not caught",
                c as char
            );
        }
    }
}

#[test]
fn every_truncation_is_refused() {
    let (_, result) = result_of_30();
    let code = result.encode();
    for end in 0..code.len() {
        assert!(QuizResult::decode(&code[..end]).is_err(), "cut at {end}");
    }
    assert_eq!(
        QuizResult::decode(&code[..code.len() - 2]),
        Err(CodeError::Incomplete)
    );
    assert_eq!(QuizResult::decode("hello"), Err(CodeError::NotACode));
}

// ---------------------------------------------------------------------------------------
// Class results
// ---------------------------------------------------------------------------------------

fn code_for(
    name: &str,
    questions: &[nkvd_study::study::quiz::Question],
    wrong: &[usize],
) -> String {
    let settings = everything(42, 6);
    let responses = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if wrong.contains(&i) {
                // Another option, the opposite truth, a wrong word, a wrong order.
                Handed::Given(match correct_response(q) {
                    Response::Choice(c) => Response::Choice(if c == 0 { 1 } else { 0 }),
                    Response::TrueFalse(b) => Response::TrueFalse(!b),
                    Response::Typed(_) => Response::Typed("nobody".into()),
                    Response::Order(mut o) => {
                        o.reverse();
                        Response::Order(o)
                    }
                    Response::Match(mut m) => {
                        m.reverse();
                        Response::Match(m)
                    }
                })
            } else {
                Handed::Given(correct_response(q))
            }
        })
        .collect();
    QuizResult {
        settings,
        scope: Scope::default(),
        name: name.into(),
        finished_minutes: 29_937_005,
        seconds: 300,
        right: (questions.len() - wrong.len()) as u32,
        responses,
    }
    .encode()
}

#[test]
fn class_statistics_on_a_fixed_set_of_codes() {
    let questions = generate(corpus(), &everything(42, 6));
    assert_eq!(questions.len(), 6);
    let zoe = code_for("Zoë", &questions, &[0, 1]);
    let ann = code_for("ann", &questions, &[0]);
    let bob = code_for("Bob", &questions, &[]);
    let mut corrupted = ann.clone().into_bytes();
    corrupted[10] = if corrupted[10] == b'A' { b'B' } else { b'A' };
    let codes: Vec<(String, String)> = [
        zoe.clone(),
        ann.clone(),
        String::from_utf8(corrupted).unwrap(),
        zoe,
        bob,
        "not-a-code".into(),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, c)| (format!("pasted code {}", i + 1), c))
    .collect();
    let class = ClassResults::gather(corpus(), &codes);
    assert_eq!(class.duplicates, 1);
    assert_eq!(class.rejected.len(), 2);
    assert_eq!(class.rejected[0].origin, "pasted code 3");
    assert!(class.rejected[0].reason.contains("checksum"));
    assert!(class.rejected[1].reason.contains("not a result code"));
    assert_eq!(class.quizzes.len(), 1);
    let quiz = &class.quizzes[0];
    let names: Vec<&str> = quiz.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["ann", "Bob", "Zoë"]);
    let scores: Vec<usize> = quiz.students.iter().map(|s| s.right()).collect();
    assert_eq!(scores, [5, 6, 4]);
    assert!(quiz.students.iter().all(|s| !s.score_differs));
    assert_eq!(quiz.right_counts(), [1, 2, 3, 3, 3, 3]);
    assert_eq!(quiz.percent_right(0), 33);
    assert_eq!(quiz.most_missed(), [0, 1]);

    let csv = class_csv(quiz);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "name,score,out_of,finished_utc,seconds,q1,q2,q3,q4,q5,q6"
    );
    assert_eq!(lines[1], "ann,5,6,2026-12-02 14:05 UTC,300,0,1,1,1,1,1");
    assert_eq!(lines[4], "share right (%),,,,,33,66,100,100,100,100");
}

#[test]
fn a_stated_score_that_does_not_match_the_answers_is_flagged() {
    let questions = generate(corpus(), &everything(42, 6));
    let mut result = QuizResult::decode(&code_for("Eve", &questions, &[0, 1, 2])).unwrap();
    result.right = 6;
    let class = ClassResults::gather(corpus(), &[("file".into(), result.encode())]);
    assert!(class.quizzes[0].students[0].score_differs);
}

#[test]
fn a_quiz_resumed_after_a_reload_keeps_its_start_time() {
    use nkvd_study::study::quiz_run::{QuizRun, SavedRun};
    let questions = generate(corpus(), &everything(42, 6));
    let run = QuizRun::new(questions);
    let saved = SavedRun {
        started_ms: Some(1_764_684_300_000),
        ..SavedRun::of(&run, "seed=42")
    };
    let back = SavedRun::from_json(&saved.to_json()).unwrap();
    assert_eq!(back.started_ms, Some(1_764_684_300_000));
    // A run saved before start times were kept still resumes, with none.
    let older = SavedRun::from_json(&SavedRun::of(&run, "seed=42").to_json()).unwrap();
    assert_eq!(older.started_ms, None);
}
