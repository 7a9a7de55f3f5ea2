//! The evidence for an answer: the sentence (or two) of each cited passage that supports it,
//! cut into pieces with the words that carry the answer marked. Pure: the UI renders every
//! piece as text, the marked ones inside `<mark>`, so no HTML is ever built from strings.

use std::collections::BTreeSet;

use crate::content::Corpus;
use crate::search::normalize;

/// A quoted sentence longer than this (in characters) is cut around its first marked word.
const MAX_CHARS: usize = 320;

/// A stretch of quoted text, marked when it carries the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub marked: bool,
}

/// The supporting sentence(s) of one passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The passage's id (`p012`), for the link to the reader.
    pub passage: String,
    pub pieces: Vec<Piece>,
}

impl Evidence {
    /// The quoted text, without marks.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The marked stretches, in order.
    pub fn marked(&self) -> Vec<&str> {
        self.pieces
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect()
    }
}

/// Words that carry no answer on their own.
const FILLER: &[&str] = &[
    "the",
    "and",
    "for",
    "was",
    "were",
    "with",
    "from",
    "that",
    "this",
    "his",
    "her",
    "its",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "had",
    "has",
    "have",
    "been",
    "are",
    "but",
    "not",
    "into",
    "they",
    "them",
    "their",
    "then",
    "than",
    "also",
    "after",
    "true",
    "false",
    "one",
    "all",
    "did",
    "does",
    "how",
    "many",
    "much",
    "said",
    "according",
    "there",
    "these",
    "those",
    "would",
    "could",
    "about",
    "over",
    "out",
    "him",
    "she",
    "you",
    "our",
    "per",
    "cent",
];

/// The words of `text` that could carry an answer: figures of any length, other words of
/// three letters or more that are not filler.
pub fn key_words(text: &str) -> BTreeSet<String> {
    normalize(text)
        .split(' ')
        .filter(|w| {
            !w.is_empty()
                && (w.chars().all(|c| c.is_ascii_digit())
                    || (w.chars().count() >= 3 && !FILLER.contains(w)))
        })
        .map(str::to_string)
        .collect()
}

/// Whether a word of the document is one of the key words, allowing a possessive or plural
/// ending on a longer word ("Stalin's", "Trotskyists").
fn matches(word: &str, keys: &BTreeSet<String>) -> Option<String> {
    if keys.contains(word) {
        return Some(word.to_string());
    }
    keys.iter()
        .find(|k| k.len() >= 4 && word.starts_with(k.as_str()) && word.len() <= k.len() + 2)
        .cloned()
}

