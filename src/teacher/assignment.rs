//! A quiz as a teacher sets it: the settings that make the questions, the scope that narrows
//! them, a title and instructions; its link, its questions and how many it can have.

use crate::content::Corpus;
use crate::study::quiz::{self, Question, QuizSettings, Scope};

/// Longest title kept from a link, in characters.
pub const TITLE_CHARS: usize = 80;
/// Longest instructions kept from a link, in characters.
pub const INSTRUCTIONS_CHARS: usize = 400;

/// A quiz a teacher sets for a class (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assignment {
    pub settings: QuizSettings,
    pub scope: Scope,
    /// Shown above the questions; may be empty.
    pub title: String,
    /// Shown before the first question; may be empty.
    pub instructions: String,
}

/// Text from a link: control characters become spaces, runs of spaces one, and it is cut
/// to `chars` characters.
pub fn clean_text(text: &str, chars: usize) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(chars)
        .collect()
}

impl Assignment {
    /// The link's pairs: the settings', the scope's, then the title and instructions when
    /// given. A quiz without scope, title or instructions has the plain quiz link.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut pairs = self.settings.to_query();
        pairs.extend(self.scope.to_query());
        let title = clean_text(&self.title, TITLE_CHARS);
        if !title.is_empty() {
            pairs.push(("title".into(), title));
        }
        let instructions = clean_text(&self.instructions, INSTRUCTIONS_CHARS);
        if !instructions.is_empty() {
            pairs.push(("note".into(), instructions));
        }
        pairs
    }

    /// The pairs that make the questions (settings and scope), as one canonical text: the
    /// key under which a run is resumed and a result code names its quiz.
    pub fn quiz_key(&self) -> String {
        let mut pairs = self.settings.to_query();
        pairs.extend(self.scope.to_query());
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads an assignment from a link's pairs (see [`QuizSettings::from_query`]; scope keys
    /// given twice or with a malformed id are errors too). Other keys are ignored.
    pub fn from_query(pairs: &[(String, String)]) -> Result<Self, String> {
        let settings = QuizSettings::from_query(pairs)?;
        let mut scope = Scope::default();
        let mut seen = Vec::new();
        let mut title = String::new();
        let mut instructions = String::new();
        for (key, value) in pairs {
            match key.as_str() {
                "title" => title = clean_text(value, TITLE_CHARS),
                "note" => instructions = clean_text(value, INSTRUCTIONS_CHARS),
                key if quiz::SCOPE_KEYS.contains(&key) => {
                    if seen.contains(&key) {
                        return Err(format!("{key} is given twice"));
                    }
                    seen.push(key);
                    scope.read_pair(key, value)?;
                }
                _ => {}
            }
        }
        Ok(Self {
            settings,
            scope,
            title,
            instructions,
        })
    }

    /// The quiz's questions.
    pub fn questions(&self, corpus: &Corpus) -> Vec<Question> {
        quiz::generate_within(corpus, &self.settings, &self.scope)
    }

    /// How many distinct questions the topics, kinds and scope allow.
    pub fn available(&self, corpus: &Corpus) -> usize {
        quiz::available(corpus, &self.settings, &self.scope)
    }

    /// The same assignment with its length cut to what the choice allows (at least one, so
    /// the link stays valid); the length asked for when it was cut.
    pub fn clamped(&self, available: usize) -> (Self, Option<usize>) {
        let mut clamped = self.clone();
        let most = available.clamp(1, QuizSettings::MAX_LENGTH);
        if clamped.settings.length > most {
            clamped.settings.length = most;
            (clamped, Some(self.settings.length))
        } else {
            (clamped, None)
        }
    }
}
