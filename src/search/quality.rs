//! How well a query matched a name, and the order results are listed in.

/// How well a query matched; higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    /// Every query word is within a typo or two of a name word (the number is 255 minus the
    /// typos counted, so fewer typos rank higher).
    Fuzzy(u8),
    /// The query occurs inside a name form.
    Substring,
    /// Every query word starts a name word.
    WordPrefix,
    /// A name form starts with the query.
    Prefix,
    /// The query is a whole name form.
    Exact,
}

impl MatchQuality {
    /// A fuzzy match with this many typos in all.
    pub fn fuzzy(typos: usize) -> Self {
        MatchQuality::Fuzzy(u8::MAX - typos.min(254) as u8)
    }
}

/// Positions of the matched people, best first, ties in the corpus's order.
pub fn ranked(mut scored: Vec<(MatchQuality, usize)>) -> Vec<usize> {
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, position)| position).collect()
}
