//! The saved progress format: one versioned JSON document holding card states, the review
//! history, quiz results and settings; reading it (with migrations from earlier versions),
//! and combining two copies (two tabs, or an import) so that no review is lost and no undo
//! or reset is reverted.
//!
//! Versions:
//! - 1: cards, reviews, quizzes, settings.
//! - 2: adds `lineage_ms` (when progress was last reset or replaced) and `undone` (reviews
//!   taken back with undo), so another tab's older copy cannot bring them back.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::study::schedule::{CardState, ReviewRecord, Settings};

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 2;

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

/// Names one review: the card and the moment it was graded.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ReviewKey {
    pub card: String,
    pub at_ms: i64,
}

impl ReviewKey {
    pub fn of(review: &ReviewRecord) -> Self {
        Self {
            card: review.card.clone(),
            at_ms: review.at_ms,
        }
    }
}

/// Everything the app saves (format version 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedProgress {
    pub version: u32,
    /// When this progress was last reset or replaced by an import (0: never). A copy from an
    /// older lineage (another tab that has not seen the reset) is not merged back in.
    #[serde(default)]
    pub lineage_ms: i64,
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    #[serde(default)]
    pub reviews: Vec<ReviewRecord>,
    /// Reviews taken back with undo; merging never brings them (or the card state they
    /// produced) back.
    #[serde(default)]
    pub undone: Vec<ReviewKey>,
    #[serde(default)]
    pub quizzes: Vec<QuizRecord>,
    #[serde(default)]
    pub settings: Settings,
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
        }
    }
}

/// Earlier formats, kept exactly as they were written, and their migrations.
mod earlier {
    use super::*;

    /// Format version 1 (the first release).
    #[derive(Deserialize)]
    pub struct V1 {
        #[serde(default)]
        pub cards: BTreeMap<String, CardState>,
        #[serde(default)]
        pub reviews: Vec<ReviewRecord>,
        #[serde(default)]
        pub quizzes: Vec<QuizRecord>,
        #[serde(default)]
        pub settings: Settings,
    }

    /// Version 1 → 2: nothing was ever reset under lineage tracking, nothing undone is known.
    pub fn from_v1(v1: V1) -> SavedProgress {
        SavedProgress {
            version: CURRENT_VERSION,
            lineage_ms: 0,
            cards: v1.cards,
            reviews: v1.reviews,
            undone: Vec::new(),
            quizzes: v1.quizzes,
            settings: v1.settings,
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
    let not_progress = |e: serde_json::Error| ReadError::NotProgress(e.to_string());
    // Each earlier version has an arm that migrates it to the current one.
    let mut progress = match version {
        1 => earlier::from_v1(serde_json::from_value(value).map_err(not_progress)?),
        CURRENT_VERSION => serde_json::from_value::<SavedProgress>(value).map_err(not_progress)?,
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

/// What could be kept from a file that [`read`] rejects.
#[derive(Debug, Clone, PartialEq)]
pub struct Salvaged {
    pub progress: SavedProgress,
    /// Items (card states, reviews, quiz results, settings) that were readable and kept.
    pub kept: usize,
    /// Items that were not, and are left out.
    pub dropped: usize,
}

/// Keeps every readable item of a JSON file in a known format whose whole does not read
/// (one card state of the wrong type, say): item by item, so that one bad entry does not cost
/// months of reviews. `None` when nothing can be kept (not JSON, not an object, a version
/// from the future, or no readable item).
pub fn salvage(text: &str) -> Option<Salvaged> {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    if text.len() > MAX_BYTES {
        return None;
    }
    let value: Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    let version = object.get("version").and_then(Value::as_u64)?;
    if version == 0 || version > u64::from(CURRENT_VERSION) {
        return None;
    }
    let mut kept = 0;
    let mut dropped = 0;
    let mut items = |field: &str| -> Vec<Value> {
        match object.get(field) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list.clone(),
            Some(_) => {
                dropped += 1;
                Vec::new()
            }
        }
    };
    let (reviews, quizzes, undone) = (items("reviews"), items("quizzes"), items("undone"));
    fn each<T: DeserializeOwned>(
        list: Vec<Value>,
        kept: &mut usize,
        dropped: &mut usize,
    ) -> Vec<T> {
        list.into_iter()
            .filter_map(|item| match serde_json::from_value(item) {
                Ok(item) => {
                    *kept += 1;
                    Some(item)
                }
                Err(_) => {
                    *dropped += 1;
                    None
                }
            })
            .collect()
    }
    let reviews = each::<ReviewRecord>(reviews, &mut kept, &mut dropped);
    let quizzes = each::<QuizRecord>(quizzes, &mut kept, &mut dropped);
    let undone = each::<ReviewKey>(undone, &mut kept, &mut dropped);
    let mut cards = BTreeMap::new();
    match object.get("cards") {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (id, state) in map {
                match serde_json::from_value::<CardState>(state.clone()) {
                    Ok(state) => {
                        kept += 1;
                        cards.insert(id.clone(), state);
                    }
                    Err(_) => dropped += 1,
                }
            }
        }
        Some(_) => dropped += 1,
    }
    let settings = match object.get("settings") {
        None | Some(Value::Null) => Settings::default(),
        Some(settings) => match serde_json::from_value::<Settings>(settings.clone()) {
            Ok(settings) => {
                kept += 1;
                settings.clamped()
            }
            Err(_) => {
                dropped += 1;
                Settings::default()
            }
        },
    };
    let lineage_ms = object
        .get("lineage_ms")
        .and_then(Value::as_i64)
        .unwrap_or(0);
    if kept == 0 {
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
        },
        kept,
        dropped,
    })
}

