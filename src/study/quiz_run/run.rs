//! A quiz run: the questions of one quiz, the round being asked (the whole quiz, or a retry
//! of its mistakes), the answers so far and where the student is. Answering grades at once;
//! moving on needs an answer; the score counts whole answers and, apart, partial credit.

use serde::{Deserialize, Serialize};

use super::credit::{Credit, credit, item_marks};
use crate::study::quiz::{Question, Response, accepted_spelling};

/// One graded response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub response: Response,
    pub credit: Credit,
    /// A mark per part (see [`item_marks`]).
    pub marks: Vec<bool>,
    /// The document's spelling, when a typed answer was accepted as a misspelling of it.
    pub spelling: Option<String>,
}

impl Answer {
    /// Grades a response to a question.
    pub fn grade(question: &Question, response: Response) -> Self {
        Self {
            credit: credit(question, &response),
            marks: item_marks(question, &response),
            spelling: accepted_spelling(question, &response),
            response,
        }
    }

    /// Whether the answer is wholly right.
    pub fn is_right(&self) -> bool {
        self.credit.is_full()
    }
}

/// A round's result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Answers wholly right.
    pub right: usize,
    /// Questions in the round.
    pub of: usize,
    /// Points with partial credit (each question is worth one).
    pub points: f64,
    /// Whether any answer earned partial credit.
    pub partial: bool,
}

/// A quiz being taken (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct QuizRun {
    questions: Vec<Question>,
    /// Indices into `questions` asked in this round, in order.
    round: Vec<usize>,
    /// This round's answers, in the order asked.
    answers: Vec<Answer>,
    /// Index into `round` of the question shown; `round.len()` once the round is over.
    position: usize,
    /// 0 for the quiz itself, then 1, 2, … for each retry of its mistakes.
    retry: u32,
}

impl QuizRun {
    /// A new run over every question, from the first.
    pub fn new(questions: Vec<Question>) -> Self {
        let round = (0..questions.len()).collect();
        Self {
            questions,
            round,
            answers: Vec::new(),
            position: 0,
            retry: 0,
        }
    }

    /// Rebuilds a run from its parts (see `saved`), regrading every response.
    pub(super) fn from_parts(
        questions: Vec<Question>,
        round: Vec<usize>,
        responses: Vec<Response>,
        position: usize,
        retry: u32,
    ) -> Self {
        let answers = round
            .iter()
            .zip(responses)
            .map(|(&q, response)| Answer::grade(&questions[q], response))
            .collect();
        Self {
            questions,
            round,
            answers,
            position,
            retry,
        }
    }

    /// Every question of the quiz.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The indices of this round's questions.
    pub fn round(&self) -> &[usize] {
        &self.round
    }

    /// This round's answers so far.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// How many questions this round asks.
    pub fn len(&self) -> usize {
        self.round.len()
    }

    pub fn is_empty(&self) -> bool {
        self.round.is_empty()
    }

    /// The index (in this round) of the question shown.
    pub fn position(&self) -> usize {
        self.position
    }

    /// 0 for the quiz itself, then the number of the retry.
    pub fn retry(&self) -> u32 {
        self.retry
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.round.len()
    }

    /// The question shown, none once the round is over.
    pub fn current(&self) -> Option<&Question> {
        self.round
            .get(self.position)
            .and_then(|&q| self.questions.get(q))
    }

    /// The answer to the question shown, once given.
    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.position)
    }

    /// Answers the question shown; none (and nothing changes) when it is already answered
    /// or the round is over.
    pub fn answer(&mut self, response: Response) -> Option<&Answer> {
        if self.answers.len() != self.position {
            return None;
        }
        let question = self.current()?;
        let answer = Answer::grade(question, response);
        self.answers.push(answer);
        self.answers.last()
    }

    /// Moves to the next question (or the end of the round) once the shown one is answered;
    /// says whether it moved.
    pub fn move_on(&mut self) -> bool {
        if self.is_finished() || self.current_answer().is_none() {
            return false;
        }
        self.position += 1;
        true
    }

    /// The round's result so far.
    pub fn score(&self) -> Score {
        Score {
            right: self.answers.iter().filter(|a| a.is_right()).count(),
            of: self.round.len(),
            points: self.answers.iter().map(|a| a.credit.fraction()).sum(),
            partial: self.answers.iter().any(|a| a.credit.is_partial()),
        }
    }

    /// The questions answered wrongly (wholly or in part) in this round, with the answers.
    pub fn mistakes(&self) -> Vec<(&Question, &Answer)> {
        self.round
            .iter()
            .zip(&self.answers)
            .filter(|(_, a)| !a.is_right())
            .map(|(&q, a)| (&self.questions[q], a))
            .collect()
    }

    /// A new round asking only this round's mistakes, in the same order; none when there are
    /// none or the round is not over.
    pub fn retry_mistakes(&self) -> Option<Self> {
        if !self.is_finished() {
            return None;
        }
        let round: Vec<usize> = self
            .round
            .iter()
            .zip(&self.answers)
            .filter(|(_, a)| !a.is_right())
            .map(|(&q, _)| q)
            .collect();
        (!round.is_empty()).then(|| Self {
            questions: self.questions.clone(),
            round,
            answers: Vec::new(),
            position: 0,
            retry: self.retry + 1,
        })
    }
}
