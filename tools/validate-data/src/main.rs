//! Checks a document folder without building it into the app:
//! `cargo run -p validate-data -- data` prints every problem
//! (file, entry, message) and the counts, and exits with status 1 if anything is wrong;
//! with `--passages` it lists the passages with their ids instead.
//! It uses the corpus crate's loader and validator, as the app's build does, so it checks
//! exactly what the build checks.

use nkvd_corpus::{load, validate};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data".to_string());
    let corpus = match load::load_dir(Path::new(&dir)) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if std::env::args().any(|a| a == "--passages") {
        for p in &corpus.passages {
            println!("{} [{:?}] {}\n", p.id, p.kind, p.text);
        }
        return ExitCode::SUCCESS;
    }
    let problems = validate::validate(&corpus);
    for problem in &problems {
        eprintln!("{problem}");
    }
    println!("{}; {} problems", corpus.counts(), problems.len());
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
