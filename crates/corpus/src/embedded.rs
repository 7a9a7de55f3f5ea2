//! The form `build.rs` embeds the corpus in and the app decodes it from: postcard, fields in
//! declaration order. Binary rather than JSON: smaller to download, and decoding it needs
//! far less code in the wasm.
//!
//! Shared with `build.rs` through `#[path]`: uses only `super::model` and postcard.

use super::model::Corpus;

/// The file `build.rs` writes in `OUT_DIR` (and `content::corpus()` includes by this name).
pub const FILE_NAME: &str = "corpus.bin";

/// The embedded form of a corpus.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    postcard::to_allocvec(corpus).expect("a corpus always serialises")
}

/// Reads the embedded form back.
pub fn decode(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
    postcard::from_bytes(bytes)
}
