//! Flashcard decks generated from the data — never hand-written lists: people (both ways),
//! dates, numbers, quotes and organizations, and "everything". Every card's back points at the
//! passages it comes from; claims the document attributes keep their attribution.

use serde::{Deserialize, Serialize};

use crate::content::{Corpus, Person};
use crate::timeline::event_date;

/// A deck a student can review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deck {
    People,
    Dates,
    Numbers,
    Quotes,
    Organizations,
    All,
}

impl Deck {
    pub const EVERY: [Deck; 6] = [
        Deck::All,
        Deck::People,
        Deck::Dates,
        Deck::Numbers,
        Deck::Quotes,
        Deck::Organizations,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Deck::People => "People",
            Deck::Dates => "Dates",
            Deck::Numbers => "Numbers",
            Deck::Quotes => "Quotes",
            Deck::Organizations => "Organizations",
            Deck::All => "Everything",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Deck::People => "people",
            Deck::Dates => "dates",
            Deck::Numbers => "numbers",
            Deck::Quotes => "quotes",
            Deck::Organizations => "organizations",
            Deck::All => "all",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Deck> {
        Deck::EVERY.into_iter().find(|d| d.slug() == slug)
    }

    /// Whether a card of kind `kind` (a single-topic deck) belongs in this deck.
    pub fn contains(self, kind: Deck) -> bool {
        self == Deck::All || self == kind
    }
}

/// One flashcard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Stable id: `person:<id>`, `person-rev:<id>`, `event:<id>`, `number:<id>`,
    /// `quote:<id>`, `org:<id>`. Progress is saved under it.
    pub id: String,
    /// The single-topic deck the card belongs to (never `All`).
    pub deck: Deck,
    pub front: String,
    pub back: String,
    /// Passages the back comes from.
    pub passages: Vec<String>,
}

