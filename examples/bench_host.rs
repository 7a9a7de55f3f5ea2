//! Host timings for the benchmark command (`scripts/bench.sh`): loads a document folder,
//! then times 50-question quiz generation (all of it, and scoped to the first person in the
//! data), and the people directory's search (a query on the
//! prebuilt `SearchIndex`, as each keystroke runs it), and prints JSON (median and 95th
//! percentile, in microseconds). Loading and validating the folder (what `build.rs` does when
//! the app is built) and building the search index (once per page load) are timed once.
//!
//! `cargo run --release --example bench_host -- <data-dir> [--corpus-embedded <file>]`
//!
//! With `--corpus-embedded`, also writes the corpus in the form `build.rs` embeds in the app, so
//! the benchmark can tell how much of the download is data.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use nkvd_study::content::load::load_dir;
use nkvd_study::content::validate::validate;
use nkvd_study::search::SearchIndex;
use nkvd_study::study::quiz::{QuizSettings, Scope, generate, generate_within};
use serde_json::json;

/// Queries a student types in the directory: a surname, a typo, a full variant, a prefix.
const QUERIES: [&str; 5] = ["Yezhov", "tukachev", "Nickolai Bukharin", "hiss", "ya"];

/// Each measure runs for about this long (at least `MIN_RUNS`, at most `MAX_RUNS` rounds).
const BUDGET: Duration = Duration::from_secs(2);
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 2000;

/// Runs `work` in rounds of `per_round` calls (e.g. every query once) and returns each
/// call's time in microseconds, sorted, one list per position in the round.
fn time(per_round: usize, mut work: impl FnMut(usize)) -> Vec<Vec<f64>> {
    let start = Instant::now();
    let mut samples = vec![Vec::new(); per_round];
    let mut runs = 0;
    while runs < MIN_RUNS || (runs < MAX_RUNS && start.elapsed() < BUDGET) {
        for (i, list) in samples.iter_mut().enumerate() {
            let run = Instant::now();
            work(runs * per_round + i);
            list.push(run.elapsed().as_secs_f64() * 1e6);
        }
        runs += 1;
    }
    for list in &mut samples {
        list.sort_by(f64::total_cmp);
    }
    samples
}

/// The value at quantile `q` (0–1) of sorted samples (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summary(sorted: &[f64]) -> serde_json::Value {
    json!({
        "runs": sorted.len(),
        "median_us": quantile(sorted, 0.5),
        "p95_us": quantile(sorted, 0.95),
        "min_us": sorted[0],
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().cloned().unwrap_or_else(|| "data".to_string());
    let embedded_out = args
        .iter()
        .position(|a| a == "--corpus-embedded")
        .and_then(|at| args.get(at + 1));
    let started = Instant::now();
    let corpus = match load_dir(Path::new(&dir)) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("bench_host: {error}");
            std::process::exit(1);
        }
    };
    let load_us = started.elapsed().as_secs_f64() * 1e6;
    let started = Instant::now();
    let problems = validate(&corpus);
    let validate_us = started.elapsed().as_secs_f64() * 1e6;
    if !problems.is_empty() {
        eprintln!(
            "bench_host: {dir} is not valid ({} problems)",
            problems.len()
        );
        std::process::exit(1);
    }
    let embedded = nkvd_study::content::encode(&corpus);
    if let Some(file) = embedded_out
        && let Err(error) = std::fs::write(file, &embedded)
    {
        eprintln!("bench_host: cannot write {file}: {error}");
        std::process::exit(1);
    }

    let mut questions = 0;
    let quiz = time(1, |i| {
        let settings = QuizSettings {
            length: 50,
            seed: i as u64,
            ..QuizSettings::default()
        };
        questions = black_box(generate(black_box(&corpus), &settings)).len();
    })
    .remove(0);

    // A quiz on one person, as the quiz page's scope asks for it.
    let person = corpus
        .people
        .first()
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let scope = Scope {
        people: vec![person.clone()],
        ..Scope::default()
    };
    let mut scoped_questions = 0;
    let scoped = time(1, |i| {
        let settings = QuizSettings {
            length: 50,
            seed: i as u64,
            ..QuizSettings::default()
        };
        scoped_questions = black_box(generate_within(black_box(&corpus), &settings, &scope)).len();
    })
    .remove(0);

    let started = Instant::now();
    let index = SearchIndex::new(black_box(&corpus.people));
    let index_build_us = started.elapsed().as_secs_f64() * 1e6;

    // The queries in turn, so that each counts as much in the overall figures.
    let mut found = [0; QUERIES.len()];
    let per_query_samples = time(QUERIES.len(), |i| {
        let q = i % QUERIES.len();
        found[q] = black_box(index.search(black_box(QUERIES[q]))).len();
    });
    let mut per_query = serde_json::Map::new();
    let mut all = Vec::new();
    for ((query, samples), results) in QUERIES.iter().zip(&per_query_samples).zip(found) {
        let mut entry = summary(samples);
        entry["results"] = json!(results);
        per_query.insert(query.to_string(), entry);
        all.extend(samples);
    }
    all.sort_by(f64::total_cmp);

    let mut search_summary = summary(&all);
    search_summary["queries"] = serde_json::Value::Object(per_query);
    let mut quiz_summary = summary(&quiz);
    quiz_summary["questions"] = json!(questions);
    let mut scoped_summary = summary(&scoped);
    scoped_summary["questions"] = json!(scoped_questions);
    scoped_summary["person"] = json!(person);
    let report = json!({
        "data_dir": dir,
        "passages": corpus.passages.len(),
        "people": corpus.people.len(),
        "corpus_embedded_bytes": embedded.len(),
        "load_us": load_us,
        "validate_us": validate_us,
        "quiz_50": quiz_summary,
        "quiz_50_person": scoped_summary,
        "search_index_build_us": index_build_us,
        "search": search_summary,
    });
    println!("{report}");
}
