//! Questions about the figures the document gives. Each number's fact is a sentence with a
//! blank (`statement` in the data), so the unit is in the question and never in an option.
//! Only an exact figure ("1,966", "about 300", "sixteen") is offered among wrong ones or
//! swapped for a falsehood; vague ones ("hundreds", "a third") live on the cards only.

use std::collections::BTreeSet;

use super::*;
use crate::content::Statistic;
use crate::search::normalize;
use crate::study::answer::{AnswerKind, Number, number_in_words, parse_number};
use crate::study::card_id::CardId;
use crate::study::cards::{number_cloze, number_with};
use crate::study::rng::Rng;
use crate::study::text::*;

/// Words that make a figure vague, a share, a range or a bound: such a figure cannot be
/// proved wrong by another one. A bound holds for figures on one side of it ("at least
/// twelve" makes "at least six" true) and says nothing of the other ("at least twenty-four"
/// is not shown false), so it is never offered among wrong figures either.
const VAGUE: [&str; 22] = [
    "out of",
    "half",
    "third",
    "quarter",
    "scores",
    "dozens",
    "hundreds",
    "thousands",
    "several",
    "few",
    "many",
    " or ",
    "per cent",
    "percent",
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    " over ",
    " under ",
    "up to",
];

/// Scalings that turn the answer into wrong figures far enough from it that no qualifier
/// ("about", "nearly", "more than") could make them true: (numerator, denominator), nearest
/// first, below and above the answer. With the answer they make a ladder of doublings on
/// which the answer stands at a random rung, so no option stands out by arithmetic.
const SMALLER: [(u128, u128); 3] = [(1, 2), (1, 4), (1, 8)];
const LARGER: [(u128, u128); 3] = [(2, 1), (4, 1), (8, 1)];

/// Whether the figure is exact enough that a different one is provably wrong.
pub(super) fn is_exact(value: &str) -> bool {
    let lowered = format!(" {} ", value.to_lowercase());
    parse_number(value).is_some() && !VAGUE.iter().any(|v| lowered.contains(v))
}

/// The figure with its number replaced by `n`, keeping its words and style ("about 300" →
/// "about 600", "sixteen" → "thirty-two", "1.3 million" → "2.6 million").
pub(super) fn restyled(value: &str, scale: (u128, u128)) -> Option<String> {
    let (num, den) = scale;
    // Digits first: the first run of digits, commas and a decimal point.
    if let Some(start) = value.find(|c: char| c.is_ascii_digit()) {
        let len = value[start..]
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(value.len() - start);
        let token = value[start..start + len].trim_end_matches(['.', ',']);
        let decimals = token.split_once('.').map_or(0, |(_, d)| d.len());
        let digits: String = token.chars().filter(char::is_ascii_digit).collect();
        let old: u128 = digits.parse().ok()?;
        // Rounded to the nearest unit of the answer's own last digit.
        let new = (old.checked_mul(num)? + den / 2) / den;
        if new == 0 || new == old {
            return None;
        }
        let whole = new / 10u128.pow(decimals as u32);
        let whole_text = if token.contains(',') || whole >= 10_000 {
            with_commas(whole)
        } else {
            whole.to_string()
        };
        let text = if decimals > 0 && !new.is_multiple_of(10u128.pow(decimals as u32)) {
            let fraction = new % 10u128.pow(decimals as u32);
            format!("{whole_text}.{fraction:0width$}", width = decimals)
        } else {
            whole_text
        };
        return Some(format!(
            "{}{text}{}",
            &value[..start],
            &value[start + token.len()..]
        ));
    }
    // Number words: the first word from one to ninety-nine.
    let mut out = Vec::new();
    let mut done = false;
    for word in value.split(' ') {
        let lowered = word.to_lowercase();
        let old = (1..100u128).find(|&n| number_in_words(n).as_deref() == Some(lowered.as_str()));
        match old {
            Some(old) if !done => {
                let new = (old.checked_mul(num)? + den / 2) / den;
                if new == 0 || new == old {
                    return None;
                }
                let text = number_in_words(new)?;
                let capital = word.starts_with(char::is_uppercase);
                out.push(if capital { upper_first(&text) } else { text });
                done = true;
            }
            _ => out.push(word.to_string()),
        }
    }
    done.then(|| out.join(" "))
}

