//! The question bank: every card, and every question that seeds 0–39 generate for every kind
//! and topic, in one reviewable form (`scripts/question-bank.sh` writes it as JSON and
//! Markdown). The app's quizzes and the bank come from the same generator.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::content::Corpus;
use crate::study::cards::{self, Card};
use crate::study::quiz::{
    self, Question, QuestionBody, QuestionKind, QuizSettings, Topic, compatible,
};

/// Seeds the bank covers.
pub const SEEDS: std::ops::Range<u64> = 0..40;

#[derive(Debug, Clone, Serialize)]
pub struct Bank {
    pub cards: Vec<BankCard>,
    pub questions: Vec<BankQuestion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BankCard {
    pub id: String,
    pub deck: String,
    pub front: String,
    pub back: String,
    pub passages: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BankQuestion {
    pub id: String,
    pub kind: String,
    pub topic: String,
    /// The question; for true/false, the statement.
    pub prompt: String,
    pub options: Vec<String>,
    /// The right option's text, "true"/"false", the accepted forms, the order or the pairs.
    pub answer: serde_json::Value,
    pub passages: Vec<String>,
    /// The card the question tests, if any.
    pub card: Option<String>,
}

impl BankQuestion {
    fn new(question: &Question, topic: Topic) -> Self {
        use serde_json::Value;
        let (prompt, options, answer) = match &question.body {
            QuestionBody::Choice { options, correct } => (
                question.prompt.clone(),
                options.clone(),
                Value::from(options[*correct].clone()),
            ),
            QuestionBody::Typed { accepted, .. } => (
                question.prompt.clone(),
                Vec::new(),
                Value::from(accepted.clone()),
            ),
            QuestionBody::TrueFalse { statement, truth } => (
                statement.clone(),
                vec!["true".into(), "false".into()],
                Value::from(truth.to_string()),
            ),
            QuestionBody::Order { items, correct } => (
                question.prompt.clone(),
                items.clone(),
                Value::from(
                    correct
                        .iter()
                        .map(|&i| items[i].clone())
                        .collect::<Vec<_>>(),
                ),
            ),
            QuestionBody::Match {
                quotes,
                speakers,
                correct,
            } => (
                question.prompt.clone(),
                speakers.clone(),
                Value::from(
                    quotes
                        .iter()
                        .zip(correct)
                        .map(|(q, &s)| format!("{q} — {}", speakers[s]))
                        .collect::<Vec<_>>(),
                ),
            ),
        };
        Self {
            id: question.id.clone(),
            kind: question.kind.slug().to_string(),
            topic: topic.slug().to_string(),
            prompt,
            options,
            answer,
            passages: question.passages.clone(),
            card: question.card_id.as_ref().map(ToString::to_string),
        }
    }
}

impl From<&Card> for BankCard {
    fn from(card: &Card) -> Self {
        Self {
            id: card.id.to_string(),
            deck: card.deck.slug().to_string(),
            front: card.front.clone(),
            back: card.back.clone(),
            passages: card.passages.clone(),
        }
    }
}

/// Every question of every kind × topic × seed, each distinct one once (same id, prompt,
/// options and answer), in the order first generated.
pub fn questions(corpus: &Corpus) -> Vec<(Topic, Question)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for kind in QuestionKind::ALL {
        for topic in Topic::ALL {
            if !compatible(kind, topic) {
                continue;
            }
            for seed in SEEDS {
                let settings = QuizSettings {
                    topics: vec![topic],
                    kinds: vec![kind],
                    length: QuizSettings::MAX_LENGTH,
                    seed,
                };
                for question in quiz::generate(corpus, &settings) {
                    let key = serde_json::to_string(&question).unwrap_or_default();
                    if seen.insert(key) {
                        out.push((topic, question));
                    }
                }
            }
        }
    }
    out
}

/// The whole bank.
pub fn build(corpus: &Corpus) -> Bank {
    Bank {
        cards: cards::all_cards(corpus)
            .iter()
            .map(BankCard::from)
            .collect(),
        questions: questions(corpus)
            .iter()
            .map(|(topic, q)| BankQuestion::new(q, *topic))
            .collect(),
    }
}

/// The bank as Markdown for reading: cards by deck, then questions by kind and topic, each
/// question id once (its first form) with its answer and passages.
pub fn to_markdown(bank: &Bank) -> String {
    let mut out = format!(
        "# Question bank\n\n{} cards, {} distinct questions (seeds {}–{}).\n",
        bank.cards.len(),
        bank.questions.len(),
        SEEDS.start,
        SEEDS.end - 1
    );
    let mut deck = "";
    for card in &bank.cards {
        if card.deck != deck {
            deck = &card.deck;
            out.push_str(&format!("\n## Cards: {deck}\n\n"));
        }
        out.push_str(&format!(
            "- `{}` **{}** → {} ({})\n",
            card.id,
            card.front,
            card.back,
            card.passages.join(", ")
        ));
    }
    let mut section = (String::new(), String::new());
    let mut ids = BTreeSet::new();
    for q in &bank.questions {
        if !ids.insert(q.id.clone()) {
            continue;
        }
        if (q.kind.as_str(), q.topic.as_str()) != (section.0.as_str(), section.1.as_str()) {
            section = (q.kind.clone(), q.topic.clone());
            out.push_str(&format!("\n## Questions: {} × {}\n\n", q.kind, q.topic));
        }
        let answer = match &q.answer {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        out.push_str(&format!("- `{}` {}\n", q.id, q.prompt));
        if !q.options.is_empty() && q.kind != "tf" {
            out.push_str(&format!("  - options: {}\n", q.options.join(" | ")));
        }
        out.push_str(&format!(
            "  - answer: {answer} ({})\n",
            q.passages.join(", ")
        ));
    }
    out
}
