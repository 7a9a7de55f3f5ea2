//! The quiz views: set-up (topics, kinds, length, test or learn), then a run ([`run`]) or a
//! learn session ([`learn`]). The session logic lives in `study::quiz_run`; these modules only
//! render it and dispatch to its methods.

mod feedback;
mod hand_in;
mod input;
mod learn;
mod order;
mod results;
mod resume;
mod run;

use leptos::prelude::*;

use crate::route::{Query, Route, TeacherPage};
use crate::study::quiz::{QuestionKind, QuizSettings, Scope, Topic};
use crate::teacher::Assignment;

use learn::LearnSession;
use run::TakeQuiz;

#[component]
pub fn Quiz(query: Query) -> impl IntoView {
    super::set_title("Quiz");
    if query.0.is_empty() {
        return view! { <QuizSetup /> }.into_any();
    }
    match QuizSettings::from_query(&query.0) {
        Ok(settings) if query.get("mode") == Some("learn") => {
            view! { <LearnSession settings /> }.into_any()
        }
        Ok(_) => match Assignment::from_query(&query.0) {
            Ok(assignment) => view! { <TakeQuiz assignment /> }.into_any(),
            Err(error) => invalid(error),
        },
        Err(error) => invalid(error),
    }
}

fn invalid(error: String) -> AnyView {
    view! {
        <section>
            <h1 tabindex="-1">"Quiz"</h1>
            <p class="error" role="alert">"This quiz link is not valid: " {error} "."</p>
            <p><a href=Route::Quiz { query: Query::default() }.href()>"Set up a new quiz"</a></p>
        </section>
    }
    .into_any()
}

pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000_000.0) as u64
}

#[component]
fn QuizSetup() -> impl IntoView {
    let defaults = QuizSettings::default();
    let topics = RwSignal::new(defaults.topics.clone());
    let kinds = RwSignal::new(defaults.kinds.clone());
    let length = RwSignal::new(defaults.length);
    let learn = RwSignal::new(false);
    // How many distinct questions the choice allows (test mode; the seed does not change it).
    let available = Memo::new(move |_| {
        let settings = QuizSettings {
            topics: topics.get(),
            kinds: kinds.get(),
            ..QuizSettings::default()
        };
        if settings.topics.is_empty() || settings.kinds.is_empty() {
            0
        } else {
            crate::study::quiz::available(crate::content::corpus(), &settings, &Scope::default())
        }
    });
    let none = move || !learn.get() && available.get() == 0;
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let settings = QuizSettings {
            topics: topics.get_untracked(),
            kinds: if learn.get_untracked() {
                vec![QuestionKind::MultipleChoice, QuestionKind::Typed]
            } else {
                kinds.get_untracked()
            },
            length: length.get_untracked(),
            seed: random_seed(),
        };
        let mut query = Query(settings.to_query());
        if learn.get_untracked() {
            query = query.with("mode", "learn");
        }
        let _ = window().location().set_hash(&Route::Quiz { query }.href());
    };
    view! {
        <section class="quiz-setup">
            <h1 tabindex="-1">"Quiz"</h1>
            <p class="muted">"Questions are made from the document; each answer shows the passage it comes from."</p>
            <p class="teacher-entry">
                "Teaching a class? "
                <a href=Route::Teacher { page: TeacherPage::Compose, query: Query::default() }.href()>"Compose a quiz for your class"</a>
                " (by era, group, person or primary source, with a worksheet and answer key) or "
                <a href=Route::Teacher { page: TeacherPage::Results, query: Query::default() }.href()>"gather your class's results"</a>
                "."
            </p>
            <form on:submit=start>
                <fieldset>
                    <legend>"Topics"</legend>
                    {Topic::ALL.into_iter().map(|t| view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || topics.with(|ts| ts.contains(&t))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    topics.update(|ts| { ts.retain(|x| *x != t); if on { ts.push(t); } });
                                }
                            />
                            {t.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Mode"</legend>
                    <label class="check">
                        <input type="radio" name="mode" prop:checked=move || !learn.get() on:change=move |_| learn.set(false) />
                        "Test: each question once, with a score"
                    </label>
                    <label class="check">
                        <input type="radio" name="mode" prop:checked=move || learn.get() on:change=move |_| learn.set(true) />
                        "Learn: multiple choice until you know a fact, then type it"
                    </label>
                </fieldset>
                <fieldset disabled=move || learn.get()>
                    <legend>"Kinds of question"</legend>
                    {QuestionKind::ALL.into_iter().map(|k| view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || kinds.with(|ks| ks.contains(&k))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    kinds.update(|ks| { ks.retain(|x| *x != k); if on { ks.push(k); } });
                                }
                            />
                            {k.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label>
                    "Length "
                    <select prop:value=move || length.get().to_string() on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() { length.set(n) }
                    }>
                        {[5usize, 10, 20, 30].into_iter().map(|n| view! { <option value=n.to_string()>{format!("{n} questions")}</option> }).collect_view()}
                    </select>
                </label>
                <p class="error" role="alert" hidden=move || !(topics.with(Vec::is_empty) || (!learn.get() && kinds.with(Vec::is_empty)))>
                    "Choose at least one topic and one kind of question."
                </p>
                <p role="status" class="setup-count" hidden=move || learn.get() || topics.with(Vec::is_empty) || kinds.with(Vec::is_empty)>
                    {move || match available.get() {
                        0 => "No question fits these topics and kinds: some kinds only fit some topics (chronological order needs dates; matching needs quotes).".to_string(),
                        n if n < length.get() => format!("These topics and kinds allow {n} distinct questions: the quiz will have {n}, not {}.", length.get()),
                        n => format!("These topics and kinds allow {n} distinct questions."),
                    }}
                </p>
                <p>
                    <button type="submit" class="primary" disabled=move || topics.with(Vec::is_empty) || (!learn.get() && kinds.with(Vec::is_empty)) || none()>
                        "Start the quiz"
                    </button>
                </p>
            </form>
        </section>
    }
}
