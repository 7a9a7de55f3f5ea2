//! Typed flashcard ids. A card id names the kind of card and the item it asks about; its
//! text form (`person:yezhov`) is what progress is saved under, so it never changes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which card, of which item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum CardId {
    /// "Who was X?"
    Person(String),
    /// The description, asking for the person (only where it fits one person).
    PersonReverse(String),
    /// What became of the person.
    PersonFate(String),
    /// When an event happened.
    Event(String),
    /// A figure, as a sentence with a blank.
    Number(String),
    /// Who said or wrote a quotation.
    Quote(String),
    /// What an organization was.
    Org(String),
    /// What one account of a disputed point says: `<dispute id>.<account number from 1>`.
    Account(String),
}

impl CardId {
    const PREFIXES: [&'static str; 8] = [
        "person",
        "person-rev",
        "person-fate",
        "event",
        "number",
        "quote",
        "org",
        "account",
    ];

    /// The card of account `index` (from 0) of a dispute.
    pub fn account(dispute: &str, index: usize) -> Self {
        Self::Account(format!("{dispute}.{}", index + 1))
    }

    fn parts(&self) -> (&'static str, &str) {
        match self {
            Self::Person(id) => ("person", id),
            Self::PersonReverse(id) => ("person-rev", id),
            Self::PersonFate(id) => ("person-fate", id),
            Self::Event(id) => ("event", id),
            Self::Number(id) => ("number", id),
            Self::Quote(id) => ("quote", id),
            Self::Org(id) => ("org", id),
            Self::Account(id) => ("account", id),
        }
    }

    /// The id of the item the card asks about (a person, event, … id).
    pub fn item(&self) -> &str {
        self.parts().1
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, id) = self.parts();
        write!(f, "{kind}:{id}")
    }
}

impl FromStr for CardId {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (kind, id) = text
            .split_once(':')
            .filter(|(_, id)| !id.is_empty())
            .ok_or_else(|| format!("\"{text}\" is not a card id (kind:id)"))?;
        let id = id.to_string();
        Ok(match kind {
            "person" => Self::Person(id),
            "person-rev" => Self::PersonReverse(id),
            "person-fate" => Self::PersonFate(id),
            "event" => Self::Event(id),
            "number" => Self::Number(id),
            "quote" => Self::Quote(id),
            "org" => Self::Org(id),
            "account" => Self::Account(id),
            other => {
                return Err(format!(
                    "unknown card kind \"{other}\" (expected {})",
                    Self::PREFIXES.join(", ")
                ));
            }
        })
    }
}

impl From<CardId> for String {
    fn from(id: CardId) -> Self {
        id.to_string()
    }
}

impl TryFrom<String> for CardId {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips_and_bad_ids_are_refused() {
        for text in [
            "person:yezhov",
            "person-rev:a",
            "person-fate:b",
            "event:e",
            "number:n",
            "quote:q",
            "org:nkvd",
            "account:slutsky_death.2",
        ] {
            assert_eq!(text.parse::<CardId>().unwrap().to_string(), text);
        }
        for bad in ["", "person", "person:", "source:3", "x:y"] {
            assert!(bad.parse::<CardId>().is_err(), "{bad}");
        }
    }
}
