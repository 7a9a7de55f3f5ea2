//! The progress page: SVG charts drawn by the app (reviews per day, cards by state, how well
//! each deck is known, due in the next 14 days), quiz history, and export, import (with a
//! preview and a choice to merge or replace) and reset.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::corpus;
use crate::progress::format::{self, MAX_BYTES, SavedProgress};
use crate::progress::merge;
use crate::progress::stats;
use crate::progress::store::SaveError;
use crate::study::cards::{self, Deck};
use crate::study::schedule;

use super::browser::{download, now, settle};
use super::state::AppState;

/// A round number at or above `top` for the y-axis (1, 2, 5, 10, 20, 50, …).
fn axis_top(top: usize) -> usize {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if step * m >= top {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// A share of `top` rounded to a 5 % step, as the CSS class that draws it (the page's
/// content security policy allows no inline styles).
fn size_class(prefix: &str, value: usize, top: usize) -> String {
    let step = (value * 20 + top / 2) / top.max(1);
    format!("{prefix}-{}", step.min(20) * 5)
}

/// A bar chart drawn with HTML and CSS, so that its text keeps its size at every width.
/// A time series (`columns`) has upright bars over a y-axis, labelled every few days; a
/// few categories lie as horizontal bars with their names beside them. Each bar has its
/// figure; screen readers get the figures as a sentence and a table.
#[component]
fn BarChart(
    title: &'static str,
    labels: Vec<String>,
    values: Vec<usize>,
    #[prop(optional)] suffix: &'static str,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] columns: bool,
) -> impl IntoView {
    let top = max.unwrap_or_else(|| axis_top(values.iter().copied().max().unwrap_or(0).max(1)));
    let every = values.len().div_ceil(6).max(1);
    let summary = format!(
        "{title}: {}",
        labels
            .iter()
            .zip(&values)
            .map(|(l, v)| format!("{l} {v}{suffix}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let rows = labels
        .iter()
        .zip(&values)
        .map(|(l, v)| view! { <tr><th scope="row">{l.clone()}</th><td>{format!("{v}{suffix}")}</td></tr> })
        .collect_view();
    let body = if columns {
        let few = values.len() <= 16;
        let bars = values
            .iter()
            .zip(&labels)
            .enumerate()
            .map(|(i, (v, label))| {
                let tip = format!("{label}: {v}{suffix}");
                let shown = (i % every == 0).then(|| label.clone());
                view! {
                    <div class="bar-slot" title=tip>
                        <div class="bar-area">
                            <div class=format!("bar {}", size_class("h", *v, top))>
                                {(few && *v > 0).then(|| view! { <span class="bar-value">{format!("{v}{suffix}")}</span> })}
                            </div>
                        </div>
                        <span class="bar-label">{shown.unwrap_or_default()}</span>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="chart-body" role="img" aria-label=summary>
                <div class="y-axis" aria-hidden="true">
                    <span>{format!("{top}{suffix}")}</span>
                    <span>{top.is_multiple_of(2).then(|| format!("{}{suffix}", top / 2))}</span>
                    <span>"0"</span>
                </div>
                <div class="plot" aria-hidden="true">{bars}</div>
            </div>
        }
        .into_any()
    } else {
        let bars = values
            .iter()
            .zip(&labels)
            .map(|(v, label)| {
                view! {
                    <div class="hbar-row">
                        <span class="hbar-label">{label.clone()}</span>
                        <span class="hbar-track">
                            <span class=format!("hbar {}", size_class("w", *v, top))></span>
                        </span>
                        <span class="hbar-value">{format!("{v}{suffix}")}</span>
                    </div>
                }
            })
            .collect_view();
        view! { <div class="hbars" role="img" aria-label=summary><div aria-hidden="true">{bars}</div></div> }
            .into_any()
    };
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            {body}
            <details class="no-print">
                <summary>"Show as a table"</summary>
                <table><tbody>{rows}</tbody></table>
            </details>
        </figure>
    }
}

/// The last twelve weeks as a calendar of study days (a column a week, Monday at the top),
/// each day marked with its number of reviews: a shade, and a dot on days studied, so that
/// colour is not the only sign.
#[component]
fn StudyCalendar(per_day: Vec<usize>, labels: Vec<String>) -> impl IntoView {
    let studied = per_day.iter().filter(|n| **n > 0).count();
    let streak = stats::streak(&per_day);
    let most = per_day.iter().copied().max().unwrap_or(0).max(1);
    // Pad the first column so that rows are weekdays.
    let weekday = js_sys::Date::new_0().get_day() as usize; // 0 = Sunday
    let today_row = (weekday + 6) % 7; // 0 = Monday
    let pad = (7 - (per_day.len() - 1 - today_row) % 7) % 7;
    let cells = (0..pad)
        .map(|_| view! { <span class="day empty" aria-hidden="true"></span> }.into_any())
        .chain(per_day.iter().zip(&labels).map(|(n, label)| {
            let level = if *n == 0 { 0 } else { 1 + (n * 3).div_ceil(most).min(3) };
            let text = format!(
                "{label}: {n} {}",
                if *n == 1 { "review" } else { "reviews" }
            );
            view! {
                <span class=format!("day level-{level}") title=text.clone() role="img" aria-label=text></span>
            }
            .into_any()
        }))
        .collect_view();
    view! {
        <figure class="chart calendar-chart">
            <figcaption>"Study days (last 12 weeks)"</figcaption>
            <p>
                {format!(
                    "Studied on {studied} of the last {} days; {}.",
                    per_day.len(),
                    match streak {
                        0 => "no run of days going now".to_string(),
                        1 => "a run of 1 day".to_string(),
                        n => format!("a run of {n} days in a row"),
                    }
                )}
            </p>
            <div class="calendar">{cells}</div>
        </figure>
    }
}

fn short_day(days_from_today: i64) -> String {
    let ms = now().now_ms + days_from_today * 86_400_000;
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{}/{}", date.get_date(), date.get_month() + 1)
}

#[component]
pub fn Progress() -> impl IntoView {
    super::set_title("Progress");
    let state = AppState::get();
    let corpus = corpus();
    let all_cards = cards::all_cards(corpus);
    let all_ids: Vec<String> = all_cards.iter().map(|c| c.id.to_string()).collect();
    // Each deck's card ids, worked out once rather than on every change of progress.
    let decks: Vec<(Deck, Vec<String>)> = Deck::EVERY
        .into_iter()
        .filter(|d| *d != Deck::All)
        .map(|d| {
            let ids = all_cards
                .iter()
                .filter(|c| d.contains(c.deck))
                .map(|c| c.id.to_string())
                .collect();
            (d, ids)
        })
        .collect();

    let charts = move || {
        let clock = now();
        state.progress.with(|p| {
            let per_day = stats::reviews_per_day(&p.reviews, &clock, 30);
            let per_day_labels: Vec<String> = (0..30).map(|i| short_day(i - 29)).collect();
            let weeks = stats::reviews_per_day(&p.reviews, &clock, 84);
            let week_labels: Vec<String> = (0..84).map(|i| short_day(i - 83)).collect();
            let recall = stats::recall_rate(&p.reviews, &clock, 30);
            let phases = stats::phase_counts(&all_ids, &p.cards);
            let known: Vec<usize> = decks
                .iter()
                .map(|(_, ids)| stats::percent_known(ids, &p.cards) as usize)
                .collect();
            let due = schedule::forecast(p.cards.values(), &clock, 14);
            let due_labels: Vec<String> = (0..14)
                .map(|i| if i == 0 { "today".to_string() } else { short_day(i) })
                .collect();
            view! {
                <p class="totals">
                    {format!(
                        "{} {} in all; {} of {} cards studied.",
                        p.reviews.len(),
                        if p.reviews.len() == 1 { "review" } else { "reviews" },
                        p.cards.len(),
                        all_ids.len()
                    )}
                </p>
                <p class="recall">
                    {match recall {
                        Some((percent, n)) => format!(
                            "In the last 30 days you remembered {percent}% of the cards you had seen before \
                             ({n} {}, counting every grade but “Again”).",
                            if n == 1 { "review" } else { "reviews" }
                        ),
                        None => "Once you review cards you have seen before, this says how often you remember them.".to_string(),
                    }}
                </p>
                <div class="charts">
                    <StudyCalendar per_day=weeks labels=week_labels />
                    <BarChart title="Reviews per day (last 30 days)" labels=per_day_labels values=per_day columns=true />
                    <BarChart
                        title="Cards by state"
                        labels=vec!["New".to_string(), "Learning".to_string(), "Review".to_string()]
                        values=vec![phases.new, phases.learning, phases.review]
                    />
                    <BarChart
                        title="How well each deck is known (% of cards in review)"
                        labels=decks.iter().map(|(d, _)| d.label().to_string()).collect()
                        values=known
                        suffix="%"
                        max=100
                    />
                    <BarChart title="Cards due on each of the next 14 days" labels=due_labels values=due columns=true />
                </div>
            }
        })
    };

    let quizzes = move || {
        state.progress.with(|p| {
            if p.quizzes.is_empty() {
                return view! { <p class="muted">"No quiz taken yet."</p> }.into_any();
            }
            view! {
                <ul class="quiz-history">
                    {p.quizzes.iter().rev().take(20).map(|q| {
                        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(q.at_ms as f64));
                        let when = String::from(date.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED));
                        let href = format!("#/quiz?{}", q.settings);
                        view! { <li>{when} ": " {q.correct} " / " {q.total} " — " <a href=href>"retake this quiz"</a></li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        })
    };

    view! {
        <section class="progress">
            <h1 tabindex="-1">"Progress"</h1>
            {move || (!state.saving()).then(|| view! {
                <p class="notice-inline">"Progress is not being saved in this browser right now; export it to keep it."</p>
            })}
            {charts}
            <h2>"Quizzes"</h2>
            {quizzes}
            <ExportImport />
        </section>
    }
}

/// What an import found, waiting for the student's choice.
#[derive(Clone)]
struct Pending {
    name: String,
    progress: SavedProgress,
}

#[component]
fn ExportImport() -> impl IntoView {
    let state = AppState::get();
    let pending: RwSignal<Option<Pending>, LocalStorage> = RwSignal::new_local(None);
    let message = RwSignal::new(None::<(bool, String)>);
    let confirm_reset = RwSignal::new(false);

    let export = move |_| {
        let text = state.progress.with_untracked(format::write);
        download("nkvd-study-progress.json", "application/json", &text);
        message.set(Some((
            true,
            "Progress exported as nkvd-study-progress.json.".to_string(),
        )));
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            pending.set(None);
            message.set(Some((
                false,
                format!("“{name}” is too large to be a progress file; nothing was changed."),
            )));
            return;
        }
        // The view may be gone by the time the file is read: then nothing is updated.
        settle(file.text(), move |outcome| {
            let Ok(value) = outcome else {
                message.try_set(Some((
                    false,
                    "The file could not be read. Nothing was changed.".to_string(),
                )));
                return;
            };
            let text = value.as_string().unwrap_or_default();
            match format::read(&text) {
                Ok(progress) => {
                    message.try_set(None);
                    pending.try_set(Some(Pending { name, progress }));
                }
                Err(error) => {
                    pending.try_set(None);
                    message.try_set(Some((
                        false,
                        format!("“{name}” cannot be imported: {error}. Nothing was changed."),
                    )));
                }
            }
        });
    };

    let apply = move |replace: bool| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let saved = if replace {
            state.replace(merge::replace_with(&p.progress, now().now_ms))
        } else {
            state.update(|current| *current = merge::merge(current, &p.progress));
            if state.saving() {
                Ok(())
            } else {
                Err(SaveError::NotSaving)
            }
        };
        pending.set(None);
        message.set(Some(match (replace, saved) {
            (true, Ok(())) => (true, "Progress replaced by the file.".to_string()),
            (false, Ok(())) => (true, "The file was merged into your progress.".to_string()),
            (_, Err(error)) => (
                false,
                format!(
                    "The file's progress is in use in this tab, but it could not be saved: \
                     {error}. Export it before you close the tab."
                ),
            ),
        }));
    };

    view! {
        <h2>"Export, import, reset"</h2>
        <div class="data-actions no-print">
            <button type="button" on:click=export>"Export progress (JSON)"</button>
            <label class="file-label">
                "Import progress from a file"
                <input type="file" accept=".json,application/json" on:change=on_file />
            </label>
            <button type="button" class="danger" on:click=move |_| confirm_reset.set(true)>"Reset all progress…"</button>
        </div>
        {move || message.get().map(|(ok, text)| view! {
            <p class=if ok { "message ok" } else { "message error" } role=if ok { "status" } else { "alert" }>{text}</p>
        })}
        {move || pending.get().map(|p| {
            let current = state.progress.with(format::summary);
            view! {
                <div class="dialog" role="dialog" aria-labelledby="import-title">
                    <h3 id="import-title">"Import “" {p.name.clone()} "”?"</h3>
                    <p>"The file holds: " {format::summary(&p.progress)} "."</p>
                    <p>"This browser holds: " {current} "."</p>
                    <div class="dialog-actions">
                        <button type="button" class="primary" on:click=move |_| apply(false)>"Merge (keep both)"</button>
                        <button type="button" on:click=move |_| apply(true)>"Replace mine with the file"</button>
                        <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            }
        })}
        {move || confirm_reset.get().then(|| view! {
            <div class="dialog" role="alertdialog" aria-labelledby="reset-title">
                <h3 id="reset-title">"Reset all progress?"</h3>
                <p>"This deletes every review, card state and quiz result in this browser. Export first if you may want them back."</p>
                <div class="dialog-actions">
                    <button type="button" class="danger" on:click=move |_| {
                        let fresh = state.progress.with_untracked(|p| merge::reset(p, now().now_ms));
                        confirm_reset.set(false);
                        message.set(Some(match state.replace(fresh) {
                            Ok(()) => (true, "All progress was reset.".to_string()),
                            Err(error) => (false, format!(
                                "Progress was reset in this tab only: {error}. The saved copy is unchanged."
                            )),
                        }));
                    }>"Yes, reset everything"</button>
                    <button type="button" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}
