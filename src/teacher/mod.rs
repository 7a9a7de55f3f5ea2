//! The teacher's toolkit without a server: a quiz assignment and its link ([`assignment`]),
//! the short result code a student hands in ([`result_code`], built at the end of a quiz by [`hand_in`], with its alphabet in
//! [`base32`] and its checksum in [`checksum`]), a class's results gathered from codes
//! ([`class`]) and their export for a gradebook ([`csv`]). Pure Rust: no browser, no clock.

pub mod assignment;
pub mod base32;
pub mod checksum;
pub mod class;
pub mod csv;
pub mod hand_in;
pub mod result_code;
pub mod utc;

pub use assignment::Assignment;
pub use class::{ClassResults, QuizClass, Rejected, StudentRow};
pub use result_code::{CodeError, Handed, QuizResult};
