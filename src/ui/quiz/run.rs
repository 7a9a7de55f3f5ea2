//! Taking a quiz: renders the `QuizRun` of `study::quiz_run` and dispatches to it. Every
//! answer and every move on is saved under the quiz-in-progress key, so a reload resumes the
//! quiz where it was; the first round's result goes into the saved progress (missed cards due
//! again) when it ends.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::corpus;
use crate::progress::format::QuizRecord;
use crate::route::{Query, Route};
use crate::study::quiz::Response;
use crate::study::quiz_run::{Answer, QuizRun, SavedRun};
use crate::study::schedule::{self, Grade};
use crate::teacher::Assignment;
use crate::ui::browser::now;
use crate::ui::state::AppState;

use super::feedback::Feedback;
use super::hand_in::Timing;
use super::input::QuestionInput;
use super::results::QuizResults;
use super::resume;

/// Focuses the first element the selector finds, on the next frame (once it is drawn).
pub fn focus_next_frame(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn TakeQuiz(assignment: Assignment) -> impl IntoView {
    let state = AppState::get();
    let questions = StoredValue::new(assignment.questions(corpus()));
    let share_href = Route::Quiz {
        query: Query(assignment.to_query()),
    }
    .href();
    // The settings and scope, as the link writes them (a plain quiz's key is its link's).
    let key = StoredValue::new({
        let mut pairs = assignment.settings.to_query();
        pairs.extend(assignment.scope.to_query());
        Query(pairs).to_string().trim_start_matches('?').to_string()
    });
    let finished_ms = StoredValue::new(None::<i64>);
    let title = assignment.title.clone();
    let instructions = assignment.instructions.clone();
    let assignment = StoredValue::new(assignment);
    let saved = resume::load();
    let resumed_run = saved
        .as_ref()
        .and_then(|saved| saved.resume(&key.get_value(), questions.get_value()).ok());
    // A resumed quiz keeps the time it was started.
    let started_ms = StoredValue::new(
        saved
            .filter(|_| resumed_run.is_some())
            .and_then(|s| s.started_ms)
            .unwrap_or_else(|| now().now_ms),
    );
    let resumed = RwSignal::new(resumed_run.is_some());
    let run = RwSignal::new(resumed_run.unwrap_or_else(|| QuizRun::new(questions.get_value())));
    let recorded = StoredValue::new(false);

    // The run as it is now, saved for a reload; forgotten once its round is over.
    let persist = move || {
        run.with_untracked(|r| {
            if r.is_finished() {
                resume::clear();
            } else {
                resume::save(&SavedRun {
                    started_ms: Some(started_ms.get_value()),
                    ..SavedRun::of(r, &key.get_value())
                });
            }
        })
    };

    // The first round's result into the saved progress: missed cards due again today.
    let record = move || {
        if recorded.get_value() || run.with_untracked(QuizRun::retry) > 0 {
            return;
        }
        recorded.set_value(true);
        let clock = now();
        finished_ms.set_value(Some(clock.now_ms));
        let (missed, score) = run.with_untracked(|r| {
            let missed: Vec<_> = r.mistakes().into_iter().map(|(q, _)| q.clone()).collect();
            (missed, r.score())
        });
        let settings_text = key.get_value();
        state.update(|p| {
            for q in &missed {
                if let Some(card) = &q.card_id {
                    let card = card.to_string();
                    let next = schedule::review(
                        p.cards.get(&card),
                        Grade::Again,
                        clock.now_ms,
                        &p.settings,
                    );
                    p.cards.insert(card, next);
                }
            }
            p.quizzes.push(QuizRecord {
                at_ms: clock.now_ms,
                settings: settings_text,
                correct: score.right as u32,
                total: score.of as u32,
                missed: missed.iter().map(|q| q.id.clone()).collect(),
            });
        });
    };

    let answer = move |response: Response| {
        let answered = run
            .try_update(|r| r.answer(response).is_some())
            .unwrap_or(false);
        if answered {
            persist();
            focus_next_frame("#next-question");
        }
    };
    let next = move || {
        run.update(|r| {
            r.move_on();
        });
        if run.with_untracked(QuizRun::is_finished) {
            record();
        }
        persist();
        focus_next_frame("main h2");
    };
    let retry = move || {
        if let Some(again) = run.with_untracked(QuizRun::retry_mistakes) {
            run.set(again);
            persist();
            focus_next_frame("main h2");
        }
    };
    let start_again = move |_| {
        resume::clear();
        resumed.set(false);
        started_ms.set_value(now().now_ms);
        run.set(QuizRun::new(questions.get_value()));
        focus_next_frame("main h2");
    };

    let at = Memo::new(move |_| run.with(|r| (r.retry(), r.position(), r.is_finished(), r.len())));
    let current_answer: Memo<Option<Answer>> =
        Memo::new(move |_| run.with(|r| r.current_answer().cloned()));

    let body = move || {
        let (retry_round, i, finished, total) = at.get();
        if total == 0 {
            return view! { <p class="error">"These settings give no question. Choose more topics or kinds, or a wider scope."</p> }.into_any();
        }
        if finished {
            let timing = Timing {
                started_ms: started_ms.get_value(),
                finished_ms: finished_ms.get_value().unwrap_or_else(|| now().now_ms),
            };
            return view! {
                <QuizResults run assignment=assignment.get_value() timing on_retry=retry />
            }
            .into_any();
        }
        let Some(question) = run.with_untracked(|r| r.current().cloned()) else {
            return ().into_any();
        };
        let progress = if retry_round > 0 {
            format!("Retrying your mistakes: question {} of {}", i + 1, total)
        } else {
            format!("Question {} of {}", i + 1, total)
        };
        let next_label = if i + 1 == total {
            "See your score"
        } else {
            "Next question"
        };
        let feedback_question = question.clone();
        view! {
            <div class="question">
                <p class="progress-line muted">{progress} " · " {question.kind.label()}</p>
                <h2 tabindex="-1">{question.prompt.clone()}</h2>
                <QuestionInput question answer=Signal::from(current_answer) on_answer=answer />
                {move || current_answer.get().map(|a| view! {
                    <Feedback question=feedback_question.clone() answer=a next_label on_next=next />
                })}
            </div>
        }
        .into_any()
    };

    view! {
        <section class="quiz">
            <h1 tabindex="-1">{if title.is_empty() { "Quiz".to_string() } else { title }}</h1>
            {(!instructions.is_empty()).then(|| view! { <p class="quiz-instructions">{instructions}</p> })}
            <p class="share no-print">
                "Share this quiz: everyone who opens "
                <a href=share_href.clone()>"this link"</a>
                " gets the same questions in the same order."
            </p>
            <p class="resume-note" role="status" hidden=move || !resumed.get() || at.get().2>
                "Welcome back: this quiz carries on where you left it, with your answers so far. "
                <button type="button" class="link-button" on:click=start_again>"Start it again"</button>
            </p>
            {body}
        </section>
    }
}
