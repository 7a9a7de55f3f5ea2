//! The people search as the directory runs it on every keystroke: every name form normalised
//! and split into words once, when the index is built, so a keystroke only compares. It
//! answers exactly what [`scan`](super::scan) answers (same people, same order); it just
//! skips work whose outcome is already known (see [`typos`](super::typos)).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::content::{Person, corpus};

use super::char_set::CharSet;
use super::normalize::normalize;
use super::quality::{MatchQuality, ranked};
use super::query::normalized_query;
use super::typos::{QueryWord, TypoMemo};

/// One name form, normalised, with its words (indexes into [`SearchIndex::words`]).
struct IndexedForm {
    text: String,
    letters: CharSet,
    words: Vec<usize>,
}

/// A word of some name form; each distinct word is stored once.
pub(super) struct IndexedWord {
    pub text: String,
    pub chars: usize,
}

/// The people's name forms, ready to be searched.
pub struct SearchIndex<'a> {
    people: &'a [Person],
    /// Person `i`'s forms are `forms[forms_of[i].clone()]`.
    forms: Vec<IndexedForm>,
    forms_of: Vec<Range<usize>>,
    words: Vec<IndexedWord>,
}

/// A normalised query and its words.
struct PreparedQuery<'q> {
    text: &'q str,
    letters: CharSet,
    words: Vec<QueryWord<'q>>,
    /// Whether a fuzzy match is possible at all: no word is too short to forgive a typo in.
    fuzzy: bool,
}

impl<'a> SearchIndex<'a> {
    /// Normalises and splits every name form of `people`.
    pub fn new(people: &'a [Person]) -> Self {
        let mut word_ids: HashMap<String, usize> = HashMap::new();
        let mut words = Vec::new();
        let mut forms = Vec::new();
        let mut forms_of = Vec::with_capacity(people.len());
        for person in people {
            let first = forms.len();
            for form in person.name_forms() {
                let text = normalize(form);
                let form_words = text
                    .split(' ')
                    .map(|word| {
                        *word_ids.entry(word.to_string()).or_insert_with(|| {
                            words.push(IndexedWord {
                                text: word.to_string(),
                                chars: word.chars().count(),
                            });
                            words.len() - 1
                        })
                    })
                    .collect();
                forms.push(IndexedForm {
                    letters: CharSet::of(&text),
                    text,
                    words: form_words,
                });
            }
            forms_of.push(first..forms.len());
        }
        SearchIndex {
            people,
            forms,
            forms_of,
            words,
        }
    }

    /// The index of the embedded corpus's people, built once on first use.
    pub fn of_corpus() -> &'static SearchIndex<'static> {
        static INDEX: OnceLock<SearchIndex<'static>> = OnceLock::new();
        INDEX.get_or_init(|| SearchIndex::new(&corpus().people))
    }

    /// The people indexed, in the corpus's order.
    pub fn people(&self) -> &'a [Person] {
        self.people
    }

    /// People matching `query`, as [`scan`](super::scan) lists them.
    pub fn search(&self, query: &str) -> Vec<&'a Person> {
        self.positions(query)
            .into_iter()
            .map(|i| &self.people[i])
            .collect()
    }

    /// Positions (in [`people`](Self::people)) of the people matching `query`, best first,
    /// ties in the corpus's order. An empty query matches everyone.
    pub fn positions(&self, query: &str) -> Vec<usize> {
        let text = normalized_query(query);
        if text.is_empty() {
            return (0..self.people.len()).collect();
        }
        let words: Vec<QueryWord> = text.split(' ').map(QueryWord::new).collect();
        let query = PreparedQuery {
            text: &text,
            letters: CharSet::of(&text),
            fuzzy: words.iter().all(|w| w.allowed > 0),
            words,
        };
        let mut memo = TypoMemo::new(query.words.len(), self.words.len());
        let scored = self
            .forms_of
            .iter()
            .enumerate()
            .filter_map(|(i, forms)| {
                let forms = &self.forms[forms.clone()];
                self.score_person(forms, &query, &mut memo).map(|q| (q, i))
            })
            .collect();
        ranked(scored)
    }

    /// A person's best match: any match but a fuzzy one beats every fuzzy one, so the
    /// distances are only computed when no form matches otherwise.
    fn score_person(
        &self,
        forms: &[IndexedForm],
        query: &PreparedQuery,
        memo: &mut TypoMemo,
    ) -> Option<MatchQuality> {
        let plain = forms
            .iter()
            .filter_map(|f| self.plain_match(f, query))
            .max();
        if plain.is_some() || !query.fuzzy {
            return plain;
        }
        forms
            .iter()
            .filter_map(|f| self.fuzzy_match(f, query, memo))
            .max()
    }

    /// Exact, prefix, word-prefix or substring: each needs every letter of the query in
    /// the form.
    fn plain_match(&self, form: &IndexedForm, query: &PreparedQuery) -> Option<MatchQuality> {
        if !query.letters.is_subset_of(form.letters) {
            return None;
        }
        if form.text == query.text {
            return Some(MatchQuality::Exact);
        }
        if form.text.starts_with(query.text) {
            return Some(MatchQuality::Prefix);
        }
        if query.words.iter().all(|q| {
            form.words
                .iter()
                .any(|&w| self.words[w].text.starts_with(q.text))
        }) {
            return Some(MatchQuality::WordPrefix);
        }
        if form.text.contains(query.text) {
            return Some(MatchQuality::Substring);
        }
        None
    }

    /// Every query word within its tolerance of some word of the form (counting the form
    /// word's prefixes of about the query word's length).
    fn fuzzy_match(
        &self,
        form: &IndexedForm,
        query: &PreparedQuery,
        memo: &mut TypoMemo,
    ) -> Option<MatchQuality> {
        let mut total = 0;
        for (q, query_word) in query.words.iter().enumerate() {
            total += form
                .words
                .iter()
                .filter_map(|&w| memo.typos(q, query_word, w, &self.words[w]))
                .min()?;
        }
        Some(MatchQuality::fuzzy(total))
    }
}
