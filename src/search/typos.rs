//! How many typos separate a query word from a name word: the Damerau–Levenshtein distance
//! ([`super::damerau_levenshtein`]) to the word or to its prefixes of about the query word's length, or
//! none if more than the word's tolerance. Candidates that cannot be close enough are skipped
//! without computing a distance: the distance is at least the difference in lengths and at
//! least [`CharSet::edits_at_least`]. Each answer is kept for the rest of the keystroke.

use super::char_set::CharSet;
use super::index::IndexedWord;
use super::query::tolerance;

/// A word of the query, with what the comparisons need.
pub struct QueryWord<'q> {
    pub text: &'q str,
    pub chars: usize,
    pub allowed: usize,
    pub letters: CharSet,
}

impl<'q> QueryWord<'q> {
    pub fn new(text: &'q str) -> Self {
        let chars = text.chars().count();
        QueryWord {
            text,
            chars,
            allowed: tolerance(chars),
            letters: CharSet::of(text),
        }
    }
}

const UNKNOWN: u8 = u8::MAX;
const TOO_FAR: u8 = u8::MAX - 1;

/// The typos of each query word to each indexed word, computed when first needed.
pub struct TypoMemo {
    words: usize,
    known: Vec<u8>,
}

impl TypoMemo {
    pub fn new(query_words: usize, indexed_words: usize) -> Self {
        TypoMemo {
            words: indexed_words,
            known: vec![UNKNOWN; query_words * indexed_words],
        }
    }

    /// The typos between query word number `q` and indexed word number `w`, or `None` if
    /// more than the query word's tolerance.
    pub fn typos(
        &mut self,
        q: usize,
        query_word: &QueryWord,
        w: usize,
        word: &IndexedWord,
    ) -> Option<usize> {
        let slot = &mut self.known[q * self.words + w];
        if *slot == UNKNOWN {
            *slot = typos(query_word, word).map_or(TOO_FAR, |n| n as u8);
        }
        (*slot != TOO_FAR).then_some(*slot as usize)
    }
}

/// The fewest typos between `query` and `word` or one of the word's prefixes of one letter
/// fewer to one letter more than the query (so a typo in a half-typed name still matches:
/// "tukachev" finds "Tukhachevsky"), if within the query word's tolerance.
pub fn typos(query: &QueryWord, word: &IndexedWord) -> Option<usize> {
    let allowed = query.allowed;
    if word.chars + allowed < query.chars {
        return None;
    }
    // The candidates' lengths, shortest first: the prefixes, then the whole word.
    let lengths = [
        query.chars.saturating_sub(1).min(word.chars),
        query.chars.min(word.chars),
        (query.chars + 1).min(word.chars),
        word.chars,
    ];
    let mut best: Option<usize> = None;
    let mut letters = CharSet::default();
    let mut chars = word.text.chars();
    let mut taken = 0;
    let mut end = 0;
    let mut previous = None;
    for length in lengths {
        if length > query.chars + allowed {
            break;
        }
        while taken < length {
            let c = chars.next().expect("a length within the word");
            letters = letters.with(c);
            taken += 1;
            end += c.len_utf8();
        }
        if previous == Some(length) || length + allowed < query.chars {
            previous = Some(length);
            continue;
        }
        previous = Some(length);
        let bound = query.letters.edits_at_least(letters);
        if bound > allowed || best.is_some_and(|b| bound >= b) {
            continue;
        }
        let distance = super::damerau_levenshtein(query.text, &word.text[..end]);
        if distance <= allowed && best.is_none_or(|b| distance < b) {
            best = Some(distance);
        }
    }
    best
}