impl Ctx<'_> {
    /// Every figure the data gives for what statistic `index` counts (two sources may
    /// disagree; both figures are then true as the document reports them).
    fn truths(&self, index: usize) -> Vec<(Option<Number>, String)> {
        let counts = normalize(&self.corpus.numbers[index].counts);
        self.tables.counted[&counts]
            .iter()
            .map(|&i| (self.tables.numbers[i], self.tables.value_keys[i].clone()))
            .collect()
    }

    /// Wrong figures for statistic `index`, in the answer's own style, each far from every
    /// figure the data gives for the same thing.
    pub(super) fn number_distractors(&self, rng: &mut Rng, index: usize) -> Vec<String> {
        let stat = &self.corpus.numbers[index];
        let truths = self.truths(index);
        let singular = parse_number(stat.value.trim()).is_some_and(|v| v.whole() == 1);
        let far = |candidate: &str| {
            let Some(parsed) = parse_number(candidate) else {
                return false;
            };
            // "he had ___ children": one would not fit the sentence, and so gives itself away.
            if (parsed.whole() == 1) != singular {
                return false;
            }
            truths.iter().all(|(value, text)| {
                *text != normalize(candidate)
                    && value.is_none_or(|v| {
                        let (a, b) = (v.whole().max(1), parsed.whole().max(1));
                        let (low, high) = (a.min(b), a.max(b));
                        // At least half as much again.
                        high.saturating_mul(2) >= low.saturating_mul(3)
                    })
            })
        };
        // How many wrong figures lie below the answer is drawn at random (fewer where halving
        // runs out), so the answer is at any rung of the ladder.
        let below = rng.below(DISTRACTORS + 1);
        let made = |scales: &[(u128, u128)]| -> Vec<String> {
            scales
                .iter()
                .filter_map(|&s| restyled(stat.value.trim(), s))
                .filter(|c| far(c))
                .collect()
        };
        let (mut smaller, mut larger) = (made(&SMALLER), made(&LARGER));
        let want_smaller = below.min(smaller.len());
        smaller.truncate(want_smaller);
        larger.truncate(DISTRACTORS - want_smaller);
        let made_up: Vec<String> = smaller.into_iter().chain(larger).collect();
        let mut taken: BTreeSet<String> = truths.iter().map(|(_, t)| t.clone()).collect();
        pick_tiered(
            rng,
            vec![(made_up, DISTRACTORS)],
            as_is,
            &mut taken,
            DISTRACTORS,
        )
    }

    fn number_statement(&self, stat: &Statistic, value: &str) -> String {
        self.attributed(stat.according_to.as_ref(), &number_with(stat, value))
    }

    pub(super) fn number_value(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let stat = &self.corpus.numbers[index];
        let value = stat.value.trim();
        if value.is_empty() || !is_exact(value) {
            return None;
        }
        let card_id = Some(CardId::Number(stat.id.clone()));
        let cloze = number_cloze(self.corpus, stat);
        let (prompt, body) = match kind {
            QuestionKind::TrueFalse => {
                let statement = if rng.coin() {
                    None
                } else {
                    self.number_distractors(rng, index)
                        .first()
                        .map(|v| self.number_statement(stat, v))
                };
                return Some(true_false(
                    statement,
                    self.number_statement(stat, value),
                    stat.passages.clone(),
                    card_id,
                ));
            }
            QuestionKind::Typed => {
                // Two figures for the same thing would make two right answers.
                if self.truths(index).len() > 1 {
                    return None;
                }
                (
                    format!("Type the figure that fills the blank: {cloze}"),
                    QuestionBody::Typed {
                        accepted: vec![value.to_string()],
                        rejected: Vec::new(),
                        answer_kind: AnswerKind::Number,
                    },
                )
            }
            _ => {
                let distractors = self.number_distractors(rng, index);
                (
                    format!("Which figure fills the blank? {cloze}"),
                    choice(rng, value, distractors)?,
                )
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: value.to_string(),
            passages: stat.passages.clone(),
            card_id,
        })
    }

    /// "What does the figure 1,966 count?": only for a distinctive figure (three digits or
    /// more, given once), with the things other exact figures count as wrong options.
    pub(super) fn number_counts(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let stat = &self.corpus.numbers[index];
        let value = stat.value.trim();
        let counts = stat.counts.trim().trim_end_matches('.');
        let parsed = self.tables.numbers[index]?;
        let digits = value.chars().filter(char::is_ascii_digit).count();
        if counts.is_empty() || digits < 3 || !is_exact(value) {
            return None;
        }
        let same_figure = |i: usize| self.tables.numbers[i] == Some(parsed);
        // The figure itself is among those it is given by.
        if self.tables.figures[&parsed].len() > 1 {
            return None;
        }
        let counts_key = normalize(counts);
        let numbers = &self.corpus.numbers;
        let others: Vec<usize> = (self.tables.distinctive.iter().copied())
            .filter(|&i| !same_figure(i) && self.tables.counts_keys[i] != counts_key)
            .collect();
        let mut taken = BTreeSet::from([counts_key]);
        let distractors = pick_tiered(
            rng,
            vec![(others, DISTRACTORS)],
            |i| numbers[i].counts.trim().trim_end_matches('.').to_string(),
            &mut taken,
            DISTRACTORS,
        );
        Some(Draft {
            id: None,
            prompt: self.attributed(
                stat.according_to.as_ref(),
                &format!("What does the figure {value} count?"),
            ),
            body: choice(rng, counts, distractors)?,
            answer_text: counts.to_string(),
            passages: stat.passages.clone(),
            card_id: Some(CardId::Number(stat.id.clone())),
        })
    }
}
