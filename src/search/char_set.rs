//! The set of characters a word uses, as 64 bits: a cheap, exact lower bound on an edit
//! distance, checked before the distance itself is computed.

/// Which characters occur in a text (distinct characters may share a bit: that only makes
/// the bound weaker, never wrong).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(u64);

impl CharSet {
    /// The characters of `text`, spaces left out.
    pub fn of(text: &str) -> Self {
        text.chars().fold(CharSet::default(), CharSet::with)
    }

    /// This set and `c` (a space adds nothing).
    pub fn with(self, c: char) -> Self {
        let bit = match c {
            ' ' => return self,
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 36 + c as u32 % 28,
        };
        CharSet(self.0 | 1 << bit)
    }

    /// Whether every character of this set is in `other`.
    pub fn is_subset_of(self, other: CharSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// A lower bound on the edits (insertions, deletions, substitutions, transpositions)
    /// between two texts with these characters: each edit brings in at most one character
    /// the other text lacks and takes out at most one it lacks.
    pub fn edits_at_least(self, other: CharSet) -> usize {
        let missing = (self.0 & !other.0).count_ones();
        let extra = (other.0 & !self.0).count_ones();
        missing.max(extra) as usize
    }
}
