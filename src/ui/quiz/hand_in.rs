//! The end of a quiz for a class: the student's name (kept on this device), the result code
//! to copy and the result file to download. The code is built by `teacher::hand_in`.

use leptos::prelude::*;

use crate::study::quiz_run::QuizRun;
use crate::teacher::Assignment;
use crate::teacher::hand_in::{file_name, result_file, result_of};
use crate::ui::browser::{copy_text, download};
use crate::ui::student_name;

/// When the quiz was taken, for its result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    pub started_ms: i64,
    pub finished_ms: i64,
}

#[component]
pub fn HandIn(assignment: Assignment, run: QuizRun, timing: Timing) -> impl IntoView {
    let name = RwSignal::new(student_name::load());
    let assignment = StoredValue::new(assignment);
    let run = StoredValue::new(run);
    let result = Memo::new(move |_| {
        let name = name.get();
        assignment.with_value(|a| {
            run.with_value(|r| result_of(a, r, &name, timing.started_ms, timing.finished_ms))
        })
    });
    let code = Memo::new(move |_| result.with(|r| r.encode()));
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let summary = move || {
        result.with(|r| {
            let who = if r.name.is_empty() {
                "No name yet"
            } else {
                r.name.as_str()
            };
            format!("{who}: {} of {} right", r.right, r.responses.len())
        })
    };
    view! {
        <section class="hand-in" aria-labelledby="hand-in-title">
            <h3 id="hand-in-title">"Result for your teacher"</h3>
            <p>
                <label for="student-name">"Your name "</label>
                <input
                    id="student-name"
                    type="text"
                    autocomplete="name"
                    maxlength="40"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        student_name::save(&value);
                        copied.set(None);
                        name.set(value);
                    }
                />
            </p>
            <p class="muted">"Your name stays on this device; it is only in the code you hand in."</p>
            <p class="result-text">{summary}</p>
            <p>
                <span id="result-code-label">"Your result code:"</span>
                <code class="result-code">{move || code.get()}</code>
            </p>
            <p class="no-print hand-in-actions">
                <button type="button" id="copy-result" on:click=move |_| {
                    copy_text(&code.get_untracked(), move |ok| {
                        copied.try_set(Some(ok));
                    });
                }>"Copy the code"</button>
                <button type="button" id="download-result" on:click=move |_| {
                    let (text, file) = result.with_untracked(|r| {
                        (assignment.with_value(|a| result_file(r, &a.title)), file_name(&r.name))
                    });
                    download(&file, "text/plain", &text);
                }>"Download the result file"</button>
                <span role="status">{move || match copied.get() {
                    Some(true) => " Copied.",
                    Some(false) => " The browser did not allow copying: select the code and copy it.",
                    None => "",
                }}</span>
            </p>
            <p class="muted small">
                "Paste the code into a message to your teacher, or send the file. A checksum at the end "
                "catches a mistyped or edited code, but it is not proof against a determined cheat: "
                "the code is not a signature."
            </p>
        </section>
    }
}
