//! The quiz view: set-up (topics, kinds, length), questions with immediate feedback and the
//! passage each answer comes from, a final score with a review of mistakes, a share link that
//! gives everyone the same quiz, and a text summary to copy for a teacher. Missed items go
//! into the flashcards.

use leptos::prelude::*;

use crate::content::corpus;
use crate::progress::format::QuizRecord;
use crate::route::{Query, Route};
use crate::study::quiz::{
    self, Question, QuestionBody, QuestionKind, QuizSettings, Response, Topic,
};
use crate::study::schedule::{self, Grade};

use super::common::PassageLinks;
use super::state::{AppState, now};

#[component]
pub fn Quiz(query: Query) -> impl IntoView {
    super::set_title("Quiz");
    if query.0.is_empty() {
        return view! { <QuizSetup /> }.into_any();
    }
    match QuizSettings::from_query(&query.0) {
        Ok(settings) => view! { <QuizRun settings /> }.into_any(),
        Err(error) => view! {
            <section>
                <h1 tabindex="-1">"Quiz"</h1>
                <p class="error" role="alert">"This quiz link is not valid: " {error} "."</p>
                <p><a href=Route::Quiz { query: Query::default() }.href()>"Set up a new quiz"</a></p>
            </section>
        }
        .into_any(),
    }
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 1_000_000_000.0) as u64
}

#[component]
fn QuizSetup() -> impl IntoView {
    let defaults = QuizSettings::default();
    let topics = RwSignal::new(defaults.topics.clone());
    let kinds = RwSignal::new(defaults.kinds.clone());
    let length = RwSignal::new(defaults.length);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let settings = QuizSettings {
            topics: topics.get_untracked(),
            kinds: kinds.get_untracked(),
            length: length.get_untracked(),
            seed: random_seed(),
        };
        let query = Query(settings.to_query());
        let _ = window().location().set_hash(&Route::Quiz { query }.href());
    };
    view! {
        <section class="quiz-setup">
            <h1 tabindex="-1">"Quiz"</h1>
            <p class="muted">"Questions are made from the document; each answer shows the passage it comes from."</p>
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
                <p class="error" role="alert" hidden=move || !(topics.with(Vec::is_empty) || kinds.with(Vec::is_empty))>
                    "Choose at least one topic and one kind of question."
                </p>
                <p>
                    <button type="submit" class="primary" disabled=move || topics.with(Vec::is_empty) || kinds.with(Vec::is_empty)>
                        "Start the quiz"
                    </button>
                </p>
            </form>
        </section>
    }
}

/// One answered question, for the review at the end.
#[derive(Clone)]
struct Answered {
    correct: bool,
    given: String,
    /// The right spelling, when a typed answer was accepted as a misspelling of it.
    spelling: Option<String>,
}

fn describe_response(question: &Question, response: &Response) -> String {
    match (&question.body, response) {
        (QuestionBody::Choice { options, .. }, Response::Choice(i)) => {
            options.get(*i).cloned().unwrap_or_default()
        }
        (_, Response::Typed(text)) => text.clone(),
        (_, Response::TrueFalse(b)) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
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

fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        text.to_string()
    } else {
        format!("{}…", words[..8].join(" "))
    }
}

