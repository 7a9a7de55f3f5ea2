//! The state that lets a quiz survive a reload: which quiz (its settings link and the ids of
//! its questions), the round, the responses so far and the position. Kept under its own
//! storage key, apart from the saved progress, and only resumed when it matches the quiz the
//! page has just generated.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::run::QuizRun;
use crate::study::quiz::{Question, Response};

/// The localStorage key of the quiz in progress.
pub const STORAGE_KEY: &str = "nkvd-study/quiz-in-progress";

/// The version of [`SavedRun`]'s format.
const VERSION: u32 = 1;

/// A quiz in progress, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedRun {
    pub version: u32,
    /// The quiz's settings as its link's query (`seed=…&n=…&k=…&t=…`).
    pub settings: String,
    /// The ids of every question of the quiz, in order.
    pub questions: Vec<String>,
    /// Indices of the questions of the round being asked.
    pub round: Vec<usize>,
    /// The responses given in this round, in order.
    pub responses: Vec<Response>,
    pub position: usize,
    #[serde(default)]
    pub retry: u32,
    /// When the quiz was started (ms since 1970), for the time a result code states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_ms: Option<i64>,
}

/// Why a saved run is not resumed (the quiz then starts from its first question).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeError {
    /// Not a saved run this version can read.
    Unreadable,
    /// A run of another quiz.
    OtherQuiz,
    /// The same settings now give other questions (a new release's data).
    QuestionsChanged,
    /// Positions or responses that do not fit the quiz, or a round already over.
    Inconsistent,
}

impl fmt::Display for ResumeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unreadable => "the saved quiz cannot be read",
            Self::OtherQuiz => "the saved quiz is another quiz",
            Self::QuestionsChanged => "this quiz's questions have changed since it was saved",
            Self::Inconsistent => "the saved quiz does not fit this quiz",
        })
    }
}

impl SavedRun {
    /// The state of a run of the quiz with these settings (started at an unknown time: see
    /// [`SavedRun::started_ms`]).
    pub fn of(run: &QuizRun, settings: &str) -> Self {
        Self {
            version: VERSION,
            settings: settings.to_string(),
            questions: run.questions().iter().map(|q| q.id.clone()).collect(),
            round: run.round().to_vec(),
            responses: run.answers().iter().map(|a| a.response.clone()).collect(),
            position: run.position(),
            retry: run.retry(),
            started_ms: None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Self, ResumeError> {
        let saved: Self = serde_json::from_str(text).map_err(|_| ResumeError::Unreadable)?;
        if saved.version != VERSION {
            return Err(ResumeError::Unreadable);
        }
        Ok(saved)
    }

    /// The run this state describes, for the quiz with `settings` whose generated questions
    /// are `questions`; an error unless both match and the state fits them. A round that is
    /// over is not resumed.
    pub fn resume(&self, settings: &str, questions: Vec<Question>) -> Result<QuizRun, ResumeError> {
        if self.settings != settings {
            return Err(ResumeError::OtherQuiz);
        }
        if self.questions.len() != questions.len()
            || self
                .questions
                .iter()
                .zip(&questions)
                .any(|(a, b)| *a != b.id)
        {
            return Err(ResumeError::QuestionsChanged);
        }
        let fits = !self.round.is_empty()
            && self.round.iter().all(|&q| q < questions.len())
            && self.responses.len() <= self.round.len()
            && self.position < self.round.len()
            && (self.responses.len() == self.position || self.responses.len() == self.position + 1);
        if !fits {
            return Err(ResumeError::Inconsistent);
        }
        Ok(QuizRun::from_parts(
            questions,
            self.round.clone(),
            self.responses.clone(),
            self.position,
            self.retry,
        ))
    }
}
