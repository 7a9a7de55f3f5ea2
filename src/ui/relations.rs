//! The relations view: who appointed, replaced, ordered, accused or killed whom, as an SVG
//! graph a student can click (or Tab and Enter) through, with the same relations as a list.

use leptos::prelude::*;

use crate::content::{RelationKind, corpus};
use crate::route::Route;

use super::common::{Attribution, PassageLinks, PersonLink};

const SIZE: f64 = 720.0;
const RADIUS: f64 = 280.0;

fn kind_from(value: &str) -> Option<RelationKind> {
    corpus()
        .relations
        .iter()
        .map(|r| r.kind)
        .find(|k| k.verb() == value)
}

#[component]
pub fn Relations() -> impl IntoView {
    super::set_title("Relations");
    let corpus = corpus();
    let kind_filter = RwSignal::new(String::new());
    let mut kinds: Vec<RelationKind> = corpus.relations.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();

    // Nodes: everyone in a relation, on a circle, in order of first appearance.
    let mut nodes: Vec<String> = Vec::new();
    for r in &corpus.relations {
        for id in [&r.subject, &r.object] {
            if !nodes.contains(id) {
                nodes.push(id.clone());
            }
        }
    }
    let position = {
        let nodes = nodes.clone();
        move |id: &str| {
            let i = nodes.iter().position(|n| n == id).unwrap_or(0) as f64;
            let angle =
                i / nodes.len().max(1) as f64 * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
            (
                SIZE / 2.0 + RADIUS * angle.cos(),
                SIZE / 2.0 + RADIUS * angle.sin(),
            )
        }
    };

    let shown = move || {
        let kind = kind_from(&kind_filter.get());
        corpus
            .relations
            .iter()
            .filter(move |r| kind.is_none_or(|k| r.kind == k))
    };

    let edges = {
        let position = position.clone();
        move || {
            shown()
                .map(|r| {
                    let (x1, y1) = position(&r.subject);
                    let (x2, y2) = position(&r.object);
                    // Stop the line short of the target node so the arrow shows.
                    let (dx, dy) = (x2 - x1, y2 - y1);
                    let len = (dx * dx + dy * dy).sqrt().max(1.0);
                    let (ex, ey) = (x2 - dx / len * 14.0, y2 - dy / len * 14.0);
                    view! {
                        <line x1=x1 y1=y1 x2=ex y2=ey class=format!("edge edge-{:?}", r.kind).to_lowercase() marker-end="url(#arrow)">
                            <title>{format!("{} {} {}", r.subject, r.kind.verb(), r.object)}</title>
                        </line>
                    }
                })
                .collect_view()
        }
    };

    let node_views = nodes
        .iter()
        .map(|id| {
            let (x, y) = position(id);
            let name = corpus
                .person(id)
                .map_or_else(|| id.clone(), |p| p.name.clone());
            let short = name.split(' ').next_back().unwrap_or(&name).to_string();
            let href = Route::Person { id: id.clone() }.href();
            let href_key = href.clone();
            let anchor = if x < SIZE / 2.0 - 5.0 {
                "end"
            } else if x > SIZE / 2.0 + 5.0 {
                "start"
            } else {
                "middle"
            };
            let label_x = if anchor == "end" {
                x - 10.0
            } else if anchor == "start" {
                x + 10.0
            } else {
                x
            };
            let label_y = if anchor == "middle" && y < SIZE / 2.0 {
                y - 12.0
            } else if anchor == "middle" {
                y + 20.0
            } else {
                y + 4.0
            };
            let go = move |href: &str| {
                let _ = window().location().set_hash(href);
            };
            view! {
                <g
                    class="node"
                    tabindex="0"
                    role="link"
                    aria-label=format!("{name}: open their page")
                    on:click=move |_| go(&href)
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            go(&href_key);
                        }
                    }
                >
                    <circle cx=x cy=y r="8" />
                    <text x=label_x y=label_y text-anchor=anchor>{short}</text>
                </g>
            }
        })
        .collect_view();

    view! {
        <section class="relations">
            <h1 tabindex="-1">"Relations"</h1>
            <p class="muted">
                "Who appointed, replaced, ordered, accused or killed whom, as the document tells it. "
                "Pick a person to open their page."
            </p>
            <div class="filters no-print">
                <label>
                    "Show"
                    <select prop:value=move || kind_filter.get() on:change=move |ev| kind_filter.set(event_target_value(&ev))>
                        <option value="">"Every relation"</option>
                        {kinds.into_iter().map(|k| view! { <option value=k.verb()>{k.verb()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <figure class="graph">
                <svg viewBox=format!("0 0 {SIZE} {SIZE}") role="group" aria-label="Relations between people">
                    <defs>
                        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
                        </marker>
                    </defs>
                    <g class="edges">{edges}</g>
                    <g class="nodes">{node_views}</g>
                </svg>
            </figure>
            <h2>"The same, as a list"</h2>
            <ul class="relation-list">
                {move || shown().map(|r| view! {
                    <li>
                        <PersonLink id=r.subject.clone() />
                        " " {r.kind.verb()} " "
                        <PersonLink id=r.object.clone() />
                        <Attribution according_to=r.according_to.clone() />
                        " "
                        <PassageLinks ids=r.passages.clone() />
                        {r.note.clone().map(|n| view! { <span class="note">" Note: " {n}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