fn name_of(corpus: &Corpus, id: &str) -> String {
    corpus
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn attributed(corpus: &Corpus, according_to: Option<&String>, text: String) -> String {
    match according_to {
        Some(id) => format!(
            "According to {}, {}",
            name_of(corpus, id),
            lower_first(&text)
        ),
        None => text,
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep capitals that start a name ("Yezhov …"); only lower a leading article.
        Some(first) if matches!(text.split(' ').next(), Some("The" | "A" | "An")) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

fn person_passages(person: &Person) -> Vec<String> {
    let mut passages: Vec<String> = person
        .roles
        .iter()
        .chain(person.fate.iter())
        .flat_map(|s| s.passages.iter().cloned())
        .collect();
    if passages.is_empty() {
        passages = person.mentions.iter().take(1).cloned().collect();
    }
    passages.dedup();
    passages
}

fn person_back(corpus: &Corpus, person: &Person) -> String {
    let mut back = person.summary.clone();
    if let Some(fate) = &person.fate {
        back.push_str(&format!(
            " Fate: {}",
            attributed(corpus, fate.according_to.as_ref(), fate.text.clone())
        ));
    }
    back
}

/// Every card the data gives, in a stable order: people, people reversed, dates, numbers,
/// quotes, organizations.
pub fn all_cards(corpus: &Corpus) -> Vec<Card> {
    let mut cards = Vec::new();
    for person in &corpus.people {
        cards.push(Card {
            id: format!("person:{}", person.id),
            deck: Deck::People,
            front: format!("Who was {}?", person.name),
            back: person_back(corpus, person),
            passages: person_passages(person),
        });
    }
    // The reverse card only where the summary does not give the name away.
    for person in &corpus.people {
        if person.is_named_in(&person.summary) || person.summary.is_empty() {
            continue;
        }
        cards.push(Card {
            id: format!("person-rev:{}", person.id),
            deck: Deck::People,
            front: format!("Who was the person described as: {}", person.summary),
            back: person.name.clone(),
            passages: person_passages(person),
        });
    }
    for event in &corpus.events {
        cards.push(Card {
            id: format!("event:{}", event.id),
            deck: Deck::Dates,
            front: attributed(
                corpus,
                event.according_to.as_ref(),
                format!("When: {}?", event.title),
            ),
            back: format!(
                "{} (the document: “{}”)",
                event_date(event),
                event.date_text
            ),
            passages: event.passages.clone(),
        });
    }
    for number in &corpus.numbers {
        // The same figure may count several things ("681,692" in the article and in Draitser's
        // words): the card then asks for any of them and shows them all.
        let key = number.value.trim().to_lowercase();
        let same: Vec<_> = corpus
            .numbers
            .iter()
            .filter(|n| n.value.trim().to_lowercase() == key)
            .collect();
        let (front, back) = if same.len() > 1 {
            (
                format!(
                    "The document gives the figure {} {} times. What does it count?",
                    number.value,
                    same.len()
                ),
                same.iter()
                    .map(|n| attributed(corpus, n.according_to.as_ref(), n.counts.clone()))
                    .collect::<Vec<_>>()
                    .join(" — or: "),
            )
        } else {
            (
                format!("What does the figure {} count?", number.value),
                attributed(corpus, number.according_to.as_ref(), number.counts.clone()),
            )
        };
        cards.push(Card {
            id: format!("number:{}", number.id),
            deck: Deck::Numbers,
            front,
            back,
            passages: number.passages.clone(),
        });
    }
    for quote in &corpus.quotes {
        let who = quote
            .speaker
            .as_deref()
            .map(|id| name_of(corpus, id))
            .or_else(|| {
                quote
                    .organization
                    .as_deref()
                    .and_then(|id| corpus.organization(id))
                    .map(|o| o.name.clone())
            });
        // A primary source may say what it is without saying who wrote it (an indictment).
        let who = who.or_else(|| {
            let n = quote.source?;
            let source = corpus.sources.iter().find(|s| s.number == n)?;
            Some(format!("Primary source ({n}): {}", source.heading))
        });
        let Some(who) = who else { continue };
        let mut back = who;
        if let Some(work) = &quote.work {
            back.push_str(&format!(", {work}"));
        }
        if let Some(year) = quote.year {
            back.push_str(&format!(" ({year})"));
        }
        cards.push(Card {
            id: format!("quote:{}", quote.id),
            deck: Deck::Quotes,
            front: if quote.speaker.is_some() || quote.organization.is_some() {
                format!("Who said or wrote this? “{}”", quote.text)
            } else {
                format!("Which primary source is this from? “{}”", quote.text)
            },
            back,
            passages: vec![quote.passage.clone()],
        });
    }
    for org in &corpus.organizations {
        let label = org
            .abbreviations
            .first()
            .cloned()
            .unwrap_or_else(|| org.name.clone());
        let back = if label == org.name {
            org.summary.clone()
        } else {
            format!("{}: {}", org.name, org.summary)
        };
        cards.push(Card {
            id: format!("org:{}", org.id),
            deck: Deck::Organizations,
            front: format!("What was the {label}?"),
            back,
            passages: org.passages.clone(),
        });
    }
    cards
}

/// The cards of one deck, in the stable order of [`all_cards`].
pub fn deck(corpus: &Corpus, deck: Deck) -> Vec<Card> {
    all_cards(corpus)
        .into_iter()
        .filter(|c| deck.contains(c.deck))
        .collect()
}

/// A deck as tab-separated text Anki imports (front, back, tags), with a header that tells
/// Anki the separator. Tabs and line breaks inside fields become spaces.
pub fn to_anki_tsv(cards: &[Card], corpus: &Corpus) -> String {
    let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from("#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n");
    for card in cards {
        let passages: Vec<String> = card
            .passages
            .iter()
            .map(|p| format!("¶{}", p.trim_start_matches('p').trim_start_matches('0')))
            .collect();
        let back = if passages.is_empty() {
            clean(&card.back)
        } else {
            format!(
                "{} [{}: {}]",
                clean(&card.back),
                clean(&corpus.title),
                passages.join(", ")
            )
        };
        out.push_str(&format!(
            "{}\t{}\tnkvd_study::{}\n",
            clean(&card.front),
            back,
            card.deck.slug()
        ));
    }
    out
}
