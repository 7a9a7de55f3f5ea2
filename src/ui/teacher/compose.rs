//! Composing a quiz for a class: eras, groups, people, primary sources, topics, kinds,
//! length, title and instructions; how many distinct questions the choice allows (a length
//! beyond it is cut, and said so; a choice with none is flagged); the share link to copy.

use leptos::prelude::*;

use super::checklist::Checklist;
use super::full_link;
use crate::content::corpus;
use crate::route::{Query, Route, TeacherPage};
use crate::study::quiz::{QuestionKind, QuizSettings, Scope, Topic};
use crate::teacher::Assignment;
use crate::ui::browser::copy_text;
use crate::ui::quiz::random_seed;
use crate::ui::replace_address;

#[component]
pub fn Compose(query: Query) -> impl IntoView {
    crate::ui::set_title("Compose a quiz");
    let start = Assignment::from_query(&query.0).unwrap_or_else(|_| Assignment {
        settings: QuizSettings {
            seed: random_seed(),
            ..QuizSettings::default()
        },
        ..Assignment::default()
    });
    let corpus = corpus();
    let eras = RwSignal::new(start.scope.eras.clone());
    let groups = RwSignal::new(start.scope.groups.clone());
    let people = RwSignal::new(start.scope.people.clone());
    let sources = RwSignal::new(start.scope.sources.clone());
    let topics = RwSignal::new(start.settings.topics.clone());
    let kinds = RwSignal::new(start.settings.kinds.clone());
    let length = RwSignal::new(start.settings.length);
    let seed = RwSignal::new(start.settings.seed);
    let title = RwSignal::new(start.title.clone());
    let instructions = RwSignal::new(start.instructions.clone());

    // What makes the questions (not the length, title or instructions): counted once per change.
    let choice = Memo::new(move |_| {
        (
            QuizSettings {
                topics: topics.get(),
                kinds: kinds.get(),
                length: QuizSettings::MAX_LENGTH,
                seed: seed.get(),
            },
            Scope {
                eras: eras.get(),
                groups: groups.get(),
                people: people.get(),
                sources: sources.get(),
            }
            .canonical(),
        )
    });
    let available = Memo::new(move |_| {
        choice.with(|(settings, scope)| {
            if settings.topics.is_empty() || settings.kinds.is_empty() {
                0
            } else {
                crate::study::quiz::available(corpus, settings, scope)
            }
        })
    });
    let assignment = Memo::new(move |_| {
        let (settings, scope) = choice.get();
        Assignment {
            settings: QuizSettings {
                length: length.get(),
                ..settings
            },
            scope,
            title: title.get(),
            instructions: instructions.get(),
        }
    });
    let clamped = Memo::new(move |_| assignment.with(|a| a.clamped(available.get())));
    let quiz_href = Memo::new(move |_| {
        clamped.with(|(a, _)| {
            Route::Quiz {
                query: Query(a.to_query()),
            }
            .href()
        })
    });
    let preview_href = move || {
        clamped.with(|(a, _)| {
            Route::Teacher {
                page: TeacherPage::Preview,
                query: Query(a.to_query()),
            }
            .href()
        })
    };
    // The address reopens this page as it is.
    Effect::new(move |_| {
        let query = assignment.with(|a| Query(a.to_query()));
        replace_address(
            &Route::Teacher {
                page: TeacherPage::Compose,
                query,
            }
            .href(),
        );
    });
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    Effect::new(move |_| {
        quiz_href.track();
        copied.set(None);
    });
    let none = move || available.get() == 0;

    let era_items: Vec<(String, String)> = corpus
        .eras
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let group_items: Vec<(String, String)> = corpus
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.name.clone()))
        .collect();
    let mut person_items: Vec<(String, String)> = corpus
        .people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    person_items.sort_by(|a, b| a.1.cmp(&b.1));
    let source_items: Vec<(u8, String)> = corpus
        .sources
        .iter()
        .map(|s| {
            let author = s.author(corpus).unwrap_or_else(|| "Unknown author".into());
            let label = match &s.date {
                Some(date) => format!("({}) {author}, {date}", s.number),
                None => format!("({}) {author}", s.number),
            };
            (s.number, label)
        })
        .collect();
    let topic_items: Vec<(Topic, String)> = Topic::ALL
        .into_iter()
        .map(|t| (t, t.label().to_string()))
        .collect();
    let kind_items: Vec<(QuestionKind, String)> = QuestionKind::ALL
        .into_iter()
        .map(|k| (k, k.label().to_string()))
        .collect();

    view! {
        <section class="teacher compose">
            <h1 tabindex="-1">"Compose a quiz for your class"</h1>
            <p class="muted">
                "Choose what the quiz asks about; every student who opens the link gets the same questions "
                "in the same order, offline too. Nothing is sent anywhere."
            </p>
            <form class="compose-form" on:submit=|ev| ev.prevent_default()>
                <div class="compose-text">
                    <label for="quiz-title">"Title"</label>
                    <input id="quiz-title" type="text" maxlength="80" placeholder="e.g. Week 4: the Great Purge"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                    <label for="quiz-instructions">"Instructions for the students"</label>
                    <textarea id="quiz-instructions" maxlength="400" rows="3"
                        prop:value=move || instructions.get()
                        on:input=move |ev| instructions.set(event_target_value(&ev))></textarea>
                </div>
                <h2>"What the questions are about"</h2>
                <p class="muted">"Leave a list empty for all of it. Choices in one list add up; choices in different lists narrow each other (an era and a person: that person in that era)."</p>
                <div class="compose-scope">
                    <Checklist legend="Eras" items=era_items chosen=eras none_means="all eras" />
                    <Checklist legend="Groups of people" items=group_items chosen=groups none_means="all groups" />
                    <Checklist legend="People" items=person_items chosen=people none_means="everyone" long=true />
                    <Checklist legend="Primary sources" items=source_items chosen=sources none_means="all sources" long=true />
                    <Checklist legend="Topics" items=topic_items chosen=topics none_means="choose at least one" />
                    <Checklist legend="Kinds of question" items=kind_items chosen=kinds none_means="choose at least one" />
                </div>
                <p>
                    <label for="quiz-length">"Number of questions "</label>
                    <input id="quiz-length" type="number" min="1" max={QuizSettings::MAX_LENGTH.to_string()} inputmode="numeric"
                        prop:value=move || length.get().to_string()
                        on:input=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                                length.set(n.clamp(1, QuizSettings::MAX_LENGTH));
                            }
                        } />
                </p>
                <div class="compose-count" role="status" aria-live="polite">
                    <p id="available-count">
                        {move || match available.get() {
                            0 => "No question fits this choice.".to_string(),
                            1 => "This choice allows 1 distinct question.".to_string(),
                            n if n > QuizSettings::MAX_LENGTH => format!("This choice allows {n} distinct questions (a quiz has at most {}).", QuizSettings::MAX_LENGTH),
                            n => format!("This choice allows {n} distinct questions."),
                        }}
                    </p>
                    <p class="error" hidden=move || !none()>
                        "Widen the choice before sharing: add topics or kinds of question, or remove an era, group, person or source. "
                        "Some kinds only fit some topics (chronological order needs dates; matching needs quotes)."
                    </p>
                    <p class="notice clamp-note" hidden=move || clamped.with(|(_, asked)| asked.is_none()) || none()>
                        {move || clamped.with(|(a, asked)| asked.map(|asked| format!(
                            "You asked for {asked} questions; the quiz will have {}, every question this choice allows.",
                            a.settings.length
                        )))}
                    </p>
                </div>
            </form>
            <h2>"Share it"</h2>
            <div class="share-box" hidden=none>
                <p><span id="share-link-label">"The quiz link for your students:"</span></p>
                <p><code class="share-link">{move || full_link(&quiz_href.get())}</code></p>
                <p class="share-actions">
                    <button type="button" id="copy-link" class="primary" on:click=move |_| {
                        copy_text(&full_link(&quiz_href.get_untracked()), move |ok| {
                        copied.try_set(Some(ok));
                    });
                    }>"Copy the link"</button>
                    <a class="button" href=preview_href>"Preview and print"</a>
                    <a class="button" href=move || quiz_href.get()>"Take it yourself"</a>
                    <button type="button" on:click=move |_| seed.set(random_seed())>"Other questions (new seed)"</button>
                    <span role="status">{move || match copied.get() {
                        Some(true) => " Copied.",
                        Some(false) => " The browser did not allow copying: select the link and copy it.",
                        None => "",
                    }}</span>
                </p>
                <p class="muted">
                    "When they finish, students get a short result code and a result file: "
                    <a href=Route::Teacher { page: TeacherPage::Results, query: Query::default() }.href()>"gather them on the class results page"</a>
                    "."
                </p>
            </div>
            <p class="error" hidden=move || !none()>"There is no link to share until the choice allows a question."</p>
        </section>
    }
}
