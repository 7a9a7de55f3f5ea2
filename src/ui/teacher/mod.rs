//! The teacher's pages, all in the browser: compose a quiz ([`compose`]), preview and print
//! it ([`preview`]), and gather a class's result codes ([`class`]). The logic lives in the
//! pure `teacher` module; these views render it.

mod checklist;
mod class;
mod compose;
mod preview;

use leptos::prelude::*;

use crate::route::{Query, TeacherPage};

/// The full address of an in-app link (`#/…`), as a student would open it.
pub fn full_link(href: &str) -> String {
    let location = window().location().href().unwrap_or_default();
    format!("{}{href}", location.split('#').next().unwrap_or_default())
}

#[component]
pub fn Teacher(page: TeacherPage, query: Query) -> impl IntoView {
    match page {
        TeacherPage::Compose => view! { <compose::Compose query /> }.into_any(),
        TeacherPage::Preview => view! { <preview::Preview query /> }.into_any(),
        TeacherPage::Results => view! { <class::ClassPage /> }.into_any(),
    }
}
