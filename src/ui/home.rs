//! The home view: what the app is, and a first step.

use leptos::prelude::*;

use crate::content::corpus;
use crate::route::{Query, Route, Section, TeacherPage};

#[component]
pub fn Home() -> impl IntoView {
    super::set_title("");
    let corpus = corpus();
    view! {
        <section class="home">
            <h1 tabindex="-1">"Study the NKVD, 1933–1941, from one document"</h1>
            <p class="lead">
                "This app turns the article “" {corpus.title.clone()} "” and its " {corpus.sources.len()} " primary sources "
                "into study material: the people it names, the events it dates, flashcards and quizzes. "
                "Every card and question shows the passage it comes from."
            </p>
            <p class="content-note" role="note">
                <strong>"Content note: "</strong>
                "the sources describe torture, show trials and executions."
            </p>
            <h2>"Where to start"</h2>
            <ul class="start-list">
                <li>
                    <a href=Section::Source.route().href()>"Read the document"</a>
                    " — " {corpus.passages.len()} " passages, with names linked to people."
                </li>
                <li>
                    <a href=Section::People.route().href()>"Meet the people"</a>
                    " — " {corpus.people.len()} " people the document names."
                </li>
                <li>
                    <a href=Section::Relations.route().href()>"See who did what to whom"</a>
                    " — " {corpus.relations.len()} " relations between them, as a graph and a list."
                </li>
                <li>
                    <a href=Section::Timeline.route().href()>"Follow the timeline"</a>
                    " — " {corpus.events.len()} " dated events."
                </li>
                <li>
                    <a href=Section::Disputes.route().href()>"Compare the accounts"</a>
                    " — " {corpus.disputes.len()} " points on which the sources differ, side by side."
                </li>
                <li>
                    <a href=Section::Flashcards.route().href()>"Review flashcards"</a>
                    " or "
                    <a href=Section::Quiz.route().href()>"take a quiz"</a>
                    "."
                </li>
            </ul>
            <p class="teacher-start">
                "Teaching a class? "
                <a href=Route::Teacher { page: TeacherPage::Compose, query: Query::default() }.href()>
                    "Set a quiz, print it and gather the results"
                </a>
                " — no server and no accounts."
            </p>
        </section>
    }
}
