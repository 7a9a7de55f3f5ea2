//! What the review of a run shows: the question as it was asked (a true/false item with its
//! statement, not just "True or false?") and the student's response in words.

use crate::study::quiz::{Question, QuestionBody, Response};

/// The question as the review of mistakes shows it: the prompt, and for a true/false item
/// the statement that was judged.
pub fn review_prompt(question: &Question) -> String {
    match &question.body {
        QuestionBody::TrueFalse { statement, .. } => {
            format!("{} “{}”", question.prompt, statement)
        }
        _ => question.prompt.clone(),
    }
}

/// The response in words: the option picked, the text typed, "True"/"False", the order
/// given, or each quote with the speaker chosen.
pub fn describe_response(question: &Question, response: &Response) -> String {
    match (&question.body, response) {
        (QuestionBody::Choice { options, .. }, Response::Choice(i)) => {
            options.get(*i).cloned().unwrap_or_default()
        }
        (_, Response::Typed(text)) => text.clone(),
        (_, Response::TrueFalse(b)) => if *b { "True" } else { "False" }.into(),
        (QuestionBody::Order { items, .. }, Response::Order(order)) => order
            .iter()
            .filter_map(|i| items.get(*i).cloned())
            .collect::<Vec<_>>()
            .join(" → "),
        (
            QuestionBody::Match {
                quotes, speakers, ..
            },
            Response::Match(chosen),
        ) => quotes
            .iter()
            .zip(chosen)
            .map(|(q, s)| {
                format!(
                    "“{}” — {}",
                    short(q),
                    speakers.get(*s).cloned().unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The first eight words of a text.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        text.to_string()
    } else {
        format!("{}…", words[..8].join(" "))
    }
}
