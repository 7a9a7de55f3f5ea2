//! What a typed query becomes before it is matched: cut to [`MAX_QUERY_CHARS`], normalised,
//! split into words.

use super::normalize::normalize;

/// The longest query matched: longer ones (a pasted page, a hostile link) are cut to this
/// many characters before the edit-distance matching, whose cost grows with the length.
pub const MAX_QUERY_CHARS: usize = 100;

/// The query's first [`MAX_QUERY_CHARS`] characters, normalised (empty: match everyone).
pub fn normalized_query(query: &str) -> String {
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &query[..cut],
        None => query,
    };
    normalize(query)
}

/// Typos tolerated in a query word of this many letters.
pub fn tolerance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}
