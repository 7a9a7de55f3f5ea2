//! Writes the question bank: `target/question-bank/bank.json` and `bank.md` (every card, and
//! every question seeds 0–39 generate for every kind and topic). Run by
//! `scripts/question-bank.sh`.

use std::path::Path;

fn main() {
    let corpus = nkvd_study::content::corpus();
    let bank = nkvd_study::study::bank::build(corpus);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/question-bank");
    std::fs::create_dir_all(&dir).expect("create target/question-bank");
    let json = serde_json::to_string_pretty(&bank).expect("bank as JSON");
    std::fs::write(dir.join("bank.json"), json).expect("write bank.json");
    std::fs::write(
        dir.join("bank.md"),
        nkvd_study::study::bank::to_markdown(&bank),
    )
    .expect("write bank.md");
    println!(
        "{} cards, {} questions -> {}",
        bank.cards.len(),
        bank.questions.len(),
        dir.display()
    );
}
