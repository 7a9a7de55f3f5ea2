//! Progress that is never lost: the versioned saved format and merging (pure), and the
//! browser's localStorage behind a store that copes with it being unreadable, unavailable
//! or full.

pub mod format;
pub mod stats;
pub mod store;
