//! Grading typed answers with the tolerance a student deserves.
//!
//! Everything is compared after [`normalize`] (case, accents, punctuation and spacing do
//! not matter). Then:
//!
//! * **Names** ([`accepts_name`]): any form the document uses, or the surname alone (the
//!   last word of a form), with one typo in a name of up to six letters and two beyond
//!   (Damerau–Levenshtein distance from `strsim`, so a swapped pair of letters is one typo);
//!   the surname may come first ("Yezhov, Nikolai").
//!   [`accepts_name_among`] also takes the forms of *other* people: an answer at least as
//!   close to one of them as to the expected person is refused, so "Zarubina" is not taken
//!   for "Zarubin" and a surname two people share is not enough.
//! * **Numbers** ([`accepts_number`]): the value must be exact, but how it is written does
//!   not matter: `681692`, `681,692` and `681 692` are the same number, and so are
//!   `1.3 million`, `1,300,000` and `1300000` (the value of "1.3 million" is taken to be
//!   exactly 1,300,000: the student is asked for the document's figure, not for a rounding
//!   of it). A `.` is always a decimal point; commas group thousands. Small numbers may be
//!   written in words ("fifty", "one hundred and seventeen"); "per cent", "percent", "%"
//!   and qualifiers such as "about" or "over" are ignored. When either side is not a number,
//!   the texts must match exactly after normalisation.
//! * **Other text** ([`accepts_text`]): organization names and abbreviations; a leading
//!   "the" is optional, and typos are tolerated as for names except in words of four
//!   letters or fewer (so abbreviations must be exact).

use serde::{Deserialize, Serialize};

use crate::search::normalize;

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

/// Grades `typed` against the accepted forms, refusing answers that fit a `rejected` form
/// (another person or organization) at least as well.
pub fn accepts(kind: AnswerKind, accepted: &[String], rejected: &[String], typed: &str) -> bool {
    match kind {
        AnswerKind::Name => accepts_name_among(accepted, rejected, typed),
        AnswerKind::Number => accepted.iter().any(|form| accepts_number(form, typed)),
        AnswerKind::Text => accepts_text_among(accepted, rejected, typed),
    }
}

/// Typos tolerated in a name of `letters` letters.
pub fn name_tolerance(letters: usize) -> usize {
    if letters <= 6 { 1 } else { 2 }
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
    let direct = strsim::damerau_levenshtein(key, typed);
    if direct == 0 || !typed.contains(' ') {
        return direct;
    }
    direct.min(strsim::damerau_levenshtein(
        &sorted_words(key),
        &sorted_words(typed),
    ))
}

/// The smallest distance from `typed` to a key within that key's tolerance.
fn best_distance(
    keys: &[String],
    typed: &str,
    distance: fn(&str, &str) -> usize,
    tolerance: fn(usize) -> usize,
) -> Option<usize> {
    keys.iter()
        .filter_map(|key| {
            let distance = distance(key, typed);
            (distance <= tolerance(letters(key))).then_some(distance)
        })
        .min()
}

/// Whether `typed` names the person whose forms are `expected_forms` (full name, variants;
/// the surname alone is accepted too), allowing a typo or two.
pub fn accepts_name(expected_forms: &[String], typed: &str) -> bool {
    accepts_name_among(expected_forms, &[], typed)
}

/// Like [`accepts_name`], but refuses an answer that is at least as close to one of
/// `other_forms` (names of other people) as to the expected person.
pub fn accepts_name_among(expected_forms: &[String], other_forms: &[String], typed: &str) -> bool {
    let typed = normalize(typed);
    if typed.is_empty() {
        return false;
    }
    let keys = name_keys(expected_forms);
    let Some(best) = best_distance(&keys, &typed, name_distance, name_tolerance) else {
        return false;
    };
    let rival = name_keys(other_forms)
        .iter()
        .map(|key| name_distance(key, &typed))
        .min();
    rival.is_none_or(|rival| best < rival)
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

/// Whether `typed` is one of `expected_forms` (organization names, abbreviations), allowing
/// a typo or two in longer words and an omitted leading "the".
pub fn accepts_text(expected_forms: &[String], typed: &str) -> bool {
    accepts_text_among(expected_forms, &[], typed)
}

/// Like [`accepts_text`], but refuses an answer at least as close to one of `other_forms`.
pub fn accepts_text_among(expected_forms: &[String], other_forms: &[String], typed: &str) -> bool {
    let typed = text_key(typed);
    if typed.is_empty() {
        return false;
    }
    let keys: Vec<String> = expected_forms.iter().map(|f| text_key(f)).collect();
    let text_distance = |a: &str, b: &str| strsim::damerau_levenshtein(a, b);
    let Some(best) = best_distance(&keys, &typed, text_distance, text_tolerance) else {
        return false;
    };
    let rival = other_forms
        .iter()
        .map(|form| strsim::damerau_levenshtein(&text_key(form), &typed))
        .min();
    rival.is_none_or(|rival| best < rival)
}

/// Whether `typed` is the same number as `expected` (see the module documentation).
pub fn accepts_number(expected: &str, typed: &str) -> bool {
    match (parse_number(expected), parse_number(typed)) {
        (Some(a), Some(b)) => a == b,
        (None, _) | (_, None) => {
            let typed = normalize(typed);
            !typed.is_empty() && normalize(expected) == typed
        }
    }
}

/// An exact decimal number: `mantissa / 10^scale`, with no trailing zero in the mantissa
/// when `scale > 0`, so equal numbers are equal values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number {
    pub mantissa: u128,
    pub scale: u32,
}

