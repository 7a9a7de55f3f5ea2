//! The timeline's drawing: era bands, ticks, and each event the layout placed, as a focusable
//! mark with its title; drag or swipe pans, a pinch or ctrl + wheel zooms. Everything drawn
//! comes from `timeline::layout`; this file only renders it and turns gestures into actions.

use leptos::prelude::*;

use crate::content::corpus;
use crate::timeline;
use crate::timeline::layout::{Orientation, Placed};

use super::focus::keep_focus;
use super::state::TimelineState;

/// A drag shorter than this is a click.
const DRAG_PX: f64 = 6.0;

/// The pointers down on the drawing, for drags and pinches.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    moved: bool,
}

impl Gesture {
    fn spread(&self) -> Option<f64> {
        match self.pointers.as_slice() {
            [a, b] => Some(((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()),
            _ => None,
        }
    }
}

/// The accessible name of an event: its title and date, and a word on disputes.
pub fn event_name(id: &str) -> String {
    let corpus = corpus();
    let Some(event) = corpus.event(id) else {
        return String::new();
    };
    let disputed = corpus
        .disputes
        .iter()
        .any(|d| d.events.iter().any(|e| e == id));
    format!(
        "{}, {}{}",
        event.title,
        timeline::event_date(event),
        if disputed { " (accounts differ)" } else { "" }
    )
}

fn is_disputed(id: &str) -> bool {
    corpus()
        .disputes
        .iter()
        .any(|d| d.events.iter().any(|e| e == id))
}

#[component]
pub fn Axis(
    state: TimelineState,
    on_pick: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let gesture = StoredValue::new(Gesture::default());
    let layout = state.layout;
    let vertical = move || {
        layout.with(|l| {
            l.as_ref()
                .is_some_and(|l| l.orientation == Orientation::Vertical)
        })
    };
    let length = move || {
        layout.with(|l| {
            l.as_ref().map_or(1.0, |l| match l.orientation {
                Orientation::Horizontal => l.width,
                Orientation::Vertical => l.height,
            })
        })
    };

    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        gesture.update_value(|g| {
            if g.pointers.is_empty() {
                g.moved = false;
            }
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((
                ev.pointer_id(),
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
            ));
        });
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let id = ev.pointer_id();
        let mut pan = None;
        let mut zoom = None;
        gesture.update_value(|g| {
            let before = g.spread();
            let Some(at) = g.pointers.iter().position(|p| p.0 == id) else {
                return;
            };
            let (_, px, py) = g.pointers[at];
            if let Some(before) = before {
                g.pointers[at] = (id, x, y);
                if let Some(after) = g.spread()
                    && before > 0.0
                {
                    zoom = Some(after / before);
                    g.moved = true;
                }
                return;
            }
            let delta = if vertical() { y - py } else { x - px };
            if !g.moved && delta.abs() < DRAG_PX {
                return;
            }
            g.moved = true;
            g.pointers[at] = (id, x, y);
            pan = Some(delta);
        });
        if let Some(factor) = zoom {
            state.zoom_at(factor, 0.5);
            keep_focus(None, false);
        } else if let Some(delta) = pan
            && !vertical()
        {
            // Dragging the axis right shows earlier times.
            state.pan_by(-delta / length());
            keep_focus(None, false);
        }
    };
    let on_pointerup = move |ev: leptos::ev::PointerEvent| {
        gesture.update_value(|g| g.pointers.retain(|p| p.0 != ev.pointer_id()));
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        if ev.ctrl_key() || ev.meta_key() {
            ev.prevent_default();
            let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
            state.zoom_at(factor, 0.5);
            keep_focus(None, false);
        } else if !vertical() && ev.delta_x().abs() > ev.delta_y().abs() {
            ev.prevent_default();
            state.pan_by(ev.delta_x() / length());
            keep_focus(None, false);
        }
    };

    let picked = move |id: String| {
        if !gesture.with_value(|g| g.moved) {
            on_pick(id);
        }
    };

    let bands = move || {
        layout.with(|l| {
            l.iter()
                .flat_map(|l| l.bands.iter().cloned())
                .map(|b| {
                    let name = corpus()
                        .era(&b.id)
                        .map(|e| e.name.clone())
                        .unwrap_or_default();
                    view! {
                        <g class=format!("tl-band tl-band-{}", b.index % 3)>
                            <rect x=b.rect.x y=b.rect.y width=b.rect.width height=b.rect.height>
                                <title>{name}</title>
                            </rect>
                            {b.label.map(|t| view! {
                                <text class="tl-band-label" x=t.x y=t.y text-anchor=t.anchor aria-hidden="true">{t.text}</text>
                            })}
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let ticks = move || {
        layout.with(|l| {
            l.iter()
                .flat_map(|l| l.ticks.iter().cloned())
                .map(|t| {
                    view! {
                        <line class="tick" x1=t.line.x1 y1=t.line.y1 x2=t.line.x2 y2=t.line.y2 />
                        <text class="tick-label" x=t.label.x y=t.label.y text-anchor=t.label.anchor aria-hidden="true">{t.label.text}</text>
                    }
                })
                .collect_view()
        })
    };
    let axis_line = move || {
        layout.with(|l| {
            l.as_ref().map(|l| {
                let a = l.axis;
                view! { <line class="axis-line" x1=a.x1 y1=a.y1 x2=a.x2 y2=a.y2 /> }
            })
        })
    };
    let unplaced = move || {
        layout.with(|l| {
            l.iter()
                .flat_map(|l| l.unplaced.iter().cloned())
                .map(|u| {
                    view! {
                        <rect class="tl-axis-mark" class:disputed=is_disputed(&u.id)
                            x=u.mark.x y=u.mark.y width=u.mark.width height=u.mark.height aria-hidden="true" />
                    }
                })
                .collect_view()
        })
    };
    let placed_ids = move || {
        layout.with(|l| {
            l.iter()
                .flat_map(|l| l.placed.iter().map(|p| p.id.clone()))
                .collect::<Vec<_>>()
        })
    };
    let size = move |f: fn(&crate::timeline::layout::Layout) -> f64| {
        move || layout.with(|l| l.as_ref().map_or(0.0, f))
    };

    view! {
        <figure class="axis no-print" class:tl-vertical=vertical>
            <svg
                class="tl-svg"
                width=size(|l| l.width)
                height=size(|l| l.height)
                viewBox=move || layout.with(|l| l.as_ref().map(|l| format!("0 0 {} {}", l.width, l.height)).unwrap_or_default())
                role="group"
                aria-label="Events on a time axis"
                data-days=move || state.current_days()
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:pointerleave=on_pointerup
                on:wheel=on_wheel
            >
                {bands}
                {axis_line}
                {ticks}
                {unplaced}
                <For each=placed_ids key=|id: &String| id.clone() let:id>
                    <EventMark id state on_pick=picked />
                </For>
            </svg>
        </figure>
    }
}

/// One event on the axis: its mark, its title, and a target at least 24 px high that a
/// click, a tap, Enter or Space picks.
#[component]
fn EventMark(
    id: String,
    state: TimelineState,
    on_pick: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let key = id.clone();
    let placed = Memo::new(move |_| {
        state
            .layout
            .with(|l| l.as_ref().and_then(|l| l.placed(&key).cloned()))
            .unwrap_or_default()
    });
    let at = move |f: fn(&Placed) -> f64| move || placed.with(f);
    let selected_id = id.clone();
    let is_selected = Memo::new(move |_| state.selected.with(|s| *s == selected_id));
    let name = event_name(&id);
    let tooltip = name.clone();
    let (pick_click, pick_key) = (id.clone(), id.clone());
    let dom_id = format!("mark-{id}");
    view! {
        <g
            id=dom_id
            class="mark"
            class:selected=move || is_selected.get()
            class:disputed=is_disputed(&id)
            tabindex="0"
            role="button"
            aria-label=name
            aria-pressed=move || if is_selected.get() { "true" } else { "false" }
            on:click=move |_| on_pick(pick_click.clone())
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    on_pick(pick_key.clone());
                }
            }
        >
            <title>{tooltip}</title>
            <rect class="mark-hit" x=at(|p| p.hit.x) y=at(|p| p.hit.y) width=at(|p| p.hit.width) height=at(|p| p.hit.height) rx="4" />
            {move || placed.with(|p| p.leader).map(|l| view! {
                <line class="leader" x1=l.x1 y1=l.y1 x2=l.x2 y2=l.y2 />
            })}
            {move || placed.with(|p| p.axis_mark).map(|m| view! {
                <rect class="tl-axis-mark" x=m.x y=m.y width=m.width height=m.height />
            })}
            {move || placed.with(|p| p.mark.lead_in).map(|l| view! {
                <line class="lead-in" x1=l.x1 y1=l.y1 x2=l.x2 y2=l.y2 />
            })}
            {move || {
                let m = placed.with(|p| p.mark.clone());
                if m.point {
                    view! {
                        <circle class="mark-dot" cx=m.rect.x + m.rect.width / 2.0 cy=m.rect.y + m.rect.height / 2.0 r=m.rect.width / 2.0 />
                    }
                    .into_any()
                } else {
                    view! {
                        <rect class="mark-span" x=m.rect.x y=m.rect.y width=m.rect.width height=m.rect.height rx="3" />
                    }
                    .into_any()
                }
            }}
            <text class="mark-label" x=at(|p| p.label.x) y=at(|p| p.label.y) text-anchor=move || placed.with(|p| p.label.anchor)>
                {move || placed.with(|p| p.label.text.clone())}
            </text>
        </g>
    }
}
