//! Grading one response: a mark for each part (each item of an order question, each quote of
//! a match question; the whole answer otherwise) and the credit those marks earn.

use serde::{Deserialize, Serialize};

use crate::study::quiz::{Question, QuestionBody, Response, check};

/// Parts right out of parts asked: 1 of 1 or 0 of 1 for a single answer, 3 of 4 for an
/// order question with three events in their place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    pub right: u32,
    pub of: u32,
}

impl Credit {
    /// Whether every part is right.
    pub fn is_full(self) -> bool {
        self.of > 0 && self.right == self.of
    }

    /// Whether some but not all parts are right.
    pub fn is_partial(self) -> bool {
        self.right > 0 && self.right < self.of
    }

    /// The share of the question earned, from 0 to 1.
    pub fn fraction(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            f64::from(self.right) / f64::from(self.of)
        }
    }
}

/// One mark per part of the question: for an order question, whether the item shown at each
/// position of the response is the one that belongs there; for a match question, whether
/// each quote got its speaker; otherwise the one mark of [`check`]. A response of the wrong
/// shape marks every part wrong.
pub fn item_marks(question: &Question, response: &Response) -> Vec<bool> {
    match (&question.body, response) {
        (QuestionBody::Order { correct, .. }, Response::Order(order)) => correct
            .iter()
            .enumerate()
            .map(|(i, right)| order.get(i) == Some(right))
            .collect(),
        (QuestionBody::Order { correct, .. }, _) => vec![false; correct.len()],
        (QuestionBody::Match { correct, .. }, Response::Match(pairs)) => correct
            .iter()
            .enumerate()
            .map(|(i, right)| pairs.get(i) == Some(right))
            .collect(),
        (QuestionBody::Match { correct, .. }, _) => vec![false; correct.len()],
        _ => vec![check(question, response)],
    }
}

/// The credit a response earns.
pub fn credit(question: &Question, response: &Response) -> Credit {
    let marks = item_marks(question, response);
    Credit {
        right: marks.iter().filter(|m| **m).count() as u32,
        of: marks.len() as u32,
    }
}
