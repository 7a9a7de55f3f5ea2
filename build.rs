//! Reads `data/`, validates it and embeds it in the app in postcard's compact binary form
//! (`corpus.bin`, which `content::corpus()` decodes), so that a malformed data file fails
//! the build with a message naming the file and the entry.

// The content modules are written to be shared: they refer to each other through `super::`.
#[allow(dead_code)]
#[path = "src/content/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/content/embedded.rs"]
mod embedded;
#[allow(dead_code)]
#[path = "src/content/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/content/titles.rs"]
mod titles;
#[allow(dead_code)]
#[path = "src/content/validate.rs"]
mod validate;

use std::path::Path;

fn main() {
    // Another document (or the benchmark's synthetic pack) can be built in with STUDY_DATA_DIR.
    println!("cargo:rerun-if-env-changed=STUDY_DATA_DIR");
    // Checkouts of this repository that share one target directory (git worktrees) share
    // this script's output too: build from another checkout, and its corpus is rebuilt
    // (cargo would otherwise keep the other checkout's, which may be of another model).
    println!("cargo:rerun-if-env-changed=PWD");
    let dir = std::env::var("STUDY_DATA_DIR").unwrap_or_else(|_| "data".to_string());
    let data = Path::new(&dir);
    println!("cargo:rerun-if-changed={dir}");
    for file in load::DATA_FILES {
        println!("cargo:rerun-if-changed={dir}/{file}");
    }
    let corpus = match load::load_dir(data) {
        Ok(corpus) => corpus,
        Err(error) => fail(&[error.to_string()]),
    };
    let problems = validate::validate(&corpus);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        fail(&lines);
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        Path::new(&out).join(embedded::FILE_NAME),
        embedded::encode(&corpus),
    )
    .expect("OUT_DIR is writable");
}

fn fail(lines: &[String]) -> ! {
    eprintln!("\nThe study data in data/ is not valid:");
    for line in lines {
        eprintln!("  {line}");
    }
    eprintln!();
    std::process::exit(1);
}
