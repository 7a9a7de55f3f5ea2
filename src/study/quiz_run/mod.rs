//! A quiz being taken, as plain Rust the views dispatch to and host tests drive: answering
//! and grading with per-item marks and partial credit ([`credit`]), the run itself with its
//! position, score, mistakes and "retry my mistakes" ([`run`]), the text a review shows
//! ([`describe`]), the state saved so that a reload resumes it ([`saved`]), and learn mode,
//! which asks a fact as multiple choice until it is known and then typed ([`learn`]).

pub mod credit;
pub mod describe;
pub mod learn;
pub mod run;
pub mod saved;

pub use credit::{Credit, item_marks};
pub use describe::{describe_response, review_prompt};
pub use learn::{LearnRun, LearnStage};
pub use run::{Answer, QuizRun, Score};
pub use saved::{ResumeError, STORAGE_KEY, SavedRun};
