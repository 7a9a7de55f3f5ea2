//! The quiz in progress in localStorage, under its own key: read, written and removed without
//! ever panicking. Storage that is blocked or full simply means no resume.

use crate::study::quiz_run::{STORAGE_KEY, SavedRun};

fn storage() -> Option<web_sys::Storage> {
    // The getter throws where storage is blocked: no storage then.
    web_sys::window()?.local_storage().ok()?
}

/// The saved quiz in progress, if there is one this version can read.
pub fn load() -> Option<SavedRun> {
    let text = storage()?.get_item(STORAGE_KEY).ok()??;
    SavedRun::from_json(&text).ok()
}

/// Saves the quiz in progress; a refusal (storage full or blocked) is ignored.
pub fn save(saved: &SavedRun) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &saved.to_json());
    }
}

/// Forgets the quiz in progress.
pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}
