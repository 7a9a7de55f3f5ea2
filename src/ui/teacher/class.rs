//! The class results page: result codes pasted or result files dropped or chosen (any
//! number, any order), gathered by `teacher::ClassResults`: a row per student, the share of
//! the class right on each question, the most missed questions with their passages, the
//! refused codes with their reason, and a CSV export. Nothing leaves the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::full_link;
use crate::content::corpus;
use crate::route::{Query, Route, TeacherPage};
use crate::study::quiz_run::review_prompt;
use crate::teacher::class::codes_in;
use crate::teacher::csv::class_csv;
use crate::teacher::utc::{duration_text, minutes_text};
use crate::teacher::{ClassResults, QuizClass};
use crate::ui::browser::{download, settle};
use crate::ui::common::PassageLinks;

/// Largest result file read, in bytes.
const MAX_FILE_BYTES: f64 = 200_000.0;

#[component]
pub fn ClassPage() -> impl IntoView {
    crate::ui::set_title("Class results");
    // Every code given so far, with where it came from.
    let codes: RwSignal<Vec<(String, String)>> = RwSignal::new(Vec::new());
    let pasted = RwSignal::new(String::new());
    let pastes = StoredValue::new(0usize);
    let file_problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let results = Memo::new(move |_| codes.with(|c| ClassResults::gather(corpus(), c)));

    let add_pasted = move || {
        let text = pasted.get_untracked();
        let found = codes_in(&text);
        if found.is_empty() {
            return;
        }
        pastes.update_value(|n| *n += 1);
        let paste = pastes.get_value();
        codes.update(|c| {
            for (i, code) in found.into_iter().enumerate() {
                c.push((format!("paste {paste}, code {}", i + 1), code));
            }
        });
        pasted.set(String::new());
    };
    let read_files = move |files: web_sys::FileList| {
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                file_problems
                    .update(|p| p.push(format!("“{name}” is too large to be a result file.")));
                continue;
            }
            // The page may be gone by the time the file is read: then nothing is updated.
            settle(file.text(), move |outcome| {
                let Ok(value) = outcome else {
                    file_problems.try_update(|p| p.push(format!("“{name}” could not be read.")));
                    return;
                };
                let text = value.as_string().unwrap_or_default();
                let found = codes_in(&text);
                if found.is_empty() {
                    file_problems.try_update(|p| p.push(format!("“{name}” holds no result code.")));
                }
                codes.try_update(|c| {
                    for code in found {
                        c.push((format!("file “{name}”"), code));
                    }
                });
            });
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if let Some(files) = input.files() {
                read_files(files);
            }
            input.set_value("");
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            read_files(files);
        }
    };
    let clear = move |_| {
        codes.set(Vec::new());
        file_problems.set(Vec::new());
    };

    view! {
        <section class="teacher class-results">
            <h1 tabindex="-1">"Class results"</h1>
            <p class="muted">
                "Paste your students' result codes, or drop or choose their result files: any number, in any order. "
                "Duplicates are counted once. Everything stays in this browser, offline too."
            </p>
            <form class="codes-form no-print" on:submit=move |ev| { ev.prevent_default(); add_pasted(); }>
                <label for="codes-input">"Result codes (one or more, separated by spaces or new lines)"</label>
                <textarea id="codes-input" rows="4" spellcheck="false" autocomplete="off"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <p class="share-actions">
                    <button type="submit" class="primary" id="add-codes">"Add these codes"</button>
                    <button type="button" on:click=clear disabled=move || codes.with(Vec::is_empty)>"Start again"</button>
                </p>
                <div
                    class="drop-zone"
                    class:dragging=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <label for="result-files">"Result files: drop them here, or choose them "</label>
                    <input id="result-files" type="file" multiple accept=".txt,text/plain" on:change=on_file />
                </div>
            </form>
            <div role="status" aria-live="polite" class="class-summary">
                {move || results.with(|r| {
                    let students: usize = r.quizzes.iter().map(|q| q.students.len()).sum();
                    let given = codes.with(Vec::len);
                    (given > 0).then(|| format!(
                        "{given} code{} read: {students} result{} taken, {} duplicate{} ignored, {} refused.",
                        plural(given), plural(students), r.duplicates, plural(r.duplicates), r.rejected.len()
                    ))
                })}
            </div>
            {move || file_problems.with(|p| (!p.is_empty()).then(|| view! {
                <ul class="error-list">{p.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            }))}
            {move || results.with(|r| (!r.rejected.is_empty()).then(|| view! {
                <h2>"Codes refused"</h2>
                <ul class="rejected-codes">
                    {r.rejected.iter().map(|bad| view! {
                        <li><span class="origin">{bad.origin.clone()}</span> " (" <code class="code-excerpt">{bad.excerpt.clone()}</code> "): " {bad.reason.clone()}</li>
                    }).collect_view()}
                </ul>
            }))}
            {move || results.with(|r| r.quizzes.iter().cloned().map(|quiz| view! { <QuizResults quiz /> }).collect_view())}
        </section>
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[component]
fn QuizResults(quiz: QuizClass) -> impl IntoView {
    let query = Query(quiz.assignment.to_query());
    let preview = Route::Teacher {
        page: TeacherPage::Preview,
        query: query.clone(),
    }
    .href();
    let link = full_link(&Route::Quiz { query }.href());
    let n = quiz.questions.len();
    let counts = quiz.right_counts();
    let missed = quiz.most_missed();
    let csv = StoredValue::new(class_csv(&quiz));
    let of = quiz.students.len();
    view! {
        <section class="quiz-class">
            <h2>{format!("Quiz of {n} questions: {of} student{}", plural(of))}</h2>
            <p class="sheet-link">"Quiz: " <a class="share-link" href=link.clone()>{link.clone()}</a></p>
            <p class="share-actions no-print">
                <button type="button" id="download-csv" on:click=move |_| {
                    download("class-results.csv", "text/csv", &csv.get_value());
                }>"Download CSV for a gradebook"</button>
                <a class="button" href=preview>"Questions and answers"</a>
            </p>
            <h3>"Students"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Students' results">
                <table class="class-table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Score"</th>
                            <th scope="col">"Finished"</th>
                            <th scope="col">"Time"</th>
                            <th scope="col">"Questions right"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {quiz.students.iter().map(|s| {
                            let marks: String = s.marks.iter().map(|&m| if m { '✓' } else { '✗' }).collect();
                            let missed: Vec<String> = s.marks.iter().enumerate().filter(|(_, m)| !**m).map(|(i, _)| (i + 1).to_string()).collect();
                            let missed_text = if missed.is_empty() { "all right".to_string() } else { format!("missed {}", missed.join(", ")) };
                            view! {
                                <tr>
                                    <th scope="row">{if s.name.is_empty() { "(no name)".to_string() } else { s.name.clone() }}</th>
                                    <td>
                                        {format!("{} / {n}", s.right())}
                                        {s.score_differs.then(|| view! { <span class="warning-mark">" (the code states another score)"</span> })}
                                    </td>
                                    <td>{minutes_text(s.finished_minutes)}</td>
                                    <td>{duration_text(s.seconds)}</td>
                                    <td><span aria-hidden="true" class="marks">{marks}</span><span class="visually-hidden">{missed_text}</span></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Each question"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Share of the class right on each question">
                <table class="class-table question-table">
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Right"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {quiz.questions.iter().enumerate().map(|(i, q)| view! {
                            <tr>
                                <td>{i + 1}</td>
                                <td class="question-cell">{review_prompt(q)}</td>
                                <td>{format!("{} of {of} ({}%)", counts[i], quiz.percent_right(i))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Most missed"</h3>
            {if missed.is_empty() {
                view! { <p>"Every student got every question right."</p> }.into_any()
            } else {
                view! {
                    <ol class="most-missed">
                        {missed.into_iter().map(|i| {
                            let q = &quiz.questions[i];
                            view! {
                                <li>
                                    <p class="mistake-prompt">{format!("Question {}: ", i + 1)}{review_prompt(q)}</p>
                                    <p>{format!("{} of {of} right. ", counts[i])}"The answer: " <strong>{q.answer_text.clone()}</strong> " " <PassageLinks ids=q.passages.clone() /></p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
