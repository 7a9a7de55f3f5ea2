//! The layering rules of ARCHITECTURE.md, checked on the source: the pure layers never reach
//! up into the user interface or the browser, and the corpus never reaches into what is built
//! on it. A `use` that breaks a rule fails here, naming the file and the line.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The lines of the files under `src/<layer>` (a folder or a single `.rs` file) that mention
/// any of `forbidden`, as "file:line: text". Comments are skipped.
fn breaches(layer: &str, forbidden: &[&str], allowed_files: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    // A layer is `src/<layer>.rs`, the folder `src/<layer>/`, or both.
    let folder = root.join(layer);
    let mut files = if folder.is_dir() {
        rust_files(&folder)
    } else {
        vec![]
    };
    let file = root.join(format!("{layer}.rs"));
    if file.is_file() {
        files.push(file);
    }
    assert!(!files.is_empty(), "no source for layer {layer}");
    let mut found = Vec::new();
    for file in files {
        let shown = file.strip_prefix(&root).unwrap().display().to_string();
        if allowed_files.contains(&shown.as_str()) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if forbidden.iter().any(|f| code.contains(f)) {
                found.push(format!("src/{shown}:{}: {}", n + 1, code));
            }
        }
    }
    found
}

const BROWSER_AND_UI: &[&str] = &["crate::ui", "leptos", "web_sys", "js_sys", "wasm_bindgen"];

#[test]
fn the_pure_layers_never_use_the_user_interface_or_the_browser() {
    let mut found = Vec::new();
    for layer in [
        "content", "study", "graph", "timeline", "search", "route", "progress", "teacher",
    ] {
        // The one adapter to the browser's localStorage; everything it decides is in
        // `progress::saving` and `progress::merge`, which stay pure.
        found.extend(breaches(layer, BROWSER_AND_UI, &["progress/store.rs"]));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_corpus_never_uses_what_is_built_on_it() {
    let above = [
        "crate::study",
        "crate::progress",
        "crate::graph",
        "crate::timeline",
        "crate::search",
        "crate::route",
        "crate::ui",
    ];
    let found = breaches("content", &above, &[]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_breach() {
    // The scan reads the files it is pointed at: the UI does use Leptos.
    assert!(!breaches("ui", &["leptos"], &[]).is_empty());
}