#[component]
fn QuizRun(settings: QuizSettings) -> impl IntoView {
    let state = AppState::get();
    let questions = StoredValue::new(quiz::generate(corpus(), &settings));
    let total = questions.with_value(Vec::len);
    let index = RwSignal::new(0usize);
    let answers: RwSignal<Vec<Answered>> = RwSignal::new(Vec::new());
    let share_href = Route::Quiz {
        query: Query(settings.to_query()),
    }
    .href();
    let share_query = StoredValue::new(
        Query(settings.to_query())
            .to_string()
            .trim_start_matches('?')
            .to_string(),
    );
    let recorded = StoredValue::new(false);

    let answer = move |response: Response| {
        if answers.with_untracked(Vec::len) > index.get_untracked() {
            return;
        }
        let i = index.get_untracked();
        let answered = questions.with_value(|qs| {
            let q = &qs[i];
            Answered {
                correct: quiz::check(q, &response),
                given: describe_response(q, &response),
                spelling: quiz::accepted_spelling(q, &response),
            }
        });
        answers.update(|a| a.push(answered));
        request_animation_frame(|| {
            if let Some(el) = document().get_element_by_id("next-question")
                && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        });
    };

    let finish = move || {
        if recorded.get_value() {
            return;
        }
        recorded.set_value(true);
        let clock = now();
        let missed: Vec<Question> = questions.with_value(|qs| {
            answers.with_untracked(|a| {
                qs.iter()
                    .zip(a)
                    .filter(|(_, a)| !a.correct)
                    .map(|(q, _)| q.clone())
                    .collect()
            })
        });
        let correct = answers.with_untracked(|a| a.iter().filter(|x| x.correct).count());
        let settings_text = share_query.get_value();
        state.update(|p| {
            // Missed items go into the flashcards: due again today, as after "Again".
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
                correct: correct as u32,
                total: total as u32,
                missed: missed.iter().map(|q| q.id.clone()).collect(),
            });
        });
    };

    let next = move |_| {
        index.update(|i| *i += 1);
        if index.get_untracked() >= total {
            finish();
        }
        request_animation_frame(|| {
            if let Some(el) = document().query_selector("main h2").ok().flatten()
                && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        });
    };

    let results_href = share_href.clone();
    let body = move || {
        let i = index.get();
        if total == 0 {
            return view! { <p class="error">"These settings give no question. Choose more topics or kinds."</p> }.into_any();
        }
        if i >= total {
            return view! { <QuizResults questions answers share_href=results_href.clone() /> }
                .into_any();
        }
        let question = questions.with_value(|qs| qs[i].clone());
        let answered = move || answers.with(|a| a.get(i).cloned());
        let feedback_question = question.clone();
        view! {
            <div class="question">
                <p class="progress-line muted">{format!("Question {} of {}", i + 1, total)} " · " {question.kind.label()}</p>
                <h2 tabindex="-1">{question.prompt.clone()}</h2>
                <QuestionInput question=question.clone() locked=Signal::derive(move || answered().is_some()) on_answer=answer />
                {move || answered().map(|a| {
                    let q = feedback_question.clone();
                    view! {
                        <div class=if a.correct { "feedback right" } else { "feedback wrong" } role="status">
                            <p class="verdict">{if a.correct { "Right." } else { "Not quite." }}</p>
                            {(!a.correct).then(|| view! { <p>"The answer: " <strong>{q.answer_text.clone()}</strong></p> })}
                            {a.spelling.clone().map(|s| view! { <p>"Accepted as a misspelling. The document spells it " <strong>{s}</strong> "."</p> })}
                            <p class="card-source">"Where this comes from: " <PassageLinks ids=q.passages.clone() /></p>
                            <button id="next-question" type="button" class="primary" on:click=next>
                                {if i + 1 == total { "See your score" } else { "Next question" }}
                            </button>
                        </div>
                    }
                })}
            </div>
        }
        .into_any()
    };

    view! {
        <section class="quiz">
            <h1 tabindex="-1">"Quiz"</h1>
            <p class="share no-print">
                "Share this quiz: everyone who opens "
                <a href=share_href.clone()>"this link"</a>
                " gets the same questions in the same order."
            </p>
            {body}
        </section>
    }
}

