//! The data model of a study document: people, organizations, events, numbers, quotes,
//! primary sources and relations, each pointing at the passages that support it.
//!
//! This file is shared with `build.rs` (through `#[path]`), so it depends on nothing but
//! `serde` and `std`, and refers to its siblings only through `super::`.

use serde::{Deserialize, Serialize};

/// Identifier of a passage: `p001`, `p002`, … in document order.
pub type PassageId = String;

/// Everything the app knows, built from `data/` at compile time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Corpus {
    pub title: String,
    pub passages: Vec<Passage>,
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub eras: Vec<Era>,
    pub events: Vec<Event>,
    pub numbers: Vec<Statistic>,
    pub quotes: Vec<Quote>,
    pub sources: Vec<PrimarySource>,
    pub relations: Vec<Relation>,
}

/// What a block of the document is, as far as layout goes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    /// A section heading ("Genrikh Yagoda", "Primary Sources").
    Heading,
    /// An image caption (the original repeats it on two lines).
    Caption,
    /// Running text.
    Paragraph,
}

/// One paragraph of the document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Passage {
    pub id: PassageId,
    pub kind: PassageKind,
    pub text: String,
    /// Where the text names a person, in order; filled in by the loader.
    #[serde(default)]
    pub names: Vec<NameSpan>,
}

/// A stretch of a passage's text (byte offsets) that names a person.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub person: String,
}

/// A group of people (NKVD leadership, show-trial defendants, …).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// A statement the document makes, with where it makes it and on whose authority.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    pub passages: Vec<PassageId>,
    /// Person id of whoever the document attributes this to ("according to Orlov").
    #[serde(default)]
    pub according_to: Option<String>,
}

/// A person the document names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    /// The fullest form of the name the document uses.
    pub name: String,
    /// Every other spelling the document uses, surname-only forms included.
    #[serde(default)]
    pub variants: Vec<String>,
    pub groups: Vec<String>,
    /// Who they were, in one line.
    pub summary: String,
    #[serde(default)]
    pub roles: Vec<Statement>,
    #[serde(default)]
    pub fate: Option<Statement>,
    /// Where the document slips or contradicts itself about this person.
    #[serde(default)]
    pub note: Option<String>,
    /// Passages that name this person; filled in by the loader, not written by hand.
    #[serde(default)]
    pub mentions: Vec<PassageId>,
}

/// An organization, with the abbreviations the document uses.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    pub summary: String,
    pub passages: Vec<PassageId>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A period of the story, e.g. who headed the NKVD.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub id: String,
    pub name: String,
    pub description: String,
    /// First and last day covered, as `DocDate` strings (`1934`, `1936-09`, `1938-11-23`).
    pub start: String,
    pub end: String,
}

/// A dated event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// Normalised date at the document's precision: `1934`, `1934-03`, `1934-12-01`.
    pub date: String,
    /// A part of the year the document uses instead of a month: `early`, `late`,
    /// `beginning`, `spring`, `summer`, `autumn`, `winter`.
    #[serde(default)]
    pub part: Option<String>,
    /// The date exactly as the document writes it; it must occur in one of the passages.
    pub date_text: String,
    pub era: String,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    pub passages: Vec<PassageId>,
    #[serde(default)]
    pub according_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// How the date is known: on that date (the default), only an upper bound ("by 1938"), or
    /// worked out from another event ("two months later").
    #[serde(default)]
    pub date_is: DateIs,
}

/// How firmly the document dates an event.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DateIs {
    /// The event happened at `date`, at its precision.
    #[default]
    On,
    /// The event had happened by the end of `date` ("By the summer of 1937"); when it began
    /// is not said.
    By,
    /// The document dates it relative to another event ("Two months later"); `date` is worked
    /// out, not written.
    Derived,
}

/// A number the document gives, and what it counts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Statistic {
    pub id: String,
    /// The figure as the document writes it, qualifier included but without its unit:
    /// `681,692`, `about 300`, `1.3 million`, `fifty per cent`, `Hundreds`.
    pub value: String,
    /// The unit the document puts after the figure (`days`, `dollars`, `per day`), if any.
    /// Questions carry it, so no option gives itself away by its unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// What it counts, as a noun phrase ("delegates that attended the Communist Party
    /// Congress in 1934"), distinct from every other number's unless it counts the same thing.
    pub counts: String,
    /// The fact as one sentence with `{value}` where the figure goes, e.g. "{value} delegates
    /// attended the Communist Party Congress in 1934." Without attribution: the app adds
    /// "According to …" from `according_to`.
    pub statement: String,
    #[serde(default)]
    pub people: Vec<String>,
    pub passages: Vec<PassageId>,
    #[serde(default)]
    pub according_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A quoted passage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    /// Person id of the speaker or writer, when a person.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Organization id when the speaker is a publication or body.
    #[serde(default)]
    pub organization: Option<String>,
    /// An exact excerpt of the passage (whitespace may differ).
    pub text: String,
    #[serde(default)]
    pub work: Option<String>,
    #[serde(default)]
    pub year: Option<u16>,
    /// People the quote is about.
    #[serde(default)]
    pub about: Vec<String>,
    pub passage: PassageId,
    /// Number of the primary source it belongs to, if any.
    #[serde(default)]
    pub source: Option<u8>,
}

