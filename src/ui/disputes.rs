//! "Where accounts differ": every point on which the document's accounts disagree (or on which
//! it gives one party's claim), each with its accounts side by side — who gives it, their
//! position as the document states it, when, their own words and the passages — linked into
//! the reader, the people pages and the timeline. The view never says which account is right.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::{Account, Dispute, DisputeKind, DocDate, corpus};
use crate::route::{Query, Route};
use crate::study::text::from_mid_sentence;

use super::common::{PassageLinks, PersonLink};

/// The anchor of a dispute's section on the page.
pub fn anchor(id: &str) -> String {
    format!("dispute-{id}")
}

fn kind_label(kind: DisputeKind) -> &'static str {
    match kind {
        DisputeKind::Contradict => "The accounts contradict each other",
        DisputeKind::Differ => "The accounts differ",
        DisputeKind::OneSide => "One side only: the document gives no other account",
    }
}

#[component]
pub fn Disputes(dispute: Option<String>) -> impl IntoView {
    let corpus = corpus();
    super::set_title("Where accounts differ");
    let unknown = dispute
        .as_ref()
        .filter(|id| corpus.dispute(id).is_none())
        .cloned();
    if let Some(id) = dispute.clone().filter(|id| corpus.dispute(id).is_some()) {
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&anchor(&id)) {
                element.scroll_into_view();
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let contents = corpus
        .disputes
        .iter()
        .map(|d| {
            let href = Route::Disputes {
                dispute: Some(d.id.clone()),
            }
            .href();
            view! { <li><a href=href>{d.question.clone()}</a></li> }
        })
        .collect_view();
    let quiz = Route::Quiz {
        query: Query::default()
            .with("k", "mc,tf,source")
            .with("t", "disputes"),
    }
    .href();
    let cards = Route::Flashcards {
        query: Query::default().with("deck", "disputes"),
    }
    .href();
    let selected = dispute.clone();
    view! {
        <article class="disputes">
            <h1 tabindex="-1">"Where accounts differ"</h1>
            <p class="lead prose">
                "On these " {corpus.disputes.len()} " points the document's accounts disagree, or it gives only one "
                "party's claim. Each account is shown with who gives it, their position as the document states it, "
                "when it was written where the document says, and its own words. Which account is right is left to you: "
                "the app says so only where the document does."
            </p>
            {unknown.map(|id| view! {
                <p class="error" role="alert">"There is no dispute " <code>{id}</code> " in this document; showing them all."</p>
            })}
            <p class="dispute-practice no-print">
                <a class="button" href=quiz>"Practise: a quiz on these accounts"</a>
                " "
                <a class="button" href=cards>"Flashcards"</a>
            </p>
            <nav class="dispute-contents" aria-labelledby="dispute-contents-heading">
                <h2 id="dispute-contents-heading">"The points at issue"</h2>
                <ol>{contents}</ol>
            </nav>
            {corpus
                .disputes
                .iter()
                .map(|d| {
                    let highlighted = selected.as_deref() == Some(d.id.as_str());
                    view! { <DisputeView dispute=d highlighted /> }
                })
                .collect_view()}
        </article>
    }
}

#[component]
fn DisputeView(dispute: &'static Dispute, highlighted: bool) -> impl IntoView {
    let corpus = corpus();
    let heading = format!("{}-heading", anchor(&dispute.id));
    let labelled_by = heading.clone();
    let about = (!dispute.people.is_empty()).then(|| {
        view! {
            <p class="dispute-about">
                "About: "
                {dispute.people.iter().cloned().enumerate().map(|(i, id)| view! {
                    {(i > 0).then_some(", ")}
                    <PersonLink id />
                }).collect_view()}
            </p>
        }
    });
    let events = (!dispute.events.is_empty()).then(|| {
        view! {
            <p class="dispute-events no-print">
                "On the timeline: "
                {dispute.events.iter().filter_map(|id| corpus.event(id)).enumerate().map(|(i, e)| {
                    let href = Route::Timeline { query: Query::default().with("event", &e.id) }.href();
                    view! {
                        {(i > 0).then_some("; ")}
                        <a href=href>{e.title.clone()}</a>
                    }
                }).collect_view()}
            </p>
        }
    });
    view! {
        <section
            id=anchor(&dispute.id)
            class="dispute"
            class:highlight=highlighted
            class:one-side=dispute.kind == DisputeKind::OneSide
            aria-labelledby=labelled_by
            tabindex="-1"
        >
            <h2 id=heading>{dispute.question.clone()}</h2>
            <p class="dispute-kind">{kind_label(dispute.kind)}</p>
            {about}
            <div class="accounts">
                {dispute.accounts.iter().map(|a| view! { <AccountView account=a /> }).collect_view()}
            </div>
            {dispute.note.clone().map(|n| view! { <p class="note"><strong>"What the document says about it: "</strong>{n}</p> })}
            {events}
        </section>
    }
}

#[component]
fn AccountView(account: &'static Account) -> impl IntoView {
    let corpus = corpus();
    let giver = account.giver(corpus);
    let who = match (&account.person, account.source) {
        (Some(id), _) => view! { <PersonLink id=id.clone() /> }.into_any(),
        (None, Some(_)) => giver.clone().into_any(),
        _ => giver.clone().into_any(),
    };
    let source = account.source.and_then(|n| corpus.source(n)).map(|s| {
        let href = Route::Source {
            passage: s.passages.first().cloned(),
        }
        .href();
        view! { <p class="account-source">"Primary source " <a href=href>"(" {s.number} ") " {s.heading.clone()}</a></p> }
    });
    let written = account
        .written
        .as_deref()
        .and_then(|d| DocDate::parse(d, None).ok())
        .map(|d| d.to_string());
    let first = account.passages.first().cloned();
    let read_href = Route::Source {
        passage: first.clone(),
    }
    .href();
    let read_label = format!(
        "Read {}'s account in the document",
        if account.article {
            "the article".to_string()
        } else {
            giver.clone()
        }
    );
    view! {
        <article class="account">
            <h3 class="account-giver">{who}</h3>
            {source}
            <dl class="account-facts">
                <dt>"Position"</dt>
                <dd>{account.position.label()}</dd>
                {account.role.clone().map(|r| view! {
                    <dt>"As the document puts it"</dt>
                    <dd>"“" {from_mid_sentence(r.trim())} "”"</dd>
                })}
                <dt>"When"</dt>
                <dd>{written.unwrap_or_else(|| "not dated by the document".to_string())}</dd>
            </dl>
            <blockquote class="account-quote">
                <p>"“" {from_mid_sentence(account.quote.trim())} "”"</p>
            </blockquote>
            <p class="account-says"><strong>"In short: "</strong>{account.says.clone()}</p>
            <p class="account-links">
                <a class="account-read no-print" href=read_href aria-label=read_label>"Read it in the document"</a>
                " "
                <PassageLinks ids=account.passages.clone() />
            </p>
        </article>
    }
}

/// Links to the disputes that involve a person, for their page; nothing when there are none.
#[component]
pub fn DisputesOfPerson(id: String) -> impl IntoView {
    let corpus = corpus();
    let items: Vec<&Dispute> = corpus.disputes_of_person(&id);
    (!items.is_empty()).then(|| {
        view! {
            <h2>"Where accounts differ"</h2>
            <ul class="dispute-links">
                {items.into_iter().map(|d| view! { <li><DisputeLink dispute=d /></li> }).collect_view()}
            </ul>
        }
    })
}

/// A link to one dispute, with its question as the text.
#[component]
pub fn DisputeLink(dispute: &'static Dispute) -> impl IntoView {
    let href = Route::Disputes {
        dispute: Some(dispute.id.clone()),
    }
    .href();
    view! { <a class="dispute-link" href=href>{dispute.question.clone()}</a> }
}

/// A marker for an event whose details the accounts dispute, linking to each dispute.
#[component]
pub fn DisputedMarker(event: String) -> impl IntoView {
    let corpus = corpus();
    let items: Vec<&Dispute> = corpus
        .disputes
        .iter()
        .filter(|d| d.events.contains(&event))
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <div class="disputed-marker">
                <span class="disputed-badge">"Accounts differ"</span>
                <ul class="disputed-list">
                    {items.into_iter().map(|d| view! { <li><DisputeLink dispute=d /></li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
