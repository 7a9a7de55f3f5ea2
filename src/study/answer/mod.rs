//! Grading typed answers with the tolerance a student deserves.
//!
//! [`grade`] says whether an answer is right as typed ([`Grade::Exact`]), right but for a
//! typo ([`Grade::Close`], with the spelling to show), or wrong; [`accepts`] is its yes/no.
//! Answers longer than [`MAX_ANSWER_CHARS`] (or, for names and other text, of more than
//! twelve words) are wrong before any matching is done. Everything is compared after
//! [`normalize`] (case, accents, punctuation and spacing do not matter), and filler words
//! may come before the answer, and for names after it ("it was Yezhov", "Yezhov, I think",
//! "in 1936"); any other word makes it wrong ("not Yezhov", "Yezhov or Yagoda").
//! Then:
//!
//! * **Names** ([`accepts_name`]): any form the document uses; its last words ("Yezhov",
//!   "Sebag Montefiore"); its first and last word ("Karl Brunck"); given names as initials
//!   ("N. Yezhov", "N Yezhov"); with the surname first ("Yezhov, Nikolai") or a title before
//!   it ("Marshal Tukhachevsky", "Comrade", "General", "Dr"). Typos are counted word by word
//!   (Damerau–Levenshtein distance, so a swapped pair of letters is one typo):
//!   none in a word of up to five letters or an initial, one up to eight letters, two beyond
//!   ([`name_tolerance`]), and never more than the whole name's tolerance.
//!   [`accepts_name_among`] also takes the forms of *other* people, first names included:
//!   an answer at least as close to one of them as to the expected person is refused, so
//!   "Zarubina" is not taken for "Zarubin", "Sergei" (Kirov) not for "Serge", and a surname
//!   two people share is not enough.
//! * **Numbers** ([`accepts_number`]): the value must be exact, but how it is written does
//!   not matter: `681692`, `681,692` and `681 692` are the same number, and so are
//!   `1.3 million`, `1,300,000` and `1300000` (the value of "1.3 million" is taken to be
//!   exactly 1,300,000: the student is asked for the document's figure, not for a rounding
//!   of it). A `.` is always a decimal point; commas group thousands. Small numbers may be
//!   written in words ("fifty", "one hundred and seventeen", grammatically: "five five" is
//!   no number); "per cent", "percent", "%" and qualifiers such as "about" or "over" are
//!   ignored, so "300" answers "about 300". A noun may follow the figure ("117 persons"); if
//!   the expected answer has one ("eleven days"), the typed noun must be among its words.
//!   All arithmetic is checked: a figure too large to hold is no number, never a wrapped one.
//!   A year is also answered by a date in it, and a date by the same date in a common format
//!   ("1 Dec 1934", "December 1, 1934", "1st of December 1934", "1934-12-01", and "1/12/1934"
//!   only where day and month cannot be confused, as in "23/11/1938"). When either side is
//!   not a number or date, the texts must match exactly after normalisation.
//! * **Other text** ([`accepts_text`]): organization names and abbreviations; a leading
//!   "the" is optional, and typos are tolerated as for names except in words of four
//!   letters or fewer (so abbreviations must be exact).

use serde::{Deserialize, Serialize};

use crate::search::{damerau_levenshtein, normalize};

/// Answers longer than this (in characters) are refused without being compared.
pub const MAX_ANSWER_CHARS: usize = 200;

/// Answers of more words than this (after normalisation) are refused.
const MAX_ANSWER_WORDS: usize = 12;

/// What a typed answer is, which decides how it is graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A person's name.
    Name,
    /// A figure or a year.
    Number,
    /// Any other text (an organization's name or abbreviation).
    Text,
}

/// How a typed answer fares.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Right as typed (after normalisation, with any filler or title left out).
    Exact,
    /// Right but for a typo or two; `canonical` is the accepted form it was taken for, to
    /// show the student the spelling.
    Close { canonical: String },
    /// Wrong.
    Wrong,
}

impl Grade {
    /// Whether the answer counts as right.
    pub fn is_accepted(&self) -> bool {
        !matches!(self, Self::Wrong)
    }

    fn from_distance(distance: usize, canonical: &str) -> Self {
        if distance == 0 {
            Self::Exact
        } else {
            Self::Close {
                canonical: canonical.to_string(),
            }
        }
    }
}

/// Grades `typed` against the accepted forms, refusing answers that fit a `rejected` form
/// (another person or organization) at least as well.
pub fn grade(kind: AnswerKind, accepted: &[String], rejected: &[String], typed: &str) -> Grade {
    if too_long(typed) {
        return Grade::Wrong;
    }
    match kind {
        AnswerKind::Name => grade_name(accepted, rejected, typed),
        AnswerKind::Number => {
            if accepted.iter().any(|form| accepts_number(form, typed)) {
                Grade::Exact
            } else {
                Grade::Wrong
            }
        }
        AnswerKind::Text => grade_text(accepted, rejected, typed),
    }
}

/// Whether [`grade`] accepts `typed`.
pub fn accepts(kind: AnswerKind, accepted: &[String], rejected: &[String], typed: &str) -> bool {
    grade(kind, accepted, rejected, typed).is_accepted()
}

fn too_long(typed: &str) -> bool {
    typed.chars().nth(MAX_ANSWER_CHARS).is_some()
}

/// Typos tolerated in a word of a name (or a whole name) of `letters` letters: none up to
/// five letters, one up to eight, two beyond.
pub fn name_tolerance(letters: usize) -> usize {
    match letters {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}

/// Typos tolerated in other text: none in short words and abbreviations.
fn text_tolerance(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=6 => 1,
        _ => 2,
    }
}

fn letters(normalized: &str) -> usize {
    normalized.chars().filter(|c| *c != ' ').count()
}

