//! The search's behaviour on a few names, asked of both the reference scan and the index.

use super::*;
use crate::content::Person;

fn person(id: &str, name: &str, variants: &[&str]) -> Person {
    Person::named(id, name, variants)
}

fn people() -> Vec<Person> {
    vec![
        person("yagoda", "Genrikh Yagoda", &["Yagoda"]),
        person("yezhov", "Nikolai Yezhov", &["Yezhov", "Nickolai Yezhov"]),
        person("tukhachevsky", "Mikhail Tukhachevsky", &["Tukhachevsky"]),
        person(
            "bukharin",
            "Nickolai Bukharin",
            &["Nikolai Bukharin", "Bukharin"],
        ),
        person("alger_hiss", "Alger Hiss", &[]),
        person("donald_hiss", "Donald Hiss", &[]),
        person("diaz", "José Díaz", &[]),
    ]
}

/// The ids the index finds, after checking that the scan finds the same.
fn ids(query: &str) -> Vec<String> {
    let people = people();
    let ids = |found: Vec<&Person>| found.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    let indexed = ids(SearchIndex::new(&people).search(query));
    assert_eq!(indexed, ids(scan(&people, query)), "query {query:?}");
    indexed
}

#[test]
fn case_punctuation_and_accents_are_ignored() {
    assert_eq!(normalize("  José  DÍAZ's, "), "jose diazs");
    assert_eq!(ids("jose diaz"), ["diaz"]);
    assert_eq!(ids("YAGODA"), ["yagoda"]);
}

#[test]
fn typos_in_a_surname_are_accepted() {
    assert_eq!(ids("Yezov"), ["yezhov"]);
    assert_eq!(ids("Tukachevsky"), ["tukhachevsky"]);
    assert_eq!(ids("tukachev"), ["tukhachevsky"]);
}

#[test]
fn any_variant_the_document_uses_matches() {
    assert_eq!(ids("Nikolai Bukharin"), ["bukharin"]);
    assert_eq!(ids("Nickolai"), ["yezhov", "bukharin"]);
}

#[test]
fn exact_and_prefix_matches_rank_above_fuzzy_ones() {
    // "Nikolai" is an exact word of Yezhov's name and one typo from Bukharin's variant
    // "Nickolai": the exact word ranks first.
    let found = ids("Nikolai");
    assert_eq!(found.first().map(String::as_str), Some("yezhov"));
    assert!(found.contains(&"bukharin".to_string()));
    // A whole name beats a prefix of another.
    let hiss = ids("Alger Hiss");
    assert_eq!(hiss, ["alger_hiss"]);
    assert_eq!(ids("hiss"), ["alger_hiss", "donald_hiss"]);
}

#[test]
fn short_words_must_match_exactly_and_nonsense_finds_nothing() {
    assert!(ids("xq").is_empty());
    assert!(ids("Zzzzzzzz").is_empty());
}

#[test]
fn empty_query_lists_everyone_in_order() {
    assert_eq!(ids("").len(), people().len());
    assert_eq!(ids("  , ").len(), people().len());
}

#[test]
fn a_pasted_page_is_cut_to_the_longest_query_before_matching() {
    let pasted = "Yezhov".repeat(20_000);
    let cut: String = pasted.chars().take(MAX_QUERY_CHARS).collect();
    assert_eq!(ids(&pasted), ids(&cut));
    let name_then_junk = format!("Nikolai Yezhov {}", "é".repeat(100_000));
    assert_eq!(
        ids(&name_then_junk),
        ids(&name_then_junk
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect::<String>())
    );
}

#[test]
fn a_name_form_of_punctuation_only_matches_nothing() {
    let people = vec![person("odd", "Odd One", &["—"])];
    for query in ["odd", "odx one", "—", "zzzz"] {
        let found = SearchIndex::new(&people).search(query);
        assert_eq!(found, scan(&people, query), "query {query:?}");
    }
}
