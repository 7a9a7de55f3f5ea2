//! A class's results, gathered from result codes in any number and order: codes read and
//! checked against the quiz they name (regenerated from the data), duplicates dropped, the
//! refused ones kept with their reason; then per quiz a row per student, the share of the
//! class that got each question right, and the questions most missed.

use std::collections::BTreeSet;

use super::assignment::Assignment;
use super::result_code::{PREFIX, QuizResult};
use crate::content::Corpus;
use crate::study::quiz::Question;

/// How many of the most missed questions are listed.
pub const MOST_MISSED: usize = 5;

/// A code that was not taken, with where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// "pasted code 3", a file name, …
    pub origin: String,
    /// The start of the code, to find it again.
    pub excerpt: String,
    pub reason: String,
}

/// One student's row.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentRow {
    pub name: String,
    pub finished_minutes: u64,
    pub seconds: u64,
    /// Whether each question was answered right, in the quiz's order.
    pub marks: Vec<bool>,
    /// Whether the score the code states differs from its answers regraded here.
    pub score_differs: bool,
}

impl StudentRow {
    pub fn right(&self) -> usize {
        self.marks.iter().filter(|&&m| m).count()
    }
}

/// The results of one quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizClass {
    pub assignment: Assignment,
    pub questions: Vec<Question>,
    /// Sorted by name, then by time.
    pub students: Vec<StudentRow>,
}

impl QuizClass {
    /// For each question, how many students got it right.
    pub fn right_counts(&self) -> Vec<usize> {
        (0..self.questions.len())
            .map(|q| self.students.iter().filter(|s| s.marks[q]).count())
            .collect()
    }

    /// The share of the class that got question `q` right, in whole percent.
    pub fn percent_right(&self, q: usize) -> u32 {
        let of = self.students.len().max(1);
        (self.right_counts()[q] * 100 / of) as u32
    }

    /// The questions (indices) most students missed, worst first, at most
    /// [`MOST_MISSED`]; questions nobody missed are left out.
    pub fn most_missed(&self) -> Vec<usize> {
        let counts = self.right_counts();
        let of = self.students.len();
        let mut missed: Vec<usize> = (0..counts.len()).filter(|&q| counts[q] < of).collect();
        missed.sort_by_key(|&q| (counts[q], q));
        missed.truncate(MOST_MISSED);
        missed
    }
}

/// Everything gathered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassResults {
    /// One per quiz, in the order their first code came.
    pub quizzes: Vec<QuizClass>,
    pub rejected: Vec<Rejected>,
    /// Codes given more than once (each counted once).
    pub duplicates: usize,
}

/// The codes in a pasted text or a file: words starting with the code prefix, or, in a text
/// with none, every word (so that a wrong paste is reported, not ignored). Lines starting
/// with `#` are comments.
pub fn codes_in(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(|line| line.split(|c: char| c.is_whitespace() || c == ','))
        .filter(|w| !w.is_empty())
        .collect();
    let codes: Vec<String> = words
        .iter()
        .filter(|w| w.to_ascii_uppercase().starts_with(PREFIX))
        .map(|w| w.to_string())
        .collect();
    if codes.is_empty() {
        words.iter().map(|w| w.to_string()).collect()
    } else {
        codes
    }
}

/// The first characters of a code, for the list of refused ones.
fn excerpt(code: &str) -> String {
    let short: String = code.chars().take(24).collect();
    if short.len() < code.len() {
        format!("{short}…")
    } else {
        short
    }
}

impl ClassResults {
    /// Gathers codes, each with its origin ("pasted code 2", a file's name).
    pub fn gather(corpus: &Corpus, codes: &[(String, String)]) -> Self {
        let mut results = Self::default();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for (origin, code) in codes {
            let reject = |reason: String| Rejected {
                origin: origin.clone(),
                excerpt: excerpt(code.trim()),
                reason,
            };
            let result = match QuizResult::decode(code) {
                Ok(result) => result,
                Err(error) => {
                    results.rejected.push(reject(error.to_string()));
                    continue;
                }
            };
            if !seen.insert(code.trim().to_ascii_uppercase()) {
                results.duplicates += 1;
                continue;
            }
            let assignment = Assignment {
                settings: result.settings.clone(),
                scope: result.scope.clone(),
                ..Assignment::default()
            };
            let key = assignment.quiz_key();
            let index = match results
                .quizzes
                .iter()
                .position(|q| q.assignment.quiz_key() == key)
            {
                Some(i) => i,
                None => {
                    let questions = assignment.questions(corpus);
                    results.quizzes.push(QuizClass {
                        assignment,
                        questions,
                        students: Vec::new(),
                    });
                    results.quizzes.len() - 1
                }
            };
            let quiz = &mut results.quizzes[index];
            if result.responses.len() != quiz.questions.len() {
                results.rejected.push(reject(format!(
                    "its {} answers do not fit the quiz it names ({} questions with this app's data)",
                    result.responses.len(),
                    quiz.questions.len()
                )));
                if quiz.students.is_empty() {
                    results.quizzes.remove(index);
                }
                continue;
            }
            let marks: Vec<bool> = quiz
                .questions
                .iter()
                .zip(&result.responses)
                .map(|(q, handed)| handed.is_right(q))
                .collect();
            let right = marks.iter().filter(|&&m| m).count();
            quiz.students.push(StudentRow {
                name: result.name,
                finished_minutes: result.finished_minutes,
                seconds: result.seconds,
                score_differs: right != result.right as usize,
                marks,
            });
        }
        for quiz in &mut results.quizzes {
            quiz.students.sort_by(|a, b| {
                a.name
                    .to_lowercase()
                    .cmp(&b.name.to_lowercase())
                    .then(a.finished_minutes.cmp(&b.finished_minutes))
            });
        }
        results
    }
}
