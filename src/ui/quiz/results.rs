//! The end of a round: the score (whole answers, and points with partial credit), the review
//! of mistakes (true/false items with their statement), "Retry my mistakes", and for the
//! quiz's own round the result code for a teacher ([`HandIn`]).

use leptos::prelude::*;

use crate::route::{Query, Route};
use crate::study::quiz_run::{QuizRun, describe_response, review_prompt};
use crate::teacher::Assignment;
use crate::ui::common::PassageLinks;

use super::hand_in::{HandIn, Timing};
use super::resume;

/// Points with up to two decimals and no trailing zeros ("7", "6.5", "6.75").
fn points(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[component]
pub fn QuizResults(
    run: RwSignal<QuizRun>,
    assignment: Assignment,
    timing: Timing,
    on_retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let snapshot = run.get_untracked();
    let score = snapshot.score();
    let retry_round = snapshot.retry();
    let mistakes: Vec<(String, String, String, Vec<String>)> = snapshot
        .mistakes()
        .into_iter()
        .map(|(q, a)| {
            (
                review_prompt(q),
                describe_response(q, &a.response),
                q.answer_text.clone(),
                q.passages.clone(),
            )
        })
        .collect();
    let missed = mistakes.len();
    let heading = if retry_round > 0 {
        format!("Retry: {} of {} right", score.right, score.of)
    } else {
        format!("Your score: {} of {}", score.right, score.of)
    };
    view! {
        <div class="results">
            <h2 tabindex="-1">{heading}</h2>
            {score.partial.then(|| view! {
                <p>"With partial credit: " <strong>{points(score.points)} " of " {score.of}</strong> " points."</p>
            })}
            {(retry_round == 0).then(|| view! {
                <HandIn assignment run=snapshot.clone() timing />
            })}
            {if mistakes.is_empty() {
                view! { <p>"Every answer right."</p> }.into_any()
            } else {
                view! {
                    <p class="no-print">
                        <button type="button" class="primary" id="retry-mistakes" on:click=move |_| on_retry()>
                            {format!("Retry my mistakes ({missed})")}
                        </button>
                    </p>
                    <h3>"Review your mistakes"</h3>
                    {(retry_round == 0).then(|| view! { <p class="muted">"These cards are now due in your flashcards."</p> })}
                    <ol class="mistakes">
                        {mistakes.into_iter().map(|(prompt, given, right, passages)| view! {
                            <li>
                                <p class="mistake-prompt">{prompt}</p>
                                <p>"You answered: " {given}</p>
                                <p>"The answer: " <strong>{right}</strong> " " <PassageLinks ids=passages /></p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="no-print">
                <button type="button" class="link-button" on:click=move |_| {
                    resume::clear();
                    let _ = window().location().reload();
                }>"Take this quiz again"</button>
                " · "
                <a href=Route::Quiz { query: Query::default() }.href()>"New quiz"</a>
            </p>
        </div>
    }
}