/// Writes progress as JSON.
pub fn write(progress: &SavedProgress) -> String {
    serde_json::to_string(progress).unwrap_or_else(|_| "{}".to_string())
}

/// Combines two copies so that nothing is lost: every review from either (except those
/// undone in either), each card's state from whichever copy reviewed it last (skipping states
/// an undone review produced), every quiz. Lineage and settings come from `ours`. Used for an
/// import's "merge", where the file may come from another browser.
pub fn merge(ours: &SavedProgress, theirs: &SavedProgress) -> SavedProgress {
    let mut undone = ours.undone.clone();
    undone.extend(theirs.undone.iter().cloned());
    undone.sort();
    undone.dedup();
    let is_undone = |card: &str, at_ms: i64| {
        undone
            .binary_search_by(|k| (k.card.as_str(), k.at_ms).cmp(&(card, at_ms)))
            .is_ok()
    };

    let mut cards = BTreeMap::new();
    for id in ours.cards.keys().chain(theirs.cards.keys()) {
        if cards.contains_key(id) {
            continue;
        }
        let live =
            |state: Option<&CardState>| state.filter(|s| !is_undone(id, s.last_review_ms)).cloned();
        let chosen = match (live(ours.cards.get(id)), live(theirs.cards.get(id))) {
            (Some(mine), Some(other)) => Some(if other.last_review_ms > mine.last_review_ms {
                other
            } else {
                mine
            }),
            (mine, other) => mine.or(other),
        };
        if let Some(state) = chosen {
            cards.insert(id.clone(), state);
        }
    }

    let mut reviews: Vec<ReviewRecord> = Vec::new();
    for review in ours.reviews.iter().chain(&theirs.reviews) {
        if !is_undone(&review.card, review.at_ms)
            && !reviews
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
        lineage_ms: ours.lineage_ms,
        cards,
        reviews,
        undone,
        quizzes,
        settings: ours.settings.clone(),
    }
}

/// Brings this tab's copy together with the one another tab saved. A reset or a "replace"
/// import starts a new lineage: from a copy of an older lineage only what was done after the
/// newer lineage began is kept, so a tab that had not seen a reset cannot undo it (and loses
/// no review made since); within one lineage, [`merge`]. Settings come from `ours`.
pub fn sync(ours: &SavedProgress, stored: &SavedProgress) -> SavedProgress {
    let (newer, older) = if stored.lineage_ms > ours.lineage_ms {
        (stored, ours)
    } else {
        (ours, stored)
    };
    let mut merged = if newer.lineage_ms == older.lineage_ms {
        merge(ours, stored)
    } else {
        merge(newer, &since(older, newer.lineage_ms))
    };
    merged.settings = ours.settings.clone();
    merged
}

/// Whether `merged` (a tab's copy after taking in what is stored) holds something the stored
/// copy lacks, settings aside. localStorage reaches other tabs late, so a tab can save over
/// a change it had not yet seen (an undo, say); the tab that still knows of it writes it
/// back when it hears of that save, and the tabs converge. Settings are left out because
/// each tab keeps its own.
pub fn knows_more(merged: &SavedProgress, stored: &SavedProgress) -> bool {
    let settings_aside = SavedProgress {
        settings: stored.settings.clone(),
        ..merged.clone()
    };
    settings_aside != *stored
}

