//! The reader: the document itself, with people's names linked to their pages, passage
//! anchors that "where this comes from" links jump to and highlight, and the list of the
//! sixteen primary sources.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::content::passage_ref::passage_number;
use crate::content::source_list::beyond_heading;
use crate::content::{Dated, DocDate, Passage, PassageKind, PrimarySource, corpus};
use crate::route::Route;

use super::common::PassageLink;
use super::disputes::DisputeLink;

/// Who wrote a primary source, when and in what role, as the document gives it: shown
/// under the source's heading.
#[component]
fn Provenance(source: &'static PrimarySource) -> impl IntoView {
    let corpus = corpus();
    let who = source.author(corpus);
    let date = source
        .date
        .as_deref()
        .and_then(|d| DocDate::parse(d, None).ok())
        .map(|d| match source.dated {
            Dated::Writing => d.to_string(),
            Dated::Events => format!(
                "{d} (the events it describes; the document does not say when it was written)"
            ),
        });
    let role = source.provenance.as_ref().map(|p| {
        view! {
            "“" {p.role.clone()} "” "
            {p.passages.iter().cloned().map(|id| view! { <PassageLink id /> }).collect_view()}
        }
    });
    view! {
        <aside class="provenance" aria-label=format!("About primary source ({})", source.number)>
            <dl>
                <dt>"Who"</dt>
                <dd>{who.unwrap_or_else(|| "not named by the document".to_string())}
                    {source.work.clone().map(|w| view! { ", " <cite>{w}</cite> })}
                </dd>
                <dt>"When"</dt>
                <dd>{date.unwrap_or_else(|| "not dated by the document".to_string())}</dd>
                <dt>"Role"</dt>
                <dd>{role.map(IntoAny::into_any).unwrap_or_else(|| "the document does not say".into_any())}</dd>
            </dl>
        </aside>
    }
}

/// Splits a passage's text at the names it links, so every piece goes through the view as
/// text (never as HTML).
fn linked_text(passage: &'static Passage) -> impl IntoView {
    let text = passage.text.as_str();
    let mut pieces: Vec<AnyView> = Vec::new();
    let mut at = 0;
    for span in &passage.names {
        if span.start < at || span.end > text.len() {
            continue;
        }
        if span.start > at {
            pieces.push(text[at..span.start].to_string().into_any());
        }
        let href = Route::Person {
            id: span.person.clone(),
        }
        .href();
        pieces.push(
            view! { <a class="name-link" href=href>{text[span.start..span.end].to_string()}</a> }
                .into_any(),
        );
        at = span.end;
    }
    if at < text.len() {
        pieces.push(text[at..].to_string().into_any());
    }
    pieces
}

#[component]
pub fn Reader(passage: Option<String>) -> impl IntoView {
    let corpus = corpus();
    super::set_title(&match &passage {
        Some(id) => format!("Passage {} · Source", passage_number(id)),
        None => "Source".to_string(),
    });
    let target = passage.clone();
    let unknown = target
        .as_ref()
        .filter(|id| corpus.passage(id).is_none())
        .cloned();

    // Bring the target passage into view once it is in the page.
    if let Some(id) = target.clone() {
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&id) {
                element.scroll_into_view();
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let body = corpus
        .passages
        .iter()
        .map(|p| {
            let highlighted = target.as_deref() == Some(p.id.as_str());
            let number = passage_number(&p.id);
            let anchor_href = Route::Source { passage: Some(p.id.clone()) }.href();
            let anchor_label = format!("Link to passage {number}");
            match p.kind {
                PassageKind::Heading => view! {
                    <h2 id=p.id.clone() class:highlight=highlighted tabindex="-1">{p.text.clone()}</h2>
                }
                .into_any(),
                // The original shows a picture here; the text keeps only its caption.
                PassageKind::Caption => view! {
                    <figure id=p.id.clone() class="caption" class:highlight=highlighted tabindex="-1">
                        <figcaption>
                            {linked_text(p)}
                            <span class="caption-kind">" (a picture in the original)"</span>
                        </figcaption>
                    </figure>
                }
                .into_any(),
                PassageKind::Paragraph => {
                    let source = corpus
                        .sources
                        .iter()
                        .find(|s| s.passages.first() == Some(&p.id));
                    let disputes = corpus.disputes_citing(&p.id);
                    view! {
                        <div id=p.id.clone() class="passage" class:highlight=highlighted tabindex="-1">
                            <a class="anchor no-print" href=anchor_href aria-label=anchor_label>{number}</a>
                            <p>{linked_text(p)}</p>
                            {source.map(|source| view! { <Provenance source /> })}
                            {(!disputes.is_empty()).then(|| view! {
                                <p class="passage-disputes no-print">
                                    <span class="disputed-badge">"Accounts differ"</span>
                                    " "
                                    {disputes.into_iter().enumerate().map(|(i, d)| view! {
                                        {(i > 0).then_some("; ")}
                                        <DisputeLink dispute=d />
                                    }).collect_view()}
                                </p>
                            })}
                        </div>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();

    let sources = corpus
        .sources
        .iter()
        .map(|s| {
            let first = s.passages.first().cloned().unwrap_or_default();
            let href = Route::Source {
                passage: Some(first),
            }
            .href();
            // Only what the heading does not already say.
            let more = beyond_heading(s, corpus);
            view! {
                <li>
                    <a href=href>"(" {s.number} ") " {s.heading.clone()}</a>
                    {(!more.is_empty()).then(|| view! {
                        <span class="source-meta">
                            {more.author.map(|w| view! { " — " {w} })}
                            {more.work.map(|w| view! { ", " <cite>{w}</cite> })}
                            {more.date.map(|d| format!(", {d}"))}
                        </span>
                    })}
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="reader">
            <h1 tabindex="-1">{corpus.title.clone()}</h1>
            <p class="content-note" role="note">
                <strong>"Content note: "</strong>
                "this document and its sources describe torture, show trials and executions."
            </p>
            {unknown.map(|_| view! {
                <p class="error" role="alert">"The passage that link points to is not in this document; showing it from the start."</p>
            })}
            <nav class="sources-list no-print" aria-labelledby="sources-heading">
                <h2 id="sources-heading">"The sixteen primary sources"</h2>
                <ul class="plain">{sources}</ul>
            </nav>
            <div class="document">{body}</div>
        </article>
    }
}
