//! Progress that is never lost: the versioned saved format, its earlier versions, salvage of
//! damaged copies, merging (pure), the decisions a tab makes when it saves (pure), and the
//! browser's localStorage behind a store that carries them out.

mod earlier;
pub mod format;
pub mod merge;
pub mod salvage;
pub mod saving;
pub mod stats;
pub mod store;
#[cfg(test)]
mod two_tabs;
