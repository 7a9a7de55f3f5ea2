//! Every person's name keys ordered by length, so that the names within a few typos of a
//! name are looked for among the names of about its length, not among everyone's.

use crate::study::answer::KeyedName;

pub(super) struct NameIndex {
    /// Each person's name keys (by position in the data).
    keys: Vec<Vec<KeyedName>>,
    /// (length, person, key) for every key, in that order.
    by_length: Vec<(usize, usize, usize)>,
}

impl NameIndex {
    pub(super) fn new(keys: Vec<Vec<KeyedName>>) -> Self {
        let mut by_length: Vec<(usize, usize, usize)> = (keys.iter().enumerate())
            .flat_map(|(person, keys)| {
                (keys.iter().enumerate()).map(move |(key, name)| (name.chars(), person, key))
            })
            .collect();
        by_length.sort_unstable();
        Self { keys, by_length }
    }

    /// The people (positions, ascending) with a key within `most` typos of one of `names`:
    /// what comparing `names` with everyone's keys finds, as only keys of about the same
    /// length can be that close.
    pub(super) fn close_to(&self, names: &[KeyedName], most: usize) -> Vec<usize> {
        let mut close = vec![false; self.keys.len()];
        for name in names {
            let shortest = name.chars().saturating_sub(most);
            let start = self.by_length.partition_point(|&(len, ..)| len < shortest);
            for &(len, person, key) in &self.by_length[start..] {
                if len > name.chars() + most {
                    break;
                }
                // One close key is enough: no distance is worked out for the others.
                if !close[person] && name.within(&self.keys[person][key], most) {
                    close[person] = true;
                }
            }
        }
        (close.iter().enumerate())
            .filter(|(_, close)| **close)
            .map(|(person, _)| person)
            .collect()
    }
}
