//! The framework floor: Leptos renders one heading and does nothing else.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        view! {
            <main>
                <h1>"Floor"</h1>
            </main>
        }
    });
}