/// What `progress` holds from after `lineage_ms`.
fn since(progress: &SavedProgress, lineage_ms: i64) -> SavedProgress {
    let mut after = progress.clone();
    after.cards.retain(|_, s| s.last_review_ms > lineage_ms);
    after.reviews.retain(|r| r.at_ms > lineage_ms);
    after.undone.retain(|k| k.at_ms > lineage_ms);
    after.quizzes.retain(|q| q.at_ms > lineage_ms);
    after
}

/// Takes back the latest review of `card`: its record goes, the card returns to `previous`
/// (or to new), and the review is remembered as undone so that no merge brings it back.
pub fn undo_review(progress: &mut SavedProgress, card: &str, previous: Option<CardState>) {
    if let Some(i) = progress.reviews.iter().rposition(|r| r.card == card) {
        let review = progress.reviews.remove(i);
        progress.undone.push(ReviewKey::of(&review));
    }
    match previous {
        Some(previous) => {
            progress.cards.insert(card.to_string(), previous);
        }
        None => {
            progress.cards.remove(card);
        }
    }
}

/// Empties progress (keeping settings) and starts a new lineage at `now_ms`.
pub fn reset(progress: &SavedProgress, now_ms: i64) -> SavedProgress {
    SavedProgress {
        lineage_ms: now_ms,
        settings: progress.settings.clone(),
        ..SavedProgress::default()
    }
}

