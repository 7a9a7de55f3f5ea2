//! The saved progress format: one versioned JSON document holding card states, the review
//! history, quiz results and settings; reading it (with migrations from earlier versions),
//! and merging two copies so that no review is lost.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::study::schedule::{CardState, ReviewRecord, Settings};

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// The largest progress file accepted (import or storage): far beyond years of reviews.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// A finished quiz, as kept in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizRecord {
    pub at_ms: i64,
    /// The share link's query (settings and seed).
    pub settings: String,
    pub correct: u32,
    pub total: u32,
    /// Ids of the questions answered wrongly.
    #[serde(default)]
    pub missed: Vec<String>,
}

/// Everything the app saves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedProgress {
    pub version: u32,
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    #[serde(default)]
    pub reviews: Vec<ReviewRecord>,
    #[serde(default)]
    pub quizzes: Vec<QuizRecord>,
    #[serde(default)]
    pub settings: Settings,
}

impl Default for SavedProgress {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            cards: BTreeMap::new(),
            reviews: Vec::new(),
            quizzes: Vec::new(),
            settings: Settings::default(),
        }
    }
}

/// Why saved progress could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Empty,
    TooLarge(usize),
    NotJson(String),
    NotProgress(String),
    FromTheFuture(u32),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "the file is empty"),
            ReadError::TooLarge(n) => write!(
                f,
                "the file is {} KB, more than the {} KB a progress file can be",
                n / 1024,
                MAX_BYTES / 1024
            ),
            ReadError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            ReadError::NotProgress(e) => {
                write!(f, "it is JSON but not progress from this app ({e})")
            }
            ReadError::FromTheFuture(v) => write!(
                f,
                "it was saved by a newer version of the app (format {v}; this one reads up to {CURRENT_VERSION})"
            ),
        }
    }
}

/// Reads saved progress of any version this build knows, migrating it to the current one.
pub fn read(text: &str) -> Result<SavedProgress, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| ReadError::NotProgress("it has no version number".to_string()))?;
    let version = u32::try_from(version).map_err(|_| ReadError::FromTheFuture(u32::MAX))?;
    // Each earlier version gets an arm here that migrates it to the current one; version 1
    // is the first the app has ever written, so there is nothing to migrate yet.
    let mut progress = match version {
        CURRENT_VERSION => serde_json::from_value::<SavedProgress>(value)
            .map_err(|e| ReadError::NotProgress(e.to_string()))?,
        v if v > CURRENT_VERSION => return Err(ReadError::FromTheFuture(v)),
        v => {
            return Err(ReadError::NotProgress(format!(
                "unknown format version {v}"
            )));
        }
    };
    progress.settings = progress.settings.clamped();
    Ok(progress)
}

/// Writes progress as JSON.
pub fn write(progress: &SavedProgress) -> String {
    serde_json::to_string(progress).unwrap_or_else(|_| "{}".to_string())
}

/// Combines two copies (two tabs, or an import) so that nothing is lost: every review from
/// either, each card's state from whichever copy reviewed it last, every quiz. Settings come
/// from `ours`.
pub fn merge(ours: &SavedProgress, theirs: &SavedProgress) -> SavedProgress {
    let mut cards = ours.cards.clone();
    for (id, state) in &theirs.cards {
        match cards.get(id) {
            Some(mine) if mine.last_review_ms >= state.last_review_ms => {}
            _ => {
                cards.insert(id.clone(), state.clone());
            }
        }
    }
    let mut reviews = ours.reviews.clone();
    for review in &theirs.reviews {
        if !reviews
            .iter()
            .any(|r| r.card == review.card && r.at_ms == review.at_ms)
        {
            reviews.push(review.clone());
        }
    }
    reviews.sort_by(|a, b| a.at_ms.cmp(&b.at_ms).then(a.card.cmp(&b.card)));
    let mut quizzes = ours.quizzes.clone();
    for quiz in &theirs.quizzes {
        if !quizzes
            .iter()
            .any(|q| q.at_ms == quiz.at_ms && q.settings == quiz.settings)
        {
            quizzes.push(quiz.clone());
        }
    }
    quizzes.sort_by_key(|q| q.at_ms);
    SavedProgress {
        version: CURRENT_VERSION,
        cards,
        reviews,
        quizzes,
        settings: ours.settings.clone(),
    }
}

