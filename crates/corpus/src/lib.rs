//! The study document as data: the model (`model`), dates at the document's precision
//! (`date`), the compact form embedded in the app (`embedded`), and, with the `files`
//! feature, loading a `data/` folder (`load`) and validating it (`validate`).
//!
//! Pure Rust with no browser or UI dependency; the modules refer to one another through
//! `super::`.

pub mod date;
pub mod embedded;
#[cfg(feature = "files")]
pub mod load;
pub mod model;
#[cfg(feature = "files")]
pub mod validate;

pub use date::{DocDate, Precision};
pub use embedded::{decode, encode};
pub use model::*;
