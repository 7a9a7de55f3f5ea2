//! The number of typos between two words: the (unrestricted) Damerau–Levenshtein distance,
//! in which an insertion, a deletion, a substitution or a swap of two letters each count one.
//!
//! It answers exactly what `strsim::damerau_levenshtein` answers (a test compares them), but
//! without a hash map of the alphabet and with one flat table, so that comparing a name with
//! a hundred look-alikes costs microseconds: search and answer checking run it on every
//! keystroke and the quiz generator for every rival name.

/// Where each letter was last seen in the first word (a row of the table, 0 for never):
/// an array for ASCII, a short list for the rest.
struct LastRow {
    ascii: [usize; 128],
    other: Vec<(char, usize)>,
}

impl LastRow {
    fn new() -> Self {
        Self {
            ascii: [0; 128],
            other: Vec::new(),
        }
    }

    fn get(&self, c: char) -> usize {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => self.ascii[i],
            _ => (self.other.iter())
                .find(|(seen, _)| *seen == c)
                .map_or(0, |(_, row)| *row),
        }
    }

    fn set(&mut self, c: char, row: usize) {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => self.ascii[i] = row,
            _ => match self.other.iter_mut().find(|(seen, _)| *seen == c) {
                Some(entry) => entry.1 = row,
                None => self.other.push((c, row)),
            },
        }
    }
}

/// Typos between `a` and `b` (counted in characters, not bytes).
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    // The Lowrance–Wagner table with a border row and column of `max` (never the minimum):
    // cell (i + 1, j + 1) is the distance between a[..i] and b[..j].
    let width = b.len() + 2;
    let max = a.len() + b.len();
    let mut d = vec![0usize; (a.len() + 2) * width];
    let at = |i: usize, j: usize| i * width + j;
    d[0] = max;
    for i in 0..=a.len() {
        d[at(i + 1, 0)] = max;
        d[at(i + 1, 1)] = i;
    }
    for j in 0..=b.len() {
        d[at(0, j + 1)] = max;
        d[at(1, j + 1)] = j;
    }
    let mut last_row = LastRow::new();
    for i in 1..=a.len() {
        // The last column in this row where the letters matched.
        let mut last_match = 0;
        for j in 1..=b.len() {
            let k = last_row.get(b[j - 1]);
            let l = last_match;
            let cost = if a[i - 1] == b[j - 1] {
                last_match = j;
                0
            } else {
                1
            };
            let substitution = d[at(i, j)] + cost;
            let insertion = d[at(i + 1, j)] + 1;
            let deletion = d[at(i, j + 1)] + 1;
            let swap = d[at(k, l)] + (i - k - 1) + 1 + (j - l - 1);
            d[at(i + 1, j + 1)] = substitution.min(insertion).min(deletion).min(swap);
        }
        last_row.set(a[i - 1], i);
    }
    d[at(a.len() + 1, b.len() + 1)]
}

#[cfg(test)]
mod tests {
    use super::damerau_levenshtein;

    #[test]
    fn counts_each_kind_of_typo_once() {
        assert_eq!(damerau_levenshtein("yezhov", "yezhov"), 0);
        assert_eq!(damerau_levenshtein("yezhov", "yezov"), 1);
        assert_eq!(damerau_levenshtein("yezhov", "yezhovv"), 1);
        assert_eq!(damerau_levenshtein("yezhov", "yeshov"), 1);
        assert_eq!(damerau_levenshtein("yezhov", "yehzov"), 1);
        assert_eq!(damerau_levenshtein("", "abc"), 3);
        assert_eq!(damerau_levenshtein("abc", ""), 3);
        // Unrestricted: a swap with a letter between them still counts as a swap.
        assert_eq!(damerau_levenshtein("ca", "abc"), 2);
        assert_eq!(damerau_levenshtein("ежов", "жеов"), 1);
    }

    /// The same answers as the `strsim` crate's function, which this replaces, over words
    /// from a small alphabet (so swaps and repeats are common), accented letters included.
    #[test]
    fn answers_what_strsim_answers() {
        let alphabet: Vec<char> = "abcyz éжö ".chars().collect();
        let mut rng = fastrand::Rng::with_seed(7);
        let word = |rng: &mut fastrand::Rng| -> String {
            let len = rng.usize(0..9);
            (0..len)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect()
        };
        for _ in 0..20_000 {
            let a = word(&mut rng);
            let b = word(&mut rng);
            assert_eq!(
                damerau_levenshtein(&a, &b),
                strsim::damerau_levenshtein(&a, &b),
                "{a:?} vs {b:?}"
            );
        }
    }
}
