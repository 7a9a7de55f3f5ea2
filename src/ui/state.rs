//! The app's shared state: saved progress as a signal, the notices about storage, and
//! saving after every change (merged with other tabs).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::progress::format::{self, SavedProgress};
use crate::progress::store::{self, Notice, SaveError, Store};
use crate::study::schedule::Clock;

/// Shared state, provided as context by the app shell.
#[derive(Clone, Copy)]
pub struct AppState {
    pub progress: RwSignal<SavedProgress>,
    pub notices: RwSignal<Vec<Notice>>,
    store: StoredValue<Store, LocalStorage>,
}

/// The real clock, with the student's time zone.
pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock {
        now_ms: date.get_time() as i64,
        utc_offset_minutes: -(date.get_timezone_offset() as i32),
    }
}

impl AppState {
    /// Opens storage, reads progress, and follows other tabs' saves.
    pub fn open() -> Self {
        let opened = store::open(now().now_ms);
        let state = Self {
            progress: RwSignal::new(opened.progress),
            notices: RwSignal::new(opened.notices),
            store: StoredValue::new_local(opened.store),
        };
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() == Some(store::KEY)
                && let Some(stored) = state.store.with_value(Store::reload)
            {
                let merged = format::sync(&state.progress.get_untracked(), &stored);
                let write_back = format::knows_more(&merged, &stored);
                state.progress.set(merged);
                if write_back {
                    state.save();
                }
            }
        });
        on_cleanup(move || listener.remove());
        state
    }

    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Changes progress and saves it at once.
    pub fn update(&self, change: impl FnOnce(&mut SavedProgress)) {
        self.progress.update(change);
        self.save();
    }

    /// Saves the current progress; on failure, keeps it in memory and says so.
    pub fn save(&self) {
        let current = self.progress.get_untracked();
        match self.store.with_value(|s| s.save(&current)) {
            Ok(merged) => {
                if merged != current {
                    self.progress.set(merged);
                }
                // A save that works again clears an earlier "full" notice.
                self.notices.update(|n| n.retain(|n| *n != Notice::Full));
            }
            Err(SaveError::Full) => self.notify(Notice::Full),
            Err(SaveError::Unavailable | SaveError::Frozen) => {}
        }
    }

    /// Replaces all progress (import "replace" or reset; `progress` carries a new lineage, so
    /// other tabs adopt it instead of merging their older copy back in).
    pub fn replace(&self, progress: SavedProgress) {
        self.progress.set(progress.clone());
        if let Err(SaveError::Full) = self.store.with_value(|s| s.replace(&progress)) {
            self.notify(Notice::Full);
        }
    }

    fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Whether progress is currently being saved.
    pub fn saving(&self) -> bool {
        !self.notices.with(|n| n.iter().any(Notice::blocks_saving))
    }
}

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The storage notices, shown at the top of every view until dismissed (the ones about
/// saving stay while they hold).
#[component]
pub fn Notices() -> impl IntoView {
    let state = AppState::get();
    move || {
        state
            .notices
            .get()
            .into_iter()
            .map(|notice| {
                let (text, data) = match &notice {
                    Notice::Unreadable {
                        reason,
                        data,
                        salvaged,
                        ..
                    } => (
                        match salvaged {
                            Some((kept, dropped)) => format!(
                                "Part of your saved progress could not be read: {reason}. The app kept \
                                 the {kept} readable {} and left out {dropped} unreadable {}. The saved \
                                 data is kept aside unchanged; you can download it.",
                                plural(*kept, "item", "items"),
                                plural(*dropped, "item", "items"),
                            ),
                            None => format!(
                                "Your saved progress could not be read: {reason}. The app started \
                                 afresh. The unreadable data is kept aside unchanged; you can download it."
                            ),
                        },
                        Some(data.clone()),
                    ),
                    Notice::UnreadableNotKept { reason, data } => (
                        format!(
                            "Your saved progress could not be read: {reason}. To keep it safe, nothing \
                             will be saved over it: progress in this visit is not being saved. Download \
                             it to keep a copy."
                        ),
                        Some(data.clone()),
                    ),
                    Notice::Unavailable => (
                        "This browser does not let the app use local storage (it may be blocked or in \
                         private mode). You can study, but progress is not being saved when you close \
                         the tab. Export it from the Progress page to keep it."
                            .to_string(),
                        None,
                    ),
                    Notice::Full => (
                        "The browser's storage is full, so your latest progress is not being saved. It \
                         is kept while this tab stays open; export it from the Progress page."
                            .to_string(),
                        None,
                    ),
                };
                let dismissable = matches!(notice, Notice::Unreadable { .. });
                let notice_for_dismiss = notice.clone();
                view! {
                    <div class="notice" role="alert">
                        <p>{text}</p>
                        <div class="notice-actions">
                            {data.map(|data| view! {
                                <button type="button" on:click=move |_| download("nkvd-study-unreadable-progress.txt", "text/plain", &data)>
                                    "Download the unreadable data"
                                </button>
                            })}
                            {dismissable.then(|| view! {
                                <button type="button" on:click=move |_| {
                                    let gone = notice_for_dismiss.clone();
                                    state.notices.update(|n| n.retain(|x| *x != gone));
                                }>"Dismiss"</button>
                            })}
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}
