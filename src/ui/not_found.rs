//! The view for a link the app does not know.

use leptos::prelude::*;

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    super::set_title("Page not found");
    view! {
        <section class="not-found">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"There is no page at " <code>{path}</code> " in this app."</p>
            <p>"The link may be mistyped or from a newer version. " <a href="#/">"Go to the home page"</a> "."</p>
        </section>
    }
}
