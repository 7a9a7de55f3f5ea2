//! The kinds of relation grouped into a few families that a legend can explain: each drawn
//! with its own line pattern as well as its own colour, so that colour is never the only
//! difference.

use crate::content::RelationKind;

/// A family of relation kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Appointed, replaced, gave orders to, assigned a task to, recruited.
    Command,
    /// Accused, prosecuted, sentenced, arrested, interrogated.
    Justice,
    /// Tortured, killed.
    Violence,
    /// Betrayed, lured.
    Betrayal,
    /// Was married to, met, described.
    Personal,
}

impl Family {
    pub const EVERY: [Family; 5] = [
        Family::Command,
        Family::Justice,
        Family::Violence,
        Family::Betrayal,
        Family::Personal,
    ];

    pub fn of(kind: RelationKind) -> Self {
        use RelationKind::*;
        match kind {
            Appointed | Replaced | Ordered | Assigned | Recruited => Family::Command,
            Accused | Prosecuted | Sentenced | Arrested | Interrogated => Family::Justice,
            Tortured | Killed => Family::Violence,
            Betrayed | Lured => Family::Betrayal,
            Married | Met | Described => Family::Personal,
        }
    }

    /// The legend's name for it.
    pub fn label(self) -> &'static str {
        match self {
            Family::Command => "command: appointed, replaced, gave orders",
            Family::Justice => "arrest and trial: accused, interrogated, sentenced",
            Family::Violence => "violence: tortured, killed",
            Family::Betrayal => "betrayal: betrayed, lured",
            Family::Personal => "personal: married, met, described",
        }
    }

    /// A stable name for CSS classes and filters.
    pub fn key(self) -> &'static str {
        match self {
            Family::Command => "command",
            Family::Justice => "justice",
            Family::Violence => "violence",
            Family::Betrayal => "betrayal",
            Family::Personal => "personal",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|f| f.key() == key)
    }

    /// The SVG `stroke-dasharray` that tells it apart without colour.
    pub fn dashes(self) -> &'static str {
        match self {
            Family::Command => "none",
            Family::Justice => "7 4",
            Family::Violence => "none",
            Family::Betrayal => "2 3",
            Family::Personal => "1 5",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_families_differ_by_more_than_colour() {
        for family in Family::EVERY {
            assert_eq!(Family::from_key(family.key()), Some(family));
        }
        // Command and violence share a solid line: violence is drawn thicker (CSS).
        let dashes: std::collections::BTreeSet<_> =
            Family::EVERY.iter().map(|f| f.dashes()).collect();
        assert_eq!(dashes.len(), Family::EVERY.len() - 1);
    }
}
