//! The relations graph as data, apart from drawing it: who is in it, its edges grouped into
//! a few families a legend can explain, each person's neighbours (for highlighting), and a
//! layout that keeps labels apart ([`layout`]). Pure and host-tested.

pub mod family;
pub mod layout;

use std::collections::BTreeSet;

use crate::content::{Corpus, Relation};

pub use family::Family;

/// A person in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    /// The name as shown on the graph (the surname, or the whole name where two people share
    /// a surname).
    pub label: String,
    /// The full name, for tooltips and screen readers.
    pub name: String,
}

/// A relation drawn as an arrow from `from` to `to` (indices into [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub relation: usize,
    pub family: Family,
    /// "Nikolai Yezhov replaced Genrikh Yagoda": names, never ids.
    pub sentence: String,
}

/// The people and relations to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    /// The graph of the relations `keep` accepts (their index in `corpus.relations` and the
    /// relation), with only the people they involve.
    pub fn of(corpus: &Corpus, keep: impl Fn(usize, &Relation) -> bool) -> Self {
        let name = |id: &str| {
            corpus
                .person(id)
                .map_or_else(|| id.replace('_', " "), |p| p.name.clone())
        };
        let mut ids: Vec<&str> = Vec::new();
        let kept: Vec<(usize, &Relation)> = corpus
            .relations
            .iter()
            .enumerate()
            .filter(|(i, r)| keep(*i, r))
            .collect();
        for (_, r) in &kept {
            for id in [r.subject.as_str(), r.object.as_str()] {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let names: Vec<String> = ids.iter().map(|id| name(id)).collect();
        let surname = |n: &str| n.rsplit(' ').next().unwrap_or(n).to_string();
        let nodes = ids
            .iter()
            .zip(&names)
            .map(|(id, full)| {
                let short = surname(full);
                let shared = names.iter().filter(|n| surname(n) == short).count() > 1;
                Node {
                    id: id.to_string(),
                    label: if shared { full.clone() } else { short },
                    name: full.clone(),
                }
            })
            .collect();
        let index = |id: &str| ids.iter().position(|x| *x == id).unwrap_or(0);
        let edges = kept
            .iter()
            .map(|(i, r)| Edge {
                from: index(&r.subject),
                to: index(&r.object),
                relation: *i,
                family: Family::of(r.kind),
                sentence: format!("{} {} {}", name(&r.subject), r.kind.verb(), name(&r.object)),
            })
            .collect();
        Graph { nodes, edges }
    }

    /// The people directly related to `node`, and `node` itself.
    pub fn neighbourhood(&self, node: usize) -> BTreeSet<usize> {
        let mut around: BTreeSet<usize> = self
            .edges
            .iter()
            .filter(|e| e.from == node || e.to == node)
            .flat_map(|e| [e.from, e.to])
            .collect();
        around.insert(node);
        around
    }

    /// The families the graph's edges fall into, in legend order.
    pub fn families(&self) -> Vec<Family> {
        let present: BTreeSet<Family> = self.edges.iter().map(|e| e.family).collect();
        present.into_iter().collect()
    }
}
