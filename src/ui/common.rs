//! Small widgets the views share: links to passages and people, attributions, statements.

use leptos::prelude::*;

use crate::content::passage_ref::{NotePiece, note_pieces, passage_number};
use crate::content::{Statement, corpus};
use crate::route::Route;

/// "¶ 12": a link to a passage of the document, which the reader highlights.
#[component]
pub fn PassageLink(id: String) -> impl IntoView {
    let number = passage_number(&id);
    let href = Route::Source {
        passage: Some(id.clone()),
    }
    .href();
    let label = format!("Passage {number} of the document");
    view! {
        <a class="passage-link" href=href aria-label=label>
            "¶\u{a0}"
            {number}
        </a>
    }
}

/// Links to each of several passages, after "Source:".
#[component]
pub fn PassageLinks(ids: Vec<String>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <span class="passage-links">
                <span class="visually-hidden">"Where this comes from: "</span>
                {ids.into_iter().map(|id| view! { <PassageLink id /> }).collect_view()}
            </span>
        }
    })
}

/// A note from the data, with the passage ids it writes inline ("p035 calls him …") shown
/// as links to the reader ("¶ 35 calls him …"); everything else as text.
#[component]
pub fn NoteText(#[prop(into)] text: String) -> impl IntoView {
    note_pieces(&text)
        .into_iter()
        .map(|piece| match piece {
            NotePiece::Passage(id) if corpus().passage(id).is_some() => {
                view! { <PassageLink id=id.to_string() /> }.into_any()
            }
            NotePiece::Passage(id) => format!("¶\u{a0}{}", passage_number(id)).into_any(),
            NotePiece::Text(text) => text.to_string().into_any(),
        })
        .collect_view()
}

/// A link to a person's page, with the name the data gives them.
#[component]
pub fn PersonLink(id: String) -> impl IntoView {
    let name = corpus()
        .person(&id)
        .map_or_else(|| id.clone(), |p| p.name.clone());
    view! { <a href=Route::Person { id }.href()>{name}</a> }
}

/// "according to Alexander Orlov", when the document attributes a claim.
#[component]
pub fn Attribution(according_to: Option<String>) -> impl IntoView {
    according_to.map(|id| {
        view! {
            <span class="attribution">
                " (according to " <PersonLink id /> ")"
            </span>
        }
    })
}

/// A statement of the document with its attribution and passages.
#[component]
pub fn StatementView(statement: Statement) -> impl IntoView {
    view! {
        <span class="statement">
            {statement.text}
            <Attribution according_to=statement.according_to />
            " "
            <PassageLinks ids=statement.passages />
        </span>
    }
}

/// "People: A, B, C" with a link to each, for an event; nothing when it names nobody.
#[component]
pub fn EventPeople(ids: Vec<String>) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <p class="event-people">
                "People: "
                {ids
                    .into_iter()
                    .enumerate()
                    .map(|(i, id)| view! {
                        {(i > 0).then_some(", ")}
                        <PersonLink id />
                    })
                    .collect_view()}
            </p>
        }
    })
}
