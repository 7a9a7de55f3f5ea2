//! The Leptos user interface: the app shell (header, navigation, `<main>`), the route signal
//! fed by the URL fragment, and one module per view. Views stay thin: they read the corpus
//! and call the pure modules.

mod browser;
mod common;
mod disputes;
mod evidence;
mod flashcards;
mod home;
mod not_found;
mod notices;
mod people;
mod progress;
mod quiz;
mod reader;
mod relations;
mod show_more;
mod state;
mod student_name;
mod teacher;
mod timeline;
mod update;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::route::{Route, Section};

/// Replaces the loading notice with the app.
///
/// The notice lies over the page (see `.loading` in the CSS); it is hidden at once and taken
/// out of the document a second later. Taken out at once, a notice painted just before the
/// app starts would be dropped from the browser's largest-paint record, which would then
/// name the app's first view: Lighthouse's simulation of a slow phone would wait for the
/// whole wasm, although a slow phone shows the notice's text long before (BENCHMARKS.md).
pub fn mount() {
    if let Some(loading) = document().get_element_by_id("loading") {
        let _ = loading.class_list().add_1("loading-done");
        set_timeout(move || loading.remove(), std::time::Duration::from_secs(1));
    }
    leptos::mount::mount_to_body(App);
    register_service_worker();
}

/// Registers the service worker that keeps the app usable offline (the release build
/// writes `sw.js` next to `index.html`; without one, nothing happens). A new release's
/// worker waits for the student: see `update::UpdateNotice`.
fn register_service_worker() {
    if let Some(container) = update::container() {
        let _ = container.register("./sw.js");
    }
}

/// The view the URL fragment names.
pub fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The app's name, shown in the header and at the end of every title.
pub const APP_NAME: &str = "NKVD Study";

/// Sets `document.title` for a view.
pub fn set_title(view_title: &str) {
    let title = if view_title.is_empty() {
        APP_NAME.to_string()
    } else {
        format!("{view_title} · {APP_NAME}")
    };
    document().set_title(&title);
}

/// Rewrites the address bar (without a new history entry or a `hashchange`), so the link
/// reopens the view as it is now (e.g. with a search typed).
pub fn replace_address(href: &str) {
    if let Ok(history) = window().history()
        && window().location().hash().unwrap_or_default() != href
    {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// How long the address may lag behind a search box (see [`replace_address_when_idle`]).
const ADDRESS_LAG: std::time::Duration = std::time::Duration::from_millis(250);

thread_local! {
    /// The address [`replace_address_when_idle`] will write, while one is waiting.
    static PENDING_ADDRESS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Like [`replace_address`], for what changes on every keystroke: the address is written at
/// most once every [`ADDRESS_LAG`], with the latest `href`. In Chromium each
/// `history.replaceState` costs a millisecond or more, about as much as redrawing the
/// results. If another view opens in the meantime, the waiting address is dropped.
pub fn replace_address_when_idle(href: &str) {
    let waiting = PENDING_ADDRESS.with(|p| p.replace(Some(href.to_string())).is_some());
    if waiting {
        return;
    }
    set_timeout(
        || {
            let Some(href) = PENDING_ADDRESS.with(|p| p.take()) else {
                return;
            };
            let view = |address: &str| address.split('?').next().unwrap_or_default().to_string();
            let now = window().location().hash().unwrap_or_default();
            if view(&now) == view(&href) {
                replace_address(&href);
            }
        },
        ADDRESS_LAG,
    );
}

/// Moves keyboard and screen-reader focus to the new view's heading.
fn focus_heading() {
    request_animation_frame(|| {
        if let Some(heading) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
}

#[component]
fn App() -> impl IntoView {
    provide_context(state::AppState::open());
    let route = RwSignal::new(current_route());
    let online = RwSignal::new(window().navigator().on_line());
    let went_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let went_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        went_online.remove();
        went_offline.remove();
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(current_route());
        window().scroll_to_with_x_and_y(0.0, 0.0);
        focus_heading();
    });
    on_cleanup(move || listener.remove());

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_heading();
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="#/">{APP_NAME}</a>
            <nav aria-label="Main">
                <ul>
                    {Section::NAVIGATION
                        .into_iter()
                        .map(|section| {
                            let current = move || route.with(|r| r.section() == section);
                            view! {
                                <li>
                                    <a
                                        href=section.route().href()
                                        aria-current=move || current().then_some("page")
                                    >
                                        {section.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <p class="offline-badge" role="status" hidden=move || online.get()>
                "Offline — everything still works"
            </p>
        </header>
        <main id="main">
            <update::UpdateNotice />
            <notices::Notices />
            {move || render(route.get())}
        </main>
        <footer class="site-footer">
            <p>
                {format!(
                    "Everything here comes from one article and its {} primary sources; ",
                    crate::content::corpus().sources.len()
                )}
                "claims stay attributed as the article attributes them."
            </p>
        </footer>
    }
}

fn render(route: Route) -> AnyView {
    use flashcards::Flashcards;
    use home::Home;
    use not_found::NotFound;
    use people::{PeopleDirectory, PersonPage};
    use progress::Progress;
    use quiz::Quiz;
    use reader::Reader;
    use relations::Relations;
    use timeline::Timeline;
    match route {
        Route::Home => view! { <Home /> }.into_any(),
        Route::People { query } => view! { <PeopleDirectory query /> }.into_any(),
        Route::Person { id } => view! { <PersonPage id /> }.into_any(),
        Route::Relations => view! { <Relations /> }.into_any(),
        Route::Timeline { query } => view! { <Timeline query /> }.into_any(),
        Route::Flashcards { query } => view! { <Flashcards query /> }.into_any(),
        Route::Quiz { query } => view! { <Quiz query /> }.into_any(),
        Route::Source { passage } => view! { <Reader passage /> }.into_any(),
        Route::Disputes { dispute } => view! { <disputes::Disputes dispute /> }.into_any(),
        Route::Progress => view! { <Progress /> }.into_any(),
        Route::Teacher { page, query } => view! { <teacher::Teacher page query /> }.into_any(),
        Route::NotFound { path } => view! { <NotFound path /> }.into_any(),
    }
}