/// A short description for an import preview: "12 cards studied, 40 reviews, 2 quizzes".
pub fn summary(progress: &SavedProgress) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {}",
        plural(progress.cards.len(), "card studied", "cards studied"),
        plural(progress.reviews.len(), "review", "reviews"),
        plural(progress.quizzes.len(), "quiz", "quizzes")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::schedule::{Grade, review};

    const T: i64 = 1_767_268_800_000;

    fn sample() -> SavedProgress {
        let settings = Settings::default();
        let mut p = SavedProgress::default();
        let state = review(None, Grade::Good, T, &settings);
        p.cards.insert("person:yezhov".into(), state);
        p.reviews.push(ReviewRecord {
            card: "person:yezhov".into(),
            grade: Grade::Good,
            at_ms: T,
            was_new: true,
        });
        p
    }

    #[test]
    fn current_version_round_trips() {
        let p = sample();
        assert_eq!(read(&write(&p)).unwrap(), p);
    }

    #[test]
    fn unreadable_inputs_get_a_reason() {
        assert_eq!(read(""), Err(ReadError::Empty));
        assert!(matches!(
            read("{\"version\": 1, \"cards\": "),
            Err(ReadError::NotJson(_))
        ));
        assert!(matches!(read("[1,2,3]"), Err(ReadError::NotProgress(_))));
        assert!(matches!(
            read("{\"version\": 1, \"cards\": 5}"),
            Err(ReadError::NotProgress(_))
        ));
        assert_eq!(read("{\"version\": 99}"), Err(ReadError::FromTheFuture(99)));
        assert!(matches!(
            read("{\"version\": 0}"),
            Err(ReadError::NotProgress(_))
        ));
        let huge = format!("{{\"version\":1,\"pad\":\"{}\"}}", "x".repeat(MAX_BYTES));
        assert!(matches!(read(&huge), Err(ReadError::TooLarge(_))));
    }

    #[test]
    fn out_of_range_settings_are_clamped() {
        let text = r#"{"version":1,"settings":{"desired_retention":5.0,"new_per_day":100000}}"#;
        let p = read(text).unwrap();
        assert!(p.settings.desired_retention <= 0.99);
        assert_eq!(p.settings.new_per_day, 500);
    }

    #[test]
    fn merge_keeps_every_review_and_the_latest_card_state() {
        let settings = Settings::default();
        let ours = sample();
        let mut theirs = sample();
        let later = review(
            theirs.cards.get("person:yezhov"),
            Grade::Easy,
            T + 600_000,
            &settings,
        );
        theirs.cards.insert("person:yezhov".into(), later.clone());
        theirs.reviews.push(ReviewRecord {
            card: "person:yezhov".into(),
            grade: Grade::Easy,
            at_ms: T + 600_000,
            was_new: false,
        });
        theirs.cards.insert("event:x".into(), later.clone());
        let merged = merge(&ours, &theirs);
        assert_eq!(merged.reviews.len(), 2, "the shared review is not doubled");
        assert_eq!(merged.cards["person:yezhov"], later);
        assert!(merged.cards.contains_key("event:x"));
        assert_eq!(merge(&merged, &ours), merged, "merging is idempotent");
        assert_eq!(
            merge(&theirs, &ours).reviews,
            merged.reviews,
            "order does not matter"
        );
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
            if let Ok(progress) = read(&candidate) {
                assert_eq!(progress.version, CURRENT_VERSION);
                assert!(progress.settings.desired_retention <= 0.99);
            }
        }
    }
}
