//! Studying: flashcard decks generated from the data, scheduling with FSRS, quiz
//! generation and answer checking. Pure Rust: the clock and the random seed are arguments.

pub mod answer;
pub mod bank;
pub mod card_id;
pub mod card_list;
pub mod cards;
pub mod custom_study;
pub mod evidence;
pub mod intervals;
pub mod leeches;
pub mod new_order;
pub mod quiz;
pub mod quiz_run;
pub mod review_id;
pub mod review_queue;
pub mod review_session;
pub mod rng;
pub mod schedule;
pub mod text;
