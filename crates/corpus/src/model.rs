//! The data model of a study document: people, organizations, events, numbers, quotes,
//! primary sources and relations, each pointing at the passages that support it.
//!
//! Lookups by id (`Corpus::person`, …) are in `cache.rs`, which keeps the positions of ids.
//! Depends on nothing but `serde` and `std`, and refers to its siblings only through `super::`.

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
    /// Points on which accounts differ, or on which the document gives one party's claim.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// What is worked out from the lists on first use (positions of ids, derived tables):
    /// not data, so never serialised, compared or cloned.
    #[serde(skip)]
    pub cache: super::cache::Cache,
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
    pub kind: OrgKind,
    #[serde(default)]
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    /// Whether the name is plural ("Mobile Groups"): "What were the Mobile Groups?".
    #[serde(default)]
    pub plural: bool,
    pub summary: String,
    pub passages: Vec<PassageId>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What sort of body an organization is: questions offer only bodies of the same sort as
/// wrong answers, so that no option is ruled out by its sort alone.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// A secret police or intelligence service (the NKVD, the FBI).
    Service,
    /// A section of a service (the Administration of Special Tasks).
    Department,
    /// A party or political movement, real or alleged.
    Party,
    /// A governing or official body (the Politburo, an embassy).
    State,
    /// A newspaper or magazine.
    Press,
    /// Anything else (the Red Army, a shop chain, a collective farm).
    Other,
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
    /// Who wrote it and in what role, as the document gives it.
    #[serde(default)]
    pub provenance: Option<Provenance>,
    /// What `date` dates: the writing or speech (the default), or only the events described.
    #[serde(default)]
    pub dated: Dated,
}

/// A primary source's author's role, in the document's own words, and where it says so.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The author's role exactly as the document words it ("worked as a journalist in
    /// Moscow"); it must occur in one of `passages`.
    pub role: String,
    pub passages: Vec<PassageId>,
}

/// What a primary source's date dates.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Dated {
    /// When it was written or spoken.
    #[default]
    Writing,
    /// Only the events it describes; the document does not say when it was written.
    Events,
}

/// A point on which accounts differ, or on which the document gives only one party's claim.
/// The app shows the accounts side by side and never says which is right.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub id: String,
    /// The point at issue, as a question ("How did Abram Slutsky die?").
    pub question: String,
    /// Whether the accounts exclude one another, differ, or the document gives one side only.
    pub kind: DisputeKind,
    pub accounts: Vec<Account>,
    /// People the dispute is about.
    #[serde(default)]
    pub people: Vec<String>,
    /// Events whose details are disputed (marked on the timeline).
    #[serde(default)]
    pub events: Vec<String>,
    /// What the document itself says about the disagreement, without taking a side it does not
    /// take.
    #[serde(default)]
    pub note: Option<String>,
}

/// How the accounts of a dispute stand to one another.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// The accounts cannot all be true: what one says, the others deny.
    Contradict,
    /// The accounts differ (figures, dates, emphasis) without one excluding another.
    Differ,
    /// The document gives one party's claim and nobody else's.
    OneSide,
}

/// One account of a disputed point: who gives it, from where, and in what words.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Person id of whoever gives the account.
    #[serde(default)]
    pub person: Option<String>,
    /// Number of the primary source the account is.
    #[serde(default)]
    pub source: Option<u8>,
    /// Who gives it, in the document's words, when they are not in people.toml ("the authors
    /// of Stalin's Loyal Executioner (2002)").
    #[serde(default)]
    pub named: Option<String>,
    /// The account is the article's own narrative.
    #[serde(default)]
    pub article: bool,
    /// Their position, as the document states it.
    pub position: Position,
    /// The document's words for who they were ("a senior figure in the NKVD"); must occur in
    /// one of `passages`.
    #[serde(default)]
    pub role: Option<String>,
    /// When the account was written or spoken, where the document dates it (`DocDate`).
    #[serde(default)]
    pub written: Option<String>,
    /// The account in one sentence, without "According to" (the app names the giver).
    pub says: String,
    /// An exact excerpt of the first passage: the account in its own words.
    pub quote: String,
    pub passages: Vec<PassageId>,
}

/// Where the giver of an account stood, only as the document states it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Took part in the events (a defendant, an NKVD officer, an interrogator).
    Participant,
    /// Saw what they describe, by the document's account.
    Eyewitness,
    /// Was told it by someone else, as the document says ("who had been told this by Yagoda").
    SecondHand,
    /// A newspaper or magazine writing at the time.
    Press,
    /// A journalist, as the document calls them.
    Journalist,
    /// The author of a later book, as the document introduces them.
    Author,
    /// A historian, as the document calls them.
    Historian,
    /// The article's own narrative.
    Article,
    /// The document does not say.
    Unstated,
}

