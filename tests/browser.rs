//! Browser-only functions, tested in headless Chromium by wasm-bindgen-test
//! (`scripts/test.sh` runs them; plain `cargo test` on the host compiles this file to nothing).
#![cfg(target_arch = "wasm32")]

use nkvd_study::route::Route;
use nkvd_study::ui;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn set_title_names_the_view_and_the_app() {
    ui::set_title("People");
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "People · NKVD Study"
    );
    ui::set_title("");
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "NKVD Study"
    );
}

#[wasm_bindgen_test]
fn the_current_route_follows_the_location_hash() {
    let location = web_sys::window().unwrap().location();
    location.set_hash("#/people/yezhov").unwrap();
    assert_eq!(
        ui::current_route(),
        Route::Person {
            id: "yezhov".into()
        }
    );
    location.set_hash("#/nowhere").unwrap();
    assert!(matches!(ui::current_route(), Route::NotFound { .. }));
}
