//! Combining two copies of saved progress (two tabs, or an import) so that no review is lost
//! or doubled and no undo or reset is reverted; undo by review id; reset and replace as new
//! lineages. Every step is linear in the history (reviews are matched by id, not by
//! scanning), so a merge of 100,000 reviews takes milliseconds.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::format::{CURRENT_VERSION, SavedProgress, Undone};
use crate::study::review_id::ReviewId;
use crate::study::schedule::{self, CardState, ReviewRecord, Settings};

/// Combines two copies so that nothing is lost: every review from either (except those
/// undone in either), each card's state from whichever copy reviewed it last (skipping states
/// an undone review produced, and rebuilt from the reviews when neither copy has the state of
/// the card's latest review), every quiz, and unknown fields from both. Lineage and settings
/// come from `ours`. Used as is for an import's "merge", where the file may come from
/// another browser.
pub fn merge(ours: &SavedProgress, theirs: &SavedProgress) -> SavedProgress {
    let mut undone: Vec<Undone> = ours.undone.iter().chain(&theirs.undone).cloned().collect();
    undone.sort();
    undone.dedup_by_key(|u| u.id);
    let undone_ids: HashSet<ReviewId> = undone.iter().map(|u| u.id).collect();
    let undone_at: HashSet<(&str, i64)> =
        undone.iter().map(|u| (u.card.as_str(), u.at_ms)).collect();

    let mut reviews: Vec<ReviewRecord> = ours
        .reviews
        .iter()
        .chain(&theirs.reviews)
        .filter(|r| !undone_ids.contains(&r.id))
        .cloned()
        .collect();
    // Sorted by everything, so that two copies that disagree about one review still merge
    // to the same list whichever tab merges (else they would write back to each other).
    reviews.sort_by(|a, b| {
        (a.at_ms, &a.card, a.id, a.grade as u8, a.was_new).cmp(&(
            b.at_ms,
            &b.card,
            b.id,
            b.grade as u8,
            b.was_new,
        ))
    });
    reviews.dedup_by_key(|r| r.id);

    let mut cards: BTreeMap<String, CardState> = BTreeMap::new();
    for (id, state) in ours.cards.iter().chain(&theirs.cards) {
        if undone_at.contains(&(id.as_str(), state.last_review_ms)) {
            continue;
        }
        if cards.get(id).is_none_or(|kept| preferred(state, kept)) {
            cards.insert(id.clone(), state.clone());
        }
    }
    rebuild_stale_states(&mut cards, &reviews, &ours.settings);

    let mut quizzes: Vec<_> = ours
        .quizzes
        .iter()
        .chain(&theirs.quizzes)
        .cloned()
        .collect();
    quizzes.sort_by(|a, b| {
        (a.at_ms, &a.settings, a.correct, a.total, &a.missed).cmp(&(
            b.at_ms,
            &b.settings,
            b.correct,
            b.total,
            &b.missed,
        ))
    });
    quizzes.dedup_by(|b, a| (a.at_ms, &a.settings) == (b.at_ms, &b.settings));

    // An unknown field both copies hold with different values: the same choice in every tab.
    let mut extra = ours.extra.clone();
    for (key, value) in &theirs.extra {
        let keep_theirs = extra.get(key).is_none_or(|mine| {
            serde_json::to_string(value).ok() > serde_json::to_string(mine).ok()
        });
        if keep_theirs {
            extra.insert(key.clone(), value.clone());
        }
    }
    SavedProgress {
        version: CURRENT_VERSION,
        lineage_ms: ours.lineage_ms,
        cards,
        reviews,
        undone,
        quizzes,
        settings: ours.settings.clone(),
        extra,
    }
}

/// Whether `a` is the state to keep rather than `b`: the later review; at the same moment
/// (one state built on a review since undone, the other rebuilt without it), the one that
/// counts fewer reviews; then any fixed order, so that every tab makes the same choice.
fn preferred(a: &CardState, b: &CardState) -> bool {
    let key = |s: &CardState| {
        (
            std::cmp::Reverse(s.last_review_ms),
            s.reps,
            s.lapses,
            s.due_ms,
            s.stability.to_bits(),
            s.difficulty.to_bits(),
            s.elapsed_days,
            s.scheduled_days,
        )
    };
    key(a) < key(b)
}