impl Position {
    pub fn label(self) -> &'static str {
        match self {
            Self::Participant => "took part in the events",
            Self::Eyewitness => "eyewitness",
            Self::SecondHand => "told it by someone else",
            Self::Press => "the press at the time",
            Self::Journalist => "journalist",
            Self::Author => "author of a later book",
            Self::Historian => "historian",
            Self::Article => "the article itself",
            Self::Unstated => "position not stated",
        }
    }
}

impl Account {
    /// Who gives the account, as a student reads it: a person's name, a source's heading,
    /// the words the document uses, or "the article".
    pub fn giver(&self, corpus: &Corpus) -> String {
        if let Some(person) = self.person.as_deref().and_then(|id| corpus.person(id)) {
            return person.name.clone();
        }
        if let Some(source) = self.source.and_then(|n| corpus.source(n)) {
            if let Some(name) = source.author(corpus) {
                return name;
            }
            return format!("Primary source ({})", source.number);
        }
        if let Some(named) = &self.named {
            return named.trim().to_string();
        }
        "The article".to_string()
    }

    /// The giver and, for a primary source, which one: "The New Republic, primary source (5)".
    pub fn label(&self, corpus: &Corpus) -> String {
        match self.source {
            Some(n) => format!("{}, primary source ({n})", self.giver(corpus)),
            None => self.giver(corpus),
        }
    }
}

impl PrimarySource {
    /// The author's name: the speaker's, else the organization's.
    pub fn author(&self, corpus: &Corpus) -> Option<String> {
        self.speaker
            .as_deref()
            .and_then(|id| corpus.person(id))
            .map(|p| p.name.clone())
            .or_else(|| {
                self.organization
                    .as_deref()
                    .and_then(|id| corpus.organization(id))
                    .map(|o| {
                        if o.variants.iter().any(|v| *v == format!("The {}", o.name)) {
                            format!("The {}", o.name)
                        } else {
                            o.name.clone()
                        }
                    })
            })
    }
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
    /// A person known only by a name and its other spellings, with no group, summary or role:
    /// what tests build corpora of by hand.
    pub fn named(id: &str, name: &str, variants: &[&str]) -> Self {
        Person {
            id: id.into(),
            name: name.into(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            groups: vec![],
            summary: String::new(),
            roles: vec![],
            fate: None,
            note: None,
            mentions: vec![],
        }
    }

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
    /// "was" or "were", as the name takes.
    pub fn was(&self) -> &'static str {
        if self.plural { "were" } else { "was" }
    }

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
            "people {}, organizations {}, events {}, numbers {}, quotes {}, primary sources {}, relations {}, disputes {}, passages {}",
            self.people.len(),
            self.organizations.len(),
            self.events.len(),
            self.numbers.len(),
            self.quotes.len(),
            self.sources.len(),
            self.relations.len(),
            self.disputes.len(),
            self.passages.len()
        )
    }

    /// The passages that show a quote and who gives it: its own passage, then the heading
    /// of the primary source it belongs to (which names the author, where the quoted words
    /// often do not), when that is another passage.
    pub fn quote_evidence(&self, quote: &Quote) -> Vec<PassageId> {
        let mut passages = vec![quote.passage.clone()];
        if let Some(heading) = quote
            .source
            .and_then(|n| self.source(n))
            .and_then(|source| source.passages.first())
            && *heading != quote.passage
        {
            passages.push(heading.clone());
        }
        passages
    }

    /// The disputes that involve a person: about them or with an account they give.
    pub fn disputes_of_person(&self, id: &str) -> Vec<&Dispute> {
        self.disputes
            .iter()
            .filter(|d| {
                d.people.iter().any(|p| p == id)
                    || d.accounts.iter().any(|a| a.person.as_deref() == Some(id))
                    || d.accounts.iter().any(|a| {
                        a.source
                            .and_then(|n| self.source(n))
                            .is_some_and(|s| s.speaker.as_deref() == Some(id))
                    })
            })
            .collect()
    }
    /// The disputes whose accounts cite a passage.
    pub fn disputes_citing(&self, passage: &str) -> Vec<&Dispute> {
        self.disputes
            .iter()
            .filter(|d| {
                d.accounts
                    .iter()
                    .any(|a| a.passages.iter().any(|p| p == passage))
            })
            .collect()
    }
}
