//! The study document as data: the model, dates, loading from `data/` (host only),
//! validation, and the corpus embedded in the app at build time.

pub mod date;
pub mod embedded;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod model;
pub mod passage_ref;
pub mod source_list;
pub mod titles;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use date::{DocDate, Precision};
pub use model::*;

use std::sync::OnceLock;

pub use embedded::{decode, encode};

/// The validated corpus `build.rs` made from `data/`, in the embedded form (`embedded.rs`).
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| decode(EMBEDDED).expect("build.rs embeds a corpus it has just encoded"))
}

/// Size in bytes of the embedded data, for reports.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
