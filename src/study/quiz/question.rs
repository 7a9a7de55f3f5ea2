//! A generated question, the student's response, and grading.

use serde::{Deserialize, Serialize};

use super::QuestionKind;
use crate::study::answer::{self, AnswerKind};
use crate::study::card_id::CardId;

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
    pub card_id: Option<CardId>,
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

/// The spelling to show when a typed answer was accepted as a typo of it ("Yezov" →
/// "Yezhov"); none for an exact or a wrong answer.
pub fn accepted_spelling(question: &Question, response: &Response) -> Option<String> {
    match (&question.body, response) {
        (
            QuestionBody::Typed {
                accepted,
                rejected,
                answer_kind,
            },
            Response::Typed(typed),
        ) => match answer::grade(*answer_kind, accepted, rejected, typed) {
            answer::Grade::Close { canonical } => Some(canonical),
            _ => None,
        },
        _ => None,
    }
}