/// Adopts an imported copy in place of this one, as a new lineage started at `now_ms`.
pub fn replace_with(imported: &SavedProgress, now_ms: i64) -> SavedProgress {
    SavedProgress {
        lineage_ms: now_ms,
        ..imported.clone()
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

    /// A file exactly as version 1 of the app wrote it.
    const V1_FILE: &str = r#"{"version":1,"cards":{"person:yezhov":{"due_ms":1767528000000,"stability":3.1262,"difficulty":5.31,"elapsed_days":0,"scheduled_days":3,"reps":1,"lapses":0,"phase":"review","last_review_ms":1767268800000}},"reviews":[{"card":"person:yezhov","grade":"good","at_ms":1767268800000,"was_new":true}],"quizzes":[{"at_ms":1767268900000,"settings":"topics=people&n=10&seed=42","correct":7,"total":10,"missed":["q3"]}],"settings":{"desired_retention":0.85,"new_per_day":15}}"#;

    #[test]
    fn version_1_files_migrate_keeping_everything() {
        let p = read(V1_FILE).unwrap();
        assert_eq!(p.version, CURRENT_VERSION);
        assert_eq!(p.lineage_ms, 0);
        assert!(p.undone.is_empty());
        assert_eq!(p.cards["person:yezhov"].reps, 1);
        assert_eq!(p.reviews.len(), 1);
        assert_eq!(p.reviews[0].grade, Grade::Good);
        assert_eq!(p.quizzes[0].missed, vec!["q3".to_string()]);
        assert_eq!(p.settings.new_per_day, 15);
        assert!((p.settings.desired_retention - 0.85).abs() < 1e-9);
        // Written back, it is a current-version file that reads to the same progress.
        assert!(write(&p).contains(&format!("\"version\":{CURRENT_VERSION}")));
        assert_eq!(read(&write(&p)).unwrap(), p);
        // A damaged version 1 file is refused, not half-read.
        assert!(matches!(
            read(r#"{"version":1,"reviews":{"not":"a list"}}"#),
            Err(ReadError::NotProgress(_))
        ));
    }

    fn graded(mut p: SavedProgress, card: &str, grade: Grade, at_ms: i64) -> SavedProgress {
        let previous = p.cards.get(card).cloned();
        let state = review(previous.as_ref(), grade, at_ms, &p.settings);
        p.cards.insert(card.into(), state);
        p.reviews.push(ReviewRecord {
            card: card.into(),
            grade,
            at_ms,
            was_new: previous.is_none(),
        });
        p
    }

    #[test]
    fn a_tab_that_saved_over_an_unseen_undo_is_corrected_by_the_tab_that_undid() {
        let before = sample();
        let tab_a = graded(before.clone(), "person:yezhov", Grade::Again, T + 60_000);
        let mut tab_b = sync(&before, &tab_a);
        // Tab A undoes; tab B has not seen that yet and saves a grade of its own over it.
        let mut undone = tab_a.clone();
        undo_review(
            &mut undone,
            "person:yezhov",
            before.cards.get("person:yezhov").cloned(),
        );
        tab_b = graded(tab_b, "event:x", Grade::Good, T + 120_000);
        let stored_by_b = sync(&tab_b, &tab_a); // B's stale read of storage
        assert_eq!(stored_by_b.reviews.len(), before.reviews.len() + 2);
        // Tab A hears of B's save: it knows more than storage, so it writes back.
        let merged_a = sync(&undone, &stored_by_b);
        assert!(knows_more(&merged_a, &stored_by_b));
        assert_eq!(
            merged_a.reviews.len(),
            before.reviews.len() + 1,
            "the undo holds, B's grade stays"
        );
        // Tab B hears of that: nothing more to add, so the writing stops.
        let merged_b = sync(&tab_b, &merged_a);
        assert!(!knows_more(&merged_b, &merged_a));
        assert_eq!(merged_b.reviews, merged_a.reviews);
        // Different settings alone are no reason to write.
        let mut other_settings = merged_a.clone();
        other_settings.settings.desired_retention = 0.8;
        assert!(!knows_more(&other_settings, &merged_a));
    }

    #[test]
    fn an_undone_review_stays_undone_whichever_tab_saves_next() {
        let before = sample();
        let tab_a = graded(before.clone(), "person:yezhov", Grade::Again, T + 60_000);
        // Tab B picks up tab A's save.
        let tab_b = sync(&before, &tab_a);
        assert_eq!(tab_b.reviews.len(), 2);
        // Tab A takes the grade back.
        let mut undone = tab_a.clone();
        undo_review(
            &mut undone,
            "person:yezhov",
            before.cards.get("person:yezhov").cloned(),
        );
        assert_eq!(undone.reviews, before.reviews);
        // Tab B saves next, merging its copy (which still has the review) with storage.
        for merged in [sync(&tab_b, &undone), sync(&undone, &tab_b)] {
            assert_eq!(merged.reviews, before.reviews, "the undone review is gone");
            assert_eq!(
                merged.cards["person:yezhov"], before.cards["person:yezhov"],
                "the card is back to its state before the undone grade"
            );
        }
        // Undoing the first review of a new card makes it new again everywhere.
        let fresh = graded(SavedProgress::default(), "event:x", Grade::Good, T);
        let mut taken_back = fresh.clone();
        undo_review(&mut taken_back, "event:x", None);
        let merged = sync(&fresh, &taken_back);
        assert!(!merged.cards.contains_key("event:x"));
        assert!(merged.reviews.is_empty());
        // A later grade of the same card is kept.
        let again = graded(merged, "event:x", Grade::Easy, T + 1);
        assert_eq!(sync(&fresh, &again).reviews.len(), 1);
    }

    #[test]
    fn a_reset_or_replace_is_not_undone_by_an_older_tab() {
        let old = graded(sample(), "event:x", Grade::Good, T + 5);
        let reset_copy = reset(&old, T + 10);
        assert!(reset_copy.reviews.is_empty() && reset_copy.cards.is_empty());
        assert_eq!(reset_copy.settings, old.settings);
        // The other tab still holds the old progress and saves: storage keeps the reset.
        let other_tab_saves = sync(&old, &reset_copy);
        assert!(other_tab_saves.reviews.is_empty());
        assert_eq!(other_tab_saves.lineage_ms, T + 10);
        // The resetting tab sees the older copy and keeps its reset.
        assert_eq!(sync(&reset_copy, &old), reset_copy);
        // A review the older tab made after the reset (before it heard of it) is kept.
        let late = graded(old.clone(), "event:y", Grade::Good, T + 15);
        let kept = sync(&late, &reset_copy);
        assert_eq!(kept.reviews.len(), 1);
        assert_eq!(kept.reviews[0].card, "event:y");
        assert_eq!(kept.cards.keys().collect::<Vec<_>>(), ["event:y"]);
        assert_eq!(sync(&reset_copy, &late), kept);
        // New reviews after the reset merge as usual.
        let after = graded(other_tab_saves, "person:yezhov", Grade::Hard, T + 20);
        assert_eq!(sync(&reset_copy, &after).reviews.len(), 1);
        // Replace adopts the file's content as a new lineage.
        let replaced = replace_with(&old, T + 30);
        assert_eq!(replaced.reviews, old.reviews);
        assert!(sync(&after, &replaced).reviews == old.reviews);
        // An import's merge ignores lineage: a file from another browser adds its reviews.
        let imported = merge(&after, &replaced);
        assert_eq!(imported.reviews.len(), old.reviews.len() + 1);
        assert_eq!(imported.lineage_ms, after.lineage_ms);
    }

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
