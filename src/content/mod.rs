//! The study document as the app sees it: the corpus crate (`nkvd_corpus`: model, dates,
//! embedded form, and on the host loading and validation) re-exported as `content`, and the
//! corpus `build.rs` embedded in the app, decoded once.

pub use nkvd_corpus::*;

/// The sources list as the reader shows it (app-side: how a heading is completed).
pub mod source_list;

use std::sync::OnceLock;

/// The validated corpus `build.rs` made from `data/`, in the embedded form (`embedded.rs`).
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| decode(EMBEDDED).expect("build.rs embeds a corpus it has just encoded"))
}
