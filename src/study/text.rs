//! Wording shared by cards and questions: attribution, sentence case, excerpts, and how
//! alike two descriptions are.

use std::collections::BTreeSet;

use crate::content::Corpus;
use crate::search::normalize;

/// "According to X, …" before a claim the document attributes to the person `according_to`;
/// the claim as it is when nobody is named, or when it already starts with an attribution.
/// The one place where attribution is worded.
pub fn attributed(corpus: &Corpus, according_to: Option<&str>, sentence: &str) -> String {
    let Some(id) = according_to else {
        return sentence.to_string();
    };
    let person = corpus.person(id);
    // "Kamenev told his trial …" already says whose claim it is; "… the operation Orlov
    // supervised" does not.
    let names_source = person.is_some_and(|p| {
        let surname = p.name.rsplit(' ').next().unwrap_or_default();
        p.name_forms()
            .chain(std::iter::once(surname))
            .any(|form| sentence.starts_with(&format!("{form} ")))
    });
    if sentence.starts_with("According to ") || names_source {
        return sentence.to_string();
    }
    let who = person.map_or(id, |p| p.name.as_str());
    format!("According to {who}, {}", lower_start(sentence))
}

/// Lower-cases the first letter of a sentence that starts with a question word or an
/// article, so it can follow "According to X, ".
pub fn lower_start(sentence: &str) -> String {
    // Words that start a sentence but are not names: they lose their capital after
    // "According to X, ". Anything else (a name, "Soviet", "NKVD") keeps it.
    const COMMON: &[&str] = &[
        "Who",
        "Whom",
        "What",
        "When",
        "Which",
        "Whose",
        "How",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "With",
        "Of",
        "As",
        "Up",
        "Between",
        "During",
        "After",
        "Before",
        "Under",
        "Over",
        "Since",
        "Until",
        "While",
        "If",
        "The",
        "A",
        "An",
        "Only",
        "Many",
        "Some",
        "Most",
        "Several",
        "Nearly",
        "About",
        "Around",
        "Almost",
        "More",
        "Hundreds",
        "Thousands",
        "Dozens",
        "Scores",
        "His",
        "Her",
        "Their",
        "It",
        "There",
        "This",
        "Official",
        "Late",
        "Early",
        "Distrust",
    ];
    let first = sentence.split([' ', ',']).next().unwrap_or_default();
    if COMMON.contains(&first) {
        lower_first(sentence)
    } else {
        sentence.to_string()
    }
}

/// The text with its first letter in lower case.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The sentence with its first letter in capitals ("fifty per cent is …" → "Fifty …").
pub fn upper_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Cuts a text at a sentence end or a word so it is at most about `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    if let Some(end) = cut.rfind(['.', '?', '!'])
        && end > max / 3
    {
        return cut[..=end].to_string();
    }
    match cut.rfind(' ') {
        Some(space) => format!("{}…", cut[..space].trim_end_matches([',', ';', ':'])),
        None => format!("{cut}…"),
    }
}

/// A quotation that the document gives from the middle of a sentence ("during 1937 and
/// 1938, …") shown with a leading ellipsis, so it does not read as a broken sentence.
pub fn from_mid_sentence(text: &str) -> String {
    if text.starts_with(char::is_lowercase) {
        format!("…{text}")
    } else {
        text.to_string()
    }
}

/// The first sentence of a heading (some headings are several sentences long).
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) if end >= 20 => text[..=end].to_string(),
        _ => text.to_string(),
    }
}

/// Content words of a description, for telling whether two descriptions say the same.
pub fn content_words(text: &str) -> BTreeSet<String> {
    pub(super) const COMMON: [&str; 18] = [
        "with", "from", "that", "this", "were", "have", "been", "their", "after", "into", "which",
        "they", "them", "than", "then", "also", "whose", "later",
    ];
    normalize(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two descriptions share at least half the content words of the shorter one.
pub fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len());
    shorter == 0 || 2 * shared >= shorter
}

pub fn is_percent(text: &str) -> bool {
    let lowered = text.to_lowercase();
    lowered.contains('%') || lowered.contains("per cent") || lowered.contains("percent")
}

/// Groups an integer's digits in threes with commas.
pub fn with_commas(value: u128) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Person;

    fn corpus() -> Corpus {
        Corpus {
            people: vec![Person::named("orlov", "Alexander Orlov", &["Orlov"])],
            ..Corpus::default()
        }
    }

    #[test]
    fn attribution_is_added_once_and_only_where_the_claim_does_not_say_whose_it_is() {
        let c = corpus();
        let cases = [
            (None, "Stalin decided.", "Stalin decided."),
            (
                Some("orlov"),
                "Stalin decided.",
                "According to Alexander Orlov, Stalin decided.",
            ),
            (
                Some("orlov"),
                "During 1937 many fled.",
                "According to Alexander Orlov, during 1937 many fled.",
            ),
            (
                Some("orlov"),
                "According to Orlov, x.",
                "According to Orlov, x.",
            ),
            (Some("orlov"), "Orlov claimed x.", "Orlov claimed x."),
            (
                Some("orlov"),
                "14,000 were trained for the operation Orlov supervised.",
                "According to Alexander Orlov, 14,000 were trained for the operation Orlov supervised.",
            ),
        ];
        for (who, sentence, expected) in cases {
            assert_eq!(attributed(&c, who, sentence), expected);
        }
    }
}
