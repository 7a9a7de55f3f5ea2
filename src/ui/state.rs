//! The app's shared state: saved progress as a signal, the notices about storage, and
//! saving after every change: under a cross-tab lock where the browser has the Web Locks
//! API, merged with what other tabs wrote (heard through the `storage` event, whose text is
//! merged even if that tab has closed since), and flushed on `pagehide` so that closing a
//! tab at once loses nothing.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::browser::{now, settle};
use crate::progress::format::SavedProgress;
use crate::progress::saving::Heard;
use crate::progress::store::{self, Notice, SaveError, Store};

/// The name of the Web Lock every tab takes to read, merge and write progress.
const LOCK: &str = "nkvd-study/progress";

/// Shared state, provided as context by the app shell.
#[derive(Clone, Copy)]
pub struct AppState {
    pub progress: RwSignal<SavedProgress>,
    pub notices: RwSignal<Vec<Notice>>,
    store: StoredValue<Store, LocalStorage>,
    /// Whether progress has changed since it was last written.
    dirty: StoredValue<bool>,
}

/// Runs `work` holding the app's Web Lock, so that no other tab reads or writes progress
/// meanwhile; at once where the browser has no Web Locks (there, a tab that saved over
/// another's write merges that write back in when it hears of it).
fn with_lock(work: impl FnOnce() + 'static) {
    let work = Rc::new(RefCell::new(Some(work)));
    let run = {
        let work = Rc::clone(&work);
        move || {
            if let Some(work) = work.borrow_mut().take() {
                work();
            }
        }
    };
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let locks = get(&window().navigator(), "locks");
    let request = locks
        .as_ref()
        .and_then(|l| get(l, "request"))
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else {
        run();
        return;
    };
    let granted = Closure::once_into_js({
        let run = run.clone();
        move |_lock: wasm_bindgen::JsValue| run()
    });
    match request
        .call2(&locks, &wasm_bindgen::JsValue::from_str(LOCK), &granted)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        // A refused lock (an opaque origin, say) saves anyway.
        Some(promise) => settle(promise, move |outcome| {
            if outcome.is_err() {
                run();
            }
        }),
        None => run(),
    }
}

impl AppState {
    /// Opens storage, reads progress, follows other tabs' saves, and flushes on `pagehide`.
    pub fn open() -> Self {
        let opened = store::open(now().now_ms);
        let state = Self {
            progress: RwSignal::new(opened.progress),
            notices: RwSignal::new(opened.notices),
            store: StoredValue::new_local(opened.store),
            dirty: StoredValue::new(false),
        };
        let heard = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(store::KEY) {
                return;
            }
            let written = event.new_value();
            let current = state.progress.get_untracked();
            match state
                .store
                .with_value(|s| s.heard(&current, written.as_deref()))
            {
                Heard::Adopt { merged, write_back } => {
                    if merged != current {
                        state.progress.set(merged);
                    }
                    if write_back {
                        state.save();
                    }
                }
                Heard::Newer { version } => state.notify(Notice::Newer { version }),
                Heard::Nothing => {}
            }
        });
        let leaving = window_event_listener_untyped("pagehide", move |_| state.flush());
        on_cleanup(move || {
            heard.remove();
            leaving.remove();
        });
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

    /// Saves the current progress as soon as this tab holds the lock; on failure, keeps it
    /// in memory and says so.
    pub fn save(&self) {
        self.dirty.set_value(true);
        let state = *self;
        with_lock(move || state.flush());
    }

    /// Writes progress now if it changed since the last write (read, merge, write).
    fn flush(&self) {
        if !self.dirty.get_value() {
            return;
        }
        self.dirty.set_value(false);
        let current = self.progress.get_untracked();
        match self.store.with_value(|s| s.save(&current, now().now_ms)) {
            Ok(saved) => {
                if saved.progress != current {
                    self.progress.set(saved.progress);
                }
                // A save that works again clears an earlier "full" or "refused" notice.
                self.notices
                    .update(|n| n.retain(|n| !matches!(n, Notice::Full | Notice::Refused { .. })));
                if let Some(notice) = saved.notice {
                    self.notify(notice);
                }
            }
            Err(error) => {
                if let Some(notice) = error.notice() {
                    self.notify(notice);
                }
            }
        }
    }

    /// Replaces all progress (import "replace" or reset; `progress` carries a new lineage, so
    /// other tabs adopt it instead of merging their older copy back in). Says whether it was
    /// saved: the change holds in this tab either way.
    pub fn replace(&self, progress: SavedProgress) -> Result<(), SaveError> {
        self.progress.set(progress.clone());
        self.dirty.set_value(false);
        let saved = self.store.with_value(|s| s.replace(&progress));
        if let Err(error) = &saved
            && let Some(notice) = error.notice()
        {
            self.notify(notice);
        }
        saved
    }

    /// Removes unreadable saved data that could not be kept aside (the student has been
    /// offered its download and confirmed), then saves again.
    pub fn clear_stuck(&self) -> Result<(), SaveError> {
        self.store.with_value(Store::clear_stuck)?;
        self.notices
            .update(|n| n.retain(|n| !matches!(n, Notice::UnreadableNotKept { .. })));
        self.save();
        Ok(())
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
