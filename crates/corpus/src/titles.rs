//! Where a passage names a book or a work rather than a person: a title followed by its year,
//! as the document cites them ("the author of Alexander Orlov: The FBI's KGB General (2001)",
//! "Edvard Radzinsky, Stalin (1996)"). Names inside a title are not mentions of the person.
//!
//! Shared with `build.rs` and `tools/validate-data` through `#[path]`: std only.

/// Whether `text[at..]` starts with " (YYYY)".
fn year_follows(text: &str, at: usize) -> bool {
    let rest = &text.as_bytes()[at..];
    rest.len() >= 7
        && rest.starts_with(b" (")
        && rest[2..6].iter().all(u8::is_ascii_digit)
        && rest[6] == b')'
}

/// The longest a title runs after "author of".
const MAX_TITLE: usize = 80;

/// Byte ranges of the titles in `text`: every known work (`works`) cited with its year, and
/// whatever follows "author of" / "authors of" up to a year in brackets.
pub fn title_spans(text: &str, works: &[&str]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for work in works.iter().filter(|w| !w.is_empty()) {
        for (at, _) in text.match_indices(work) {
            let end = at + work.len();
            if year_follows(text, end) {
                spans.push((at, end));
            }
        }
    }
    for lead in ["author of ", "authors of "] {
        for (at, _) in text.match_indices(lead) {
            let start = at + lead.len();
            let window_end = text.len().min(start + MAX_TITLE);
            let Some(window) = text.get(start..window_end).or_else(|| text.get(start..)) else {
                continue;
            };
            let stop = window.find(['"', '\n']).unwrap_or(window.len());
            if let Some(end) = (start..start + stop)
                .filter(|&i| text.is_char_boundary(i))
                .find(|&i| year_follows(text, i))
            {
                spans.push((start, end));
            }
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Whether `start..end` lies within one of `spans`.
pub fn within(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(a, b)| a <= start && end <= b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles<'a>(text: &'a str, works: &[&str]) -> Vec<&'a str> {
        title_spans(text, works)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn a_title_after_author_of_runs_to_its_year() {
        let text = "Edward P. Gazur, the author of Alexander Orlov: The FBI's KGB General (2001), claims that Orlov later admitted";
        assert_eq!(
            titles(text, &[]),
            ["Alexander Orlov: The FBI's KGB General"]
        );
        let text = "It is claimed by the authors of Stalin's Loyal Executioner (2002) that Yezhov";
        assert_eq!(titles(text, &[]), ["Stalin's Loyal Executioner"]);
    }

    #[test]
    fn a_known_work_counts_only_when_cited_with_its_year() {
        let text =
            "Edvard Radzinsky, the author of Stalin (1996), says Stalin did not keep his promise.";
        assert_eq!(titles(text, &["Stalin"]), ["Stalin"]);
        let spans = title_spans(text, &["Stalin"]);
        let second = text.rfind("Stalin").unwrap();
        assert!(
            !within(&spans, second, second + 6),
            "the person is still named after"
        );
    }

    #[test]
    fn text_without_titles_has_none() {
        assert!(titles("Stalin ordered Yezhov to act (as Orlov said).", &["Stalin"]).is_empty());
        assert!(titles("the author of a long account, who never gives a year", &[]).is_empty());
    }
}