/// The sentences of a passage, as byte ranges. A full stop after an initial ("Edward P.
/// Gazur") or a title ("Dr.") ends no sentence.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    const TITLES: &[&str] = &[
        "mr", "mrs", "dr", "st", "gen", "col", "lt", "no", "jr", "sr",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            let next_starts = chars.get(j).is_some_and(|(_, c)| c.is_whitespace())
                && chars[j..]
                    .iter()
                    .find(|(_, c)| !c.is_whitespace())
                    .is_some_and(|(_, c)| c.is_uppercase() || matches!(c, '"' | '“' | '‘'));
            let word_before: String = text[start..at]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            let initial = c == '.'
                && (word_before.chars().count() == 1
                    && text[start..at]
                        .chars()
                        .last()
                        .is_some_and(char::is_uppercase)
                    || TITLES.contains(&word_before.as_str()));
            if next_starts && !initial {
                out.push((start, end));
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if text[start..].trim().is_empty() {
        if let Some(last) = out.last_mut() {
            last.1 = text.len();
        }
    } else {
        out.push((start, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let lead = text[s..e].len() - text[s..e].trim_start().len();
            let trail = text[s..e].len() - text[s..e].trim_end().len();
            (s + lead, e - trail)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// Words of a text as byte ranges, with their normalized form.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’'));
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                let word = normalize(&text[s..at]).replace(' ', "");
                if !word.is_empty() {
                    out.push((s, at, word));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// How well a sentence supports the answer: the answer's words it names count three times
/// the context's (the prompt's) words.
fn score(
    sentence: &str,
    answer: &BTreeSet<String>,
    context: &BTreeSet<String>,
) -> (usize, BTreeSet<String>) {
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut context_named: BTreeSet<String> = BTreeSet::new();
    for (_, _, word) in words(sentence) {
        if let Some(key) = matches(&word, answer) {
            named.insert(key);
        } else if let Some(key) = matches(&word, context) {
            context_named.insert(key);
        }
    }
    (3 * named.len() + context_named.len(), named)
}

/// Cuts a long sentence to about [`MAX_CHARS`] around its first marked word.
fn window(sentence: &str, answer: &BTreeSet<String>) -> String {
    if sentence.chars().count() <= MAX_CHARS {
        return sentence.to_string();
    }
    let first = words(sentence)
        .into_iter()
        .find(|(_, _, w)| matches(w, answer).is_some())
        .map_or(0, |(s, _, _)| s);
    let floor = |mut at: usize| {
        while !sentence.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut from = floor(first.saturating_sub(MAX_CHARS / 3));
    if from > 0 {
        from = sentence[from..].find(' ').map_or(from, |s| from + s + 1);
    }
    let mut to = floor((from + MAX_CHARS).min(sentence.len()));
    if to < sentence.len() {
        to = sentence[..to]
            .rfind(' ')
            .filter(|s| *s > from)
            .unwrap_or(to);
    }
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        sentence[from..to].trim_end_matches([',', ';', ':']),
        if to < sentence.len() { "…" } else { "" }
    )
}

/// The text cut into pieces, with runs of key words (and the short gaps between them, as in
/// "Genrikh Yagoda" or "681,692") marked together.
pub fn mark(text: &str, keys: &BTreeSet<String>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |text: &str, marked: bool| {
        if text.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => pieces.push(Piece {
                text: text.to_string(),
                marked,
            }),
        }
    };
    let found: Vec<(usize, usize)> = words(text)
        .into_iter()
        .filter(|(_, _, w)| matches(w, keys).is_some())
        .map(|(s, e, _)| (s, e))
        .collect();
    let mut at = 0;
    for (i, &(s, e)) in found.iter().enumerate() {
        let gap = &text[at..s];
        // A short gap between two marked words is marked too.
        let joins = i > 0 && gap.chars().count() <= 2 && !gap.contains(['.', ';', ':', '(', ')']);
        push(gap, joins);
        push(&text[s..e], true);
        at = e;
    }
    push(&text[at..], false);
    pieces
}

/// The evidence for an answer in the cited passages: for each passage (at most `limit` of
/// them, those with a sentence that names the answer or the question first), its sentence that names most of the answer (`answer`, weighed three
/// times) and of the question (`context`), plus one more sentence when that names a part of
/// the answer the first does not; the answer's words marked. A passage where nothing matches
/// is left out, unless no passage matches (then the first is quoted from its start,
/// unmarked); a quote that another passage already gives is not repeated.
pub fn find(
    corpus: &Corpus,
    passages: &[String],
    answer: &str,
    context: &str,
    limit: usize,
) -> Vec<Evidence> {
    let answer_keys = key_words(answer);
    let context_keys: BTreeSet<String> = key_words(context)
        .difference(&answer_keys)
        .cloned()
        .collect();
    let mut seen = BTreeSet::new();
    let found: Vec<(usize, Evidence)> = passages
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| corpus.passage(id))
        .map(|passage| {
            let text = passage.text.as_str();
            let ranges = sentences(text);
            let scored: Vec<(usize, BTreeSet<String>)> = ranges
                .iter()
                .map(|&(s, e)| score(&text[s..e], &answer_keys, &context_keys))
                .collect();
            let best = (0..ranges.len())
                .max_by_key(|&i| (scored[i].0, std::cmp::Reverse(i)))
                .unwrap_or(0);
            let mut chosen = vec![best];
            if let Some(more) = (0..ranges.len())
                .filter(|&i| i != best && scored[best].0 > 0)
                .filter(|&i| scored[i].1.difference(&scored[best].1).next().is_some())
                .max_by_key(|&i| {
                    (
                        scored[i].1.difference(&scored[best].1).count(),
                        std::cmp::Reverse(i.abs_diff(best)),
                    )
                })
            {
                chosen.push(more);
            }
            chosen.sort_unstable();
            let mut pieces: Vec<Piece> = Vec::new();
            for (n, &i) in chosen.iter().enumerate() {
                if n > 0 {
                    let adjacent = i == chosen[n - 1] + 1;
                    pieces.push(Piece {
                        text: if adjacent { " ".into() } else { " … ".into() },
                        marked: false,
                    });
                }
                let (s, e) = ranges.get(i).copied().unwrap_or((0, text.len()));
                let keys = if scored.get(i).is_some_and(|s| s.0 > 0) {
                    &answer_keys
                } else {
                    &BTreeSet::new()
                };
                pieces.extend(mark(&window(&text[s..e], &answer_keys), keys));
            }
            let evidence = Evidence {
                passage: passage.id.to_string(),
                pieces,
            };
            (scored.get(best).map_or(0, |s| s.0), evidence)
        })
        .collect();
    let any_match = found.iter().any(|(score, _)| *score > 0);
    let mut quoted = BTreeSet::new();
    found
        .into_iter()
        .filter(|(score, _)| *score > 0 || !any_match)
        .map(|(_, e)| e)
        .filter(|e| quoted.insert(e.text()))
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_titles_end_no_sentence() {
        let text = "As Edward P. Gazur has pointed out: \"Kirov was popular.\" Dr. Levin agreed. Then it ended!";
        let got: Vec<&str> = sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            vec![
                "As Edward P. Gazur has pointed out: \"Kirov was popular.\"",
                "Dr. Levin agreed.",
                "Then it ended!"
            ]
        );
    }

    #[test]
    fn names_and_figures_are_marked_as_one_run() {
        let keys = key_words("Genrikh Yagoda; 681,692");
        let pieces = mark("In 1937 Genrikh Yagoda's men shot 681,692 people.", &keys);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, vec!["Genrikh Yagoda's", "681,692"]);
        let whole: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(whole, "In 1937 Genrikh Yagoda's men shot 681,692 people.");
    }

    #[test]
    fn long_sentences_are_cut_around_the_answer() {
        let long = format!(
            "{} Yezhov was arrested {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let cut = window(long.trim(), &key_words("Yezhov"));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("Yezhov was arrested"));
        assert!(cut.chars().count() <= MAX_CHARS + 2);
    }
}
