//! A quiz as the teacher sees it before sending it: every question with its answer and
//! passages; and as it prints: a worksheet without answers, or the answer key. The view
//! is in the link (`view=sheet`, `view=key`), so each can be opened and printed directly.

use leptos::prelude::*;

use super::full_link;
use crate::content::corpus;
use crate::route::{Query, Route, TeacherPage};
use crate::study::quiz::{Question, QuestionBody};
use crate::study::quiz_run::review_prompt;
use crate::teacher::Assignment;
use crate::ui::common::PassageLinks;

/// Which version of the quiz the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    /// Questions, answers and passage links, with the tools.
    Teacher,
    /// What students fill in: no answers.
    Worksheet,
    /// Questions and answers, for marking.
    Key,
}

impl Version {
    const ALL: [Version; 3] = [Version::Teacher, Version::Worksheet, Version::Key];

    fn from_query(query: &Query) -> Self {
        match query.get("view") {
            Some("sheet") => Self::Worksheet,
            Some("key") => Self::Key,
            _ => Self::Teacher,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Self::Teacher => "",
            Self::Worksheet => "sheet",
            Self::Key => "key",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Teacher => "Questions and answers",
            Self::Worksheet => "Worksheet",
            Self::Key => "Answer key",
        }
    }

    fn shows_answers(self) -> bool {
        self != Self::Worksheet
    }
}

/// "A", "B", … for options and speakers.
fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

#[component]
pub fn Preview(query: Query) -> impl IntoView {
    let version = Version::from_query(&query);
    crate::ui::set_title(match version {
        Version::Teacher => "Quiz preview",
        Version::Worksheet => "Worksheet",
        Version::Key => "Answer key",
    });
    let assignment = match Assignment::from_query(&query.0) {
        Ok(a) => a,
        Err(error) => {
            return view! {
                <section class="teacher">
                    <h1 tabindex="-1">"Quiz preview"</h1>
                    <p class="error" role="alert">"This quiz link is not valid: " {error} "."</p>
                    <p><a href=Route::Teacher { page: TeacherPage::Compose, query: Query::default() }.href()>"Compose a quiz"</a></p>
                </section>
            }
            .into_any();
        }
    };
    let questions = assignment.questions(corpus());
    let plain = Query(assignment.to_query());
    let quiz_link = full_link(
        &Route::Quiz {
            query: plain.clone(),
        }
        .href(),
    );
    let edit_href = Route::Teacher {
        page: TeacherPage::Compose,
        query: plain.clone(),
    }
    .href();
    let heading = if assignment.title.is_empty() {
        "Quiz".to_string()
    } else {
        assignment.title.clone()
    };
    let subtitle = match version {
        Version::Teacher => format!("Preview: {} questions with their answers", questions.len()),
        Version::Worksheet => format!("Worksheet: {} questions", questions.len()),
        Version::Key => format!("Answer key: {} questions", questions.len()),
    };
    let tabs = Version::ALL
        .into_iter()
        .map(|v| {
            let href = Route::Teacher {
                page: TeacherPage::Preview,
                query: plain.clone().with("view", v.slug()),
            }
            .href();
            view! {
                <a href=href class="button" aria-current=(v == version).then_some("page")>{v.label()}</a>
            }
        })
        .collect_view();
    let sheet_class = match version {
        Version::Teacher => "teacher sheet sheet-teacher",
        Version::Worksheet => "teacher sheet sheet-worksheet",
        Version::Key => "teacher sheet sheet-key",
    };
    view! {
        <section class=sheet_class>
            <header class="sheet-header">
                <h1 tabindex="-1">{heading}</h1>
                <p class="sheet-subtitle">{subtitle}</p>
                {(!assignment.instructions.is_empty()).then(|| view! {
                    <p class="quiz-instructions">{assignment.instructions.clone()}</p>
                })}
                {(version == Version::Worksheet).then(|| view! {
                    <p class="sheet-name">"Name: " <span class="blank wide"></span> " Date: " <span class="blank"></span></p>
                })}
                <p class="sheet-link"><span>"Online: "</span><a class="share-link" href=quiz_link.clone()>{quiz_link.clone()}</a></p>
            </header>
            <nav class="sheet-tools no-print" aria-label="Versions of this quiz">
                {tabs}
                <button type="button" class="primary" id="print-sheet" on:click=|_| { let _ = window().print(); }>"Print"</button>
                <a class="button" href=edit_href>"Change the quiz"</a>
            </nav>
            {questions.is_empty().then(|| view! {
                <p class="error" role="alert">"This quiz has no question: change its choice."</p>
            })}
            <ol class="sheet-questions">
                {questions.into_iter().map(|q| view! { <SheetQuestion question=q answers=version.shows_answers() /> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
fn SheetQuestion(question: Question, answers: bool) -> impl IntoView {
    let body = match &question.body {
        QuestionBody::Choice { options, correct } => {
            let correct = *correct;
            view! {
                <ol class="sheet-options">
                    {options.iter().enumerate().map(|(i, o)| {
                        let right = answers && i == correct;
                        view! {
                            <li class:right-option=right>
                                <span class="option-letter">{letter(i)} ". "</span>
                                {o.clone()}
                                {right.then(|| view! { <span class="visually-hidden">" (the answer)"</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        }
        // With the answer shown below, the blanks to fill in are the worksheet's only.
        QuestionBody::TrueFalse { .. } | QuestionBody::Typed { .. } if answers => ().into_any(),
        QuestionBody::TrueFalse { .. } => {
            view! { <p class="sheet-choices">"True" <span class="blank short"></span> " False" <span class="blank short"></span></p> }.into_any()
        }
        QuestionBody::Typed { .. } => view! { <p class="sheet-write">"Answer: " <span class="blank wide"></span></p> }.into_any(),
        QuestionBody::Order { items, .. } => view! {
            <p class="muted sheet-hint">"Number them 1 (earliest) to " {items.len()} "."</p>
            <ul class="sheet-items">
                {items.iter().map(|item| view! { <li><span class="blank short"></span> " " {item.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        QuestionBody::Match { quotes, speakers, .. } => view! {
            <p class="muted sheet-hint">"Write the letter of the speaker next to each quote."</p>
            <ol class="sheet-items">
                {quotes.iter().map(|q| view! { <li><span class="blank short"></span> " “" {q.clone()} "”"</li> }).collect_view()}
            </ol>
            <ul class="sheet-speakers">
                {speakers.iter().enumerate().map(|(i, s)| view! { <li>{letter(i)} ". " {s.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    let passages = question.passages.clone();
    view! {
        <li class="sheet-question">
            <p class="sheet-prompt">{review_prompt(&question)}</p>
            {body}
            {answers.then(|| view! {
                <p class="sheet-answer">
                    <strong>"Answer: "</strong>{question.answer_text.clone()} " " <PassageLinks ids=passages />
                </p>
            })}
        </li>
    }
}
