//! Flashcard decks generated from the data — never hand-written lists: people (both ways),
//! dates, numbers, quotes and organizations, and "everything". Every card's back points at the
//! passages it comes from; claims the document attributes keep their attribution.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::{Corpus, DateIs, Event, Person, Statistic};
use crate::search::normalize;
use crate::study::card_id::CardId;
use crate::study::text::{
    attributed, content_words, from_mid_sentence, lower_first, similar, upper_first,
};
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
    Disputes,
    All,
}

impl Deck {
    pub const EVERY: [Deck; 7] = [
        Deck::All,
        Deck::People,
        Deck::Dates,
        Deck::Numbers,
        Deck::Quotes,
        Deck::Organizations,
        Deck::Disputes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Deck::People => "People",
            Deck::Dates => "Dates",
            Deck::Numbers => "Numbers",
            Deck::Quotes => "Quotes",
            Deck::Organizations => "Organizations",
            Deck::Disputes => "Where accounts differ",
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
            Deck::Disputes => "disputes",
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
    /// Stable id; progress is saved under its text form.
    pub id: CardId,
    /// The single-topic deck the card belongs to (never `All`).
    pub deck: Deck,
    pub front: String,
    pub back: String,
    /// Passages the back comes from.
    pub passages: Vec<String>,
}

/// Passages that support what the data says about a person: their roles and fate, else the
/// first passage that names them.
pub fn person_passages(person: &Person) -> Vec<String> {
    let mut passages: Vec<String> = person
        .roles
        .iter()
        .chain(person.fate.iter())
        .flat_map(|s| s.passages.iter().cloned())
        .collect();
    if passages.is_empty() {
        passages = person.mentions.iter().take(1).cloned().collect();
    }
    let mut seen = BTreeSet::new();
    passages.retain(|p| seen.insert(p.clone()));
    passages
}

/// The people whose summary fits only them: it reads as a description, does not name them,
/// and no other person's summary says much the same. Only such a summary can be the cue
/// for a name. Each summary's words are worked out once.
pub fn identifying_summaries(corpus: &Corpus) -> BTreeSet<String> {
    let words: Vec<BTreeSet<String>> = corpus
        .people
        .iter()
        .map(|p| content_words(&p.summary))
        .collect();
    corpus
        .people
        .iter()
        .enumerate()
        .filter(|(i, person)| {
            let summary = person.summary.trim();
            // "Whom Stalin decided …" cannot follow "Who is described as:".
            let reads_as_description = !["Whom ", "Whose ", "Who "]
                .iter()
                .any(|w| summary.starts_with(w));
            !summary.is_empty()
                && reads_as_description
                && !person.is_named_in(summary)
                && !words
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != *i && similar(&words[*i], other))
        })
        .map(|(_, person)| person.id.clone())
        .collect()
}

/// "the NKVD", but "The New Republic" as it is.
pub fn with_article(name: &str) -> String {
    if name.starts_with("The ") {
        name.to_string()
    } else {
        format!("the {name}")
    }
}

/// How an event's date reads on a card: "1 December 1934", "By the summer of 1937".
pub fn date_label(event: &Event) -> String {
    let date = event_date(event).to_string();
    // "summer of 1937" reads "By the summer of 1937".
    let date = if date.contains(" of ") {
        format!("the {date}")
    } else {
        date
    };
    match event.date_is {
        DateIs::On => upper_first(&date),
        DateIs::By => format!("By {date}"),
        DateIs::Derived => format!("About {date}"),
    }
}

/// A number's fact with `value` where the template has `{value}`. A figure the document
/// writes at the start of its sentence ("Hundreds", "Five") loses its capital where the
/// template puts it inside one; the sentence starts with a capital.
pub fn number_with(number: &Statistic, value: &str) -> String {
    let template = number.statement.trim();
    let inside = !template.starts_with("{value}");
    let abbreviation = value.chars().take(2).all(char::is_uppercase);
    let value = if inside && !abbreviation {
        lower_first(value)
    } else {
        value.to_string()
    };
    upper_first(&template.replace("{value}", &value))
}

/// A number's fact with a blank where the figure goes, attributed.
pub fn number_cloze(corpus: &Corpus, number: &Statistic) -> String {
    attributed(
        corpus,
        number.according_to.as_deref(),
        &number_with(number, "___"),
    )
}

