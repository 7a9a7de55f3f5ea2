//! localStorage access that never panics and never loses data: reads saved progress
//! (keeping unreadable data aside, untouched), carries out the decisions of `saving` when
//! this tab saves or hears of another tab's save, never writes over a copy it cannot read
//! or that a newer version of the app wrote, and tells a full store from a refused write.
//!
//! Uses web-sys directly, not gloo-storage, for three reasons that still hold with the guard
//! below in front of it: gloo-storage's `raw()` panics (`expect_throw`) when localStorage is
//! blocked, where this store must carry on in memory; its `get`/`set` go through serde_json
//! values, so the exact text a tab last wrote (the `known` fast path, and the unreadable copies
//! kept aside byte for byte) could not be compared or kept unchanged; and a failed write must
//! be told apart by the DOMException's name (`QuotaExceededError` is "full", `SecurityError`
//! is "refused"), which web-sys gives as is.

use std::cell::{Cell, RefCell};
use std::fmt;

use super::format::{self, ReadError, SavedProgress};
use super::salvage;
use super::saving::{self, Heard, Plan};

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
    /// Unreadable progress could not even be kept aside, so nothing will be saved over it
    /// until the student downloads it and clears it.
    UnreadableNotKept { reason: String, data: String },
    /// A newer version of the app saved progress (in another tab, or before this page was
    /// opened from an old cache): this page stops writing until it is reloaded.
    Newer { version: u32 },
    /// The browser does not allow localStorage (blocked, private mode, …).
    Unavailable,
    /// A write was refused for another reason than space (named by the browser).
    Refused { name: String },
    /// A write failed for lack of space.
    Full,
}

impl Notice {
    /// Whether progress is not being saved while this notice stands.
    pub fn blocks_saving(&self) -> bool {
        !matches!(self, Notice::Unreadable { .. })
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Unavailable,
    Full,
    /// The browser refused the write, giving this name (e.g. "SecurityError").
    Refused(String),
    /// Unreadable data is in the way and could not be kept aside (with the notice that
    /// says so, when this save found it).
    Stuck(Option<Box<Notice>>),
    /// A newer version of the app saved what is stored.
    Newer(u32),
    /// Saving is stopped for a reason a notice already gives.
    NotSaving,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unavailable => {
                write!(f, "this browser does not let the app use local storage")
            }
            SaveError::Full => write!(f, "the browser's storage is full"),
            SaveError::Refused(name) => write!(f, "the browser refused to save ({name})"),
            SaveError::Stuck(_) => write!(
                f,
                "unreadable saved data is in the way and could not be kept aside"
            ),
            SaveError::NotSaving => write!(
                f,
                "progress is not being saved (see the notice at the top of the page)"
            ),
            SaveError::Newer(v) => write!(
                f,
                "a newer version of the app (format {v}) saved your progress; reload the page"
            ),
        }
    }
}

impl SaveError {
    /// The notice that stands while this error holds.
    pub fn notice(&self) -> Option<Notice> {
        match self {
            SaveError::Full => Some(Notice::Full),
            SaveError::Refused(name) => Some(Notice::Refused { name: name.clone() }),
            SaveError::Newer(version) => Some(Notice::Newer { version: *version }),
            SaveError::Stuck(notice) => notice.as_deref().cloned(),
            SaveError::Unavailable | SaveError::NotSaving => None,
        }
    }
}

/// Why this tab does not write at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Stuck,
    Newer(u32),
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
    stop: Cell<Option<Stop>>,
    /// The text this tab last wrote or read whole: while storage holds it, a save needs no
    /// read and merge.
    known: RefCell<Option<String>>,
}

/// What opening the store found.
pub struct Opened {
    pub store: Store,
    pub progress: SavedProgress,
    pub notices: Vec<Notice>,
}

/// A save that happened: the copy written (which the tab should adopt, so both tabs
/// converge) and, if an unreadable copy was kept aside on the way, the notice to show.
pub struct Saved {
    pub progress: SavedProgress,
    pub notice: Option<Notice>,
}

/// Opens localStorage and reads the saved progress.
pub fn open(now_ms: i64) -> Opened {
    let Some(storage) = storage() else {
        return Opened {
            store: Store {
                storage: None,
                stop: Cell::new(None),
                known: RefCell::new(None),
            },
            progress: SavedProgress::default(),
            notices: vec![Notice::Unavailable],
        };
    };
    let store = Store {
        storage: Some(storage),
        stop: Cell::new(None),
        known: RefCell::new(None),
    };
    let Some(raw) = store.stored() else {
        return Opened {
            store,
            progress: SavedProgress::default(),
            notices: Vec::new(),
        };
    };
    match format::read(&raw) {
        Ok(progress) => {
            store.known.replace(Some(raw));
            Opened {
                store,
                progress,
                notices: Vec::new(),
            }
        }
        Err(ReadError::FromTheFuture(version)) => {
            store.stop.set(Some(Stop::Newer(version)));
            Opened {
                store,
                progress: SavedProgress::default(),
                notices: vec![Notice::Newer { version }],
            }
        }
        Err(error) => {
            let salvaged = salvage::salvage(&raw);
            let counts = salvaged.as_ref().map(|s| (s.kept, s.dropped));
            let progress = salvaged.map(|s| s.progress).unwrap_or_default();
            let notice = store.set_aside(raw, &error, counts, now_ms);
            Opened {
                store,
                progress,
                notices: vec![notice],
            }
        }
    }
}

