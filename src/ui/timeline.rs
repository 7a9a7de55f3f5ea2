//! The timeline view: every event in date order at the document's precision, grouped by
//! era, filterable by person, group and era, with an SVG axis usable by keyboard.

use leptos::prelude::*;

use crate::content::{Event, corpus};
use crate::route::{Query, Route};
use crate::timeline::{self, Filter};

use super::common::{Attribution, PassageLinks, PersonLink};

const AXIS_WIDTH: f64 = 800.0;
const AXIS_HEIGHT: f64 = 120.0;
const AXIS_MARGIN: f64 = 30.0;

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

#[component]
pub fn Timeline(query: Query) -> impl IntoView {
    super::set_title("Timeline");
    let corpus = corpus();
    let person = RwSignal::new(query.get("person").unwrap_or_default().to_string());
    let group = RwSignal::new(query.get("group").unwrap_or_default().to_string());
    let era = RwSignal::new(query.get("era").unwrap_or_default().to_string());
    let selected = RwSignal::new(query.get("event").unwrap_or_default().to_string());

    Effect::new(move |_| {
        let query = Query::default()
            .with("person", &person.get())
            .with("group", &group.get())
            .with("era", &era.get())
            .with("event", &selected.get());
        super::replace_address(&Route::Timeline { query }.href());
    });

    let shown = Memo::new(move |_| {
        let filter = Filter {
            person: non_empty(person.get()),
            group: non_empty(group.get()),
            era: non_empty(era.get()),
        };
        timeline::events(corpus, &filter)
            .into_iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    });

    // Scroll a deep-linked event into view once.
    if let Some(id) = query.get("event").map(|id| format!("event-{id}")) {
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&id) {
                element.scroll_into_view();
            }
        });
    }

    let select_event = move |id: String| {
        selected.set(id.clone());
        if let Some(element) = document().get_element_by_id(&format!("event-{id}")) {
            element.scroll_into_view();
        }
    };

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

    view! {
        <section class="timeline">
            <h1 tabindex="-1">"Timeline"</h1>
            <p class="muted">
                {corpus.events.len()}
                " dated events, each at the precision the document gives. Filter them, or pick one on the axis."
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
            <Axis shown selected on_pick=select_event />
            {list}
        </section>
    }
}

/// The SVG axis: a tick per year and a focusable mark per event; Enter or Space (or a
/// click) picks the event in the list.
#[component]
fn Axis(
    shown: Memo<Vec<String>>,
    selected: RwSignal<String>,
    on_pick: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let corpus = corpus();
    let positions: Vec<f64> = corpus
        .events
        .iter()
        .map(|e| timeline::event_date(e).position())
        .collect();
    let first = positions
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .floor();
    let last = positions
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil();
    let (first, last) = if first.is_finite() && last > first {
        (first, last)
    } else {
        (1933.0, 1941.0)
    };
    let x = move |year: f64| {
        AXIS_MARGIN + (year - first) / (last - first) * (AXIS_WIDTH - 2.0 * AXIS_MARGIN)
    };
    let ticks = (first as i32..=last as i32)
        .map(|year| {
            let tx = x(f64::from(year));
            view! {
                <line x1=tx x2=tx y1=AXIS_HEIGHT - 40.0 y2=AXIS_HEIGHT - 30.0 class="tick" />
                <text x=tx y=AXIS_HEIGHT - 12.0 text-anchor="middle" class="tick-label">{year}</text>
            }
        })
        .collect_view();
    let marks = move || {
        let ids = shown.get();
        let mut lane_ends: Vec<f64> = Vec::new();
        ids.iter()
            .filter_map(|id| corpus.event(id))
            .map(|e| {
                let date = timeline::event_date(e);
                let cx = x(date.position());
                // Stack marks that would overlap into lanes.
                let lane = lane_ends
                    .iter()
                    .position(|end| *end + 9.0 < cx)
                    .unwrap_or(lane_ends.len());
                if lane == lane_ends.len() {
                    lane_ends.push(cx)
                } else {
                    lane_ends[lane] = cx
                }
                let cy = AXIS_HEIGHT - 48.0 - (lane as f64 % 6.0) * 12.0;
                let id = e.id.clone();
                let id_for_key = id.clone();
                let id_for_class = id.clone();
                let label = format!("{}: {}", date, e.title);
                let title = label.clone();
                view! {
                    <circle
                        cx=cx
                        cy=cy
                        r="6"
                        class="mark"
                        class:selected=move || selected.get() == id_for_class
                        tabindex="0"
                        role="button"
                        aria-label=label
                        on:click=move |_| on_pick(id.clone())
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                on_pick(id_for_key.clone());
                            }
                        }
                    >
                        <title>{title}</title>
                    </circle>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="axis no-print">
            <svg
                viewBox=format!("0 0 {AXIS_WIDTH} {AXIS_HEIGHT}")
                role="group"
                aria-label="Events on a time axis; Tab to an event and press Enter to show it in the list"
            >
                <line x1=AXIS_MARGIN x2=AXIS_WIDTH - AXIS_MARGIN y1=AXIS_HEIGHT - 35.0 y2=AXIS_HEIGHT - 35.0 class="axis-line" />
                {ticks}
                {marks}
            </svg>
        </figure>
    }
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
            {(!event.people.is_empty()).then(|| view! {
                <p class="event-people">
                    "People: "
                    {event.people.iter().cloned().enumerate().map(|(i, id)| view! {
                        {(i > 0).then_some(", ")}
                        <PersonLink id />
                    }).collect_view()}
                </p>
            })}
            {(!orgs.is_empty()).then(|| view! { <p class="event-orgs">"Organizations: " {orgs}</p> })}
            {event.note.clone().map(|n| view! { <p class="note">"Note: " {n}</p> })}
            <super::disputes::DisputedMarker event=event.id.clone() />
        </li>
    }
}
