//! The feedback after an answer: a verdict in words (right, partly right with the count, or
//! not quite), the right answer, the document's spelling of a misspelt answer, the evidence
//! quoted from the passage, and the button to go on.

use leptos::prelude::*;

use crate::study::quiz::{Question, QuestionBody};
use crate::study::quiz_run::Answer;
use crate::ui::evidence::Evidence;

/// What the question's evidence is looked up by: the answer, and the question as context.
fn evidence_terms(question: &Question) -> (String, String) {
    let context = match &question.body {
        QuestionBody::TrueFalse { statement, .. } => statement.clone(),
        _ => question.prompt.clone(),
    };
    let answer = question
        .answer_text
        .trim_start_matches("True. ")
        .trim_start_matches("False. ")
        .to_string();
    (answer, context)
}

#[component]
pub fn Feedback(
    question: Question,
    answer: Answer,
    next_label: &'static str,
    on_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let credit = answer.credit;
    let (class, icon, verdict) = if credit.is_full() {
        ("feedback right", "✓", "Right.".to_string())
    } else if credit.is_partial() {
        let part = match question.body {
            QuestionBody::Order { .. } => "in the right place",
            _ => "matched rightly",
        };
        (
            "feedback partial",
            "◐",
            format!("Partly right: {} of {} {part}.", credit.right, credit.of),
        )
    } else {
        ("feedback wrong", "✗", "Not quite.".to_string())
    };
    let (evidence_answer, context) = evidence_terms(&question);
    // An order or match question cites a passage per item: quote each.
    let limit = match question.body {
        QuestionBody::Order { .. } | QuestionBody::Match { .. } => 4,
        _ => 2,
    };
    view! {
        <div class=class>
            <div role="status">
                <p class="verdict"><span aria-hidden="true">{icon} " "</span>{verdict}</p>
                {(!credit.is_full()).then(|| view! { <p>"The answer: " <strong>{question.answer_text.clone()}</strong></p> })}
                {answer.spelling.clone().map(|s| view! { <p>"Accepted as a misspelling. The document spells it " <strong>{s}</strong> "."</p> })}
            </div>
            <Evidence passages=question.passages.clone() answer=evidence_answer context limit />
            <button id="next-question" type="button" class="primary" on:click=move |_| on_next()>
                {next_label}
            </button>
        </div>
    }
}
