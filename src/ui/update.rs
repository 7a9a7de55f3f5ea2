//! The "new version" notice: watches the service worker registration, says when a new release
//! is installed and waiting while an older one controls the page, and on request lets it take
//! over and reloads the page into it (the worker's side is in `public/sw.template.js`).

use std::cell::Cell;
use std::rc::Rc;

use super::browser::{listen, settle};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

/// The message the waiting worker answers by taking over (`SKIP_WAITING` in the worker).
const SKIP_WAITING: &str = "skip-waiting";

/// The page's service worker container, where the browser offers one (a secure context).
pub fn container() -> Option<ServiceWorkerContainer> {
    let container = window().navigator().service_worker();
    (!container.is_undefined()).then_some(container)
}

/// The notice, shown while a new release waits; its `role="status"` region is always in the
/// document so that screen readers announce the notice when it appears.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);
    if let Some(container) = container() {
        watch(&container, ready, registration);
    }
    let update = move |_| {
        if let Some(waiting) = registration.get_value().and_then(|r| r.waiting()) {
            let _ = waiting.post_message(&SKIP_WAITING.into());
        }
    };
    view! {
        <div class="update-status" role="status">
            <Show when=move || ready.get()>
                <div class="notice notice-update">
                    <p>"A new version of NKVD Study is ready."</p>
                    <div class="notice-actions">
                        <button type="button" class="primary" on:click=update>
                            "Reload to update"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// Keeps `ready` true while a worker waits and another controls the page, and reloads the
/// page (once) when a new worker takes it over from an old one. The listeners live as long
/// as the page: the notice is part of the app shell, which is never unmounted.
fn watch(
    container: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
) {
    // The first visit's worker claims the page silently (no controller before it); a change
    // from one controller to another is an update the page must reload into.
    let controlled = Rc::new(Cell::new(container.controller().is_some()));
    let reloading = Rc::new(Cell::new(false));
    listen(container, "controllerchange", move || {
        if controlled.replace(true) && !reloading.replace(true) {
            let _ = window().location().reload();
        }
    });

    let Ok(promise) = container.ready() else {
        return;
    };
    let container = container.clone();
    settle(promise, move |outcome| {
        let Some(found) = outcome
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        registration.set_value(Some(found.clone()));
        let check = {
            let found = found.clone();
            move || ready.set(found.waiting().is_some() && container.controller().is_some())
        };
        // A worker that installed on an earlier visit, or is installing now (the check for
        // updates that this page's load started may have found it before the app ran).
        for worker in [found.waiting(), found.installing()].into_iter().flatten() {
            follow(&worker, check.clone());
        }
        check();
        let registration = found.clone();
        listen(&found, "updatefound", move || {
            if let Some(worker) = registration.installing() {
                follow(&worker, check.clone());
            }
        });
    });
}

/// Runs `check` whenever `worker` changes state (installed, activated, redundant).
fn follow(worker: &ServiceWorker, check: impl Fn() + 'static) {
    listen(worker, "statechange", check);
}
