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
    println!("{}", corpus.counts());
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

/// A scratch copy of data/ named after the test, to spoil one file of.
fn copy_of_data(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nkvd-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir("data").unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn a_malformed_file_names_the_file() {
    let dir = copy_of_data("malformed");
    std::fs::write(
        dir.join("people.toml"),
        "[[person]]\nid = \"x\"\nname = 5\n",
    )
    .unwrap();
    let error = load_dir(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        error.starts_with("data/people.toml: entry \"x\"") && error.contains("line 3"),
        "{error}"
    );
}

#[test]
fn a_misspelled_field_inside_an_entry_is_caught() {
    let dir = copy_of_data("misspelt");
    let people = std::fs::read_to_string("data/people.toml").unwrap();
    let misspelt = people.replacen("passages = [", "pasages = [", 1);
    assert_ne!(people, misspelt);
    std::fs::write(dir.join("people.toml"), misspelt).unwrap();
    let error = load_dir(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        error.starts_with("data/people.toml") && error.contains("pasages"),
        "{error}"
    );
}

#[test]
fn a_variant_the_document_never_uses_is_caught() {
    let mut c = data();
    c.people[0].variants.push("Comrade Nobody".into());
    let id = c.people[0].id.clone();
    assert_caught(&c, "data/people.toml", &id, "never occurs");
}

#[test]
fn an_attribution_to_someone_the_passages_do_not_name_is_caught() {
    let mut c = data();
    let (_, unnamed) = unnamed_person_for(&c, &c.numbers[0].passages.clone());
    c.numbers[0].according_to = Some(unnamed);
    let id = c.numbers[0].id.clone();
    assert_caught(&c, "data/numbers.toml", &id, "is attributed to");
}

/// A person none of `passages` names.
fn unnamed_person_for(c: &Corpus, passages: &[String]) -> (usize, String) {
    c.people
        .iter()
        .enumerate()
        .find(|(_, p)| {
            passages
                .iter()
                .all(|id| !p.is_named_in(&c.passage(id).unwrap().text))
        })
        .map(|(i, p)| (i, p.id.clone()))
        .expect("someone is not named there")
}

#[test]
fn a_quote_given_to_someone_its_passage_does_not_name_is_caught() {
    let mut c = data();
    let q = c
        .quotes
        .iter()
        .position(|q| q.source.is_none() && q.speaker.is_some())
        .unwrap();
    let (_, unnamed) = unnamed_person_for(&c, std::slice::from_ref(&c.quotes[q].passage));
    c.quotes[q].speaker = Some(unnamed.clone());
    let id = c.quotes[q].id.clone();
    assert_caught(&c, "data/quotes.toml", &id, "none of its passages names");
}

#[test]
fn a_quote_outside_its_primary_source_is_caught() {
    let mut c = data();
    let q = c.quotes.iter().position(|q| q.source.is_some()).unwrap();
    let other = c
        .sources
        .iter()
        .find(|s| Some(s.number) != c.quotes[q].source)
        .unwrap()
        .number;
    c.quotes[q].source = Some(other);
    let id = c.quotes[q].id.clone();
    assert_caught(&c, "data/quotes.toml", &id, "is not part of primary source");
}

#[test]
fn an_era_that_ends_before_it_starts_is_caught() {
    let mut c = data();
    c.eras[0].end = "1900".into();
    let id = c.eras[0].id.clone();
    assert_caught(&c, "data/eras.toml", &id, "ends");
}

#[test]
fn self_relations_and_repeated_relations_are_caught() {
    let mut c = data();
    c.relations[0].object = c.relations[0].subject.clone();
    let r = &c.relations[0];
    let entry = format!("{} {:?} {}", r.subject, r.kind, r.object).to_lowercase();
    assert_caught(&c, "data/relations.toml", &entry, "themselves");
    let mut c = data();
    let copy = c.relations[0].clone();
    c.relations.push(copy.clone());
    let entry = format!("{} {:?} {}", copy.subject, copy.kind, copy.object).to_lowercase();
    assert_caught(&c, "data/relations.toml", &entry, "given twice");
}

/// A person with only a name and variants, for the mention tests.
fn person(id: &str, name: &str, variants: &[&str]) -> nkvd_study::content::Person {
    nkvd_study::content::Person {
        groups: data().people[0].groups.clone(),
        summary: "Someone the test names.".to_string(),
        ..nkvd_study::content::Person::named(id, name, variants)
    }
}

#[test]
fn mentions_are_whole_words_the_longer_form_wins_and_a_shared_form_goes_to_the_first() {
    use nkvd_study::content::load::fill_mentions;
    let mut corpus = data();
    corpus.passages.truncate(2);
    corpus.passages[0].text = "Nikolai Yezhov met Yezhova; Yezhov's deputy saw Eisler.".to_string();
    corpus.passages[1].text = "Nothing here names anyone but Yezhovshchina.".to_string();
    corpus.people = vec![
        person("nikolai", "Nikolai", &[]),
        person("yezhov", "Nikolai Yezhov", &["Yezhov"]),
        person("eisler", "Gerhart Eisler", &["Eisler"]),
        person("eisler_again", "Eisler", &[]),
    ];
    fill_mentions(&mut corpus);
    let text = corpus.passages[0].text.clone();
    let spans: Vec<(&str, &str)> = corpus.passages[0]
        .names
        .iter()
        .map(|n| (&text[n.start..n.end], n.person.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            ("Nikolai Yezhov", "yezhov"),
            ("Yezhov", "yezhov"),
            ("Eisler", "eisler")
        ]
    );
    assert!(corpus.passages[1].names.is_empty());
    let mentions: Vec<&[String]> = corpus
        .people
        .iter()
        .map(|p| p.mentions.as_slice())
        .collect();
    assert_eq!(
        mentions[0],
        [] as [String; 0],
        "“Nikolai” inside a longer name is not a mention"
    );
    assert_eq!(mentions[1], [corpus.passages[0].id.clone()]);
    assert_eq!(mentions[2], [corpus.passages[0].id.clone()]);
    assert!(
        mentions[3].is_empty(),
        "a form both share goes to the first person"
    );
}

#[test]
fn a_date_text_starting_with_by_needs_date_is_by_and_only_it() {
    use nkvd_study::content::DateIs;
    let mut c = data();
    let e = c
        .events
        .iter()
        .position(|e| e.date_is == DateIs::By)
        .expect("an event dated by an upper bound");
    c.events[e].date_is = DateIs::On;
    let id = c.events[e].id.clone();
    assert_caught(&c, "data/events.toml", &id, "date_is = \"by\"");
    let mut c = data();
    let e = c
        .events
        .iter()
        .position(|e| e.date_is == DateIs::On)
        .unwrap();
    c.events[e].date_is = DateIs::By;
    let id = c.events[e].id.clone();
    assert_caught(&c, "data/events.toml", &id, "does not start with \"By\"");
}

#[test]
fn a_date_text_without_a_year_must_be_derived() {
    use nkvd_study::content::DateIs;
    let mut c = data();
    let e = c
        .events
        .iter()
        .position(|e| e.date_is == DateIs::Derived)
        .expect("a derived date");
    c.events[e].date_is = DateIs::On;
    let id = c.events[e].id.clone();
    assert_caught(&c, "data/events.toml", &id, "names no year");
}

#[test]
fn a_number_statement_needs_one_value_slot_and_no_attribution() {
    let mut c = data();
    let id = c.numbers[0].id.clone();
    c.numbers[0].statement = "  ".into();
    assert_caught(&c, "data/numbers.toml", &id, "`statement` is empty");
    let mut c = data();
    c.numbers[0].statement = "There were many.".into();
    assert_caught(&c, "data/numbers.toml", &id, "exactly once, not 0 times");
    let mut c = data();
    c.numbers[0].statement = "{value} or {value}.".into();
    assert_caught(&c, "data/numbers.toml", &id, "exactly once, not 2 times");
    let mut c = data();
    c.numbers[0].statement = "According to Orlov, {value} men served.".into();
    assert_caught(&c, "data/numbers.toml", &id, "starts with \"According to\"");
}

#[test]
fn a_number_statement_that_names_its_source_mid_sentence_is_caught() {
    // "According to Victor Serge, in the prison …, Victor Serge spent …" names him twice.
    let mut c = data();
    let n = c
        .numbers
        .iter()
        .position(|n| n.according_to.as_deref() == Some("serge"))
        .expect("a figure Serge gives");
    let id = c.numbers[n].id.clone();
    c.numbers[n].statement = "In the prison, Victor Serge spent {value} days.".into();
    assert_caught(
        &c,
        "data/numbers.toml",
        &id,
        "names Victor Serge after its start",
    );
    c.numbers[n].statement = "Victor Serge wrote that he spent {value} days there.".into();
    assert!(
        validate(&c).iter().all(|p| p.entry != id),
        "starting with the name is fine"
    );
}

#[test]
fn a_number_value_that_repeats_its_unit_is_caught() {
    let mut c = data();
    let n = c
        .numbers
        .iter()
        .position(|n| n.unit.as_deref() == Some("days"))
        .expect("a number of days");
    c.numbers[n].value = format!("{} days", c.numbers[n].value);
    let id = c.numbers[n].id.clone();
    assert_caught(&c, "data/numbers.toml", &id, "also contains its unit");
}

#[test]
fn an_attributed_text_that_starts_with_according_to_is_caught() {
    let mut c = data();
    let (p, r) = c
        .people
        .iter()
        .enumerate()
        .find_map(|(p, person)| {
            person
                .roles
                .iter()
                .position(|s| s.according_to.is_some())
                .map(|r| (p, r))
        })
        .expect("an attributed role");
    c.people[p].roles[r].text = format!("According to someone, {}", c.people[p].roles[r].text);
    let id = c.people[p].id.clone();
    assert_caught(
        &c,
        "data/people.toml",
        &id,
        "also starts with \"According to\"",
    );
    let mut c = data();
    let e = c
        .events
        .iter()
        .position(|e| e.according_to.is_some())
        .unwrap();
    c.events[e].title = format!("According to him, {}", c.events[e].title);
    let id = c.events[e].id.clone();
    assert_caught(
        &c,
        "data/events.toml",
        &id,
        "title also starts with \"According to\"",
    );
}

#[test]
fn a_quotation_given_twice_is_caught() {
    let mut c = data();
    let mut copy = c.quotes[0].clone();
    copy.id = "the_same_words_again".into();
    c.quotes.push(copy);
    assert_caught(
        &c,
        "data/quotes.toml",
        "the_same_words_again",
        "same text as the quote",
    );
}

#[test]
fn a_single_side_contradicted_by_another_relation_is_caught() {
    use nkvd_study::content::Single;
    let mut c = data();
    let r = c
        .relations
        .iter()
        .position(|r| r.single.is_some_and(Single::subject))
        .expect("a relation single on its subject");
    let mut rival = c.relations[r].clone();
    rival.subject = c
        .people
        .iter()
        .find(|p| p.id != rival.subject && p.id != rival.object)
        .unwrap()
        .id
        .clone();
    rival.single = None;
    c.relations.push(rival);
    let r = &c.relations[r];
    let entry = format!("{} {:?} {}", r.subject, r.kind, r.object).to_lowercase();
    assert_caught(&c, "data/relations.toml", &entry, "says nobody but");
    let mut c = data();
    let r = c
        .relations
        .iter()
        .position(|r| r.single.is_some_and(Single::object))
        .expect("a relation single on its object");
    let mut rival = c.relations[r].clone();
    rival.object = c
        .people
        .iter()
        .find(|p| p.id != rival.subject && p.id != rival.object)
        .unwrap()
        .id
        .clone();
    rival.single = None;
    c.relations.push(rival);
    let r = &c.relations[r];
    let entry = format!("{} {:?} {}", r.subject, r.kind, r.object).to_lowercase();
    assert_caught(&c, "data/relations.toml", &entry, "nobody but");
}

#[test]
fn checks_toml_parses_and_cites_real_passages() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Checks {
        check: Vec<Check>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Check {
        statement: String,
        verdict: String,
        passages: Vec<String>,
        why: String,
    }
    let c = data();
    let text = std::fs::read_to_string("data/checks.toml").unwrap();
    let checks: Checks = toml::from_str(&text).expect("data/checks.toml parses");
    assert!(checks.check.len() >= 40);
    for k in &checks.check {
        assert!(
            ["supported", "contradicted", "open"].contains(&k.verdict.as_str()),
            "{}",
            k.statement
        );
        assert!(!k.why.trim().is_empty(), "{}", k.statement);
        for p in &k.passages {
            assert!(c.passage(p).is_some(), "{}: {p}", k.statement);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Disputes and provenance
// ---------------------------------------------------------------------------------------

#[test]
fn every_dispute_has_two_accounts_or_one_attributed_claim_with_its_passage() {
    use nkvd_study::content::DisputeKind;
    let c = data();
    assert!(c.disputes.len() >= 10, "{} disputes", c.disputes.len());
    for d in &c.disputes {
        match d.kind {
            DisputeKind::OneSide => {
                assert_eq!(d.accounts.len(), 1, "{}", d.id);
                let a = &d.accounts[0];
                assert!(
                    !a.article && (a.person.is_some() || a.source.is_some() || a.named.is_some()),
                    "{}: a one-sided claim is attributed",
                    d.id
                );
            }
            _ => assert!(d.accounts.len() >= 2, "{}", d.id),
        }
        for a in &d.accounts {
            let first = c.passage(&a.passages[0]).expect("the passage exists");
            let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                collapse(&first.text).contains(&collapse(&a.quote)),
                "{}: the quote is the document's words",
                d.id
            );
        }
    }
}

#[test]
fn every_account_cites_a_passage_that_names_whoever_gives_it() {
    let c = data();
    for d in &c.disputes {
        for a in d.accounts.iter().filter(|a| !a.article) {
            let texts: Vec<&str> = a
                .passages
                .iter()
                .filter_map(|p| c.passage(p))
                .map(|p| p.text.as_str())
                .collect();
            let names_giver = if let Some(p) = a.person.as_deref().and_then(|id| c.person(id)) {
                texts.iter().any(|t| p.is_named_in(t))
            } else if let Some(s) = a.source.and_then(|n| c.source(n)) {
                let name = s.author(&c).expect("a source account has an author");
                let name = name.trim_start_matches("The ");
                texts.iter().any(|t| t.contains(name))
            } else {
                let named = a.named.as_deref().expect("an account names its giver");
                texts.iter().any(|t| t.contains(named))
            };
            assert!(names_giver, "{}: {}", d.id, a.label(&c));
        }
    }
}

#[test]
fn a_dispute_with_a_single_account_that_is_not_one_sided_is_caught() {
    let mut c = data();
    let i = c
        .disputes
        .iter()
        .position(|d| d.accounts.len() == 2)
        .expect("a two-sided dispute");
    c.disputes[i].accounts.pop();
    let id = c.disputes[i].id.clone();
    assert_caught(&c, "data/disputes.toml", &id, "needs two");
}

#[test]
fn an_account_whose_passages_do_not_name_its_giver_is_caught() {
    let mut c = data();
    let (i, j) = c
        .disputes
        .iter()
        .enumerate()
        .find_map(|(i, d)| {
            d.accounts
                .iter()
                .position(|a| a.person.is_some() && a.source.is_none())
                .map(|j| (i, j))
        })
        .expect("an account by a person");
    let passages = c.disputes[i].accounts[j].passages.clone();
    let (_, nobody) = unnamed_person_for(&c, &passages);
    c.disputes[i].accounts[j].person = Some(nobody.clone());
    let id = c.disputes[i].id.clone();
    assert_caught(&c, "data/disputes.toml", &id, "none of its passages names");
}

#[test]
fn an_account_quote_or_role_not_in_the_document_is_caught() {
    let mut c = data();
    c.disputes[0].accounts[0].quote = "Words the document never wrote.".into();
    let id = c.disputes[0].id.clone();
    assert_caught(
        &c,
        "data/disputes.toml",
        &id,
        "quote is not in its first passage",
    );
    let mut c = data();
    c.disputes[0].accounts[0].role = Some("a famous historian".into());
    assert_caught(&c, "data/disputes.toml", &id, "role \"a famous historian\"");
    let mut c = data();
    c.disputes[0].accounts[0].written = Some("1999".into());
    assert_caught(&c, "data/disputes.toml", &id, "(1999) is in none");
}

#[test]
fn an_account_with_two_givers_or_none_is_caught() {
    let mut c = data();
    c.disputes[0].accounts[0].article = true;
    let id = c.disputes[0].id.clone();
    assert_caught(&c, "data/disputes.toml", &id, "exactly one giver");
    let mut c = data();
    let a = &mut c.disputes[0].accounts[0];
    a.person = None;
    a.source = None;
    a.named = None;
    assert_caught(&c, "data/disputes.toml", &id, "exactly one giver");
}

#[test]
fn a_dispute_pointing_at_a_missing_event_is_caught() {
    let mut c = data();
    c.disputes[0].events.push("no_such_event".into());
    let id = c.disputes[0].id.clone();
    assert_caught(&c, "data/disputes.toml", &id, "no_such_event");
}

#[test]
fn a_provenance_role_not_in_its_passages_is_caught() {
    let mut c = data();
    let i = c
        .sources
        .iter()
        .position(|s| s.provenance.is_some())
        .expect("a source with provenance");
    c.sources[i].provenance.as_mut().unwrap().role = "a Hollywood screenwriter".into();
    let entry = format!("({})", c.sources[i].number);
    assert_caught(&c, "data/sources.toml", &entry, "provenance role");
}

#[test]
fn a_folder_without_disputes_still_loads() {
    let dir = copy_of_data("no-disputes");
    std::fs::remove_file(dir.join("disputes.toml")).unwrap();
    let c = load_dir(&dir).expect("loads without disputes.toml");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(c.disputes.is_empty());
    assert_eq!(problems(&c), Vec::<String>::new());
}
