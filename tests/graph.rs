//! The relations graph over the real data: people named, never ids; filters keep only the
//! people their relations involve; the layout is deterministic, spreads people out, and no
//! label covers another label or a node or leaves the drawing, for the whole graph and each
//! family of relations.

use std::collections::BTreeSet;

use nkvd_study::content::{Relation, corpus};
use nkvd_study::graph::layout::{Layout, NODE_PX, collisions, layout, size_for};
use nkvd_study::graph::{Family, Graph};

fn laid_out(keep: impl Fn(&Relation) -> bool) -> Layout {
    let graph = Graph::of(corpus(), |_, r| keep(r));
    let (width, height) = size_for(graph.nodes.len());
    layout(&graph, width, height)
}

#[test]
fn the_whole_graph_names_people_not_ids() {
    let graph = Graph::of(corpus(), |_, _| true);
    assert_eq!(graph.edges.len(), corpus().relations.len());
    for edge in &graph.edges {
        assert!(!edge.sentence.contains('_'), "{}", edge.sentence);
        assert!(edge.sentence.starts_with(&graph.nodes[edge.from].name));
        assert!(edge.sentence.ends_with(&graph.nodes[edge.to].name));
    }
    let labels: BTreeSet<&str> = graph.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        labels.len(),
        graph.nodes.len(),
        "no two people share a label"
    );
    let yezhov = graph.nodes.iter().position(|n| n.id == "yezhov").unwrap();
    let around = graph.neighbourhood(yezhov);
    assert!(around.len() > 2);
    assert!(around.contains(&yezhov));
}

#[test]
fn a_filter_keeps_only_the_people_its_relations_involve() {
    let graph = Graph::of(corpus(), |_, r| Family::of(r.kind) == Family::Violence);
    assert!(!graph.edges.is_empty());
    assert!(graph.edges.iter().all(|e| e.family == Family::Violence));
    for (i, _) in graph.nodes.iter().enumerate() {
        assert!(graph.edges.iter().any(|e| e.from == i || e.to == i));
    }
    assert_eq!(graph.families(), [Family::Violence]);
}

#[test]
fn no_label_covers_another_or_a_node_or_leaves_the_drawing() {
    assert_eq!(collisions(&laid_out(|_| true)), 0, "the whole graph");
    for family in Family::EVERY {
        let part = laid_out(|r| Family::of(r.kind) == family);
        assert_eq!(collisions(&part), 0, "{family:?}");
    }
}

#[test]
fn the_same_graph_is_always_drawn_the_same_way() {
    assert_eq!(laid_out(|_| true), laid_out(|_| true));
}

#[test]
fn people_are_spread_out_not_piled_up() {
    let whole = laid_out(|_| true);
    for (i, a) in whole.points.iter().enumerate() {
        for b in &whole.points[i + 1..] {
            let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            assert!(d > 2.0 * NODE_PX, "{a:?} {b:?}");
        }
    }
}
