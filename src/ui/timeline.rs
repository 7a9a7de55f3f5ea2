//! The timeline view: the filters, the drawn axis with zoom, pan and step-through (by mouse,
//! touch and keyboard), the selected event's card, and every event in a list grouped by era.

mod axis;
mod card;
mod focus;
mod state;

use leptos::prelude::*;

use crate::content::{Event, corpus};
use crate::route::{Query, Route};
use crate::timeline;
use crate::timeline::action::Action;
use crate::timeline::layout::{Frame, Orientation};

use super::common::{Attribution, EventPeople, NoteText, PassageLinks};
use axis::Axis;
use card::EventCard;
use focus::{focus_on_mark, keep_focus};
use state::TimelineState;

#[component]
pub fn Timeline(query: Query) -> impl IntoView {
    super::set_title("Timeline");
    let corpus = corpus();
    let state = TimelineState::new(&query);
    let TimelineState {
        person,
        group,
        era,
        selected,
        window,
        frame,
        shown,
        ..
    } = state;

    Effect::new(move |_| super::replace_address(&state.href()));
    // A filter rescales the axis to the events it leaves.
    Effect::watch(move || shown.get(), move |_, _, _| window.set(None), false);

    // The drawing takes the width it is given, at 1:1 (labels keep their size).
    let stage = NodeRef::<leptos::html::Div>::new();
    // It runs on a later animation frame, by which time the view may be gone: a hidden tab
    // runs no frame until it is shown again, so the student may have moved on long before.
    let measure = move || {
        let Some(Some(el)) = stage.try_get_untracked() else {
            return;
        };
        let width = f64::from(el.client_width());
        let height = window_height();
        let next = Frame::for_screen(width, height);
        if frame.try_get_untracked().is_some_and(|now| now != next) {
            frame.try_set(next);
        }
    };
    Effect::new(move |_| {
        if stage.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let act = move |action: Action| {
        let was_on_mark = focus_on_mark();
        let stepped = state.act(action);
        let stepped = stepped.or_else(|| Some(selected.get_untracked()));
        keep_focus(stepped, was_on_mark);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let orientation = frame.with_untracked(|f| f.orientation);
        if let Some(action) = Action::from_key(&ev.key(), orientation) {
            ev.prevent_default();
            act(action);
        }
    };
    let pick = move |id: String| state.select(&id);

    let people_in_events = {
        let mut ids: Vec<&str> = corpus
            .events
            .iter()
            .flat_map(|e| e.people.iter().map(String::as_str))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut people: Vec<(String, String)> = ids
            .into_iter()
            .filter_map(|id| corpus.person(id))
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        people.sort_by(|a, b| a.1.cmp(&b.1));
        people
    };

    let more = move || {
        let ids: Vec<String> = state.layout.with(|l| {
            l.iter()
                .flat_map(|l| l.unplaced.iter().map(|u| u.id.clone()))
                .collect()
        });
        (!ids.is_empty()).then(|| {
            let n = ids.len();
            view! {
                <details class="tl-more">
                    <summary>
                        {if n == 1 { "1 more event here".to_string() } else { format!("{n} more events here") }}
                        " (no room for their titles at this zoom)"
                    </summary>
                    <ul class="plain">
                        {ids.into_iter().filter_map(|id| corpus.event(&id)).map(|e| {
                            let id = e.id.clone();
                            view! {
                                <li>
                                    <button type="button" class="link-button" on:click=move |_| pick(id.clone())>
                                        <span class="tl-more-date">{timeline::event_date(e).to_string()}</span>
                                        " — " {e.title.clone()}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
    };

    let list = move || {
        let ids = shown.get();
        if ids.is_empty() {
            return view! { <p class="empty">"No event matches these filters."</p> }.into_any();
        }
        let events: Vec<&'static Event> = ids.iter().filter_map(|id| corpus.event(id)).collect();
        corpus
            .eras
            .iter()
            .filter_map(|era_item| {
                let in_era: Vec<&'static Event> = events
                    .iter()
                    .copied()
                    .filter(|e| e.era == era_item.id)
                    .collect();
                (!in_era.is_empty()).then(|| {
                    view! {
                        <section class="era">
                            <h2>{era_item.name.clone()}</h2>
                            <p class="muted">{era_item.description.clone()}</p>
                            <ol class="events">
                                {in_era
                                    .into_iter()
                                    .map(|e| view! { <EventItem event=e selected /> })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })
            })
            .collect_view()
            .into_any()
    };

    let vertical = move || frame.with(|f| f.orientation == Orientation::Vertical);
    let button = move |label: &'static str, action: Action| {
        view! { <button type="button" class="tl-button" on:click=move |_| act(action)>{label}</button> }
    };

    view! {
        <section class="timeline">
            <h1 tabindex="-1">"Timeline"</h1>
            <p class="muted">
                {corpus.events.len()}
                " dated events, each at the precision the document gives: a day is a dot, a month, a season or a year a bar. Pick one to read it."
            </p>
            <div class="filters no-print" role="group" aria-label="Filter events">
                <label>
                    "Person"
                    <select aria-label="Person" prop:value=move || person.get() on:change=move |ev| person.set(event_target_value(&ev))>
                        <option value="">"Everyone"</option>
                        {people_in_events
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id>{name}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    "Group"
                    <select aria-label="Group" prop:value=move || group.get() on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="">"All groups"</option>
                        {corpus
                            .groups
                            .iter()
                            .map(|g| view! { <option value=g.id.clone()>{g.name.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    "Era"
                    <select aria-label="Era" prop:value=move || era.get() on:change=move |ev| era.set(event_target_value(&ev))>
                        <option value="">"All eras"</option>
                        {corpus
                            .eras
                            .iter()
                            .map(|e| view! { <option value=e.id.clone()>{e.name.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="result-count" role="status" aria-live="polite">
                {move || format!("{} events shown", shown.get().len())}
            </p>
            <div
                id="tl-stage"
                class="tl-stage no-print"
                node_ref=stage
                tabindex="0"
                role="region"
                aria-label="Time axis"
                aria-describedby="tl-keys"
                on:keydown=on_key
            >
                <div class="tl-toolbar" role="group" aria-label="Zoom, move and step through events">
                    {button("Zoom in", Action::ZoomIn)}
                    {button("Zoom out", Action::ZoomOut)}
                    {move || if vertical() { button("Earlier ↑", Action::Earlier) } else { button("← Earlier", Action::Earlier) }}
                    {move || if vertical() { button("Later ↓", Action::Later) } else { button("Later →", Action::Later) }}
                    {button("Show all", Action::ShowAll)}
                    <span class="tl-step">
                        {button("Previous event", Action::Previous)}
                        {button("Next event", Action::Next)}
                    </span>
                </div>
                <p id="tl-keys" class="tl-keys">
                    "Keys: + and − zoom, arrows move, N and P step to the next and previous event, 0 shows all. Drag to move, pinch or Ctrl + wheel to zoom."
                </p>
                <Axis state on_pick=pick />
                <p class="tl-legend">
                    "A dot is a day; a bar, a month, a season or a year; a dashed lead-in, a date the event had happened by; a hollow dashed mark, an event whose accounts differ."
                </p>
                {more}
            </div>
            <div aria-live="polite">
                {move || {
                    let id = selected.get();
                    (!id.is_empty()).then(|| view! { <EventCard id /> })
                }}
            </div>
            {list}
        </section>
    }
}

fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

#[component]
fn EventItem(event: &'static Event, selected: RwSignal<String>) -> impl IntoView {
    let corpus = corpus();
    let id = event.id.clone();
    let is_selected = move || selected.get() == id;
    let href = Route::Timeline {
        query: Query::default().with("event", &event.id),
    }
    .href();
    let orgs = event
        .organizations
        .iter()
        .filter_map(|o| corpus.organization(o))
        .map(|o| {
            o.abbreviations
                .first()
                .cloned()
                .unwrap_or_else(|| o.name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li id=format!("event-{}", event.id) class="event" class:selected=is_selected>
            <p class="event-date">
                <time>{timeline::event_date(event).to_string()}</time>
                <span class="date-text">" (“" {event.date_text.clone()} "”)"</span>
            </p>
            <p class="event-title">
                <a href=href>{event.title.clone()}</a>
                <Attribution according_to=event.according_to.clone() />
                " "
                <PassageLinks ids=event.passages.clone() />
            </p>
            <EventPeople ids=event.people.clone() />
            {(!orgs.is_empty()).then(|| view! { <p class="event-orgs">"Organizations: " {orgs}</p> })}
            {event.note.clone().map(|text| view! { <p class="note">"Note: " <NoteText text /></p> })}
            <super::disputes::DisputedMarker event=event.id.clone() />
        </li>
    }
}
