//! Learn mode: each fact is asked as multiple choice until it is answered right, then typed;
//! a fact is known once typed right. A wrong answer sends the fact back to multiple choice
//! and asks it again a little later; the session ends when every fact is known.

use std::collections::VecDeque;

use super::run::Answer;
use crate::study::quiz::{Question, QuestionBody, Response};

/// How many other facts come before a fact missed is asked again.
const AGAIN_AFTER: usize = 2;

/// Where a fact is in learn mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnStage {
    /// Asked as multiple choice.
    Recognise,
    /// Answered right as multiple choice: asked typed.
    Recall,
    /// Typed right (or right as multiple choice where it cannot be typed).
    Known,
}

#[derive(Debug, Clone, PartialEq)]
struct Fact {
    choice: Question,
    typed: Option<Question>,
    stage: LearnStage,
}

/// A learn session (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct LearnRun {
    facts: Vec<Fact>,
    /// Facts still to ask, the one shown first.
    queue: VecDeque<usize>,
    /// The answer to the question shown, once given.
    answer: Option<Answer>,
    asked: usize,
}

impl LearnRun {
    /// A session over the multiple-choice questions that test a card, each paired with a
    /// typed question on the same card when there is one.
    pub fn new(choices: Vec<Question>, typed: &[Question]) -> Self {
        let facts: Vec<Fact> = choices
            .into_iter()
            .filter(|q| matches!(q.body, QuestionBody::Choice { .. }) && q.card_id.is_some())
            .map(|choice| Fact {
                typed: typed
                    .iter()
                    .find(|t| {
                        t.card_id == choice.card_id && matches!(t.body, QuestionBody::Typed { .. })
                    })
                    .cloned(),
                choice,
                stage: LearnStage::Recognise,
            })
            .collect();
        Self {
            queue: (0..facts.len()).collect(),
            facts,
            answer: None,
            asked: 0,
        }
    }

    /// A session of at most `length` facts from a pool of multiple-choice questions, those
    /// that also have a typed question on the same card first (in the pool's order).
    pub fn from_pools(choices: Vec<Question>, typed: &[Question], length: usize) -> Self {
        let has_typed = |q: &Question| {
            typed
                .iter()
                .any(|t| t.card_id.is_some() && t.card_id == q.card_id)
        };
        let (mut paired, unpaired): (Vec<Question>, Vec<Question>) =
            choices.into_iter().partition(|q| has_typed(q));
        paired.extend(unpaired);
        paired.truncate(length);
        Self::new(paired, typed)
    }

    /// The question shown: the fact's multiple-choice or typed question, by its stage.
    pub fn current(&self) -> Option<&Question> {
        let fact = &self.facts[*self.queue.front()?];
        match (fact.stage, &fact.typed) {
            (LearnStage::Recall, Some(typed)) => Some(typed),
            _ => Some(&fact.choice),
        }
    }

    /// The stage of the fact shown.
    pub fn stage(&self) -> Option<LearnStage> {
        self.queue.front().map(|&f| self.facts[f].stage)
    }

    pub fn current_answer(&self) -> Option<&Answer> {
        self.answer.as_ref()
    }

    /// Answers the question shown (once).
    pub fn answer(&mut self, response: Response) -> Option<&Answer> {
        if self.answer.is_some() {
            return None;
        }
        let answer = Answer::grade(self.current()?, response);
        self.answer = Some(answer);
        self.answer.as_ref()
    }

    /// Moves the fact shown on by its answer and shows the next; says whether it moved.
    pub fn move_on(&mut self) -> bool {
        let (Some(answer), Some(f)) = (self.answer.take(), self.queue.pop_front()) else {
            return false;
        };
        self.asked += 1;
        let fact = &mut self.facts[f];
        fact.stage = match (answer.is_right(), fact.stage, fact.typed.is_some()) {
            (true, LearnStage::Recognise, true) => LearnStage::Recall,
            (true, _, _) => LearnStage::Known,
            (false, _, _) => LearnStage::Recognise,
        };
        if fact.stage != LearnStage::Known {
            let at = AGAIN_AFTER.min(self.queue.len());
            self.queue.insert(at, f);
        }
        true
    }

    /// How many facts are known, of how many.
    pub fn known(&self) -> (usize, usize) {
        let known = self
            .facts
            .iter()
            .filter(|f| f.stage == LearnStage::Known)
            .count();
        (known, self.facts.len())
    }

    /// How many questions have been asked and moved on from.
    pub fn asked(&self) -> usize {
        self.asked
    }

    pub fn is_finished(&self) -> bool {
        self.queue.is_empty()
    }
}
