//! Mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    nkvd_study::ui::mount();
}
