//! A study app for one historical document: the facts drawn from it (`content`), the
//! in-app addresses (`route`), and the Leptos user interface (`ui`).
//!
//! Everything but `ui` is plain Rust that `cargo test` runs on the host.

pub mod content;
pub mod graph;
pub mod progress;
pub mod route;
pub mod search;
pub mod study;
pub mod teacher;
pub mod timeline;
pub mod ui;
