//! What determines a quiz: question kinds, topics, length and seed, and their link form.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    MultipleChoice,
    Typed,
    TrueFalse,
    Order,
    Match,
    Source,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::MultipleChoice,
        QuestionKind::Typed,
        QuestionKind::TrueFalse,
        QuestionKind::Order,
        QuestionKind::Match,
        QuestionKind::Source,
    ];

    /// The short name used in quiz links.
    pub fn slug(self) -> &'static str {
        match self {
            Self::MultipleChoice => "mc",
            Self::Typed => "typed",
            Self::TrueFalse => "tf",
            Self::Order => "order",
            Self::Match => "match",
            Self::Source => "source",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MultipleChoice => "Multiple choice",
            Self::Typed => "Typed answer",
            Self::TrueFalse => "True or false",
            Self::Order => "Chronological order",
            Self::Match => "Match quotes to speakers",
            Self::Source => "Source analysis",
        }
    }
}

/// What a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    People,
    Dates,
    Numbers,
    Organizations,
    Quotes,
    Sources,
    Disputes,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::People,
        Topic::Dates,
        Topic::Numbers,
        Topic::Organizations,
        Topic::Quotes,
        Topic::Sources,
        Topic::Disputes,
    ];

    /// The short name used in quiz links.
    pub fn slug(self) -> &'static str {
        match self {
            Self::People => "people",
            Self::Dates => "dates",
            Self::Numbers => "numbers",
            Self::Organizations => "orgs",
            Self::Quotes => "quotes",
            Self::Sources => "sources",
            Self::Disputes => "disputes",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::People => "People",
            Self::Dates => "Dates and events",
            Self::Numbers => "Numbers",
            Self::Organizations => "Organizations",
            Self::Quotes => "Quotes",
            Self::Sources => "Primary sources",
            Self::Disputes => "Where accounts differ",
        }
    }
}

/// Whether questions of `kind` can be asked about `topic`: multiple choice, typed and
/// true/false about anything but the primary sources (no typed answers about disputes);
/// order about dates; match about quotes; source analysis about the sources and the
/// disputes.
pub fn compatible(kind: QuestionKind, topic: Topic) -> bool {
    match kind {
        QuestionKind::MultipleChoice | QuestionKind::TrueFalse => topic != Topic::Sources,
        QuestionKind::Typed => !matches!(topic, Topic::Sources | Topic::Disputes),
        QuestionKind::Order => topic == Topic::Dates,
        QuestionKind::Match => topic == Topic::Quotes,
        QuestionKind::Source => matches!(topic, Topic::Sources | Topic::Disputes),
    }
}

/// Everything that determines a quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// Treated as a set; [`QuizSettings::canonical`] sorts and dedups.
    pub topics: Vec<Topic>,
    /// Treated as a set; [`QuizSettings::canonical`] sorts and dedups.
    pub kinds: Vec<QuestionKind>,
    /// How many questions to ask (at most [`QuizSettings::MAX_LENGTH`]).
    pub length: usize,
    pub seed: u64,
}

impl Default for QuizSettings {
    /// Every topic and kind, ten questions, seed 0.
    fn default() -> Self {
        Self {
            topics: Topic::ALL.to_vec(),
            kinds: QuestionKind::ALL.to_vec(),
            length: Self::DEFAULT_LENGTH,
            seed: 0,
        }
    }
}

fn comma_list<T: Copy>(items: &[T], slug: fn(T) -> &'static str) -> String {
    items.iter().map(|&t| slug(t)).collect::<Vec<_>>().join(",")
}

fn parse_list<T: Ord + Copy>(
    value: &str,
    from_slug: fn(&str) -> Option<T>,
    all: &[T],
    slug: fn(T) -> &'static str,
    what: &str,
    key: &str,
) -> Result<Vec<T>, String> {
    let mut items = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match from_slug(part) {
            Some(item) => items.push(item),
            None => {
                return Err(format!(
                    "unknown {what} \"{part}\" in {key} (expected {})",
                    comma_list(all, slug)
                ));
            }
        }
    }
    if items.is_empty() {
        return Err(format!("{key} must name at least one {what}"));
    }
    items.sort();
    items.dedup();
    Ok(items)
}

impl QuizSettings {
    pub const DEFAULT_LENGTH: usize = 10;
    pub const MAX_LENGTH: usize = 50;

    /// The same settings with topics and kinds sorted and without repeats, which is what
    /// [`QuizSettings::from_query`] returns.
    pub fn canonical(&self) -> Self {
        let mut settings = self.clone();
        settings.topics.sort();
        settings.topics.dedup();
        settings.kinds.sort();
        settings.kinds.dedup();
        settings
    }

    /// The settings as query pairs, e.g.
    /// `seed=12345&n=10&k=mc,typed,tf,order,match,source&t=people,dates,numbers,orgs,quotes,sources`.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let settings = self.canonical();
        vec![
            ("seed".into(), settings.seed.to_string()),
            ("n".into(), settings.length.to_string()),
            ("k".into(), comma_list(&settings.kinds, QuestionKind::slug)),
            ("t".into(), comma_list(&settings.topics, Topic::slug)),
        ]
    }

    /// Reads settings from query pairs. `seed` is required; `n` defaults to 10, `k` and `t`
    /// to everything. Other keys are ignored (the page may use them); a key given twice, an
    /// unknown kind or topic, an empty list or an out-of-range number is an error whose
    /// message can be shown to the student.
    pub fn from_query(pairs: &[(String, String)]) -> Result<Self, String> {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut settings = Self::default();
        let mut seed = None;
        for (key, value) in pairs {
            if !matches!(key.as_str(), "seed" | "n" | "k" | "t") {
                continue;
            }
            if !seen.insert(key) {
                return Err(format!("{key} is given twice"));
            }
            let value = value.trim();
            match key.as_str() {
                "seed" => {
                    seed = Some(value.parse::<u64>().map_err(|_| {
                        format!(
                            "seed must be a whole number from 0 to {}, not \"{value}\"",
                            u64::MAX
                        )
                    })?);
                }
                "n" => {
                    settings.length = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=Self::MAX_LENGTH).contains(n))
                        .ok_or_else(|| {
                            format!(
                                "n (the number of questions) must be a whole number from 1 to {}, not \"{value}\"",
                                Self::MAX_LENGTH
                            )
                        })?;
                }
                "k" => {
                    settings.kinds = parse_list(
                        value,
                        QuestionKind::from_slug,
                        &QuestionKind::ALL,
                        QuestionKind::slug,
                        "question kind",
                        "k",
                    )?;
                }
                _ => {
                    settings.topics = parse_list(
                        value,
                        Topic::from_slug,
                        &Topic::ALL,
                        Topic::slug,
                        "topic",
                        "t",
                    )?;
                }
            }
        }
        settings.seed = seed.ok_or("the quiz has no seed")?;
        Ok(settings)
    }
}