#[component]
fn QuestionInput(
    question: Question,
    locked: Signal<bool>,
    on_answer: impl Fn(Response) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    match question.body.clone() {
        QuestionBody::Choice { options, .. } => view! {
            <ol class="options">
                {options.into_iter().enumerate().map(|(i, option)| view! {
                    <li>
                        <button type="button" class="option" disabled=move || locked.get() on:click=move |_| on_answer(Response::Choice(i))>
                            {option}
                        </button>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any(),
        QuestionBody::TrueFalse { statement, .. } => view! {
            <blockquote class="statement-to-judge"><p>{statement}</p></blockquote>
            <div class="options-row">
                <button type="button" class="option" disabled=move || locked.get() on:click=move |_| on_answer(Response::TrueFalse(true))>"True"</button>
                <button type="button" class="option" disabled=move || locked.get() on:click=move |_| on_answer(Response::TrueFalse(false))>"False"</button>
            </div>
        }
        .into_any(),
        QuestionBody::Typed { .. } => {
            let text = RwSignal::new(String::new());
            view! {
                <form class="typed" on:submit=move |ev| {
                    ev.prevent_default();
                    if !text.get_untracked().trim().is_empty() {
                        on_answer(Response::Typed(text.get_untracked()));
                    }
                }>
                    <label>
                        "Your answer"
                        <input type="text" autocomplete="off" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) disabled=move || locked.get() />
                    </label>
                    <button type="submit" class="primary" disabled=move || locked.get()>"Check"</button>
                </form>
            }
            .into_any()
        }
        QuestionBody::Order { items, .. } => {
            let order = RwSignal::new((0..items.len()).collect::<Vec<usize>>());
            let items = StoredValue::new(items);
            let count = items.with_value(Vec::len);
            let swap = move |a: usize, b: usize| order.update(|o| o.swap(a, b));
            view! {
                <p class="muted">"Put the events in order, earliest first. Use the Up and Down buttons."</p>
                <ol class="order-list">
                    {move || order.get().into_iter().enumerate().map(|(pos, item)| {
                        let label = items.with_value(|it| it[item].clone());
                        let up_label = format!("Move up: {label}");
                        let down_label = format!("Move down: {label}");
                        view! {
                            <li>
                                <span class="order-item">{label}</span>
                                <button type="button" aria-label=up_label disabled=move || locked.get() || pos == 0 on:click=move |_| swap(pos, pos - 1)>"↑ Up"</button>
                                <button type="button" aria-label=down_label disabled=move || locked.get() || pos + 1 == count on:click=move |_| swap(pos, pos + 1)>"↓ Down"</button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <button type="button" class="primary" disabled=move || locked.get() on:click=move |_| on_answer(Response::Order(order.get_untracked()))>"Check the order"</button>
            }
            .into_any()
        }
        QuestionBody::Match { quotes, speakers, .. } => {
            let chosen = RwSignal::new(vec![usize::MAX; quotes.len()]);
            let speakers = StoredValue::new(speakers);
            view! {
                <ol class="match-list">
                    {quotes.into_iter().enumerate().map(|(qi, quote)| {
                        let select_label = format!("Speaker of quote {}", qi + 1);
                        view! {
                            <li>
                                <blockquote><p>"“" {quote} "”"</p></blockquote>
                                <label>
                                    <span class="visually-hidden">{select_label}</span>
                                    <select disabled=move || locked.get() on:change=move |ev| {
                                        let value = event_target_value(&ev).parse().unwrap_or(usize::MAX);
                                        chosen.update(|c| c[qi] = value);
                                    }>
                                        <option value="">"Who said it?"</option>
                                        {speakers.with_value(|s| s.iter().enumerate().map(|(si, name)| view! { <option value=si.to_string()>{name.clone()}</option> }).collect_view())}
                                    </select>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <button type="button" class="primary"
                    disabled=move || locked.get() || chosen.with(|c| c.contains(&usize::MAX))
                    on:click=move |_| on_answer(Response::Match(chosen.get_untracked()))>
                    "Check the matches"
                </button>
            }
            .into_any()
        }
    }
}

#[component]
fn QuizResults(
    questions: StoredValue<Vec<Question>>,
    answers: RwSignal<Vec<Answered>>,
    share_href: String,
) -> impl IntoView {
    let share_href = share_href.as_str();
    let answered = answers.get_untracked();
    let total = answered.len();
    let correct = answered.iter().filter(|a| a.correct).count();
    let mistakes: Vec<(Question, Answered)> = questions.with_value(|qs| {
        qs.iter()
            .cloned()
            .zip(answered.iter().cloned())
            .filter(|(_, a)| !a.correct)
            .collect()
    });
    let link = format!(
        "{}{}",
        window()
            .location()
            .href()
            .unwrap_or_default()
            .split('#')
            .next()
            .unwrap_or_default(),
        share_href
    );
    let summary = {
        let mut text = format!("NKVD Study quiz: {correct} of {total} right.\nQuiz link: {link}\n");
        for (q, a) in &mistakes {
            text.push_str(&format!(
                "Missed: {} (answered: {}; right: {})\n",
                q.prompt, a.given, q.answer_text
            ));
        }
        text
    };
    // None: not tried; Some(true): copied; Some(false): the browser refused.
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let summary_for_copy = summary.clone();
    view! {
        <div class="results">
            <h2 tabindex="-1">"Your score: " {correct} " of " {total}</h2>
            {if mistakes.is_empty() {
                view! { <p>"Every answer right."</p> }.into_any()
            } else {
                view! {
                    <h3>"Review your mistakes"</h3>
                    <p class="muted">"These cards are now due in your flashcards."</p>
                    <ol class="mistakes">
                        {mistakes.into_iter().map(|(q, a)| view! {
                            <li>
                                <p class="mistake-prompt">{q.prompt.clone()}</p>
                                <p>"You answered: " {a.given.clone()}</p>
                                <p>"The answer: " <strong>{q.answer_text.clone()}</strong> " " <PassageLinks ids=q.passages.clone() /></p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <h3>"Result for a teacher"</h3>
            <pre class="result-text">{summary}</pre>
            <p class="no-print">
                <button type="button" on:click=move |_| {
                    // The browser may refuse (no permission, page not focused): say so.
                    let promise = window().navigator().clipboard().write_text(&summary_for_copy);
                    let ok = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| copied.set(Some(true)));
                    let refused = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| copied.set(Some(false)));
                    let _ = promise.then2(&ok, &refused);
                    ok.forget();
                    refused.forget();
                }>"Copy the result"</button>
                <span role="status">{move || match copied.get() {
                    Some(true) => " Copied.",
                    Some(false) => " The browser did not allow copying: select the text above and copy it.",
                    None => "",
                }}</span>
                " "
                <button type="button" class="link-button" on:click=move |_| { let _ = window().location().reload(); }>"Take this quiz again"</button>
                " · "
                <a href=Route::Quiz { query: Query::default() }.href()>"New quiz"</a>
            </p>
        </div>
    }
}