/// The name a DOMException (or other thrown value) gives.
fn error_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &wasm_bindgen::JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

impl Store {
    fn stored(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(KEY).ok().flatten()
    }

    fn writable(&self) -> Result<&web_sys::Storage, SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        match self.stop.get() {
            Some(Stop::Stuck) => Err(SaveError::Stuck(None)),
            Some(Stop::Newer(v)) => Err(SaveError::Newer(v)),
            None => Ok(storage),
        }
    }

    fn write(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), SaveError> {
        storage
            .set_item(key, text)
            .map_err(|e| match error_name(&e).as_str() {
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Full,
                name => SaveError::Refused(name.to_string()),
            })
    }

    /// Keeps unreadable data under its own key (once), so that saving never overwrites the
    /// only copy; when even that fails, this tab stops writing.
    fn set_aside(
        &self,
        raw: String,
        error: &ReadError,
        salvaged: Option<(usize, usize)>,
        now_ms: i64,
    ) -> Notice {
        let reason = error.to_string();
        let Some(storage) = self.storage.as_ref() else {
            return Notice::Unavailable;
        };
        let existing = aside_keys(storage)
            .into_iter()
            .find(|key| storage.get_item(key).ok().flatten().as_deref() == Some(raw.as_str()));
        let kept = existing.or_else(|| {
            let key = format!("{ASIDE_PREFIX}{now_ms}");
            Self::write(storage, &key, &raw).ok().map(|()| key)
        });
        match kept {
            Some(key) => Notice::Unreadable {
                reason,
                key,
                data: raw,
                salvaged,
            },
            None => {
                self.stop.set(Some(Stop::Stuck));
                Notice::UnreadableNotKept { reason, data: raw }
            }
        }
    }

    /// Saves `progress`, first bringing in whatever another tab saved since; an unreadable
    /// stored copy is kept aside first (its readable items merged in), and a newer version's
    /// copy is left alone (this tab then stops writing).
    pub fn save(&self, progress: &SavedProgress, now_ms: i64) -> Result<Saved, SaveError> {
        let storage = self.writable()?;
        let stored = self.stored();
        let plan = saving::plan(progress, stored.as_deref(), self.known.borrow().as_deref());
        match plan {
            Plan::Write(merged) => {
                let text = format::write(&merged);
                Self::write(storage, KEY, &text)?;
                self.known.replace(Some(text));
                Ok(Saved {
                    progress: merged,
                    notice: None,
                })
            }
            Plan::SetAsideThenWrite {
                merged,
                reason,
                salvaged,
            } => {
                let notice = self.set_aside(stored.unwrap_or_default(), &reason, salvaged, now_ms);
                if let Notice::UnreadableNotKept { .. } = notice {
                    return Err(SaveError::Stuck(Some(Box::new(notice))));
                }
                let text = format::write(&merged);
                Self::write(storage, KEY, &text)?;
                self.known.replace(Some(text));
                Ok(Saved {
                    progress: merged,
                    notice: Some(notice),
                })
            }
            Plan::Stop { version } => {
                self.stop.set(Some(Stop::Newer(version)));
                Err(SaveError::Newer(version))
            }
        }
    }

    /// Replaces saved progress outright (import with "replace", or reset). A newer
    /// version's copy is not replaced by an older version.
    pub fn replace(&self, progress: &SavedProgress) -> Result<(), SaveError> {
        let storage = self.writable()?;
        if let Some(Err(ReadError::FromTheFuture(version))) =
            self.stored().map(|s| format::read(&s))
        {
            self.stop.set(Some(Stop::Newer(version)));
            return Err(SaveError::Newer(version));
        }
        let text = format::write(progress);
        Self::write(storage, KEY, &text)?;
        self.known.replace(Some(text));
        Ok(())
    }

    /// What to do on hearing that another tab wrote `written` (`None`: it removed the key).
    pub fn heard(&self, ours: &SavedProgress, written: Option<&str>) -> Heard {
        let Some(written) = written else {
            return Heard::Nothing;
        };
        let heard = saving::heard(ours, written, self.stored().as_deref());
        if let Heard::Newer { version } = heard {
            self.stop.set(Some(Stop::Newer(version)));
        }
        heard
    }

    /// The way out of a stuck store: removes the unreadable copy that could not be kept
    /// aside (after the student has downloaded it), so that saving can start again.
    pub fn clear_stuck(&self) -> Result<(), SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        if self.stop.get() != Some(Stop::Stuck) {
            return Ok(());
        }
        storage
            .remove_item(KEY)
            .map_err(|e| SaveError::Refused(error_name(&e)))?;
        self.stop.set(None);
        Ok(())
    }
}

fn aside_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(ASIDE_PREFIX))
        .collect()
}
