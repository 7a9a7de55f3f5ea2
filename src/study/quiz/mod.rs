//! Quizzes generated from the data: multiple choice, typed answers, true/false, chronological
//! order, matching quotes to speakers, and source analysis on the primary sources and on the
//! points where accounts differ.
//!
//! Nothing here knows the document: every question is built from the [`Corpus`], so another
//! document in the same schema gets its own quizzes. Claims the data attributes
//! (`according_to`) stay attributed in the question ("According to Alexander Orlov, …").
//!
//! **Determinism.** A quiz is fully determined by its [`QuizSettings`] (topics, kinds,
//! length, seed): the same settings give the same questions, options and order on every
//! machine. Randomness comes only from [`Rng`] (32/64-bit draws), iteration is over `Vec`s in
//! data order or `BTreeMap`s, and no float or clock decides anything. Each question draws from
//! its own stream, derived from the seed and the question's key.
//!
//! **Correct by construction.** Every question has exactly one right answer: a wrong option
//! is never also true (distractors exclude every value the data makes true, e.g. everyone who
//! also replaced Yagoda, any date that overlaps the answer's, any figure equal to the answer),
//! options are distinct after normalisation, a false true/false statement differs from every
//! true value, order questions use events whose date intervals do not overlap, and match
//! questions use quotes with distinct speakers. Every question cites passages that exist.
//! A question that cannot be built that way (too few distractors, …) is not asked.
//!
//! **Length.** [`generate`] returns `settings.length` questions when the data allows, spread
//! evenly over the chosen kinds and, within a kind, over the chosen topics; otherwise as many
//! distinct questions as it can (possibly none, e.g. for kinds and topics that do not go
//! together: see [`compatible`]). A quiz never asks the same question twice, and asks two
//! questions about the same fact only when it has run out of other questions.

mod ctx;
mod dates;
mod disputes;
mod generate;
mod name_index;
mod numbers;
mod orgs;
mod people;
mod question;
mod quotes;
#[cfg(test)]
mod scale_tests;
mod scope;
mod settings;
mod sources;
mod subject;
mod tables;
#[cfg(test)]
mod tests;

pub use crate::study::answer::AnswerKind;
pub use generate::{available, generate, generate_within, text_reads_well};
pub use question::{Question, QuestionBody, Response, accepted_spelling, check, correct_response};
pub use scope::{SCOPE_KEYS, Scope, about_person, from_source, in_era, in_group};
pub use settings::{QuestionKind, QuizSettings, Topic, compatible};

use ctx::*;
use dates::KnownDate;
use generate::*;
use tables::*;
