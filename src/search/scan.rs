//! The reference search: scores every name form of every person from scratch. Too slow to run
//! on each keystroke at scale (it normalises every form every time), it is kept as the
//! definition that [`SearchIndex`](super::SearchIndex) must answer exactly like.

use crate::content::Person;

use super::normalize::normalize;
use super::quality::{MatchQuality, ranked};
use super::query::{normalized_query, tolerance};

/// Scores one normalised name form against a normalised query: exact, then prefix, then every
/// word a prefix, then substring, then fuzzy (Damerau–Levenshtein distance).
fn score_form(form: &str, query: &str) -> Option<MatchQuality> {
    if form == query {
        return Some(MatchQuality::Exact);
    }
    if form.starts_with(query) {
        return Some(MatchQuality::Prefix);
    }
    let words: Vec<&str> = form.split(' ').collect();
    let query_words: Vec<&str> = query.split(' ').collect();
    if query_words
        .iter()
        .all(|q| words.iter().any(|w| w.starts_with(q)))
    {
        return Some(MatchQuality::WordPrefix);
    }
    if form.contains(query) {
        return Some(MatchQuality::Substring);
    }
    let mut total_distance = 0usize;
    for q in &query_words {
        let allowed = tolerance(q.chars().count());
        if allowed == 0 {
            return None;
        }
        let best = words
            .iter()
            .map(|w| {
                // Also compare with the word's prefixes of about the query's length, so that
                // a typo in a half-typed name still matches ("tukachev" finds "Tukhachevsky").
                let q_len = q.chars().count();
                (q_len.saturating_sub(1)..=q_len + 1)
                    .map(|n| w.chars().take(n).collect::<String>())
                    .chain(std::iter::once(w.to_string()))
                    .map(|candidate| super::damerau_levenshtein(q, &candidate))
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .min()?;
        if best > allowed {
            return None;
        }
        total_distance += best;
    }
    Some(MatchQuality::fuzzy(total_distance))
}

/// The best match of a normalised query against any of a person's name forms.
pub fn score_person(person: &Person, query: &str) -> Option<MatchQuality> {
    person
        .name_forms()
        .filter_map(|form| score_form(&normalize(form), query))
        .max()
}

/// People matching `query` (its first [`MAX_QUERY_CHARS`](super::MAX_QUERY_CHARS)
/// characters), best first (ties in the corpus's order). An empty query matches everyone.
pub fn scan<'a>(people: &'a [Person], query: &str) -> Vec<&'a Person> {
    let query = normalized_query(query);
    if query.is_empty() {
        return people.iter().collect();
    }
    let scored = people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| score_person(p, &query).map(|q| (q, i)))
        .collect();
    ranked(scored).into_iter().map(|i| &people[i]).collect()
}
