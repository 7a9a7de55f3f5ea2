//! The relations view: who appointed, replaced, accused or killed whom, as an SVG graph laid
//! out by `graph::layout` (labels kept apart), with a legend of line patterns, a filter by
//! family, zoom, and the relations of a hovered or focused person highlighted and labelled;
//! the same relations as a list below.

use leptos::prelude::*;

use crate::content::corpus;
use crate::graph::layout::{self, Layout};
use crate::graph::{Family, Graph};
use crate::route::Route;

use super::common::{Attribution, PassageLinks, PersonLink};

/// Zoom steps: never below 1:1, so labels stay at their full size (the drawing scrolls).
const ZOOMS: [f64; 4] = [1.0, 1.25, 1.5, 2.0];

/// A short line in a family's pattern, for the legend.
#[component]
fn Swatch(family: Family) -> impl IntoView {
    view! {
        <svg class="swatch" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
            <line x1="1" y1="6" x2="35" y2="6" class=format!("edge family-{}", family.key()) stroke-dasharray=family.dashes() />
        </svg>
    }
}

#[component]
pub fn Relations() -> impl IntoView {
    super::set_title("Relations");
    let corpus = corpus();
    let family_filter = RwSignal::new(None::<Family>);
    let highlight = RwSignal::new(None::<usize>);
    // On a touch screen there is no hover: the first tap on a person shows their relations,
    // a second tap opens their page.
    let touched = RwSignal::new(false);
    let zoom = RwSignal::new(0usize);

    let drawn = Memo::new(move |_| {
        let family = family_filter.get();
        let graph = Graph::of(corpus, |_, r| {
            family.is_none_or(|f| Family::of(r.kind) == f)
        });
        let (width, height) = layout::size_for(graph.nodes.len());
        let laid_out = layout::layout(&graph, width, height);
        (graph, laid_out)
    });
    let near = move |node: usize| {
        drawn.with(|(graph, _)| match highlight.get() {
            Some(h) => graph.neighbourhood(h).contains(&node),
            None => true,
        })
    };

    let edges = move || {
        drawn.with(|(graph, Layout { points, .. })| {
            graph
                .edges
                .iter()
                .map(|edge| {
                    let (x1, y1) = points[edge.from];
                    let (x2, y2) = points[edge.to];
                    // Stop the line short of the target node so the arrow shows.
                    let (dx, dy) = (x2 - x1, y2 - y1);
                    let len = (dx * dx + dy * dy).sqrt().max(1.0);
                    let stop = layout::NODE_PX + 4.0;
                    let (ex, ey) = (x2 - dx / len * stop, y2 - dy / len * stop);
                    let (from, to) = (edge.from, edge.to);
                    let lit = move || highlight.get().is_some_and(|h| h == from || h == to);
                    let dim = move || highlight.get().is_some() && !lit();
                    let verb = corpus.relations[edge.relation].kind.verb();
                    let key = edge.family.key();
                    view! {
                        <g class="edge-group" class:lit=lit class:dim=dim>
                            <line
                                x1=x1 y1=y1 x2=ex y2=ey
                                class=format!("edge family-{key}")
                                stroke-dasharray=edge.family.dashes()
                                marker-end=format!("url(#arrow-{key})")
                            >
                                <title>{edge.sentence.clone()}</title>
                            </line>
                            <Show when=lit>
                                {move || {
                                    // Nearer the other person than the highlighted one, so that
                                    // the labels of a busy person's relations fan out.
                                    let (x, y) = if highlight.get() == Some(from) {
                                        (x1 + dx * 0.6, y1 + dy * 0.6)
                                    } else {
                                        (x1 + dx * 0.4, y1 + dy * 0.4)
                                    };
                                    view! { <text class="edge-label" x=x y=y - 4.0 text-anchor="middle">{verb}</text> }
                                }}
                            </Show>
                        </g>
                    }
                })
                .collect_view()
        })
    };

    let nodes = move || {
        drawn.with(|(graph, Layout { points, labels, .. })| {
            graph
                .nodes
                .iter()
                .enumerate()
                .map(|(i, node)| {
                    let (x, y) = points[i];
                    let label = labels[i];
                    let count = graph.edges.iter().filter(|e| e.from == i || e.to == i).count();
                    let href = Route::Person { id: node.id.clone() }.href();
                    let href_key = href.clone();
                    let go = move |href: &str| {
                        let _ = window().location().set_hash(href);
                    };
                    let aria = format!(
                        "{}: {count} {} shown; open their page",
                        node.name,
                        if count == 1 { "relation" } else { "relations" }
                    );
                    view! {
                        <g
                            class="node"
                            class:dim=move || !near(i)
                            class:lit=move || highlight.get() == Some(i)
                            tabindex="0"
                            role="link"
                            aria-label=aria
                            on:pointerdown=move |ev| touched.set(ev.pointer_type() == "touch")
                            on:click=move |_| {
                                if touched.get_untracked() && highlight.get_untracked() != Some(i) {
                                    highlight.set(Some(i));
                                } else {
                                    go(&href);
                                }
                            }
                            on:keydown=move |ev| {
                                touched.set(false);
                                if ev.key() == "Enter" {
                                    go(&href_key);
                                }
                            }
                            on:mouseenter=move |_| {
                                // A tap also sends a mouse enter: the tap decides.
                                if !touched.get_untracked() {
                                    highlight.set(Some(i));
                                }
                            }
                            on:mouseleave=move |_| {
                                if !touched.get_untracked() {
                                    highlight.set(None);
                                }
                            }
                            on:focus=move |_| {
                                // A tap also focuses: the tap decides.
                                if !touched.get_untracked() {
                                    highlight.set(Some(i));
                                }
                            }
                            on:blur=move |_| highlight.set(None)
                        >
                            <title>{node.name.clone()}</title>
                            <circle cx=x cy=y r=layout::NODE_PX />
                            <text x=label.x y=label.y text-anchor=label.side.anchor()>{node.label.clone()}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };

    let shown = move || {
        let family = family_filter.get();
        corpus
            .relations
            .iter()
            .filter(move |r| family.is_none_or(|f| Family::of(r.kind) == f))
    };

    view! {
        <section class="relations">
            <h1 tabindex="-1">"Relations"</h1>
            <p class="muted">
                "Who appointed, replaced, accused or killed whom, as the document tells it. Point at, "
                "Tab to or tap a person to see their relations; click, press Enter or tap again to "
                "open their page."
            </p>
            <div class="filters no-print">
                <label>
                    "Show"
                    <select
                        prop:value=move || family_filter.get().map_or("", Family::key)
                        on:change=move |ev| {
                            highlight.set(None);
                            family_filter.set(Family::from_key(&event_target_value(&ev)));
                        }
                    >
                        <option value="">"Every relation"</option>
                        {Family::EVERY.into_iter().map(|f| view! { <option value=f.key()>{f.label()}</option> }).collect_view()}
                    </select>
                </label>
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" on:click=move |_| zoom.update(|z| *z = z.saturating_sub(1)) disabled=move || zoom.get() == 0>"Zoom out"</button>
                    <button type="button" on:click=move |_| zoom.update(|z| *z = (*z + 1).min(ZOOMS.len() - 1)) disabled=move || zoom.get() + 1 == ZOOMS.len()>"Zoom in"</button>
                </div>
            </div>
            <ul class="legend" aria-label="What the lines mean">
                {move || drawn.with(|(graph, _)| graph.families()).into_iter().map(|family| view! {
                    <li><Swatch family=family />" " {family.label()}</li>
                }).collect_view()}
            </ul>
            <figure class="graph">
                <div class="graph-scroll">
                    {move || {
                        let (width, height) = drawn.with(|(_, l)| (l.width, l.height));
                        let scale = ZOOMS[zoom.get()];
                        view! {
                            <svg
                                viewBox=format!("0 0 {width} {height}")
                                width=width * scale
                                height=height * scale
                                role="group"
                                aria-label="Relations between people: each person is a link to their page"
                            >
                                <defs>
                                    {Family::EVERY.into_iter().map(|f| view! {
                                        <marker id=format!("arrow-{}", f.key()) viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                            <path d="M 0 0 L 10 5 L 0 10 z" class=format!("arrowhead family-{}", f.key()) />
                                        </marker>
                                    }).collect_view()}
                                </defs>
                                <g class="edges">{edges}</g>
                                <g class="nodes">{nodes}</g>
                            </svg>
                        }
                    }}
                </div>
                <figcaption class="muted">"Arrows point from the one who acted to the one acted on. The list below says the same in words."</figcaption>
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
