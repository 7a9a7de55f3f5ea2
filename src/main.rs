//! Mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    // Parse the embedded data first, between two performance marks, so the benchmark can read
    // what parsing costs at start-up (`performance.getEntriesByName("corpus-parse")`).
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("corpus-parse-start");
    }
    let _ = nkvd_study::content::corpus();
    if let Some(p) = &performance {
        let _ = p.mark("corpus-parse-end");
        let _ = p.measure_with_start_mark_and_end_mark(
            "corpus-parse",
            "corpus-parse-start",
            "corpus-parse-end",
        );
    }
    nkvd_study::ui::mount();
}
