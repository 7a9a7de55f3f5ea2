//! Keeping what can be kept of saved progress that does not read as a whole (one card
//! state of the wrong type, say): item by item, so that one bad entry does not cost months
//! of reviews.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::earlier::{LegacyKey, LegacyReview};
use super::format::{self, CURRENT_VERSION, ReviewRow, SavedProgress, Undone};
use crate::study::schedule::{CardState, ReviewRecord, Settings};

/// What could be kept from a file that [`format::read`] rejects.
#[derive(Debug, Clone, PartialEq)]
pub struct Salvaged {
    pub progress: SavedProgress,
    /// Items (card states, reviews, quiz results, settings) that were readable and kept.
    pub kept: usize,
    /// Items that were not, and are left out.
    pub dropped: usize,
}

/// Counts items kept and dropped while reading them one by one.
#[derive(Default)]
struct Tally {
    kept: usize,
    dropped: usize,
}

impl Tally {
    fn one<T: DeserializeOwned>(&mut self, item: Value) -> Option<T> {
        match serde_json::from_value(item) {
            Ok(item) => {
                self.kept += 1;
                Some(item)
            }
            Err(_) => {
                self.dropped += 1;
                None
            }
        }
    }

    /// The readable items of a list field (a field of another type counts as one dropped).
    fn list<T: DeserializeOwned>(&mut self, field: Option<Value>) -> Vec<T> {
        match field {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list.into_iter().filter_map(|v| self.one(v)).collect(),
            Some(_) => {
                self.dropped += 1;
                Vec::new()
            }
        }
    }
}

/// Keeps every readable item of a JSON file in a known format. `None` when nothing can be
/// kept (not JSON, not an object, a version from the future, or no readable item).
pub fn salvage(text: &str) -> Option<Salvaged> {
    let (mut object, version) = format::parse(text).ok()?;
    let extra = format::take_extra(&mut object);
    let mut tally = Tally::default();
    let (reviews, undone): (Vec<ReviewRecord>, Vec<Undone>) = if version < 3 {
        let reviews: Vec<LegacyReview> = tally.list(object.remove("reviews"));
        let undone: Vec<LegacyKey> = tally.list(object.remove("undone"));
        (
            reviews.into_iter().map(ReviewRecord::from).collect(),
            undone.into_iter().map(Undone::from).collect(),
        )
    } else {
        let rows: Vec<ReviewRow> = tally.list(object.remove("reviews"));
        (
            rows.into_iter().map(ReviewRecord::from).collect(),
            tally.list(object.remove("undone")),
        )
    };
    let quizzes = tally.list(object.remove("quizzes"));
    let mut cards = BTreeMap::new();
    match object.remove("cards") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (id, state) in map {
                if let Some(state) = tally.one::<CardState>(state) {
                    cards.insert(id, state);
                }
            }
        }
        Some(_) => tally.dropped += 1,
    }
    let settings = match object.remove("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(settings) => tally
            .one::<Settings>(settings)
            .map(|s| s.clamped())
            .unwrap_or_default(),
    };
    let lineage_ms = object
        .get("lineage_ms")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    if tally.kept == 0 {
        return None;
    }
    Some(Salvaged {
        progress: SavedProgress {
            version: CURRENT_VERSION,
            lineage_ms,
            cards,
            reviews,
            undone,
            quizzes,
            settings,
            extra,
        },
        kept: tally.kept,
        dropped: tally.dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::earlier::tests::V1_FILE;
    use crate::progress::format::tests::sample;
    use crate::progress::format::{read, write};

    #[test]
    fn a_file_with_some_bad_items_keeps_every_readable_one() {
        let text = V1_FILE
            .replace(r#""grade":"good""#, r#""grade":"superb""#)
            .replace(r#""reps":1"#, r#""reps":"one""#);
        assert!(read(&text).is_err());
        let salvaged = salvage(&text).unwrap();
        assert_eq!(salvaged.dropped, 2);
        assert_eq!(salvaged.kept, 2); // the quiz result and the settings
        assert_eq!(salvaged.progress.quizzes.len(), 1);
        assert!(salvaged.progress.reviews.is_empty());
        assert_eq!(salvaged.progress.settings.new_per_day, 15);
        // The same in version 3's rows.
        let v3 = write(&sample()).replace(r#""good""#, r#""superb""#);
        let salvaged = salvage(&v3).unwrap();
        assert_eq!((salvaged.kept, salvaged.dropped), (2, 1)); // card state, settings; review
        // Nothing readable, not JSON, or from the future: nothing to salvage.
        assert_eq!(salvage(r#"{"version":2,"cards":"lots"}"#), None);
        assert_eq!(salvage(r#"{"version":1,"cards":{"#), None);
        assert_eq!(salvage(r#"{"version":99,"reviews":[]}"#), None);
    }

    #[test]
    fn mutated_files_never_panic_and_valid_ones_stay_valid() {
        // A fuzz-style walk: truncate, flip and splice bytes of a real file.
        let text = write(&sample());
        let bytes = text.as_bytes();
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..3000 {
            let mut mutated = bytes.to_vec();
            match rng.u8(0..4) {
                0 => mutated.truncate(rng.usize(0..bytes.len())),
                1 => {
                    let i = rng.usize(0..mutated.len());
                    mutated[i] = rng.u8(..);
                }
                2 => {
                    let i = rng.usize(0..mutated.len());
                    mutated.insert(i, b"{}[]\",:0-e9"[rng.usize(0..11)]);
                }
                _ => {
                    let i = rng.usize(0..mutated.len());
                    mutated.remove(i);
                }
            }
            let Ok(candidate) = String::from_utf8(mutated) else {
                continue;
            };
            match read(&candidate) {
                Ok(progress) => {
                    assert_eq!(progress.version, CURRENT_VERSION);
                    assert!(progress.settings.desired_retention <= 0.99);
                }
                // What salvage keeps is itself a valid file.
                Err(_) => {
                    if let Some(salvaged) = salvage(&candidate) {
                        assert!(salvaged.kept > 0);
                        assert_eq!(read(&write(&salvaged.progress)), Ok(salvaged.progress));
                    }
                }
            }
        }
    }
}
