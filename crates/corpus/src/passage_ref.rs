//! Passages as a reader sees them: `p035` is "¶ 35", and the ids that notes in the data
//! write inline ("p035 calls him …", "(p006, p010)") are found so that views show them as
//! links, never as ids.

use super::model::is_whole_word;

/// The number a reader sees for a passage id: "35" for `p035`.
pub fn passage_number(id: &str) -> String {
    let digits = id.strip_prefix('p').unwrap_or(id).trim_start_matches('0');
    if digits.is_empty() {
        "0".to_string()
    } else {
        digits.to_string()
    }
}

/// A stretch of a note: text, or a passage id to show as a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePiece<'a> {
    Text(&'a str),
    Passage(&'a str),
}

/// Whether `text[at..]` starts with a passage id (`p` and three digits) standing as a word.
fn id_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = at + 4;
    (bytes.get(at) == Some(&b'p')
        && end <= bytes.len()
        && bytes[at + 1..end].iter().all(u8::is_ascii_digit)
        && is_whole_word(text, at, end))
    .then_some(end)
}

/// Splits a note at the passage ids it writes inline.
pub fn note_pieces(text: &str) -> Vec<NotePiece<'_>> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices('p') {
        if at < from {
            continue;
        }
        if let Some(end) = id_at(text, at) {
            if at > from {
                pieces.push(NotePiece::Text(&text[from..at]));
            }
            pieces.push(NotePiece::Passage(&text[at..end]));
            from = end;
        }
    }
    if from < text.len() {
        pieces.push(NotePiece::Text(&text[from..]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use NotePiece::{Passage, Text};

    #[test]
    fn passage_numbers_drop_the_prefix_and_leading_zeros() {
        assert_eq!(passage_number("p035"), "35");
        assert_eq!(passage_number("p100"), "100");
        assert_eq!(passage_number("p001"), "1");
    }

    #[test]
    fn ids_in_notes_are_found_wherever_they_stand() {
        assert_eq!(
            note_pieces("p035 calls him \"the head of ADT\", while p030 names it."),
            [
                Passage("p035"),
                Text(" calls him \"the head of ADT\", while "),
                Passage("p030"),
                Text(" names it.")
            ]
        );
        assert_eq!(
            note_pieces("According to Orlov (p006, p010), Stalin"),
            [
                Text("According to Orlov ("),
                Passage("p006"),
                Text(", "),
                Passage("p010"),
                Text("), Stalin")
            ]
        );
    }

    #[test]
    fn words_that_merely_start_like_ids_stay_text() {
        for text in [
            "p0351 is not one",
            "up035",
            "p03 is short",
            "plan p",
            "people",
        ] {
            assert_eq!(note_pieces(text), [Text(text)], "{text}");
        }
        assert_eq!(note_pieces(""), []);
    }
}
