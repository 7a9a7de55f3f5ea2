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

/// The validated corpus `build.rs` made from `data/`, as JSON.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// The embedded corpus, parsed once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        serde_json::from_str(EMBEDDED).expect("build.rs embeds a corpus it has just serialised")
    })
}

/// Size in bytes of the embedded data, for reports.
pub fn embedded_size() -> usize {
    EMBEDDED.len()
}