/// Makes each card's state agree with its history: where the latest review of a card is
/// later than its state (or the card has reviews and no state, its state having come from
/// an undone review), the state is rebuilt by replaying the card's reviews.
fn rebuild_stale_states(
    cards: &mut BTreeMap<String, CardState>,
    reviews: &[ReviewRecord],
    settings: &Settings,
) {
    let mut latest: HashMap<&str, i64> = HashMap::new();
    for review in reviews {
        let at = latest.entry(review.card.as_str()).or_insert(review.at_ms);
        *at = (*at).max(review.at_ms);
    }
    let stale: HashSet<&str> = latest
        .into_iter()
        .filter(|(card, at)| cards.get(*card).is_none_or(|s| s.last_review_ms < *at))
        .map(|(card, _)| card)
        .collect();
    if stale.is_empty() {
        return;
    }
    let mut rebuilt: HashMap<&str, CardState> = HashMap::new();
    for review in reviews.iter().filter(|r| stale.contains(r.card.as_str())) {
        let previous = rebuilt.get(review.card.as_str());
        let next = schedule::review(previous, review.grade, review.at_ms, settings);
        rebuilt.insert(review.card.as_str(), next);
    }
    for (card, state) in rebuilt {
        cards.insert(card.to_string(), state);
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
    merged.lineage_ms != stored.lineage_ms
        || merged.cards != stored.cards
        || merged.reviews != stored.reviews
        || merged.undone != stored.undone
        || merged.quizzes != stored.quizzes
        || merged.extra != stored.extra
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

/// Takes back the review `id` (the one this tab made): its record goes and is remembered as
/// undone so that no merge brings it back. The card returns to `previous` (its state before
/// that review, `None` = new) unless another tab's review of the card is later than that
/// state: then the state is rebuilt from the reviews that remain. Returns whether the review
/// was found (it may have been undone already, or reset away).
pub fn undo_review(
    progress: &mut SavedProgress,
    id: ReviewId,
    previous: Option<CardState>,
) -> bool {
    let Some(i) = progress.reviews.iter().rposition(|r| r.id == id) else {
        return false;
    };
    let review = progress.reviews.remove(i);
    progress.undone.push(Undone::of(&review));
    // `previous` is dropped too if it came from a review undone since (in another tab).
    let previous_undone = previous.as_ref().is_some_and(|p| {
        progress
            .undone
            .iter()
            .any(|u| u.card == review.card && u.at_ms == p.last_review_ms)
    });
    match previous {
        Some(previous) if !previous_undone => {
            progress.cards.insert(review.card, previous);
        }
        _ => {
            progress.cards.remove(&review.card);
        }
    }
    // Another tab's review of the card, later than this one or merged in since (made before
    // this tab saw it), leaves `previous` stale: the state is then rebuilt from the reviews.
    let SavedProgress {
        cards,
        reviews,
        settings,
        ..
    } = progress;
    rebuild_stale_states(cards, reviews, settings);
    true
}

/// Empties progress (keeping settings) and starts a new lineage at `now_ms`.
pub fn reset(progress: &SavedProgress, now_ms: i64) -> SavedProgress {
    SavedProgress {
        lineage_ms: now_ms,
        settings: progress.settings.clone(),
        extra: progress.extra.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::format::tests::{T, record, sample};
    use crate::study::schedule::{Grade, review};

    /// `p` after grading `card` at `at_ms`, and the id of that review.
    pub(crate) fn graded(
        mut p: SavedProgress,
        card: &str,
        grade: Grade,
        at_ms: i64,
    ) -> SavedProgress {
        let previous = p.cards.get(card).cloned();
        let state = review(previous.as_ref(), grade, at_ms, &p.settings);
        p.cards.insert(card.into(), state);
        p.reviews
            .push(record(card, grade, at_ms, previous.is_none()));
        p
    }

    fn last_id(p: &SavedProgress) -> ReviewId {
        p.reviews.last().unwrap().id
    }

    #[test]
    fn merge_keeps_every_review_and_the_latest_card_state() {
        let ours = sample();
        let theirs = graded(sample(), "person:yezhov", Grade::Easy, T + 600_000);
        let mut theirs = graded(theirs, "event:x", Grade::Good, T + 700_000);
        theirs.extra.insert("theirs".into(), serde_json::json!(1));
        let merged = merge(&ours, &theirs);
        assert_eq!(merged.reviews.len(), 3, "the shared review is not doubled");
        assert_eq!(merged.cards["person:yezhov"], theirs.cards["person:yezhov"]);
        assert!(merged.cards.contains_key("event:x"));
        assert!(
            merged.extra.contains_key("theirs"),
            "unknown fields from both"
        );
        assert_eq!(merge(&merged, &ours), merged, "merging is idempotent");
        assert_eq!(
            merge(&theirs, &ours).reviews,
            merged.reviews,
            "order does not matter"
        );
    }

    #[test]
    fn two_reviews_in_the_same_millisecond_are_both_kept() {
        let base = sample();
        let a = graded(base.clone(), "event:x", Grade::Good, T + 1);
        let mut b = base.clone();
        b.reviews.push(ReviewRecord {
            id: ReviewId::from_random(99),
            ..a.reviews.last().unwrap().clone()
        });
        b.cards.insert("event:x".into(), a.cards["event:x"].clone());
        assert_eq!(merge(&a, &b).reviews.len(), 3);
    }

    #[test]
    fn undo_takes_back_this_tabs_review_not_another_tabs_later_one() {
        let before = sample();
        // Tab A grades "again"; tab B sees it and grades the same card "good".
        let tab_a = graded(before.clone(), "person:yezhov", Grade::Again, T + 60_000);
        let a_review = last_id(&tab_a);
        let tab_b = graded(
            sync(&before, &tab_a),
            "person:yezhov",
            Grade::Good,
            T + 120_000,
        );
        let b_review = last_id(&tab_b);
        // A hears of B's save, then presses undo.
        let mut tab_a = sync(&tab_a, &tab_b);
        assert!(undo_review(
            &mut tab_a,
            a_review,
            before.cards.get("person:yezhov").cloned()
        ));
        let ids: Vec<ReviewId> = tab_a.reviews.iter().map(|r| r.id).collect();
        assert!(!ids.contains(&a_review), "A's review is taken back");
        assert!(ids.contains(&b_review), "B's review stays");
        let state = &tab_a.cards["person:yezhov"];
        assert_eq!(
            state.last_review_ms,
            T + 120_000,
            "the state follows B's review"
        );
        assert_eq!(
            *state,
            review(
                Some(&before.cards["person:yezhov"]),
                Grade::Good,
                T + 120_000,
                &before.settings
            ),
            "rebuilt from the reviews that remain"
        );
        // B hears of it: the same.
        let tab_b = sync(&tab_b, &tab_a);
        assert_eq!(tab_b.reviews, tab_a.reviews);
        assert_eq!(tab_b.cards, tab_a.cards);
        // Undoing it twice, or a review that is not there, changes nothing.
        let mut again = tab_a.clone();
        assert!(!undo_review(&mut again, a_review, None));
        assert_eq!(again, tab_a);
    }

    #[test]
    fn a_tab_that_saved_over_an_unseen_undo_is_corrected_by_the_tab_that_undid() {
        let before = sample();
        let tab_a = graded(before.clone(), "person:yezhov", Grade::Again, T + 60_000);
        let a_review = last_id(&tab_a);
        let mut tab_b = sync(&before, &tab_a);
        // Tab A undoes; tab B has not seen that yet and saves a grade of its own over it.
        let mut undone = tab_a.clone();
        undo_review(
            &mut undone,
            a_review,
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
        let a_review = last_id(&tab_a);
        // Tab B picks up tab A's save.
        let tab_b = sync(&before, &tab_a);
        assert_eq!(tab_b.reviews.len(), 2);
        // Tab A takes the grade back.
        let mut undone = tab_a.clone();
        undo_review(
            &mut undone,
            a_review,
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
        undo_review(&mut taken_back, last_id(&fresh), None);
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
    fn undo_never_restores_a_state_that_an_undone_review_produced() {
        // Found by the longer two-tab interleavings: tab A grades a card and undoes it; tab
        // B had heard of A's grade, grades the card on top of it, hears of the undo, then
        // undoes its own grade.
        let base = SavedProgress::default();
        let a = graded(base.clone(), "event:x", Grade::Good, T);
        let mut a_undone = a.clone();
        undo_review(&mut a_undone, last_id(&a), None);
        let b_previous = a.cards.get("event:x").cloned();
        let b = graded(sync(&base, &a), "event:x", Grade::Easy, T + 1000);
        let b_review = last_id(&b);
        let mut b = sync(&b, &a_undone);
        assert!(undo_review(&mut b, b_review, b_previous));
        assert!(b.reviews.is_empty());
        assert!(!b.cards.contains_key("event:x"), "the card is new again");
    }

    #[test]
    fn a_card_whose_latest_state_was_lost_is_rebuilt_from_its_reviews() {
        // A file (an import, say) with reviews but an older state for the card.
        let two = graded(sample(), "person:yezhov", Grade::Hard, T + 86_400_000);
        let mut stale = two.clone();
        stale.cards = sample().cards;
        let merged = merge(&stale, &SavedProgress::default());
        assert_eq!(merged.cards, two.cards);
    }
}
