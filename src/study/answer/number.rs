//! Figures a student types or the data gives: exact decimal values from digits, grouped
//! digits, scales ("1.3 million") and English number words ("one hundred and seventeen").

use super::too_long;

/// An exact decimal number: `mantissa / 10^scale`, with no trailing zero in the mantissa
/// when `scale > 0`, so equal numbers are equal values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number {
    pub mantissa: u128,
    pub scale: u32,
}

impl Number {
    pub(super) fn new(mantissa: u128, scale: u32) -> Self {
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

    pub(super) fn times_power_of_ten(self, power: u32) -> Option<Self> {
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
/// A whole number from 1 to 999 in words ("thirty-two", "three hundred and five"), the
/// inverse of reading number words; none outside that range.
pub fn number_in_words(n: u128) -> Option<String> {
    let below_hundred = |n: usize| -> String {
        match n {
            0..20 => UNITS[n].to_string(),
            _ if n.is_multiple_of(10) => TENS[n / 10 - 2].to_string(),
            _ => format!("{}-{}", TENS[n / 10 - 2], UNITS[n % 10]),
        }
    };
    let n = usize::try_from(n).ok()?;
    match n {
        1..=99 => Some(below_hundred(n)),
        100..=999 => Some(match n % 100 {
            0 => format!("{} hundred", UNITS[n / 100]),
            rest => format!("{} hundred and {}", UNITS[n / 100], below_hundred(rest)),
        }),
        _ => None,
    }
}

/// Words that qualify a figure without changing it ("about 10,000", "over 1 million").
pub(super) const QUALIFIERS: [&str; 17] = [
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

pub(super) fn scale_word(word: &str) -> Option<u32> {
    match word {
        "hundred" | "hundreds" => Some(2),
        "thousand" | "thousands" => Some(3),
        "million" | "millions" => Some(6),
        "billion" | "billions" => Some(9),
        _ => None,
    }
}

/// A number word below a hundred: a unit ("seven", "twelve"), a ten ("forty") or both
/// hyphenated ("forty-two").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SmallWord {
    Unit(u128),
    Ten(u128),
    Compound(u128),
}

pub(super) fn small_word(word: &str) -> Option<SmallWord> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(SmallWord::Unit(i as u128));
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some(SmallWord::Ten(20 + 10 * i as u128));
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|t| *t == tens)?;
    let unit = UNITS[1..10].iter().position(|u| *u == unit)? + 1;
    Some(SmallWord::Compound(20 + 10 * tens as u128 + unit as u128))
}

/// A number being read from words, following English grammar: "one hundred and
/// seventeen", "two thousand three hundred", "twenty five"; not "five five", "hundred
/// hundred" or "thousand million". All arithmetic is checked.
#[derive(Debug, Default)]
pub(super) struct WordNumber {
    /// Finished thousands, millions, ….
    total: u128,
    /// The group being read (below a thousand).
    current: u128,
    /// The current group has its "hundred".
    hundred: bool,
    /// The last word was a ten ("twenty"), so a unit may follow.
    after_ten: bool,
    /// The power of ten of the last thousand/million/billion.
    last_scale: Option<u32>,
    zero: bool,
}

impl WordNumber {
    pub(super) fn small(&mut self, word: SmallWord) -> Option<()> {
        if self.zero {
            return None;
        }
        let low = self.current % 100;
        let value = match word {
            SmallWord::Unit(0) => {
                let alone = self.total == 0 && self.current == 0 && self.last_scale.is_none();
                self.zero = alone;
                return alone.then_some(());
            }
            SmallWord::Unit(n) if low == 0 || (self.after_ten && n < 10) => n,
            SmallWord::Ten(n) | SmallWord::Compound(n) if low == 0 => n,
            _ => return None,
        };
        self.after_ten = matches!(word, SmallWord::Ten(_));
        self.current = self.current.checked_add(value)?;
        Some(())
    }

    pub(super) fn scale(&mut self, power: u32) -> Option<()> {
        if self.zero || self.current == 0 {
            return None;
        }
        self.after_ten = false;
        if power == 2 {
            if self.hundred || self.current >= 100 {
                return None;
            }
            self.current = self.current.checked_mul(100)?;
            self.hundred = true;
            return Some(());
        }
        if self.last_scale.is_some_and(|last| power >= last) {
            return None;
        }
        let group = self.current.checked_mul(10u128.checked_pow(power)?)?;
        self.total = self.total.checked_add(group)?;
        self.current = 0;
        self.hundred = false;
        self.last_scale = Some(power);
        Some(())
    }

    pub(super) fn value(&self) -> Option<u128> {
        self.total.checked_add(self.current)
    }
}

/// Parses digits with thousands commas and an optional decimal point ("681,692", "1.3").
pub(super) fn parse_digits(word: &str) -> Option<Number> {
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
        if digits.len() > 36 {
            return None;
        }
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

/// Reads the one number a text gives, or `None` when it gives none, several, other words,
/// or one too large to hold (all arithmetic is checked; texts longer than
/// [`MAX_ANSWER_CHARS`] are refused).
pub fn parse_number(text: &str) -> Option<Number> {
    if too_long(text) {
        return None;
    }
    let lowered = text.to_lowercase().replace('%', " percent ");
    let words: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ';' | ':' | '!' | '?'))
        .map(|w| w.trim_end_matches('.').trim_start_matches(['~', '+', '≈']))
        .filter(|w| !w.is_empty())
        .collect();
    // Digits: the first group, then any groups of exactly three digits ("681 692").
    let mut value: Option<Number> = None;
    let mut in_words: Option<WordNumber> = None;
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
                    let mantissa = previous
                        .mantissa
                        .checked_mul(1000)?
                        .checked_add(number.mantissa)?;
                    if mantissa.checked_ilog10().unwrap_or(0) >= 36 {
                        return None;
                    }
                    value = Some(Number::new(mantissa, 0));
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
                in_words.as_mut()?.scale(power)?;
            }
            continue;
        }
        if let Some(small) = small_word(word) {
            if value.is_some() {
                return None;
            }
            in_words
                .get_or_insert_with(WordNumber::default)
                .small(small)?;
            continue;
        }
        return None;
    }
    match (value, in_words) {
        (Some(number), None) => Some(number),
        (None, Some(words)) => Some(Number::new(words.value()?, 0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn number_words_follow_english_grammar() {
        let n = |text| parse_number(text).map(|n| n.mantissa);
        assert_eq!(n("one hundred and seventeen"), Some(117));
        assert_eq!(n("twenty five"), Some(25));
        assert_eq!(n("two thousand three hundred and forty-one"), Some(2341));
        assert_eq!(n("one million two hundred thousand"), Some(1_200_000));
        assert_eq!(n("nineteen hundred"), Some(1900));
        assert_eq!(n("zero"), Some(0));
        for bad in [
            "five five",
            "hundred",
            "one hundred hundred",
            "one thousand million",
            "one thousand thousand",
            "seventeen twenty",
            "twenty twenty",
            "zero one",
            "one zero",
            "twenty-five five",
        ] {
            assert_eq!(n(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_written_in_words_read_back() {
        for n in 1..=999u128 {
            let words = number_in_words(n).unwrap();
            assert_eq!(parse_number(&words).map(Number::whole), Some(n), "{words}");
        }
        assert_eq!(number_in_words(0), None);
        assert_eq!(number_in_words(1000), None);
    }
}
