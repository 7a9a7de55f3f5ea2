//! localStorage access that never panics and never loses data: reads saved progress (keeping
//! unreadable data aside, untouched), writes after merging with whatever another tab saved,
//! and reports when storage is unavailable or full so the app can say so and keep going in
//! memory.
//!
//! Uses web-sys directly: gloo-storage's `raw()` panics when localStorage is unavailable.

use super::format::{self, ReadError, SavedProgress};

/// Where progress is saved.
pub const KEY: &str = "nkvd-study/progress";
/// Prefix of the keys unreadable data is kept under (followed by the time it was found).
pub const ASIDE_PREFIX: &str = "nkvd-study/unreadable/";

/// Something the student should be told about their saved progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Saved progress could not be read; it is kept aside under `key` and offered for download.
    Unreadable {
        reason: String,
        key: String,
        data: String,
        /// Readable items kept from it and unreadable ones left out, when any were kept.
        salvaged: Option<(usize, usize)>,
    },
    /// Unreadable progress could not even be kept aside, so nothing will be saved over it.
    UnreadableNotKept { reason: String, data: String },
    /// The browser does not allow localStorage (blocked, private mode, …).
    Unavailable,
    /// A write failed (quota exceeded).
    Full,
}

impl Notice {
    /// Whether progress is not being saved while this notice stands.
    pub fn blocks_saving(&self) -> bool {
        !matches!(self, Notice::Unreadable { .. })
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Both the getter and the access can throw (e.g. cookies blocked): treat as unavailable.
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(KEY).ok()?;
    Some(storage)
}

/// The localStorage the app writes to, or none.
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Set when unreadable data could not be kept aside: never write over it.
    frozen: bool,
}

/// What opening the store found.
pub struct Opened {
    pub store: Store,
    pub progress: SavedProgress,
    pub notices: Vec<Notice>,
}

/// Opens localStorage and reads the saved progress.
pub fn open(now_ms: i64) -> Opened {
    let Some(storage) = storage() else {
        return Opened {
            store: Store {
                storage: None,
                frozen: true,
            },
            progress: SavedProgress::default(),
            notices: vec![Notice::Unavailable],
        };
    };
    let raw = storage.get_item(KEY).ok().flatten();
    let Some(raw) = raw else {
        return Opened {
            store: Store {
                storage: Some(storage),
                frozen: false,
            },
            progress: SavedProgress::default(),
            notices: Vec::new(),
        };
    };
    match format::read(&raw) {
        Ok(progress) => Opened {
            store: Store {
                storage: Some(storage),
                frozen: false,
            },
            progress,
            notices: Vec::new(),
        },
        Err(error) => set_aside(storage, raw, &error, now_ms),
    }
}

/// Keeps unreadable data under its own key (once), so that saving new progress never
/// overwrites the only copy.
fn set_aside(storage: web_sys::Storage, raw: String, error: &ReadError, now_ms: i64) -> Opened {
    let reason = error.to_string();
    let salvaged = format::salvage(&raw);
    let counts = salvaged.as_ref().map(|s| (s.kept, s.dropped));
    let existing = aside_keys(&storage)
        .into_iter()
        .find(|key| storage.get_item(key).ok().flatten().as_deref() == Some(raw.as_str()));
    let kept = existing.or_else(|| {
        let key = format!("{ASIDE_PREFIX}{now_ms}");
        storage.set_item(&key, &raw).ok().map(|()| key)
    });
    match kept {
        Some(key) => Opened {
            store: Store {
                storage: Some(storage),
                frozen: false,
            },
            progress: salvaged.map(|s| s.progress).unwrap_or_default(),
            notices: vec![Notice::Unreadable {
                reason,
                key,
                data: raw,
                salvaged: counts,
            }],
        },
        None => Opened {
            store: Store {
                storage: Some(storage),
                frozen: true,
            },
            progress: salvaged.map(|s| s.progress).unwrap_or_default(),
            notices: vec![Notice::UnreadableNotKept { reason, data: raw }],
        },
    }
}

fn aside_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(ASIDE_PREFIX))
        .collect()
}

/// Why a save did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    Unavailable,
    Full,
    /// Unreadable data is in the way and could not be kept aside.
    Frozen,
}

impl Store {
    /// Saves `progress`, first bringing in whatever another tab saved since ([`format::sync`]), and returns
    /// what was written (which the caller should adopt, so both tabs converge).
    pub fn save(&self, progress: &SavedProgress) -> Result<SavedProgress, SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        if self.frozen {
            return Err(SaveError::Frozen);
        }
        let merged = match storage
            .get_item(KEY)
            .ok()
            .flatten()
            .map(|raw| format::read(&raw))
        {
            Some(Ok(stored)) => format::sync(progress, &stored),
            _ => progress.clone(),
        };
        storage
            .set_item(KEY, &format::write(&merged))
            .map_err(|_| SaveError::Full)?;
        Ok(merged)
    }

    /// Replaces saved progress outright (import with "replace", or reset).
    pub fn replace(&self, progress: &SavedProgress) -> Result<(), SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        if self.frozen {
            return Err(SaveError::Frozen);
        }
        storage
            .set_item(KEY, &format::write(progress))
            .map_err(|_| SaveError::Full)
    }

    /// Reads what is saved now (after another tab wrote), if it is readable.
    pub fn reload(&self) -> Option<SavedProgress> {
        let raw = self.storage.as_ref()?.get_item(KEY).ok().flatten()?;
        format::read(&raw).ok()
    }
}