/// Every card the data gives, in a stable order: people, people reversed, fates, dates,
/// numbers, quotes, organizations. One fact per card; no two cards share a front.
pub fn all_cards(corpus: &Corpus) -> Vec<Card> {
    let mut cards = Vec::new();
    for person in &corpus.people {
        cards.push(Card {
            id: CardId::Person(person.id.clone()),
            deck: Deck::People,
            front: format!("Who was {}?", person.name),
            back: person.summary.trim().to_string(),
            passages: person_passages(person),
        });
    }
    let identifying = identifying_summaries(corpus);
    for person in corpus.people.iter().filter(|p| identifying.contains(&p.id)) {
        cards.push(Card {
            id: CardId::PersonReverse(person.id.clone()),
            deck: Deck::People,
            front: format!("Who is described as: {}", person.summary.trim()),
            back: person.name.clone(),
            passages: person_passages(person),
        });
    }
    for person in &corpus.people {
        let Some(fate) = &person.fate else { continue };
        cards.push(Card {
            id: CardId::PersonFate(person.id.clone()),
            deck: Deck::People,
            front: format!("What became of {}?", person.name),
            back: attributed(corpus, fate.according_to.as_deref(), fate.text.trim()),
            passages: fate.passages.clone(),
        });
    }
    for event in &corpus.events {
        let claim = attributed(
            corpus,
            event.according_to.as_deref(),
            &format!("{}.", event.title.trim().trim_end_matches('.')),
        );
        cards.push(Card {
            id: CardId::Event(event.id.clone()),
            deck: Deck::Dates,
            front: format!("When did this happen? {claim}"),
            back: format!(
                "{} (the document: “{}”)",
                date_label(event),
                event.date_text
            ),
            passages: event.passages.clone(),
        });
    }
    for number in &corpus.numbers {
        cards.push(Card {
            id: CardId::Number(number.id.clone()),
            deck: Deck::Numbers,
            front: format!("Fill in the figure: {}", number_cloze(corpus, number)),
            back: number.value.trim().to_string(),
            passages: number.passages.clone(),
        });
    }
    // A quotation the document gives twice is one card.
    let mut quoted = BTreeSet::new();
    for quote in &corpus.quotes {
        if !quoted.insert(normalize(&quote.text)) {
            continue;
        }
        let who = quote
            .speaker
            .as_deref()
            .and_then(|id| corpus.person(id))
            .map(|p| p.name.clone())
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
        // A heading that already gives the year ("… in 1938.") is not followed by it again.
        if let Some(year) = quote.year.filter(|y| !back.contains(&y.to_string())) {
            back.push_str(&format!(" ({year})"));
        }
        cards.push(Card {
            id: CardId::Quote(quote.id.clone()),
            deck: Deck::Quotes,
            front: if quote.speaker.is_some() || quote.organization.is_some() {
                format!(
                    "Who said or wrote this? “{}”",
                    from_mid_sentence(quote.text.trim())
                )
            } else {
                format!(
                    "Which primary source is this from? “{}”",
                    from_mid_sentence(quote.text.trim())
                )
            },
            back,
            passages: corpus.quote_evidence(quote),
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
            id: CardId::Org(org.id.clone()),
            deck: Deck::Organizations,
            front: format!("What {} {}?", org.was(), with_article(&label)),
            back,
            passages: org.passages.clone(),
        });
    }
    cards.extend(dispute_cards(corpus));
    cards
}

/// One card per account of each disputed point: what that account says, with who gives it and
/// their position as the document states it. The front names the point and the giver; the back
/// never says which account is right.
pub fn dispute_cards(corpus: &Corpus) -> Vec<Card> {
    let mut cards = Vec::new();
    for dispute in &corpus.disputes {
        for (i, account) in dispute.accounts.iter().enumerate() {
            let label = account.label(corpus);
            let mut back = account.says.trim().to_string();
            let provenance = account_provenance(account);
            if !provenance.is_empty() {
                back.push_str(&format!(" ({provenance})"));
            }
            cards.push(Card {
                id: CardId::account(&dispute.id, i),
                deck: Deck::Disputes,
                front: format!(
                    "{} What does the account by {} say?",
                    dispute.question.trim(),
                    lower_first_article(&label)
                ),
                back,
                passages: account.passages.clone(),
            });
        }
    }
    cards
}

/// Who gives an account and from where they speak, as the document states it, for the back
/// of a card: "Eyewitness: he was called to Frinovsky's office and found him dead",
/// "The author of Stalin (1996)", "The press at the time, 9 January 1935"; empty when the
/// document says nothing of the giver.
pub fn account_provenance(account: &crate::content::Account) -> String {
    use crate::content::Position;
    let role = account
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let mut text = match (account.position, role) {
        (
            Position::Unstated | Position::Author | Position::Historian | Position::Journalist,
            Some(role),
        ) => role.to_string(),
        (Position::Unstated, None) => String::new(),
        (position, Some(role)) => format!("{}: {role}", position.label()),
        (position, None) => position.label().to_string(),
    };
    if let Some(date) = account
        .written
        .as_deref()
        .and_then(|d| crate::content::DocDate::parse(d, None).ok())
        && !text.contains(&date.year.to_string())
    {
        text.push_str(if text.is_empty() { "dated " } else { ", " });
        text.push_str(&date.to_string());
    }
    upper_first(&text)
}

/// "The New Republic" inside a sentence reads "the New Republic"; "The article" reads "the
/// article"; names stay as they are.
pub fn lower_first_article(label: &str) -> String {
    match label.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => label.to_string(),
    }
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
            .map(|p| format!("¶{}", crate::content::passage_ref::passage_number(p)))
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
