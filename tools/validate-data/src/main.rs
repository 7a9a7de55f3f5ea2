//! Checks a document folder without building it into the app:
//! `cargo run --manifest-path tools/validate-data/Cargo.toml -- data` prints every problem
//! (file, entry, message) and the counts, and exits with status 1 if anything is wrong;
//! with `--passages` it lists the passages with their ids instead.
//! It compiles the app's own loader and validator, so it checks exactly what the build checks.

#[allow(dead_code)]
#[path = "../../../src/content/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "../../../src/content/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "../../../src/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "../../../src/content/titles.rs"]
mod titles;
#[allow(dead_code)]
#[path = "../../../src/content/validate.rs"]
mod validate;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "data".to_string());
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
