//! The study document as data: the model (`model`), dates at the document's precision
//! (`date`), the compact form embedded in the app (`embedded`), and, with the `files`
//! feature, loading a `data/` folder (`load`) and validating it (`validate`); text helpers
//! over the document: passage numbers (`passage_ref`) and the titles of works (`titles`).
//!
//! Pure Rust with no browser or UI dependency; the modules refer to one another through
//! `super::`.

pub mod cache;
pub mod date;
pub mod embedded;
#[cfg(feature = "files")]
pub mod load;
pub mod model;
pub mod passage_ref;
pub mod titles;
#[cfg(feature = "files")]
pub mod validate;

pub use date::{DocDate, Precision};
pub use embedded::{decode, encode};
pub use model::*;