/// Words that may come before an answer without changing it ("it was Yezhov").
const LEADING_FILLERS: &[&str] = &[
    "it", "was", "is", "i", "think", "believe", "guess", "the", "answer", "maybe", "probably",
    "perhaps", "that", "he", "she", "who", "by", "named", "called",
];
/// Words that may follow an answer without changing it ("Yezhov, I think").
const TRAILING_FILLERS: &[&str] = &[
    "was", "did", "it", "is", "i", "think", "guess", "maybe", "probably", "perhaps",
];
/// Titles the document (or a student) puts before a name.
const TITLES: &[&str] = &[
    "marshal",
    "comrade",
    "general",
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "sir",
    "madame",
    "madam",
    "commissar",
    "colonel",
    "major",
    "captain",
    "lieutenant",
    "commander",
    "citizen",
];

/// The spans of `words` left when leading words in `leading` and trailing words in
/// `trailing` are dropped, from none to all of them (the answer itself is never empty).
fn cores<'w>(
    words: &'w [&'w str],
    leading: impl Fn(&str) -> bool,
    trailing: impl Fn(&str) -> bool,
) -> Vec<&'w [&'w str]> {
    let lead = words.iter().take_while(|w| leading(w)).count();
    let trail = words.iter().rev().take_while(|w| trailing(w)).count();
    let mut out = Vec::new();
    for start in 0..=lead.min(words.len()) {
        for end in (words.len().saturating_sub(trail)..=words.len()).rev() {
            if start < end {
                out.push(&words[start..end]);
            }
        }
    }
    out
}

