//! Earlier versions of the saved format, kept exactly as they were written, and their
//! migrations to the current one. A review saved before reviews had ids gets one derived
//! from its card and time, so every copy of it (two tabs migrating the same file) agrees.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::format::{CURRENT_VERSION, QuizRecord, SavedProgress, Undone};
use crate::study::review_id::ReviewId;
use crate::study::schedule::{CardState, Grade, ReviewRecord, Settings};

/// A review as versions 1 and 2 wrote it.
#[derive(Deserialize)]
pub struct LegacyReview {
    pub card: String,
    pub grade: Grade,
    pub at_ms: i64,
    pub was_new: bool,
}

impl From<LegacyReview> for ReviewRecord {
    fn from(r: LegacyReview) -> Self {
        ReviewRecord {
            id: ReviewId::legacy(&r.card, r.at_ms),
            card: r.card,
            grade: r.grade,
            at_ms: r.at_ms,
            was_new: r.was_new,
        }
    }
}

/// An undone review as version 2 named it.
#[derive(Deserialize)]
pub struct LegacyKey {
    pub card: String,
    pub at_ms: i64,
}

impl From<LegacyKey> for Undone {
    fn from(k: LegacyKey) -> Self {
        Undone {
            id: ReviewId::legacy(&k.card, k.at_ms),
            card: k.card,
            at_ms: k.at_ms,
        }
    }
}

/// Format version 1 (the first release).
#[derive(Deserialize)]
pub struct V1 {
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    #[serde(default)]
    pub reviews: Vec<LegacyReview>,
    #[serde(default)]
    pub quizzes: Vec<QuizRecord>,
    #[serde(default)]
    pub settings: Settings,
}

/// Format version 2: version 1 with lineage and undone reviews.
#[derive(Deserialize)]
pub struct V2 {
    #[serde(default)]
    pub lineage_ms: i64,
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    #[serde(default)]
    pub reviews: Vec<LegacyReview>,
    #[serde(default)]
    pub undone: Vec<LegacyKey>,
    #[serde(default)]
    pub quizzes: Vec<QuizRecord>,
    #[serde(default)]
    pub settings: Settings,
}

/// Version 1 → 3: nothing was ever reset under lineage tracking, nothing undone is known.
pub fn from_v1(v1: V1) -> SavedProgress {
    from_v2(V2 {
        lineage_ms: 0,
        cards: v1.cards,
        reviews: v1.reviews,
        undone: Vec::new(),
        quizzes: v1.quizzes,
        settings: v1.settings,
    })
}

/// Version 2 → 3: reviews and undone reviews get ids derived from card and time.
pub fn from_v2(v2: V2) -> SavedProgress {
    SavedProgress {
        version: CURRENT_VERSION,
        lineage_ms: v2.lineage_ms,
        cards: v2.cards,
        reviews: v2.reviews.into_iter().map(ReviewRecord::from).collect(),
        undone: v2.undone.into_iter().map(Undone::from).collect(),
        quizzes: v2.quizzes,
        settings: v2.settings,
        extra: BTreeMap::new(),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::progress::format::{CURRENT_VERSION, ReadError, read, write};
    use crate::progress::merge::{merge, sync};
    use crate::study::review_id::ReviewId;
    use crate::study::schedule::Grade;

    /// A file exactly as version 1 of the app wrote it.
    pub const V1_FILE: &str = r#"{"version":1,"cards":{"person:yezhov":{"due_ms":1767528000000,"stability":3.1262,"difficulty":5.31,"elapsed_days":0,"scheduled_days":3,"reps":1,"lapses":0,"phase":"review","last_review_ms":1767268800000}},"reviews":[{"card":"person:yezhov","grade":"good","at_ms":1767268800000,"was_new":true}],"quizzes":[{"at_ms":1767268900000,"settings":"topics=people&n=10&seed=42","correct":7,"total":10,"missed":["q3"]}],"settings":{"desired_retention":0.85,"new_per_day":15}}"#;

    /// A file exactly as version 2 wrote it: one review kept, one undone.
    const V2_FILE: &str = r#"{"version":2,"lineage_ms":5,"cards":{"event:x":{"due_ms":1767528000000,"stability":3.1262,"difficulty":5.31,"elapsed_days":0,"scheduled_days":3,"reps":1,"lapses":0,"phase":"review","last_review_ms":1767268800000}},"reviews":[{"card":"event:x","grade":"good","at_ms":1767268800000,"was_new":true}],"undone":[{"card":"event:x","at_ms":1767268900000}],"quizzes":[],"settings":{"desired_retention":0.9,"new_per_day":20}}"#;

    #[test]
    fn version_1_files_migrate_keeping_everything() {
        let p = read(V1_FILE).unwrap();
        assert_eq!(p.version, CURRENT_VERSION);
        assert_eq!(p.lineage_ms, 0);
        assert!(p.undone.is_empty());
        assert_eq!(p.cards["person:yezhov"].reps, 1);
        assert_eq!(p.reviews.len(), 1);
        assert_eq!(p.reviews[0].grade, Grade::Good);
        assert_eq!(
            p.reviews[0].id,
            ReviewId::legacy("person:yezhov", 1_767_268_800_000)
        );
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

    #[test]
    fn version_2_files_migrate_with_ids_every_copy_agrees_on() {
        let p = read(V2_FILE).unwrap();
        assert_eq!(p.lineage_ms, 5);
        assert_eq!(p.undone.len(), 1);
        assert_eq!(
            p.undone[0].id,
            ReviewId::legacy("event:x", 1_767_268_900_000)
        );
        // Two tabs that migrated the same file, one of them since written as version 3:
        // merging doubles nothing.
        let migrated_again = read(&write(&p)).unwrap();
        assert_eq!(merge(&p, &read(V2_FILE).unwrap()), p);
        assert_eq!(sync(&migrated_again, &read(V2_FILE).unwrap()), p);
    }
}
