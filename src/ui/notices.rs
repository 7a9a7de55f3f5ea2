//! The storage notices, shown at the top of every view: what happened to saved progress and
//! what the student can do about it (download an unreadable copy, clear one that is stuck,
//! reload when a newer version saved). The ones about saving stay while they hold.

use leptos::prelude::*;

use crate::progress::store::Notice;

use super::browser::download;
use super::state::AppState;

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// What a notice says.
fn text(notice: &Notice) -> String {
    match notice {
        Notice::Unreadable {
            reason, salvaged, ..
        } => match salvaged {
            Some((kept, dropped)) => format!(
                "Part of your saved progress could not be read: {reason}. The app kept the {kept} \
                 readable {} and left out {dropped} unreadable {}. The saved data is kept aside \
                 unchanged; you can download it.",
                plural(*kept, "item", "items"),
                plural(*dropped, "item", "items"),
            ),
            None => format!(
                "Your saved progress could not be read: {reason}. The app started afresh. The \
                 unreadable data is kept aside unchanged; you can download it."
            ),
        },
        Notice::UnreadableNotKept { reason, .. } => format!(
            "Your saved progress could not be read: {reason}. There is no room to keep it aside, \
             so to keep it safe nothing is being saved over it: progress in this visit is not \
             being saved. Download it to keep a copy; then you can delete it from this browser \
             so that saving starts again."
        ),
        Notice::Newer { version } => format!(
            "Your progress was saved by a newer version of this app (format {version}), in another \
             tab or an earlier visit. This page is an older version, so it has stopped saving to \
             avoid overwriting it. Reload the page to get the new version; what you did here since \
             it was saved may be lost unless you export it first."
        ),
        Notice::Unavailable => "This browser does not let the app use local storage (it may be \
             blocked or in private mode). You can study, but progress is not being saved when you \
             close the tab. Export it from the Progress page to keep it."
            .to_string(),
        Notice::Refused { name } => format!(
            "The browser refused to save your progress ({name}): its settings may block storage \
             for this site. It is kept while this tab stays open; export it from the Progress page."
        ),
        Notice::Full => {
            "The browser's storage is full, so your latest progress is not being saved. \
             It is kept while this tab stays open; export it from the Progress page."
                .to_string()
        }
    }
}

/// The storage notices with their actions.
#[component]
pub fn Notices() -> impl IntoView {
    let state = AppState::get();
    let cleared_failed = RwSignal::new(None::<String>);
    move || {
        state
            .notices
            .get()
            .into_iter()
            .map(|notice| {
                let data = match &notice {
                    Notice::Unreadable { data, .. } | Notice::UnreadableNotKept { data, .. } => {
                        Some(data.clone())
                    }
                    _ => None,
                };
                let stuck = matches!(notice, Notice::UnreadableNotKept { .. });
                let newer = matches!(notice, Notice::Newer { .. });
                let dismissable = matches!(notice, Notice::Unreadable { .. });
                let notice_for_dismiss = notice.clone();
                view! {
                    <div class="notice" role="alert">
                        <p>{text(&notice)}</p>
                        <div class="notice-actions">
                            {data.map(|data| view! {
                                <button type="button" on:click=move |_| download("nkvd-study-unreadable-progress.txt", "text/plain", &data)>
                                    "Download the unreadable data"
                                </button>
                            })}
                            {stuck.then(|| view! {
                                <button type="button" class="danger" on:click=move |_| {
                                    let sure = window()
                                        .confirm_with_message(
                                            "Delete the unreadable saved data from this browser? Download it first if you may need it. Saving starts again afterwards.",
                                        )
                                        .unwrap_or(false);
                                    if sure {
                                        cleared_failed.set(state.clear_stuck().err().map(|e| e.to_string()));
                                    }
                                }>"Delete it from this browser…"</button>
                            })}
                            {newer.then(|| view! {
                                <button type="button" class="primary" on:click=move |_| {
                                    let _ = window().location().reload();
                                }>"Reload"</button>
                            })}
                            {dismissable.then(|| view! {
                                <button type="button" on:click=move |_| {
                                    let gone = notice_for_dismiss.clone();
                                    state.notices.update(|n| n.retain(|x| *x != gone));
                                }>"Dismiss"</button>
                            })}
                        </div>
                        {move || stuck.then(|| cleared_failed.get()).flatten().map(|e| view! {
                            <p>"It could not be deleted: " {e} "."</p>
                        })}
                    </div>
                }
            })
            .collect_view()
    }
}
