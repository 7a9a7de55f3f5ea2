//! The data in data/: it loads, every check passes, and each class of mistake is caught with
//! a message naming the file and the entry.

use std::path::Path;

use nkvd_study::content::load::load_dir;
use nkvd_study::content::validate::validate;
use nkvd_study::content::{Corpus, corpus as embedded};

fn data() -> Corpus {
    load_dir(Path::new("data")).expect("data/ loads")
}

fn problems(corpus: &Corpus) -> Vec<String> {
    validate(corpus).iter().map(ToString::to_string).collect()
}

fn assert_caught(corpus: &Corpus, file: &str, entry: &str, words: &str) {
    let found = problems(corpus);
    assert!(
        found.iter().any(|p| p.starts_with(file)
            && p.contains(&format!("\"{entry}\""))
            && p.contains(words)),
        "expected a problem in {file} for {entry} mentioning {words:?}; got {found:#?}"
    );
}

#[test]
fn the_data_is_valid_and_these_are_its_counts() {
    let corpus = data();
    assert_eq!(problems(&corpus), Vec::<String>::new());
    println!(
        "people {}, organizations {}, events {}, numbers {}, quotes {}, primary sources {}, relations {}, passages {}",
        corpus.people.len(),
        corpus.organizations.len(),
        corpus.events.len(),
        corpus.numbers.len(),
        corpus.quotes.len(),
        corpus.sources.len(),
        corpus.relations.len(),
        corpus.passages.len()
    );
    assert_eq!(corpus.sources.len(), 16, "the sixteen primary sources");
    assert_eq!(
        &corpus,
        embedded(),
        "the app embeds exactly what data/ holds"
    );
}

#[test]
fn duplicate_ids_are_caught() {
    let mut c = data();
    let copy = c.people[0].clone();
    c.people.push(copy.clone());
    assert_caught(&c, "data/people.toml", &copy.id, "used twice");
}

#[test]
fn dangling_references_are_caught() {
    let mut c = data();
    c.people[0].groups.push("no_such_group".into());
    let id = c.people[0].id.clone();
    assert_caught(&c, "data/people.toml", &id, "no_such_group");
    let mut c = data();
    c.events[0].people.push("nobody".into());
    let id = c.events[0].id.clone();
    assert_caught(&c, "data/events.toml", &id, "\"nobody\"");
    let mut c = data();
    c.events[0].era = "no_era".into();
    assert_caught(&c, "data/events.toml", &id, "no_era");
}

#[test]
fn passages_outside_the_document_are_caught() {
    let mut c = data();
    c.numbers[0].passages = vec!["p999".into()];
    let id = c.numbers[0].id.clone();
    assert_caught(&c, "data/numbers.toml", &id, "p999");
}

#[test]
fn a_passage_that_does_not_support_its_item_is_caught() {
    let mut c = data();
    c.numbers[0].value = "123,456,789".into();
    let id = c.numbers[0].id.clone();
    assert_caught(&c, "data/numbers.toml", &id, "contains the number");
    let mut c = data();
    c.events[0].date_text = "31st February 1999".into();
    let id = c.events[0].id.clone();
    assert_caught(&c, "data/events.toml", &id, "contains the date");
    let mut c = data();
    c.quotes[0].text = "Words nobody in the document wrote.".into();
    let id = c.quotes[0].id.clone();
    assert_caught(&c, "data/quotes.toml", &id, "not in passage");
}

#[test]
fn invalid_dates_and_dates_outside_their_era_are_caught() {
    let mut c = data();
    c.events[0].date = "1937-02-30".into();
    let id = c.events[0].id.clone();
    assert_caught(&c, "data/events.toml", &id, "no day 30");
    let mut c = data();
    c.events[0].date = "1999".into();
    assert_caught(&c, "data/events.toml", &id, "outside its era");
}

#[test]
fn empty_required_fields_are_caught() {
    let mut c = data();
    c.people[0].summary = "  ".into();
    let id = c.people[0].id.clone();
    assert_caught(&c, "data/people.toml", &id, "`summary` is empty");
}

#[test]
fn a_malformed_file_names_the_file() {
    let dir = std::env::temp_dir().join(format!("nkvd-bad-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir("data").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.join("people.toml"),
        "[[person]]\nid = \"x\"\nname = 5\n",
    )
    .unwrap();
    let error = load_dir(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(error.starts_with("data/people.toml"), "{error}");
}
