//! The saved progress format: one versioned JSON document holding card states, the review
//! history, quiz results and settings, and reading it (with migrations from earlier
//! versions, in `earlier`). Combining two copies is `merge`'s; keeping what can be kept of a
//! damaged file is `salvage`'s.
//!
//! Versions:
//! - 1: cards, reviews, quizzes, settings.
//! - 2: adds `lineage_ms` (when progress was last reset or replaced) and `undone` (reviews
//!   taken back with undo), so another tab's older copy cannot bring them back.
//! - 3: every review has an id ([`ReviewId`]) and is written as a compact row
//!   `[id, card, grade, at_ms, was_new]`; undone reviews are named by id. Top-level fields
//!   this version does not know are kept and written back.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::earlier;
use crate::study::review_id::ReviewId;
use crate::study::schedule::{CardState, Grade, ReviewRecord, Settings};

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 3;

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

/// A review taken back with undo: its id, and the card and moment, so that the card state
/// it produced is recognised in any copy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Undone {
    pub id: ReviewId,
    pub card: String,
    pub at_ms: i64,
}

impl Undone {
    pub fn of(review: &ReviewRecord) -> Self {
        Self {
            id: review.id,
            card: review.card.clone(),
            at_ms: review.at_ms,
        }
    }
}

/// Everything the app saves (format version 3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedProgress {
    pub version: u32,
    /// When this progress was last reset or replaced by an import (0: never). A copy from an
    /// older lineage (another tab that has not seen the reset) is not merged back in.
    pub lineage_ms: i64,
    pub cards: BTreeMap<String, CardState>,
    #[serde(with = "rows")]
    pub reviews: Vec<ReviewRecord>,
    /// Reviews taken back with undo; merging never brings them (or the card state they
    /// produced) back.
    pub undone: Vec<Undone>,
    pub quizzes: Vec<QuizRecord>,
    pub settings: Settings,
    /// Top-level fields this version does not know, kept as they were and written back.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Default for SavedProgress {
    fn default() -> Self {
        Self {
            version: CURRENT_VERSION,
            lineage_ms: 0,
            cards: BTreeMap::new(),
            reviews: Vec::new(),
            undone: Vec::new(),
            quizzes: Vec::new(),
            settings: Settings::default(),
            extra: BTreeMap::new(),
        }
    }
}

/// The top-level fields of the current version; any other field goes to `extra`.
pub(super) const KNOWN_FIELDS: [&str; 7] = [
    "version",
    "lineage_ms",
    "cards",
    "reviews",
    "undone",
    "quizzes",
    "settings",
];

/// A review as version 3 writes it: `[id, card, grade, at_ms, was_new]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ReviewRow(ReviewId, String, Grade, i64, bool);

impl From<ReviewRow> for ReviewRecord {
    fn from(ReviewRow(id, card, grade, at_ms, was_new): ReviewRow) -> Self {
        ReviewRecord {
            id,
            card,
            grade,
            at_ms,
            was_new,
        }
    }
}

/// Reviews as a list of compact rows (about half the size of objects with field names).
mod rows {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::ReviewRow;
    use crate::study::schedule::ReviewRecord;

    pub fn serialize<S: Serializer>(
        reviews: &[ReviewRecord],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            reviews
                .iter()
                .map(|r| (r.id, r.card.as_str(), r.grade, r.at_ms, r.was_new)),
        )
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<ReviewRecord>, D::Error> {
        let rows = Vec::<ReviewRow>::deserialize(deserializer)?;
        Ok(rows.into_iter().map(ReviewRecord::from).collect())
    }
}

