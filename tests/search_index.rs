//! The search index answers exactly what the reference scan answers (same people, same order)
//! for every kind of query a student might type or paste: each name word of each person, its
//! prefixes and typo'd spellings, pairs of words, random strings, unicode and very long text;
//! on the real document's people and on thousands of synthetic ones.

use std::collections::BTreeSet;
use std::path::Path;

use nkvd_study::content::Person;
use nkvd_study::content::load::load_dir;
use nkvd_study::search::{MAX_QUERY_CHARS, SearchIndex, normalize, scan};

fn data_people() -> Vec<Person> {
    load_dir(Path::new("data")).expect("data/ loads").people
}

/// `copies` copies of `people`, each copy's name forms ending in its number (as the 100×
/// benchmark pack renames them: "Nikolai Yezhov" becomes "Nikolai Yezhov7").
fn synthetic_people(people: &[Person], copies: usize) -> Vec<Person> {
    (0..copies)
        .flat_map(|k| {
            people.iter().map(move |p| {
                let rename = |form: &str| {
                    if k == 0 {
                        form.to_string()
                    } else {
                        format!("{form}{k}")
                    }
                };
                Person {
                    id: format!("{}_{k}", p.id),
                    name: rename(&p.name),
                    variants: p.variants.iter().map(|v| rename(v)).collect(),
                    ..p.clone()
                }
            })
        })
        .collect()
}

/// Every normalised name word of `people`.
fn name_words(people: &[Person]) -> BTreeSet<String> {
    people
        .iter()
        .flat_map(Person::name_forms)
        .flat_map(|form| {
            normalize(form)
                .split(' ')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `word` with one typo of each kind at each place: a letter dropped, two swapped, one
/// replaced, one added.
fn typos_of(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let mut dropped = chars.clone();
        dropped.remove(i);
        out.push(dropped.iter().collect());
        if i + 1 < chars.len() {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            out.push(swapped.iter().collect());
        }
        let mut replaced = chars.clone();
        replaced[i] = if chars[i] == 'x' { 'y' } else { 'x' };
        out.push(replaced.iter().collect());
        let mut added = chars.clone();
        added.insert(i, 'a');
        out.push(added.iter().collect());
    }
    out
}

/// Every prefix of `text`, one character at a time.
fn prefixes(text: &str) -> Vec<String> {
    text.char_indices()
        .map(|(at, c)| text[..at + c.len_utf8()].to_string())
        .collect()
}

/// Queries built from the names of `people`: whole forms and their prefixes, each word, its
/// prefixes and typos, some typos' prefixes, pairs of words, as typed (with capitals, accents
/// and punctuation) and normalised.
fn name_queries(people: &[Person]) -> BTreeSet<String> {
    let mut queries = BTreeSet::new();
    for form in people.iter().flat_map(Person::name_forms) {
        queries.insert(form.to_string());
        queries.insert(form.to_uppercase());
        queries.extend(prefixes(form));
    }
    let words: Vec<String> = name_words(people).into_iter().collect();
    for word in &words {
        queries.extend(prefixes(word));
        for (i, typo) in typos_of(word).into_iter().enumerate() {
            // A half-typed name with a typo: some of them (all would be many thousands).
            if i % 4 == 0 {
                queries.extend(prefixes(&typo));
            }
            queries.insert(typo);
        }
    }
    for (i, first) in words.iter().enumerate() {
        let second = &words[(i * 7 + 3) % words.len()];
        queries.insert(format!("{first} {second}"));
        if let Some(typo) = typos_of(second).into_iter().nth(i % 5) {
            queries.insert(format!("{first}, {typo}"));
        }
    }
    queries
}

/// Strings a student would not type: random letters, digits, punctuation, accents, other
/// scripts and emoji, short and long (a seeded generator, so every run asks the same).
fn odd_queries(count: usize) -> Vec<String> {
    let alphabet: Vec<char> =
        "abcdeghiklmnorstuvyz  -'’.,éÉüçłŁжЖ漢🙂0123456789İß\u{301}\u{200b}\t"
            .chars()
            .collect();
    let mut rng = fastrand::Rng::with_seed(19);
    let mut queries: Vec<String> = (0..count)
        .map(|i| {
            let len = if i % 50 == 0 {
                rng.usize(90..400)
            } else {
                rng.usize(0..14)
            };
            (0..len)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect()
        })
        .collect();
    queries.extend(
        [
            "",
            " ",
            "  ,  ",
            "'",
            "—",
            "ЕЖОВ",
            "Ежов",
            "İ",
            "ǅ",
            "a\u{301}",
            "yezhov🙂",
            "nikolai nikolai nikolai",
            "x y z w",
        ]
        .map(String::from),
    );
    queries.push("Yezhov ".repeat(50));
    queries.push("tukachevsky".repeat(30));
    queries.push("é".repeat(MAX_QUERY_CHARS + 1));
    queries.push(format!("{}Yezhov", " ".repeat(MAX_QUERY_CHARS - 3)));
    queries
}

/// Fails naming the first query the index and the scan answer differently.
fn assert_same_answers<'q>(people: &[Person], queries: impl IntoIterator<Item = &'q String>) {
    let index = SearchIndex::new(people);
    fn ids(found: Vec<&Person>) -> Vec<&str> {
        found.into_iter().map(|p| p.id.as_str()).collect()
    }
    let mut asked = 0;
    for query in queries {
        assert_eq!(
            ids(index.search(query)),
            ids(scan(people, query)),
            "query {query:?}"
        );
        asked += 1;
    }
    assert!(asked > 0);
}

#[test]
fn the_index_answers_like_the_scan_for_every_name_its_prefixes_and_typos() {
    let people = data_people();
    let queries = name_queries(&people);
    assert!(queries.len() > 5_000, "{} queries", queries.len());
    assert_same_answers(&people, &queries);
}

#[test]
fn the_index_answers_like_the_scan_for_random_unicode_and_very_long_queries() {
    let people = data_people();
    assert_same_answers(&people, &odd_queries(3_000));
}

#[test]
fn the_index_answers_like_the_scan_on_thousands_of_people() {
    let data = data_people();
    let people = synthetic_people(&data, 25);
    assert!(people.len() > 2_500);
    let names: Vec<String> = name_queries(&data).into_iter().step_by(40).collect();
    let numbered = [
        "yezhov7",
        "yezhov1",
        "ezhov12",
        "nikolai yezhov29",
        "yagoda3 genrikh",
        "hiss2",
    ]
    .map(String::from);
    let odd = odd_queries(150);
    assert_same_answers(&people, names.iter().chain(&numbered).chain(&odd));
}

#[test]
fn the_embedded_corpus_index_is_its_people_in_order() {
    let index = SearchIndex::of_corpus();
    let people = &nkvd_study::content::corpus().people;
    assert_eq!(index.people().len(), people.len());
    assert_eq!(index.positions(""), (0..people.len()).collect::<Vec<_>>());
    let yezhov = index.search("Yezov");
    assert_eq!(yezhov.first().map(|p| p.id.as_str()), Some("yezhov"));
}
