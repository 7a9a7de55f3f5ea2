//! What a student hands in when a quiz ends: the result built from the finished run, and the
//! text of the result file (the code, with comment lines a person can read).

use super::assignment::{Assignment, clean_text};
use super::result_code::{Handed, NAME_CHARS, QuizResult};
use super::utc::minutes_text;
use crate::study::quiz::Response;
use crate::study::quiz_run::QuizRun;

/// The result of a run's first round (its answers in the quiz's order), finished at
/// `finished_ms` after starting at `started_ms` (milliseconds since 1970).
pub fn result_of(
    assignment: &Assignment,
    run: &QuizRun,
    name: &str,
    started_ms: i64,
    finished_ms: i64,
) -> QuizResult {
    let mut responses = vec![Handed::Blank; run.questions().len()];
    for (&q, answer) in run.round().iter().zip(run.answers()) {
        if let Some(slot) = responses.get_mut(q) {
            *slot = match &answer.response {
                Response::Typed(_) if answer.is_right() => Handed::TypedRight,
                response => Handed::Given(response.clone()),
            };
        }
    }
    QuizResult {
        settings: assignment.settings.clone(),
        scope: assignment.scope.clone(),
        name: clean_text(name, NAME_CHARS),
        finished_minutes: (finished_ms.max(0) / 60_000) as u64,
        seconds: ((finished_ms - started_ms).max(0) / 1000) as u64,
        right: run.score().right as u32,
        responses,
    }
}

/// The result file: comment lines (`#`) saying whose result it is, then the code.
pub fn result_file(result: &QuizResult, title: &str) -> String {
    let quiz = if title.is_empty() { "a quiz" } else { title };
    let name = if result.name.is_empty() {
        "(no name given)"
    } else {
        &result.name
    };
    format!(
        "# NKVD Study: result of {quiz}\n# Name: {name}\n# Score: {} of {}\n# Finished: {}\n\
         # Paste the code below into the teacher's class results page, or hand in this file.\n{}\n",
        result.right,
        result.responses.len(),
        minutes_text(result.finished_minutes),
        result.encode()
    )
}

/// A file name for the result: `quiz-result-<name>.txt`, letters and digits only.
pub fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "quiz-result.txt".into()
    } else {
        format!("quiz-result-{slug}.txt")
    }
}
