//! The student's name for result codes, kept in localStorage under its own key (apart from
//! the saved progress), read and written without ever panicking.

/// The localStorage key of the student's name.
pub const STORAGE_KEY: &str = "nkvd-study/student-name";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The name saved on this device, empty if none.
pub fn load() -> String {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Saves the name (an empty one is forgotten); a refusal is ignored.
pub fn save(name: &str) {
    if let Some(storage) = storage() {
        let _ = if name.trim().is_empty() {
            storage.remove_item(STORAGE_KEY)
        } else {
            storage.set_item(STORAGE_KEY, name.trim())
        };
    }
}