/// The normalised forms of a name and their surnames (last words), without repeats.
pub fn name_keys(forms: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for form in forms {
        let full = normalize(form);
        if full.is_empty() {
            continue;
        }
        let surname = full.rsplit(' ').next().unwrap_or_default().to_string();
        for key in [full, surname] {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The words of a name in alphabetical order, so "Yezhov Nikolai" meets "Nikolai Yezhov".
fn sorted_words(text: &str) -> String {
    let mut words: Vec<&str> = text.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}

/// Typos between two normalised names, in either word order (see [`normalize`]).
pub fn name_distance(key: &str, typed: &str) -> usize {
    let direct = damerau_levenshtein(key, typed);
    if direct == 0 || !typed.contains(' ') {
        return direct;
    }
    direct.min(damerau_levenshtein(
        &sorted_words(key),
        &sorted_words(typed),
    ))
}

/// A normalised name (one of [`name_keys`]) with what bounds its [`name_distance`] to
/// another cheaply: its length and its characters, counted in buckets. Every typo changes the
/// length by at most one and the counts by at most two, so names further apart than that
/// need no distance worked out.
pub struct KeyedName {
    key: String,
    chars: usize,
    counts: [u8; 64],
    /// Which buckets are not empty: each bucket one name has and the other lacks differs by
    /// at least one, so this bounds the counts' difference from below in one step.
    present: u64,
}

impl KeyedName {
    pub fn new(key: String) -> Self {
        let mut counts = [0u8; 64];
        for c in key.chars() {
            // Letters and digits each their own bucket; anything else shares.
            let bucket = match c {
                'a'..='z' => c as usize - 'a' as usize,
                '0'..='9' => 26 + (c as usize - '0' as usize),
                _ => 36 + c as usize % 28,
            };
            counts[bucket] = counts[bucket].saturating_add(1);
        }
        let present = (counts.iter().enumerate())
            .filter(|(_, n)| **n > 0)
            .fold(0, |bits, (bucket, _)| bits | 1 << bucket);
        Self {
            chars: key.chars().count(),
            key,
            counts,
            present,
        }
    }

    /// The name's length in characters.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The normalised name.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether `name_distance(self, other)` is at most `most`.
    pub fn within(&self, other: &Self, most: usize) -> bool {
        if self.chars.abs_diff(other.chars) > most
            || (self.present ^ other.present).count_ones() as usize > 2 * most
        {
            return false;
        }
        let differ: usize = (self.counts.iter().zip(&other.counts))
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum();
        differ <= 2 * most && name_distance(&self.key, &other.key) <= most
    }
}

/// One way of writing a name, as normalised words, with the form to show for it.
struct NameKey {
    words: Vec<String>,
    canonical: String,
}

/// Every way of writing the names in `forms` that grading accepts: each form, its last
/// words, its first and last word, given names as initials; with `given_names`, also each
/// word alone (for rivals: "Sergei" is someone else's first name).
fn name_match_keys(forms: &[String], given_names: bool) -> Vec<NameKey> {
    let mut keys: Vec<NameKey> = Vec::new();
    let mut push = |words: Vec<String>, canonical: &str| {
        if !words.is_empty() && !keys.iter().any(|k| k.words == words) {
            keys.push(NameKey {
                words,
                canonical: canonical.trim().to_string(),
            });
        }
    };
    let split = |form: &String| -> Vec<String> {
        normalize(form)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    // The forms themselves first, so a key that is a form shows as that form.
    for form in forms {
        push(split(form), form);
    }
    for form in forms {
        let words = split(form);
        let n = words.len();
        if n == 0 {
            continue;
        }
        // The original words, when they line up with the normalised ones.
        let original: Vec<&str> = form.split_whitespace().collect();
        let aligned =
            original.len() == n && original.iter().zip(&words).all(|(o, w)| normalize(o) == *w);
        for start in 1..n {
            let canonical = if aligned {
                original[start..].join(" ")
            } else {
                form.clone()
            };
            push(words[start..].to_vec(), &canonical);
        }
        let initial = |w: &String| w.chars().next().map(String::from).unwrap_or_default();
        if n >= 3 {
            push(vec![words[0].clone(), words[n - 1].clone()], form);
            push(vec![initial(&words[0]), words[n - 1].clone()], form);
        }
        if (2..=4).contains(&n) {
            for mask in 1u32..(1 << (n - 1)) {
                let with_initials = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        if mask & (1 << i) != 0 {
                            initial(w)
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                push(with_initials, form);
            }
        }
        if given_names {
            for word in &words {
                let filler =
                    TITLES.contains(&word.as_str()) || LEADING_FILLERS.contains(&word.as_str());
                if word.chars().count() > 1 && !filler {
                    push(vec![word.clone()], form);
                }
            }
        }
    }
    keys
}

/// How far `typed` is from `key` (typos, summed over words when both have as many words,
/// in either the key's order or with the surname first), and whether that is within the
/// tolerance: per word ([`name_tolerance`], initials exact) and for the whole name.
fn name_match(key: &[String], typed: &[&str]) -> (usize, bool) {
    let key_letters: usize = key.iter().map(|w| w.chars().count()).sum();
    let whole = name_tolerance(key_letters);
    if key.len() != typed.len() {
        // Only the spacing may differ ("NikolaiYezhov"): a typo on top of it is too much
        // to tell a misspelt name from another word added or left out.
        let distance = damerau_levenshtein(&key.concat(), &typed.concat());
        return (distance, distance == 0);
    }
    let compare = |order: &mut dyn Iterator<Item = &&str>| {
        let mut sum = 0;
        let mut within = true;
        for (k, t) in key.iter().zip(order) {
            let d = damerau_levenshtein(k, t);
            within &= d <= name_tolerance(k.chars().count());
            sum += d;
        }
        (sum, within && sum <= whole)
    };
    let direct = compare(&mut typed.iter());
    if typed.len() < 2 || direct.0 == 0 {
        return direct;
    }
    // "Yezhov Nikolai": the typed surname first.
    let surname_first = compare(&mut typed[1..].iter().chain(&typed[..1]));
    // The better of the two, preferring one within the tolerance.
    [direct, surname_first]
        .into_iter()
        .min_by_key(|(distance, within)| (!within, *distance))
        .unwrap_or(direct)
}

fn grade_name(accepted: &[String], rejected: &[String], typed: &str) -> Grade {
    if too_long(typed) {
        return Grade::Wrong;
    }
    let normalized = normalize(typed);
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_ANSWER_WORDS {
        return Grade::Wrong;
    }
    let candidates = cores(
        &words,
        |w| LEADING_FILLERS.contains(&w) || TITLES.contains(&w),
        |w| TRAILING_FILLERS.contains(&w),
    );
    let keys = name_match_keys(accepted, false);
    let mut best: Option<(usize, &NameKey)> = None;
    for candidate in &candidates {
        for key in &keys {
            let (distance, within) = name_match(&key.words, candidate);
            if within && best.is_none_or(|(b, _)| distance < b) {
                best = Some((distance, key));
            }
        }
    }
    let Some((distance, key)) = best else {
        return Grade::Wrong;
    };
    // Refused when a rival is at least as close. A rival's distance is at least the
    // difference in letters (every order [`name_match`] tries pairs all the letters), so only
    // rivals of about the answer's length need a distance worked out.
    let letters = |words: &[&str]| words.iter().map(|w| w.chars().count()).sum::<usize>();
    let rivals = name_match_keys(rejected, true);
    let rival_as_close = candidates.iter().any(|candidate| {
        let typed_letters = letters(candidate);
        rivals.iter().any(|rival| {
            let rival_letters: usize = rival.words.iter().map(|w| w.chars().count()).sum();
            rival_letters.abs_diff(typed_letters) <= distance
                && name_match(&rival.words, candidate).0 <= distance
        })
    });
    if rival_as_close {
        return Grade::Wrong;
    }
    Grade::from_distance(distance, &key.canonical)
}

/// Whether `typed` names the person whose forms are `expected_forms` (full name, variants;
/// the surname alone is accepted too), allowing a typo or two.
pub fn accepts_name(expected_forms: &[String], typed: &str) -> bool {
    accepts_name_among(expected_forms, &[], typed)
}

/// Like [`accepts_name`], but refuses an answer that is at least as close to one of
/// `other_forms` (names of other people) as to the expected person.
pub fn accepts_name_among(expected_forms: &[String], other_forms: &[String], typed: &str) -> bool {
    grade_name(expected_forms, other_forms, typed).is_accepted()
}

/// Normalised text without a leading "the", with spelled-out initials joined up
/// ("N.K.V.D." and "NKVD" are the same).
fn text_key(text: &str) -> String {
    let normalized = normalize(text);
    let rest = normalized.strip_prefix("the ").unwrap_or(&normalized);
    let mut out = String::with_capacity(rest.len());
    let mut previous_single = false;
    for word in rest.split(' ') {
        let single = word.chars().count() == 1;
        let joined = single && previous_single;
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(word);
        previous_single = single;
    }
    out
}

/// Words that may come before an organization's name ("it was the NKVD").
const TEXT_FILLERS: &[&str] = &[
    "it", "was", "is", "i", "think", "answer", "maybe", "probably",
];

fn grade_text(accepted: &[String], rejected: &[String], typed: &str) -> Grade {
    if too_long(typed) {
        return Grade::Wrong;
    }
    let normalized = normalize(typed);
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > MAX_ANSWER_WORDS {
        return Grade::Wrong;
    }
    let candidates: Vec<String> = cores(&words, |w| TEXT_FILLERS.contains(&w), |_| false)
        .iter()
        .map(|core| text_key(&core.join(" ")))
        .collect();
    let distance = damerau_levenshtein;
    let mut best: Option<(usize, &String)> = None;
    for form in accepted {
        let key = text_key(form);
        for candidate in &candidates {
            let d = distance(&key, candidate);
            if d <= text_tolerance(letters(&key)) && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, form));
            }
        }
    }
    let Some((best, form)) = best else {
        return Grade::Wrong;
    };
    let rival = rejected
        .iter()
        .flat_map(|form| {
            let key = text_key(form);
            candidates.iter().map(move |c| distance(&key, c))
        })
        .min();
    if rival.is_some_and(|rival| rival <= best) {
        return Grade::Wrong;
    }
    Grade::from_distance(best, form)
}

/// Whether `typed` is one of `expected_forms` (organization names, abbreviations), allowing
/// a typo or two in longer words and an omitted leading "the".
pub fn accepts_text(expected_forms: &[String], typed: &str) -> bool {
    accepts_text_among(expected_forms, &[], typed)
}

/// Like [`accepts_text`], but refuses an answer at least as close to one of `other_forms`.
pub fn accepts_text_among(expected_forms: &[String], other_forms: &[String], typed: &str) -> bool {
    grade_text(expected_forms, other_forms, typed).is_accepted()
}

/// Words that may come before a figure or date ("in 1936", "it was 117").
const NUMBER_FILLERS: &[&str] = &[
    "it", "was", "is", "there", "were", "are", "in", "on", "the", "year", "i", "think", "answer",
    "by", "maybe", "probably",
];

/// Whether `typed` is the same number as `expected` (see the module documentation).
pub fn accepts_number(expected: &str, typed: &str) -> bool {
    if too_long(typed) || too_long(expected) {
        return false;
    }
    let lowered = typed.to_lowercase();
    let tokens: Vec<&str> = lowered.split_whitespace().collect();
    let lead = tokens
        .iter()
        .take_while(|t| NUMBER_FILLERS.contains(&t.trim_matches(|c: char| !c.is_alphanumeric())))
        .count();
    let core = tokens[lead.min(tokens.len())..].join(" ");
    if let (Some((a, expected_noun)), Some((b, typed_noun))) =
        (figure_with_noun(expected), figure_with_noun(&core))
    {
        return a == b
            && (expected_noun.is_empty() || typed_noun.iter().all(|w| expected_noun.contains(w)));
    }
    if let (Some(date), Some(typed_date)) = (expected_date(expected), parse_date(&core)) {
        return date.answered_by(typed_date);
    }
    let expected = normalize(expected);
    !expected.is_empty() && (normalize(&core) == expected || normalize(typed) == expected)
}

/// Words that change or hedge a figure, so they are never taken for its noun.
const NOT_NOUNS: &[&str] = &[
    "not",
    "no",
    "or",
    "nor",
    "and",
    "to",
    "than",
    "less",
    "fewer",
    "under",
    "below",
    "above",
    "plus",
    "minus",
    "times",
    "dozen",
    "dozens",
    "score",
    "scores",
    "tens",
    "teens",
    "half",
    "halves",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "hundredth",
    "hundredths",
    "thousandth",
    "thousandths",
    "percent",
    "cent",
    "per",
    "odd",
    "ish",
    "something",
    "squared",
    "cubed",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "bn",
    "mn",
];

/// Whether `word` (lower case, no punctuation) may be the noun after a figure.
fn noun_word(word: &str) -> bool {
    word.chars().count() > 1
        && word.chars().all(|c| c.is_alphabetic() || c == '\'')
        && !NOT_NOUNS.contains(&word)
        && !QUALIFIERS.contains(&word)
        && scale_word(word).is_none()
        && small_word(word).is_none()
        && month(word).is_none()
}

/// Linking words inside a unit ("hours a day", "per day"), ignored when comparing units.
fn unit_link(word: &str) -> bool {
    matches!(word, "a" | "an" | "per" | "each" | "every" | "of")
}

/// A figure and the (singular) words of the noun after it: "117 persons" is 117 and
/// `["person"]`; "twelve hours a day" is 12 and `["hour", "day"]`.
fn figure_with_noun(text: &str) -> Option<(Number, Vec<String>)> {
    let lowered = text.to_lowercase();
    let tokens: Vec<&str> = lowered.split_whitespace().collect();
    let clean = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut end = tokens.len();
    let mut noun: Vec<String> = Vec::new();
    while end > 0 && noun.len() < 4 {
        let word = clean(tokens[end - 1]);
        let before_noun = end >= 2 && noun_word(&clean(tokens[end - 2]));
        if noun_word(&word) || (!noun.is_empty() && unit_link(&word) && before_noun) {
            noun.push(word);
            end -= 1;
        } else {
            break;
        }
    }
    let number = parse_number(&tokens[..end].join(" "))?;
    let noun = noun
        .into_iter()
        .filter(|w| !unit_link(w))
        .map(|w| match w.strip_suffix('s') {
            Some(singular) if singular.len() >= 3 => singular.to_string(),
            _ => w,
        })
        .collect();
    Some((number, noun))
}

mod date;
mod number;

use date::{expected_date, month, parse_date};
pub use number::{Number, number_in_words, parse_number};
use number::{QUALIFIERS, scale_word, small_word};

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn yezhov() -> Vec<String> {
        forms(&["Nikolai Yezhov", "Yezhov", "Nickolai Yezhov"])
    }

    #[test]
    fn names_ignore_case_punctuation_spacing_and_accept_variants() {
        for typed in [
            "yezhov",
            "YEZHOV",
            "Nickolai Yezhov",
            "Nikolai  Yezhov!",
            "  nikolai yezhov ",
        ] {
            assert!(accepts_name(&yezhov(), typed), "{typed}");
        }
        assert!(accepts_name(&forms(&["José Díaz"]), "jose diaz"));
        assert!(accepts_name(&yezhov(), "Yezhov, Nikolai"), "surname first");
        assert!(accepts_name(&yezhov(), "Yezov Nikolai"));
    }

    #[test]
    fn names_tolerate_one_or_two_typos_by_length() {
        assert!(accepts_name(&yezhov(), "Yezov"));
        assert!(
            accepts_name(&yezhov(), "Yehzov"),
            "a transposition is one typo"
        );
        let tukhachevsky = forms(&["Mikhail Tukhachevsky", "Tukhachevsky"]);
        assert!(accepts_name(&tukhachevsky, "Tukachevsky"));
        assert!(
            accepts_name(&tukhachevsky, "Tukachevski"),
            "two typos in 12 letters"
        );
        assert!(
            !accepts_name(&tukhachevsky, "Tukachefski"),
            "three typos are too many"
        );
        // Six letters: one typo only.
        assert!(
            !accepts_name(&yezhov(), "Yezof"),
            "two typos in a six-letter name"
        );
        assert!(!accepts_name(
            &forms(&["Genrikh Yagoda"]),
            "Yagda Genrikh Yagoda"
        ));
    }

    #[test]
    fn the_surname_alone_is_enough_but_another_name_is_not() {
        assert!(accepts_name(&forms(&["Genrikh Yagoda"]), "yagoda"));
        assert!(!accepts_name(&yezhov(), "Yagoda"));
        assert!(!accepts_name(&yezhov(), "Nikolai"));
        assert!(!accepts_name(&yezhov(), ""));
        assert!(!accepts_name(&yezhov(), " !? "));
    }

    #[test]
    fn another_persons_name_is_refused_even_within_the_typo_tolerance() {
        let zarubin = forms(&["Vassili Zarubin", "Zarubin"]);
        let others = forms(&["Elizabeth Zarubina", "Zarubina", "Paul Massing"]);
        assert!(accepts_name(&zarubin, "Zarubina"), "alone, it is one typo");
        assert!(!accepts_name_among(&zarubin, &others, "Zarubina"));
        assert!(accepts_name_among(&zarubin, &others, "zarubin"));
        assert!(accepts_name_among(&zarubin, &others, "Vasili Zarubin"));
        // A surname two people share names neither.
        let paul = forms(&["Paul Massing"]);
        let hede = forms(&["Hede Massing"]);
        assert!(!accepts_name_among(&paul, &hede, "Massing"));
        assert!(accepts_name_among(&paul, &hede, "Paul Massing"));
    }

    #[test]
    fn numbers_must_be_exact_however_written() {
        for typed in [
            "681692",
            "681,692",
            "681 692",
            " 681,692. ",
            "about 681,692",
        ] {
            assert!(accepts_number("681,692", typed), "{typed}");
        }
        for typed in [
            "681,693", "681", "681.692", "68,1692", "681 6920", "", "many",
        ] {
            assert!(!accepts_number("681,692", typed), "{typed}");
        }
    }

    #[test]
    fn scaled_and_worded_numbers_have_their_exact_value() {
        for typed in [
            "1.3 million",
            "1,300,000",
            "1300000",
            "1 300 000",
            "1.30 million",
        ] {
            assert!(accepts_number("1.3 million", typed), "{typed}");
        }
        assert!(!accepts_number("1.3 million", "1.3"));
        assert!(!accepts_number("1.3 million", "1,310,000"));
        assert!(accepts_number("fifty per cent", "50%"));
        assert!(accepts_number("fifty per cent", "50"));
        assert!(accepts_number("fifty per cent", "Fifty percent"));
        assert!(!accepts_number("fifty per cent", "15%"));
        assert!(accepts_number("117", "one hundred and seventeen"));
        assert!(accepts_number("forty-two", "42"));
        assert!(accepts_number("1937", "1937"));
        assert!(!accepts_number("1937", "1938"));
        // Not a number: the text must match.
        assert!(accepts_number("a handful", "A handful!"));
        assert!(!accepts_number("a handful", "a few"));
    }

    #[test]
    fn text_answers_ignore_a_leading_the_and_abbreviations_are_exact() {
        let nkvd = forms(&["People's Commissariat for Internal Affairs", "NKVD"]);
        assert!(accepts_text(&nkvd, "NKVD"));
        assert!(accepts_text(&nkvd, "n.k.v.d."));
        assert!(accepts_text(
            &nkvd,
            "peoples comissariat for internal affairs"
        ));
        assert!(!accepts_text(&nkvd, "NKGB"));
        assert!(accepts_text(&forms(&["The New Republic"]), "new republic"));
        let others = forms(&["New Statesman"]);
        assert!(!accepts_text_among(
            &forms(&["The New Republic"]),
            &others,
            "new statesman"
        ));
        assert!(accepts(AnswerKind::Text, &nkvd, &[], "nkvd"));
        assert!(accepts(AnswerKind::Number, &forms(&["1937"]), &[], "1937"));
        assert!(accepts(AnswerKind::Name, &yezhov(), &[], "Yezhov"));
    }

    /// What a case expects of [`grade`].
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Want {
        Exact,
        Close(&'static str),
        Wrong,
    }

    const NAME: AnswerKind = AnswerKind::Name;
    const NUM: AnswerKind = AnswerKind::Number;
    const TEXT: AnswerKind = AnswerKind::Text;

    const TUKHACHEVSKY: &[&str] = &["Mikhail Tukhachevsky", "Tukhachevsky"];
    const YEZHOV: &[&str] = &["Nikolai Yezhov", "Yezhov", "Nickolai Yezhov"];
    const SERGE: &[&str] = &["Victor Serge", "Serge"];
    const KIROV: &[&str] = &["Sergei Kirov", "Sergy Kirov", "Kirov"];
    const MALLY: &[&str] = &["Theodore Mally"];
    const MONTEFIORE: &[&str] = &["Simon Sebag Montefiore"];
    const TCHERNAVIN: &[&str] = &["Professor Tchernavin"];
    const GAZUR: &[&str] = &["Edward P. Gazur"];
    const BRUNCK: &[&str] = &["Karl Hermann Brunck"];
    const BERIA: &[&str] = &["Lavrenty Beria", "Lavrenti Beria", "Beria"];
    const ZARUBIN: &[&str] = &["Vassili Zarubin"];
    const ZARUBINA: &[&str] = &["Elizabeth Zarubina"];
    const NKVD: &[&str] = &["People's Commissariat for Internal Affairs", "NKVD"];
    const NONE: &[&str] = &[];

    /// `(kind, accepted, rejected, typed, expected)`.
    type Case = (
        AnswerKind,
        &'static [&'static str],
        &'static [&'static str],
        &'static str,
        Want,
    );

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // Titles the document uses.
        (NAME, TUKHACHEVSKY, NONE, "Marshal Tukhachevsky", Want::Exact),
        (NAME, TUKHACHEVSKY, NONE, "marshal tukachevsky", Want::Close("Tukhachevsky")),
        (NAME, TUKHACHEVSKY, NONE, "General Tukhachevsky", Want::Exact),
        (NAME, TUKHACHEVSKY, NONE, "Marshal Mikhail Tukhachevsky", Want::Exact),
        (NAME, YEZHOV, NONE, "Comrade Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "Dr. Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "Comrade Stalin", Want::Wrong),
        (NAME, YEZHOV, NONE, "Comrade", Want::Wrong),
        (NAME, TCHERNAVIN, NONE, "Professor Tchernavin", Want::Exact),
        (NAME, TCHERNAVIN, NONE, "Tchernavin", Want::Exact),
        (NAME, TCHERNAVIN, NONE, "Dr Tchernavin", Want::Exact),
        // Surnames with particles, and other parts of a longer name.
        (NAME, MONTEFIORE, NONE, "Sebag Montefiore", Want::Exact),
        (NAME, MONTEFIORE, NONE, "Simon Sebag-Montefiore", Want::Exact),
        (NAME, MONTEFIORE, NONE, "Montefiore", Want::Exact),
        (NAME, MONTEFIORE, NONE, "Sebag Montefeore", Want::Close("Sebag Montefiore")),
        (NAME, MONTEFIORE, NONE, "Sebag", Want::Wrong),
        (NAME, MONTEFIORE, NONE, "Simon", Want::Wrong),
        (NAME, BRUNCK, NONE, "Karl Brunck", Want::Exact),
        (NAME, BRUNCK, NONE, "Hermann Brunck", Want::Exact),
        (NAME, BRUNCK, NONE, "K. H. Brunck", Want::Exact),
        (NAME, BRUNCK, NONE, "Karl Hermann", Want::Wrong),
        // Initials.
        (NAME, YEZHOV, NONE, "N. Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "N Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "N.Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "Yezhov, N.", Want::Exact),
        (NAME, YEZHOV, NONE, "N. Yezov", Want::Close("Nikolai Yezhov")),
        (NAME, YEZHOV, NONE, "K. Yezhov", Want::Wrong),
        (NAME, GAZUR, NONE, "E. P. Gazur", Want::Exact),
        (NAME, GAZUR, NONE, "Edward Gazur", Want::Exact),
        (NAME, GAZUR, NONE, "Gazur", Want::Exact),
        // The answer inside a short phrase of filler.
        (NAME, YEZHOV, NONE, "it was Yezhov", Want::Exact),
        (NAME, YEZHOV, NONE, "I think it was Nikolai Yezhov.", Want::Exact),
        (NAME, YEZHOV, NONE, "Yezhov, I think", Want::Exact),
        (NAME, YEZHOV, NONE, "it was Yezov", Want::Close("Yezhov")),
        (NAME, YEZHOV, NONE, "not Yezhov", Want::Wrong),
        (NAME, YEZHOV, NONE, "Yezhov or Yagoda", Want::Wrong),
        (NAME, YEZHOV, NONE, "Yezhov and Beria", Want::Wrong),
        // Whole names with a typo show the form they were taken for.
        (NAME, YEZHOV, NONE, "Yezov Nikolai", Want::Close("Nikolai Yezhov")),
        (NAME, BERIA, NONE, "Lavrentiy Beria", Want::Close("Lavrenty Beria")),
        (NAME, &["Joseph Stalin", "Stalin"], NONE, "Stalln", Want::Close("Stalin")),
        (NAME, TUKHACHEVSKY, NONE, "Tukachevski", Want::Close("Tukhachevsky")),
        (NAME, TUKHACHEVSKY, NONE, "Tukachefski", Want::Wrong),
        // Short names: no typo below six letters; never another person's name.
        (NAME, SERGE, KIROV, "Sergei", Want::Wrong),
        (NAME, SERGE, NONE, "Sergei", Want::Wrong),
        (NAME, SERGE, KIROV, "Sergy", Want::Wrong),
        (NAME, SERGE, KIROV, "Serge", Want::Exact),
        (NAME, SERGE, KIROV, "Victor Serge", Want::Exact),
        (NAME, SERGE, KIROV, "Victor Sergei", Want::Wrong),
        (NAME, SERGE, KIROV, "Victor", Want::Wrong),
        (NAME, KIROV, SERGE, "Sergei Kirov", Want::Exact),
        (NAME, KIROV, SERGE, "Serge", Want::Wrong),
        (NAME, MALLY, NONE, "Molly", Want::Wrong),
        (NAME, MALLY, NONE, "Mally", Want::Exact),
        (NAME, MALLY, NONE, "Theodore Molly", Want::Wrong),
        (NAME, MALLY, NONE, "Theodor Mally", Want::Close("Theodore Mally")),
        (NAME, &["Lenin"], NONE, "Lenon", Want::Wrong),
        (NAME, ZARUBIN, ZARUBINA, "Zarubina", Want::Wrong),
        (NAME, ZARUBIN, ZARUBINA, "Zarubin", Want::Exact),
        (NAME, ZARUBIN, ZARUBINA, "Vasili Zarubin", Want::Close("Vassili Zarubin")),
        (NAME, ZARUBIN, ZARUBINA, "Elizabeth", Want::Wrong),
        (NAME, ZARUBIN, ZARUBINA, "Elizabeth Zarubin", Want::Wrong),
        // Numbers with their noun, qualifiers and filler.
        (NUM, &["117"], NONE, "117", Want::Exact),
        (NUM, &["117"], NONE, "117 persons", Want::Exact),
        (NUM, &["117"], NONE, "117 people", Want::Exact),
        (NUM, &["117"], NONE, "117 persons executed", Want::Exact),
        (NUM, &["117"], NONE, "one hundred and seventeen people", Want::Exact),
        (NUM, &["117"], NONE, "it was 117", Want::Exact),
        (NUM, &["117"], NONE, "118 persons", Want::Wrong),
        (NUM, &["117"], NONE, "117 thousand", Want::Wrong),
        (NUM, &["117"], NONE, "117 dozen", Want::Wrong),
        (NUM, &["117"], NONE, "117 or more", Want::Wrong),
        (NUM, &["117"], NONE, "not 117", Want::Wrong),
        (NUM, &["117"], NONE, "117 or 118", Want::Wrong),
        (NUM, &["about 300"], NONE, "about 300", Want::Exact),
        (NUM, &["about 300"], NONE, "300", Want::Exact),
        (NUM, &["about 300"], NONE, "roughly 300 men", Want::Exact),
        (NUM, &["about 300"], NONE, "3000", Want::Wrong),
        (NUM, &["about 300"], NONE, "less than 300", Want::Wrong),
        (NUM, &["eleven days"], NONE, "11", Want::Exact),
        (NUM, &["eleven days"], NONE, "11 days", Want::Exact),
        (NUM, &["eleven days"], NONE, "Eleven days.", Want::Exact),
        (NUM, &["eleven days"], NONE, "11 years", Want::Wrong),
        (NUM, &["eleven days"], NONE, "12 days", Want::Wrong),
        (NUM, &["at least twelve hours a day"], NONE, "12", Want::Exact),
        (NUM, &["at least twelve hours a day"], NONE, "12 hours per day", Want::Exact),
        (NUM, &["at least twelve hours a day"], NONE, "12 minutes", Want::Wrong),
        (NUM, &["fifty per cent"], NONE, "50%", Want::Exact),
        (NUM, &["Hundreds"], NONE, "hundreds", Want::Exact),
        (NUM, &["Hundreds"], NONE, "100s", Want::Wrong),
        (NUM, &["twenty-five"], NONE, "twenty five", Want::Exact),
        (NUM, &["ten"], NONE, "five five", Want::Wrong),
        // Years, in a phrase or as a date in them.
        (NUM, &["1936"], NONE, "in 1936", Want::Exact),
        (NUM, &["1936"], NONE, "In 1936.", Want::Exact),
        (NUM, &["1936"], NONE, "the year 1936", Want::Exact),
        (NUM, &["1936"], NONE, "in 1937", Want::Wrong),
        (NUM, &["1936"], NONE, "1936 or 1937", Want::Wrong),
        (NUM, &["1936"], NONE, "1930s", Want::Wrong),
        (NUM, &["1934"], NONE, "1 Dec 1934", Want::Exact),
        (NUM, &["1934"], NONE, "December 1, 1934", Want::Exact),
        (NUM, &["1934"], NONE, "1st December 1934", Want::Exact),
        (NUM, &["1934"], NONE, "on the 1st of December, 1934", Want::Exact),
        (NUM, &["1934"], NONE, "Dec. 1 1934", Want::Exact),
        (NUM, &["1934"], NONE, "December 1934", Want::Exact),
        (NUM, &["1934"], NONE, "1934-12-01", Want::Exact),
        (NUM, &["1934"], NONE, "1/12/1934", Want::Exact),
        (NUM, &["1934"], NONE, "1 Dec 1935", Want::Wrong),
        (NUM, &["1934"], NONE, "32 Dec 1934", Want::Wrong),
        (NUM, &["1934"], NONE, "31 November 1934", Want::Wrong),
        (NUM, &["1934"], NONE, "1nd December 1934", Want::Wrong),
        (NUM, &["1934"], NONE, "1/13/13/1934", Want::Wrong),
        (NUM, &["1,966"], NONE, "1 Jan 1966", Want::Wrong),
        // Dates.
        (NUM, &["1st December 1934"], NONE, "1 Dec 1934", Want::Exact),
        (NUM, &["1st December 1934"], NONE, "December 1st, 1934", Want::Exact),
        (NUM, &["1st December 1934"], NONE, "1934-12-01", Want::Exact),
        (NUM, &["1st December 1934"], NONE, "1/12/1934", Want::Wrong),
        (NUM, &["1st December 1934"], NONE, "December 1934", Want::Wrong),
        (NUM, &["1st December 1934"], NONE, "1934", Want::Wrong),
        (NUM, &["1st December 1934"], NONE, "2 Dec 1934", Want::Wrong),
        (NUM, &["23rd November 1938"], NONE, "23/11/1938", Want::Exact),
        (NUM, &["23rd November 1938"], NONE, "11/23/1938", Want::Exact),
        (NUM, &["23rd November 1938"], NONE, "23.11.1938", Want::Exact),
        (NUM, &["23rd November 1938"], NONE, "23 Nov 1938", Want::Exact),
        (NUM, &["23rd November 1938"], NONE, "23th November 1938", Want::Wrong),
        (NUM, &["December 1936"], NONE, "Dec 1936", Want::Exact),
        (NUM, &["December 1936"], NONE, "1936", Want::Wrong),
        // Overflow: absurd figures are no numbers.
        (NUM, &["117"], NONE, "340282366920938463463374607431768211573", Want::Wrong),
        (NUM, &["117"], NONE, "340 282 366 920 938 463 463 374 607 431 768 211 573", Want::Wrong),
        (NUM, &["117"], NONE, "340,282,366,920,938,463,463,374,607,431,768,211,573", Want::Wrong),
        (NUM, &["117"], NONE, "one hundred hundred one hundred seventeen", Want::Wrong),
        (NUM, &["117"], NONE, "one billion billion billion billion billion one hundred seventeen", Want::Wrong),
        // Organizations.
        (TEXT, NKVD, NONE, "NKVD", Want::Exact),
        (TEXT, NKVD, NONE, "it was the NKVD", Want::Exact),
        (TEXT, NKVD, NONE, "peoples comissariat for internal affairs", Want::Close("People's Commissariat for Internal Affairs")),
        (TEXT, NKVD, NONE, "NKGB", Want::Wrong),
        (TEXT, NKVD, NONE, "not the NKVD", Want::Wrong),
        (TEXT, &["The New Republic"], &["The New Statesman"], "New Republic", Want::Exact),
        (TEXT, &["The New Republic"], &["The New Statesman"], "new statesman", Want::Wrong),
    ];

    fn want(grade: &Grade) -> Want {
        match grade {
            Grade::Exact => Want::Exact,
            Grade::Close { canonical } => {
                Want::Close(Box::leak(canonical.clone().into_boxed_str()))
            }
            Grade::Wrong => Want::Wrong,
        }
    }

    #[test]
    fn grades_the_table_of_cases() {
        let mut failures = Vec::new();
        for (kind, accepted, rejected, typed, expected) in CASES {
            let got = grade(*kind, &forms(accepted), &forms(rejected), typed);
            if want(&got) != *expected {
                failures.push(format!(
                    "{kind:?} {accepted:?} {typed:?}: {got:?}, want {expected:?}"
                ));
            }
            assert_eq!(
                accepts(*kind, &forms(accepted), &forms(rejected), typed),
                got.is_accepted(),
                "accepts agrees with grade for {typed:?}"
            );
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn every_accepted_form_grades_itself_exact() {
        for (kind, accepted, rejected, _, _) in CASES {
            for form in *accepted {
                let got = grade(*kind, &forms(accepted), &forms(rejected), form);
                assert_eq!(got, Grade::Exact, "{kind:?} {form:?}");
            }
        }
    }

    /// Panics (overflow in debug builds) fail the test; absurd inputs are never accepted.
    #[test]
    fn absurd_and_huge_answers_are_refused_without_panicking() {
        let started = std::time::Instant::now();
        // Every case, padded past the length limit, repeated, or after a huge figure.
        for (kind, accepted, rejected, typed, _) in CASES {
            let (accepted, rejected) = (forms(accepted), forms(rejected));
            let padded = format!("{typed}{}", " ".repeat(MAX_ANSWER_CHARS));
            let repeated = format!("{typed} ").repeat(MAX_ANSWER_CHARS / typed.len().max(1) + 1);
            for text in [padded, repeated, typed.repeat(5_000)] {
                assert_eq!(
                    grade(*kind, &accepted, &rejected, &text),
                    Grade::Wrong,
                    "{text:.40}"
                );
            }
            for junk in [
                "9".repeat(40),
                "1 000".repeat(20),
                "nine hundred ".repeat(20),
            ] {
                let text = format!("{junk} {typed}");
                let _ = grade(*kind, &accepted, &rejected, &text);
            }
        }
        // The two inputs that wrapped around to 117 in the first release (issue #18).
        assert_eq!(
            grade(
                NUM,
                &forms(&["117"]),
                &[],
                "340282366920938463463374607431768211 573"
            ),
            Grade::Wrong
        );
        let hundreds = format!("one{} one hundred seventeen", " hundred".repeat(64));
        assert_eq!(grade(NUM, &forms(&["117"]), &[], &hundreds), Grade::Wrong);
        assert!(!accepts_number("117", &hundreds));
        // A pasted 100 KB answer is refused at once.
        let pasted = "Nikolai Yezhov ".repeat(7_000);
        assert_eq!(grade(NAME, &yezhov(), &[], &pasted), Grade::Wrong);
        assert!(!accepts_number(&pasted, &pasted));
        assert_eq!(parse_number(&"1".repeat(100_000)), None);
        // Long random digit strings, plain and grouped.
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2_000 {
            let len = rng.usize(1..80);
            let mut digits: String = (0..len).map(|_| rng.digit(10)).collect();
            digits.replace_range(..1, &rng.u8(1..10).to_string());
            let parsed = parse_number(&digits);
            if len <= 36 {
                assert_eq!(parsed.map(|n| n.mantissa.to_string()), Some(digits.clone()));
            } else {
                assert_eq!(parsed, None, "{digits}");
            }
            let grouped: Vec<String> = digits
                .as_bytes()
                .rchunks(3)
                .rev()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect();
            for separator in [" ", ","] {
                let text = grouped.join(separator);
                let parsed = parse_number(&text);
                if len <= 36 {
                    assert_eq!(parsed.map(|n| n.mantissa.to_string()), Some(digits.clone()));
                } else {
                    assert_eq!(parsed, None, "{text}");
                }
                let typed = format!("{text} 117");
                assert!(!accepts(NUM, &forms(&["117"]), &[], &typed), "{typed}");
            }
            assert!(!accepts(NUM, &forms(&["117"]), &[], &digits) || digits == "117");
        }
        // Repeated number words, before a right answer or alone.
        for word in [
            "one",
            "hundred",
            "thousand",
            "million",
            "billion",
            "ninety-nine",
            "twenty",
        ] {
            for times in 1..70 {
                let words = format!("{word} ").repeat(times);
                for tail in [
                    "one hundred seventeen",
                    "one hundred and seventeen",
                    "117",
                    "",
                ] {
                    let text = format!("one {words}{tail}");
                    let _ = parse_number(&text);
                    assert!(!accepts(NUM, &forms(&["117"]), &[], &text), "{text}");
                }
            }
        }
        let brief = format!("one{} one hundred seventeen", " hundred".repeat(64));
        assert_eq!(parse_number(&brief), None);
        // The largest figures that fit still parse, exactly.
        let max36 = "9".repeat(36);
        assert_eq!(
            parse_number(&max36).map(|n| n.mantissa.to_string()),
            Some(max36)
        );
        assert_eq!(parse_number(&format!("{} million", "9".repeat(36))), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}
