//! Host timings for saved progress at large histories (`scripts/bench.sh`): for 10k, 40k and
//! 100k reviews, how long merging two tabs' copies takes, and what saving one grade costs
//! (read what is stored, merge, write the JSON), in milliseconds (median of several runs),
//! and the size of the saved JSON.
//!
//! `cargo run --release --example bench_progress`

use std::hint::black_box;
use std::time::Instant;

use nkvd_study::progress::format::{self, SavedProgress};
use nkvd_study::progress::merge;
use nkvd_study::progress::saving::{self, Plan};
use nkvd_study::study::review_id::ReviewId;
use nkvd_study::study::schedule::{Grade, ReviewRecord, Settings, review};

const T0: i64 = 1_700_000_000_000;

/// A history of `n` reviews over 359 cards, a few minutes apart.
fn history(n: usize) -> SavedProgress {
    let settings = Settings::default();
    let mut p = SavedProgress::default();
    for i in 0..n {
        let card = format!("person:card{}", i % 359);
        let at_ms = T0 + i as i64 * 300_000;
        let previous = p.cards.get(&card).cloned();
        let grade = Grade::EVERY[i % 4];
        p.cards.insert(
            card.clone(),
            review(previous.as_ref(), grade, at_ms, &settings),
        );
        p.reviews.push(ReviewRecord {
            id: ReviewId::from_random(i as u64),
            card,
            grade,
            at_ms,
            was_new: previous.is_none(),
        });
    }
    p
}

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let mut rows = Vec::new();
    for n in [10_000, 40_000, 100_000] {
        let ours = history(n);
        let mut theirs = ours.clone();
        let extra = history(n + 1);
        theirs.reviews.push(extra.reviews[n].clone());
        let stored = format::write(&theirs);
        let runs = if n > 40_000 { 3 } else { 5 };
        let merge = median_ms(runs, || {
            black_box(merge::merge(black_box(&ours), black_box(&theirs)));
        });
        let save = median_ms(runs, || {
            let Plan::Write(merged) = saving::plan(&ours, Some(black_box(&stored)), None) else {
                panic!("the stored copy reads");
            };
            black_box(format::write(&merged));
        });
        // The usual case: storage still holds what this tab last wrote.
        let known = format::write(&ours);
        let save_unchanged = median_ms(runs, || {
            let Plan::Write(merged) = saving::plan(&ours, Some(black_box(&known)), Some(&known))
            else {
                panic!("the stored copy reads");
            };
            black_box(format::write(&merged));
        });
        rows.push(format!(
            "{{\"reviews\": {n}, \"merge_ms\": {merge:.2}, \"save_after_another_tab_ms\": {save:.2}, \"save_unchanged_ms\": {save_unchanged:.2}, \"bytes\": {}}}",
            stored.len()
        ));
    }
    println!("[{}]", rows.join(",\n "));
}
