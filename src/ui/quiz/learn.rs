//! Learn mode: renders the `LearnRun` of `study::quiz_run` — a fact asked as multiple choice
//! until it is answered right, then typed — and dispatches to it. Not saved for a reload.

use leptos::prelude::*;

use crate::content::corpus;
use crate::route::{Query, Route};
use crate::study::quiz::{self, QuestionKind, QuizSettings, Response};
use crate::study::quiz_run::{Answer, LearnRun, LearnStage};

use super::feedback::Feedback;
use super::input::QuestionInput;
use super::run::focus_next_frame;

#[component]
pub fn LearnSession(settings: QuizSettings) -> impl IntoView {
    let pool = |kind: QuestionKind| {
        let settings = QuizSettings {
            kinds: vec![kind],
            length: QuizSettings::MAX_LENGTH,
            ..settings.clone()
        };
        quiz::generate(corpus(), &settings)
    };
    let session = RwSignal::new(LearnRun::from_pools(
        pool(QuestionKind::MultipleChoice),
        &pool(QuestionKind::Typed),
        settings.length,
    ));
    let test_href = Route::Quiz {
        query: Query(settings.to_query()),
    }
    .href();

    let answer = move |response: Response| {
        if session
            .try_update(|s| s.answer(response).is_some())
            .unwrap_or(false)
        {
            focus_next_frame("#next-question");
        }
    };
    let next = move || {
        session.update(|s| {
            s.move_on();
        });
        focus_next_frame("main h2");
    };
    let at = Memo::new(move |_| session.with(|s| (s.asked(), s.is_finished())));
    let current_answer: Memo<Option<Answer>> =
        Memo::new(move |_| session.with(|s| s.current_answer().cloned()));

    let body = move || {
        let (_, finished) = at.get();
        let (known, total) = session.with_untracked(LearnRun::known);
        if total == 0 {
            return view! { <p class="error">"These topics give no fact to learn. Choose more topics."</p> }.into_any();
        }
        if finished {
            let asked = session.with_untracked(LearnRun::asked);
            return view! {
                <div class="results">
                    <h2 tabindex="-1">{format!("You know all {total} facts")}</h2>
                    <p>{format!("It took {asked} questions.")}</p>
                    <p>
                        <a href=test_href.clone()>"Take a test on these topics"</a>
                        " · "
                        <a href=Route::Quiz { query: Query::default() }.href()>"New quiz"</a>
                    </p>
                </div>
            }
            .into_any();
        }
        let Some(question) = session.with_untracked(|s| s.current().cloned()) else {
            return ().into_any();
        };
        let stage = match session.with_untracked(LearnRun::stage) {
            Some(LearnStage::Recall) => "type the answer",
            _ => "pick the answer",
        };
        let feedback_question = question.clone();
        view! {
            <div class="question">
                <p class="progress-line muted">{format!("Learn: {known} of {total} facts known")} " · " {stage}</p>
                <h2 tabindex="-1">{question.prompt.clone()}</h2>
                <QuestionInput question answer=Signal::from(current_answer) on_answer=answer />
                {move || current_answer.get().map(|a| view! {
                    <Feedback question=feedback_question.clone() answer=a next_label="Next" on_next=next />
                })}
            </div>
        }
        .into_any()
    };

    view! {
        <section class="quiz">
            <h1 tabindex="-1">"Learn"</h1>
            <p class="muted">"Each fact comes as multiple choice first; once you pick it right, you type it. A miss comes back soon."</p>
            {body}
        </section>
    }
}
