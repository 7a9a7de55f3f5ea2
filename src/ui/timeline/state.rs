//! The timeline view's state: the filters, the selected event, the window of time shown and
//! the room the drawing has, with the actions a key, a button or a gesture takes on them.

use leptos::prelude::*;

use crate::content::corpus;
use crate::route::{Query, Route};
use crate::timeline::action::Action;
use crate::timeline::layout::{self, Entry, Era, Frame, Layout};
use crate::timeline::window::{Bounds, Window};
use crate::timeline::{self, Filter};

fn non_empty(value: String) -> Option<String> {
    (!value.is_empty()).then_some(value)
}

#[derive(Clone, Copy)]
pub struct TimelineState {
    pub person: RwSignal<String>,
    pub group: RwSignal<String>,
    pub era: RwSignal<String>,
    pub selected: RwSignal<String>,
    /// The time shown; `None` is all of it.
    pub window: RwSignal<Option<Window>>,
    pub frame: RwSignal<Frame>,
    /// The ids of the events the filters leave, in timeline order.
    pub shown: Memo<Vec<String>>,
    pub bounds: Memo<Option<Bounds>>,
    pub layout: Memo<Option<Layout>>,
}

impl TimelineState {
    pub fn new(query: &Query) -> Self {
        let corpus = corpus();
        let person = RwSignal::new(query.get("person").unwrap_or_default().to_string());
        let group = RwSignal::new(query.get("group").unwrap_or_default().to_string());
        let era = RwSignal::new(query.get("era").unwrap_or_default().to_string());
        let selected = RwSignal::new(query.get("event").unwrap_or_default().to_string());
        let window = RwSignal::new(None);
        let frame = RwSignal::new(Frame::for_screen(1000.0, 800.0));
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
        let bounds = Memo::new(move |_| {
            shown.with(|ids| {
                let extents: Vec<_> = ids
                    .iter()
                    .filter_map(|id| corpus.event(id))
                    .map(timeline::event_extent)
                    .collect();
                Bounds::around(&extents)
            })
        });
        let eras: Vec<Era<'static>> = timeline::era_bands(&corpus.eras);
        let layout = Memo::new(move |_| {
            let bounds = bounds.get()?;
            let entries: Vec<Entry<'static>> = shown.with(|ids| {
                ids.iter()
                    .filter_map(|id| corpus.event(id))
                    .map(|e| Entry {
                        id: &e.id,
                        title: &e.title,
                        extent: timeline::event_extent(e),
                    })
                    .collect()
            });
            let w = window.get().unwrap_or(Window::all(bounds)).clamp(bounds);
            let selected = selected.get();
            Some(layout::layout(
                frame.get(),
                w,
                &entries,
                &eras,
                Some(selected.as_str()),
            ))
        });
        Self {
            person,
            group,
            era,
            selected,
            window,
            frame,
            shown,
            bounds,
            layout,
        }
    }

    /// The view's address, so that a link reopens it with the same filters and event.
    pub fn href(&self) -> String {
        let query = Query::default()
            .with("person", &self.person.get())
            .with("group", &self.group.get())
            .with("era", &self.era.get())
            .with("event", &self.selected.get());
        Route::Timeline { query }.href()
    }

    /// The window shown now.
    pub fn current_window(&self) -> Option<Window> {
        let bounds = self.bounds.get_untracked()?;
        Some(
            self.window
                .get_untracked()
                .unwrap_or(Window::all(bounds))
                .clamp(bounds),
        )
    }

    /// How many days the axis shows (tracked; for tests and tools that read the page).
    pub fn current_days(&self) -> Option<i64> {
        let bounds = self.bounds.get()?;
        let window = self
            .window
            .get()
            .unwrap_or(Window::all(bounds))
            .clamp(bounds);
        Some((window.width() * 365.25).round() as i64)
    }

    /// Selects an event and moves the window, if need be, to show it.
    pub fn select(&self, id: &str) {
        self.selected.set(id.to_string());
        let (Some(event), Some(bounds), Some(window)) = (
            corpus().event(id),
            self.bounds.get_untracked(),
            self.current_window(),
        ) else {
            return;
        };
        let revealed = window.reveal(&timeline::event_extent(event), bounds);
        if revealed != window {
            self.window.set(Some(revealed));
        }
    }

    /// Zooms, pans or steps; returns the event stepped to, if any.
    pub fn act(&self, action: Action) -> Option<String> {
        match action {
            Action::Previous | Action::Next => {
                let next = self.shown.with_untracked(|ids| {
                    timeline::step(ids, &self.selected.get_untracked(), action == Action::Next)
                        .cloned()
                })?;
                self.select(&next);
                Some(next)
            }
            _ => {
                let (Some(bounds), Some(window)) =
                    (self.bounds.get_untracked(), self.current_window())
                else {
                    return None;
                };
                let anchor = self
                    .selected
                    .with_untracked(|id| corpus().event(id).map(timeline::event_extent))
                    .filter(|e| e.overlaps(window.start, window.end))
                    .map_or(window.middle(), |e| (e.start + e.end) / 2.0);
                self.window.set(Some(action.apply(window, bounds, anchor)));
                None
            }
        }
    }

    /// Zooms by `factor` around a point of the drawing (a pinch or ctrl + wheel).
    pub fn zoom_at(&self, factor: f64, share: f64) {
        let (Some(bounds), Some(window)) = (self.bounds.get_untracked(), self.current_window())
        else {
            return;
        };
        let anchor = window.start + share.clamp(0.0, 1.0) * window.width();
        self.window.set(Some(window.zoom(factor, anchor, bounds)));
    }

    /// Pans by a share of the window (a drag or a sideways wheel).
    pub fn pan_by(&self, share: f64) {
        let (Some(bounds), Some(window)) = (self.bounds.get_untracked(), self.current_window())
        else {
            return;
        };
        self.window.set(Some(window.pan(share, bounds)));
    }
}
