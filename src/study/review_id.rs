//! A review's identity: 64 random bits, written as base-36 text. Undo takes back exactly
//! the review this tab made, and merging two copies of the history neither drops nor
//! doubles one, even when two tabs grade the same card in the same millisecond.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Names one review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReviewId(u64);

impl ReviewId {
    /// A new id from random bits (the app passes fresh randomness for every grade).
    pub fn from_random(bits: u64) -> Self {
        Self(bits)
    }

    /// The id of a review saved before reviews had ids, derived from its card and time
    /// (FNV-1a), so that every copy of the same old review gets the same id.
    pub fn legacy(card: &str, at_ms: i64) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in card.bytes().chain(at_ms.to_le_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Self(hash)
    }
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut digits = [0u8; 13];
        let mut n = self.0;
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = DIGITS[(n % 36) as usize];
            n /= 36;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        f.write_str(std::str::from_utf8(&digits[start..]).unwrap_or("0"))
    }
}

/// Why a text is not a review id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadReviewId(String);

impl fmt::Display for BadReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a review id", self.0)
    }
}

impl FromStr for ReviewId {
    type Err = BadReviewId;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadReviewId(text.chars().take(20).collect());
        if text.is_empty() || text.len() > 13 {
            return Err(bad());
        }
        text.bytes()
            .try_fold(0u64, |n, byte| {
                let digit = char::from(byte).to_digit(36)?;
                n.checked_mul(36)?.checked_add(u64::from(digit))
            })
            .map(Self)
            .ok_or_else(bad)
    }
}

impl Serialize for ReviewId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ReviewId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_as_text() {
        for bits in [0, 1, 35, 36, u64::MAX, 0x1234_5678_9abc_def0] {
            let id = ReviewId::from_random(bits);
            assert_eq!(id.to_string().parse::<ReviewId>(), Ok(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(serde_json::from_str::<ReviewId>(&json).unwrap(), id);
        }
        assert_eq!(ReviewId::from_random(u64::MAX).to_string(), "3w5e11264sgsf");
    }

    #[test]
    fn bad_ids_are_refused_not_wrapped() {
        for bad in ["", "3w5e11264sgsg", "00000000000000", "ab-c", "é"] {
            assert!(bad.parse::<ReviewId>().is_err(), "{bad:?}");
        }
        assert!(serde_json::from_str::<ReviewId>("12").is_err());
    }

    #[test]
    fn legacy_ids_depend_on_card_and_time_only() {
        let a = ReviewId::legacy("person:yezhov", 1);
        assert_eq!(a, ReviewId::legacy("person:yezhov", 1));
        assert_ne!(a, ReviewId::legacy("person:yezhov", 2));
        assert_ne!(a, ReviewId::legacy("person:yagoda", 1));
    }
}
