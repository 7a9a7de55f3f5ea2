//! The selected event's card: its date as the document writes it, the passage it comes
//! from (the supporting sentence, with a ¶ link to the reader), who took part, whether the
//! accounts differ, and the document's note on it.

use leptos::prelude::*;

use crate::content::corpus;
use crate::timeline;

use super::super::common::{Attribution, EventPeople, NoteText, PassageLinks};
use super::super::disputes::DisputedMarker;
use super::super::evidence::Evidence;

#[component]
pub fn EventCard(id: String) -> impl IntoView {
    let corpus = corpus();
    let event = corpus.event(&id)?;
    let date = timeline::event_date(event);
    let how = match event.date_is {
        crate::content::DateIs::On => "",
        crate::content::DateIs::By => " — had happened by then",
        crate::content::DateIs::Derived => " — worked out from the document",
    };
    Some(view! {
        <section class="tl-card" aria-labelledby="tl-card-title">
            <p class="tl-card-date">
                <time>{date.to_string()}</time>
                <span class="date-text">" (“" {event.date_text.clone()} "”)" {how}</span>
            </p>
            <h2 id="tl-card-title" tabindex="-1">
                {event.title.clone()}
                <Attribution according_to=event.according_to.clone() />
            </h2>
            <Evidence passages=event.passages.clone() answer=event.date_text.clone() context=event.title.clone() limit=1 />
            <p class="tl-card-sources">
                "All passages: " <PassageLinks ids=event.passages.clone() />
            </p>
            <EventPeople ids=event.people.clone() />
            {event.note.clone().map(|text| view! { <p class="note">"Note: " <NoteText text /></p> })}
            <DisputedMarker event=event.id.clone() />
        </section>
    })
}