/// Version 3's known fields, as read.
#[derive(Deserialize)]
struct V3 {
    #[serde(default)]
    lineage_ms: i64,
    #[serde(default)]
    cards: BTreeMap<String, CardState>,
    #[serde(default, with = "rows")]
    reviews: Vec<ReviewRecord>,
    #[serde(default)]
    undone: Vec<Undone>,
    #[serde(default)]
    quizzes: Vec<QuizRecord>,
    #[serde(default)]
    settings: Settings,
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

/// A parsed file's top-level object and its format version, checked to be one this build
/// can read.
pub(super) fn parse(text: &str) -> Result<(serde_json::Map<String, Value>, u32), ReadError> {
    if text.len() > MAX_BYTES {
        return Err(ReadError::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let Value::Object(object) = value else {
        return Err(ReadError::NotProgress("it is not an object".to_string()));
    };
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::NotProgress("it has no version number".to_string()))?;
    let version = u32::try_from(version).map_err(|_| ReadError::FromTheFuture(u32::MAX))?;
    if version > CURRENT_VERSION {
        return Err(ReadError::FromTheFuture(version));
    }
    if version == 0 {
        return Err(ReadError::NotProgress(
            "unknown format version 0".to_string(),
        ));
    }
    Ok((object, version))
}

/// Splits the fields this version does not know off a file's top-level object.
pub(super) fn take_extra(object: &mut serde_json::Map<String, Value>) -> BTreeMap<String, Value> {
    let unknown: Vec<String> = object
        .keys()
        .filter(|k| !KNOWN_FIELDS.contains(&k.as_str()))
        .cloned()
        .collect();
    unknown
        .into_iter()
        .filter_map(|k| object.remove(&k).map(|v| (k, v)))
        .collect()
}

/// Reads saved progress of any version this build knows, migrating it to the current one.
pub fn read(text: &str) -> Result<SavedProgress, ReadError> {
    let (mut object, version) = parse(text)?;
    let extra = take_extra(&mut object);
    let not_progress = |e: serde_json::Error| ReadError::NotProgress(e.to_string());
    let value = Value::Object(object);
    // Each earlier version has an arm that migrates it to the current one.
    let mut progress = match version {
        1 => earlier::from_v1(serde_json::from_value(value).map_err(not_progress)?),
        2 => earlier::from_v2(serde_json::from_value(value).map_err(not_progress)?),
        _ => {
            let v3: V3 = serde_json::from_value(value).map_err(not_progress)?;
            SavedProgress {
                version: CURRENT_VERSION,
                lineage_ms: v3.lineage_ms,
                cards: v3.cards,
                reviews: v3.reviews,
                undone: v3.undone,
                quizzes: v3.quizzes,
                settings: v3.settings,
                extra: BTreeMap::new(),
            }
        }
    };
    progress.settings = progress.settings.clamped();
    progress.extra = extra;
    Ok(progress)
}

/// Writes progress as JSON.
pub fn write(progress: &SavedProgress) -> String {
    serde_json::to_string(progress).unwrap_or_else(|_| "{}".to_string())
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
pub(super) mod tests {
    use super::*;
    use crate::study::schedule::review;

    pub const T: i64 = 1_767_268_800_000;

    /// A review of `card` at `at_ms`, its id derived from the time.
    pub fn record(card: &str, grade: Grade, at_ms: i64, was_new: bool) -> ReviewRecord {
        ReviewRecord {
            id: ReviewId::from_random(at_ms as u64 ^ 0x5eed),
            card: card.into(),
            grade,
            at_ms,
            was_new,
        }
    }

    pub fn sample() -> SavedProgress {
        let settings = Settings::default();
        let mut p = SavedProgress::default();
        let state = review(None, Grade::Good, T, &settings);
        p.cards.insert("person:yezhov".into(), state);
        p.reviews
            .push(record("person:yezhov", Grade::Good, T, true));
        p
    }

    #[test]
    fn current_version_round_trips() {
        let p = sample();
        assert_eq!(read(&write(&p)).unwrap(), p);
        assert!(
            write(&p).contains(r#""reviews":[["#),
            "reviews are written as rows"
        );
    }

    #[test]
    fn unknown_top_level_fields_survive_a_write() {
        let mut text = write(&sample());
        text.insert_str(1, r#""streak":{"days":12},"theme":"dark","#);
        let p = read(&text).unwrap();
        assert_eq!(p.extra["theme"], Value::String("dark".into()));
        let again = write(&p);
        assert!(again.contains(r#""streak":{"days":12}"#), "{again}");
        assert!(again.contains(r#""theme":"dark""#));
        assert_eq!(read(&again).unwrap(), p);
        // A known field is never doubled by an extra one of the same name.
        assert!(KNOWN_FIELDS.iter().all(|k| !p.extra.contains_key(*k)));
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
        assert_eq!(
            read("{\"version\": 4, \"reviews\": \"elsewhere\"}"),
            Err(ReadError::FromTheFuture(4))
        );
        assert!(matches!(
            read("{\"version\": 0}"),
            Err(ReadError::NotProgress(_))
        ));
        assert!(matches!(
            read(r#"{"version":3,"reviews":[["not an id!","c","good",1,true]]}"#),
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
}
