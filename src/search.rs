//! Name search for the people directory: ignores case, accents and punctuation, matches any
//! name variant the document uses, and tolerates a student's typos (edit distance from the
//! `strsim` crate). Results are ranked: exact, then prefix, then substring, then fuzzy.

use crate::content::Person;

/// Lower-cases, folds accented Latin letters to ASCII, and turns everything that is not a
/// letter or digit into a single space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold_accent(c);
        if folded.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(folded);
        } else if folded != '\'' && folded != '’' {
            pending_space = true;
        }
    }
    out
}

/// Maps a lower-case accented Latin letter to its base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// How well a query matched; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    /// Every query word is within a typo or two of a name word.
    Fuzzy(u8),
    /// The query occurs inside a name form.
    Substring,
    /// Every query word starts a name word.
    WordPrefix,
    /// A name form starts with the query.
    Prefix,
    /// The query is a whole name form.
    Exact,
}

/// Typos tolerated in a word of this many letters.
fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Scores one normalised name form against a normalised query.
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
                    .map(|candidate| strsim::damerau_levenshtein(q, &candidate))
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .min()?;
        if best > allowed {
            return None;
        }
        total_distance += best;
    }
    Some(MatchQuality::Fuzzy(u8::MAX - total_distance.min(254) as u8))
}

/// The best match of a query against any of a person's name forms.
pub fn score_person(person: &Person, query: &str) -> Option<MatchQuality> {
    person
        .name_forms()
        .filter_map(|form| score_form(&normalize(form), query))
        .max()
}

/// The longest query matched: longer ones (a pasted page, a hostile link) are cut to this
/// many characters before the edit-distance matching, whose cost grows with the length.
pub const MAX_QUERY_CHARS: usize = 100;

/// People matching `query` (its first [`MAX_QUERY_CHARS`] characters), best first (ties in
/// the corpus's order). An empty query matches everyone.
pub fn search<'a>(people: &'a [Person], query: &str) -> Vec<&'a Person> {
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    };
    let query = normalize(query);
    if query.is_empty() {
        return people.iter().collect();
    }
    let mut scored: Vec<(MatchQuality, usize, &Person)> = people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| score_person(p, &query).map(|q| (q, i, p)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, variants: &[&str]) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            groups: vec![],
            summary: String::new(),
            roles: vec![],
            fate: None,
            note: None,
            mentions: vec![],
        }
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

    fn ids(query: &str) -> Vec<String> {
        let people = people();
        search(&people, query)
            .iter()
            .map(|p| p.id.clone())
            .collect()
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
}
