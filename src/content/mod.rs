//! The study document as data: the model, dates, loading from `data/` (host only),
//! validation, and the corpus embedded in the app at build time.

pub mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use date::{DocDate, Precision};
pub use model::*;

use std::sync::OnceLock;

/// The validated corpus `build.rs` made from `data/`, in the embedded form ([`encode`]).
/// Binary rather than JSON: smaller to download, and decoding it needs far less code.
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| decode(EMBEDDED).expect("build.rs embeds a corpus it has just encoded"))
}

/// The embedded form of a corpus: postcard, fields in declaration order. `build.rs` writes
/// it with the same call.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    postcard::to_allocvec(corpus).expect("a corpus always serialises")
}

/// Reads the embedded form back.
pub fn decode(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Size in bytes of the embedded data, for reports.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