impl Number {
    fn new(mantissa: u128, scale: u32) -> Self {
        let mut n = Self { mantissa, scale };
        while n.scale > 0 && n.mantissa.is_multiple_of(10) {
            n.mantissa /= 10;
            n.scale -= 1;
        }
        if n.mantissa == 0 {
            n.scale = 0;
        }
        n
    }

    fn times_power_of_ten(self, power: u32) -> Option<Self> {
        let lowered = power.min(self.scale);
        let mantissa = self
            .mantissa
            .checked_mul(10u128.checked_pow(power - lowered)?)?;
        Some(Self::new(mantissa, self.scale - lowered))
    }

    /// The whole part, rounded down.
    pub fn whole(self) -> u128 {
        self.mantissa / 10u128.pow(self.scale.min(38))
    }

    /// Number of digits of the whole part (1 for numbers below 10), for comparing sizes.
    pub fn magnitude(self) -> u32 {
        let whole = self.whole();
        if whole == 0 { 1 } else { whole.ilog10() + 1 }
    }
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Words that qualify a figure without changing it ("about 10,000", "over 1 million").
const QUALIFIERS: [&str; 17] = [
    "a",
    "about",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "some",
    "at",
    "least",
    "circa",
    "c",
    "an",
    "estimated",
];

fn scale_word(word: &str) -> Option<u32> {
    match word {
        "hundred" | "hundreds" => Some(2),
        "thousand" | "thousands" => Some(3),
        "million" | "millions" => Some(6),
        "billion" | "billions" => Some(9),
        _ => None,
    }
}

fn small_word(word: &str) -> Option<u128> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u128);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(20 + 10 * i as u128);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|t| *t == tens)?;
    let unit = UNITS[1..10].iter().position(|u| *u == unit)? + 1;
    Some(20 + 10 * tens as u128 + unit as u128)
}

/// Parses digits with thousands commas and an optional decimal point ("681,692", "1.3").
fn parse_digits(word: &str) -> Option<Number> {
    let (whole, fraction) = match word.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (word, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) || first.len() > 3 {
            return None;
        }
        digits.push_str(group);
    }
    let mut scale = 0;
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(fraction);
        scale = u32::try_from(fraction.len()).ok()?;
    }
    if digits.len() > 36 {
        return None;
    }
    Some(Number::new(digits.parse().ok()?, scale))
}

/// Reads the one number a text gives, or `None` when it gives none, several, or other words.
pub fn parse_number(text: &str) -> Option<Number> {
    let lowered = text.to_lowercase().replace('%', " percent ");
    let words: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':' | '!' | '?'))
        .map(|w| w.trim_end_matches('.').trim_start_matches(['~', '+', '≈']))
        .filter(|w| !w.is_empty())
        .collect();
    // Digits: the first group, then any groups of exactly three digits ("681 692").
    let mut value: Option<Number> = None;
    let mut in_words: Option<(u128, u128)> = None; // (finished thousands, current hundreds)
    let mut last_group_len: Option<usize> = None;
    let mut scaled = false;
    for word in words {
        if QUALIFIERS.contains(&word) || matches!(word, "per" | "cent" | "percent" | "and") {
            if word != "and" {
                last_group_len = None;
            }
            continue;
        }
        if let Some(number) = parse_digits(word) {
            match (value, last_group_len) {
                (None, _) if in_words.is_none() => value = Some(number),
                // "681 692": a second group of exactly three digits after an integer.
                (Some(previous), Some(_))
                    if word.len() == 3 && previous.scale == 0 && !scaled && number.scale == 0 =>
                {
                    value = Some(Number::new(
                        previous.mantissa.checked_mul(1000)? + number.mantissa,
                        0,
                    ));
                }
                _ => return None,
            }
            last_group_len = if word.contains(['.', ',']) {
                None
            } else {
                Some(word.len())
            };
            continue;
        }
        last_group_len = None;
        if let Some(power) = scale_word(word) {
            if let Some(number) = value {
                if scaled {
                    return None;
                }
                value = Some(number.times_power_of_ten(power)?);
                scaled = true;
            } else {
                let (done, current) = in_words?;
                let current = if current == 0 { 1 } else { current };
                in_words = Some(if power == 2 {
                    (done, current * 100)
                } else {
                    (done + current * 10u128.pow(power), 0)
                });
            }
            continue;
        }
        if let Some(small) = small_word(word) {
            if value.is_some() {
                return None;
            }
            let (done, current) = in_words.unwrap_or((0, 0));
            in_words = Some((done, current + small));
            continue;
        }
        return None;
    }
    match (value, in_words) {
        (Some(number), None) => Some(number),
        (None, Some((done, current))) => Some(Number::new(done + current, 0)),
        _ => None,
    }
}

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
    fn parses_numbers_into_exact_values() {
        let n = |text| parse_number(text);
        assert_eq!(n("1.3 million"), n("1300000"));
        assert_eq!(n("two thousand"), n("2,000"));
        assert_eq!(n("one hundred and seventeen"), n("117"));
        assert_eq!(n("1,000,000"), n("one million"));
        assert_eq!(n("0.50"), n("0.5"));
        assert_eq!(n("over 10,000"), n("10000"));
        assert_eq!(n("681,692").map(Number::magnitude), Some(6));
        assert_eq!(n("7").map(Number::magnitude), Some(1));
        for bad in [
            "",
            "1,3",
            "12,34,567",
            "1 and 2",
            "3 million 4",
            "Stalin",
            "1.2.3",
        ] {
            assert_eq!(n(bad), None, "{bad}");
        }
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
}