/// One of the numbered primary sources at the end of the document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PrimarySource {
    pub number: u8,
    /// The heading exactly as the document writes it, without the "(n)".
    pub heading: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub work: Option<String>,
    /// Date as `DocDate` string when given.
    #[serde(default)]
    pub date: Option<String>,
    /// What the source shows, in a sentence (for source-analysis questions).
    pub summary: String,
    /// The heading passage first, then the body.
    pub passages: Vec<PassageId>,
}

/// A relation between two people.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub subject: String,
    pub kind: RelationKind,
    pub object: String,
    pub passages: Vec<PassageId>,
    #[serde(default)]
    pub according_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Which side the document shows to be the only one: `subject` when nobody else did
    /// this to the object (only Yezhov replaced Yagoda as head of the NKVD), `object` when the
    /// subject did it to nobody else, `both`. Without it, the relation is open: other people
    /// may stand on either side, so no question asks for a side and no statement swaps one.
    #[serde(default)]
    pub single: Option<Single>,
}

/// The side of a relation that the document shows to be the only one.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Single {
    Subject,
    Object,
    Both,
}

impl Single {
    /// Whether nobody but the subject did this to the object.
    pub fn subject(self) -> bool {
        matches!(self, Self::Subject | Self::Both)
    }
    /// Whether the subject did this to nobody but the object.
    pub fn object(self) -> bool {
        matches!(self, Self::Object | Self::Both)
    }
}

/// How one person acted on another.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Appointed,
    Replaced,
    Ordered,
    Killed,
    Accused,
    Arrested,
    Interrogated,
    Tortured,
    Recruited,
    Assigned,
    Sentenced,
    Prosecuted,
    Betrayed,
    Lured,
    Married,
    Met,
    Described,
}

impl RelationKind {
    /// The verb phrase between subject and object ("Yezhov *replaced* Yagoda").
    pub fn verb(self) -> &'static str {
        match self {
            Self::Appointed => "appointed",
            Self::Replaced => "replaced",
            Self::Ordered => "gave orders to",
            Self::Killed => "killed",
            Self::Accused => "accused",
            Self::Arrested => "arrested",
            Self::Interrogated => "interrogated",
            Self::Tortured => "tortured",
            Self::Recruited => "recruited",
            Self::Assigned => "assigned a task to",
            Self::Sentenced => "sentenced",
            Self::Prosecuted => "prosecuted",
            Self::Betrayed => "betrayed",
            Self::Lured => "lured",
            Self::Married => "was married to",
            Self::Met => "met",
            Self::Described => "described",
        }
    }
}

/// Where `text` names `name` as a whole word ("Stalin's" names "Stalin"; "Stalinism" does
/// not), as byte offsets of each start.
pub fn name_positions<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(name)
        .filter(move |(at, _)| !name.is_empty() && is_whole_word(text, *at, at + name.len()))
        .map(|(at, _)| at)
}

/// Whether `text[start..end]` stands as a whole word: no letter or digit touches either end.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether `text` names `name` as a whole word.
pub fn names(text: &str, name: &str) -> bool {
    name_positions(text, name).next().is_some()
}

impl Person {
    /// The name and every variant the document uses.
    pub fn name_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.variants.iter().map(String::as_str))
    }

    /// Whether a passage's text names this person in any form.
    pub fn is_named_in(&self, text: &str) -> bool {
        self.name_forms().any(|form| names(text, form))
    }
}

impl Organization {
    /// Whether a passage's text names this organization by name, abbreviation or variant.
    pub fn is_named_in(&self, text: &str) -> bool {
        std::iter::once(&self.name)
            .chain(&self.abbreviations)
            .chain(&self.variants)
            .any(|form| names(text, form))
    }
}

impl Corpus {
    /// How many items of each kind, in one line (printed by the data check and the tests).
    pub fn counts(&self) -> String {
        format!(
            "people {}, organizations {}, events {}, numbers {}, quotes {}, primary sources {}, relations {}, passages {}",
            self.people.len(),
            self.organizations.len(),
            self.events.len(),
            self.numbers.len(),
            self.quotes.len(),
            self.sources.len(),
            self.relations.len(),
            self.passages.len()
        )
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
    pub fn era(&self, id: &str) -> Option<&Era> {
        self.eras.iter().find(|e| e.id == id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}
