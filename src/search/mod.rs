//! Name search for the people directory: ignores case, accents and punctuation, matches any
//! name variant the document uses, and tolerates a student's typos. Results are ranked:
//! exact, then prefix, then every word a prefix, then substring, then fuzzy (fewest typos
//! first); ties keep the corpus's order.
//!
//! [`scan`] defines the answers; [`SearchIndex`] gives the same answers fast enough to run on
//! every keystroke over thousands of people.

mod char_set;
mod edit_distance;
mod index;
mod normalize;
mod quality;
mod query;
mod scan;
mod typos;

pub use edit_distance::damerau_levenshtein;
pub use index::SearchIndex;
pub use normalize::normalize;
pub use quality::MatchQuality;
pub use query::MAX_QUERY_CHARS;
pub use scan::{scan, score_person};

#[cfg(test)]
mod tests;
