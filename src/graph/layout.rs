//! Where to draw each person of the relations graph: a force-directed layout
//! (Fruchterman–Reingold: related people attract, everyone repels) from a fixed start, so the
//! same graph is always drawn the same way; then each label goes to the side of its node
//! where it covers no other label or node, and people whose labels still collide are pushed
//! apart until none do.

use super::Graph;

/// Label font size in px (the graph is never scaled below 1:1, so this is what students see).
pub const FONT_PX: f64 = 13.0;
/// A generous average character width for the label font.
const CHAR_PX: f64 = FONT_PX * 0.62;
/// Node radius.
pub const NODE_PX: f64 = 8.0;
/// Space kept free around the drawing.
const MARGIN: f64 = 12.0;

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn inside(&self, width: f64, height: f64) -> bool {
        self.left >= 0.0 && self.top >= 0.0 && self.right <= width && self.bottom <= height
    }

    fn center(&self) -> (f64, f64) {
        (
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        )
    }
}

/// Which side of its node a label sits on (the SVG `text-anchor` follows from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

impl Side {
    const EVERY: [Side; 4] = [Side::Right, Side::Left, Side::Above, Side::Below];

    pub fn anchor(self) -> &'static str {
        match self {
            Side::Right => "start",
            Side::Left => "end",
            Side::Above | Side::Below => "middle",
        }
    }
}

/// A placed label: where its text starts (SVG `x`, `y` with [`Side::anchor`]) and its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub side: Side,
    pub rect: Rect,
}

/// Positions for every node of a graph, and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub points: Vec<(f64, f64)>,
    pub labels: Vec<Label>,
}

fn node_rect((x, y): (f64, f64)) -> Rect {
    Rect {
        left: x - NODE_PX - 2.0,
        top: y - NODE_PX - 2.0,
        right: x + NODE_PX + 2.0,
        bottom: y + NODE_PX + 2.0,
    }
}

fn label_at((x, y): (f64, f64), text: &str, side: Side) -> Label {
    let width = text.chars().count() as f64 * CHAR_PX;
    let gap = NODE_PX + 4.0;
    let (tx, ty) = match side {
        Side::Right => (x + gap, y + FONT_PX * 0.35),
        Side::Left => (x - gap, y + FONT_PX * 0.35),
        Side::Above => (x, y - gap),
        Side::Below => (x, y + gap + FONT_PX * 0.8),
    };
    let left = match side {
        Side::Right => tx,
        Side::Left => tx - width,
        Side::Above | Side::Below => tx - width / 2.0,
    };
    Label {
        x: tx,
        y: ty,
        side,
        rect: Rect {
            left,
            top: ty - FONT_PX * 0.85,
            right: left + width,
            bottom: ty + FONT_PX * 0.3,
        },
    }
}

/// How many labels overlap another label or a node, or leave the drawing.
pub fn collisions(layout: &Layout) -> usize {
    let nodes: Vec<Rect> = layout.points.iter().map(|p| node_rect(*p)).collect();
    (0..layout.labels.len())
        .filter(|&i| {
            let rect = layout.labels[i].rect;
            !rect.inside(layout.width, layout.height)
                || layout
                    .labels
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && rect.overlaps(&other.rect))
                || nodes
                    .iter()
                    .enumerate()
                    .any(|(j, node)| j != i && rect.overlaps(node))
        })
        .count()
}

/// Places each label on the first side where it collides with nothing placed so far (or
/// where it collides least).
fn place_labels(points: &[(f64, f64)], texts: &[&str], width: f64, height: f64) -> Vec<Label> {
    let nodes: Vec<Rect> = points.iter().map(|p| node_rect(*p)).collect();
    let mut placed: Vec<Label> = Vec::with_capacity(points.len());
    for (i, (point, text)) in points.iter().zip(texts).enumerate() {
        let cost = |label: &Label| {
            let outside = usize::from(!label.rect.inside(width, height)) * 10;
            let on_labels = placed
                .iter()
                .filter(|l| l.rect.overlaps(&label.rect))
                .count();
            let on_nodes = nodes
                .iter()
                .enumerate()
                .filter(|(j, n)| *j != i && n.overlaps(&label.rect))
                .count();
            outside + on_labels * 2 + on_nodes
        };
        let best = Side::EVERY
            .iter()
            .map(|side| label_at(*point, text, *side))
            .min_by_key(|label| cost(label))
            .unwrap_or_else(|| label_at(*point, text, Side::Right));
        placed.push(best);
    }
    placed
}

/// Lays out `graph` in a `width` × `height` drawing.
pub fn layout(graph: &Graph, width: f64, height: f64) -> Layout {
    let n = graph.nodes.len();
    let texts: Vec<&str> = graph.nodes.iter().map(|node| node.label.as_str()).collect();
    let (cx, cy) = (width / 2.0, height / 2.0);
    // A fixed start: a circle in the order of first appearance.
    let mut points: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = i as f64 / n.max(1) as f64 * std::f64::consts::TAU;
            (
                cx + width * 0.35 * angle.cos(),
                cy + height * 0.35 * angle.sin(),
            )
        })
        .collect();
    let area = (width - 2.0 * MARGIN) * (height - 2.0 * MARGIN);
    let k = (area / n.max(1) as f64).sqrt() * 0.9;
    let iterations = 300;
    for step in 0..iterations {
        let temperature = width * 0.1 * (1.0 - step as f64 / iterations as f64) + 0.5;
        let mut shift = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (points[i].0 - points[j].0, points[i].1 - points[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let force = k * k / d;
                let (fx, fy) = (dx / d * force, dy / d * force);
                shift[i].0 += fx;
                shift[i].1 += fy;
                shift[j].0 -= fx;
                shift[j].1 -= fy;
            }
        }
        for edge in &graph.edges {
            let (i, j) = (edge.from, edge.to);
            if i == j {
                continue;
            }
            let (dx, dy) = (points[i].0 - points[j].0, points[i].1 - points[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let force = d * d / k;
            let (fx, fy) = (dx / d * force, dy / d * force);
            shift[i].0 -= fx;
            shift[i].1 -= fy;
            shift[j].0 += fx;
            shift[j].1 += fy;
        }
        for (point, (sx, sy)) in points.iter_mut().zip(&shift) {
            // A little gravity keeps separate groups from drifting to the edges.
            let (gx, gy) = (
                (cx - point.0) * 0.02 * k / 10.0,
                (cy - point.1) * 0.02 * k / 10.0,
            );
            let (sx, sy) = (sx + gx, sy + gy);
            let length = (sx * sx + sy * sy).sqrt().max(0.01);
            let moved = length.min(temperature);
            point.0 = (point.0 + sx / length * moved).clamp(MARGIN, width - MARGIN);
            point.1 = (point.1 + sy / length * moved).clamp(MARGIN, height - MARGIN);
        }
    }
    // Labels: place, then push apart the people whose labels still collide.
    let bounds = |(x, y): (f64, f64), text: &str| {
        let half = text.chars().count() as f64 * CHAR_PX / 2.0 + NODE_PX;
        (
            x.clamp(
                MARGIN + half.min(width / 4.0),
                width - MARGIN - half.min(width / 4.0),
            ),
            y.clamp(MARGIN + FONT_PX * 2.0, height - MARGIN - FONT_PX * 2.0),
        )
    };
    for (point, text) in points.iter_mut().zip(&texts) {
        *point = bounds(*point, text);
    }
    let mut labels = place_labels(&points, &texts, width, height);
    for _ in 0..400 {
        let mut moved = false;
        let nodes: Vec<Rect> = points.iter().map(|p| node_rect(*p)).collect();
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let hit = labels[i].rect.overlaps(&labels[j].rect)
                    || labels[i].rect.overlaps(&nodes[j])
                    || nodes[i].overlaps(&nodes[j]);
                if !hit {
                    continue;
                }
                let (ax, ay) = labels[i].rect.center();
                let ((ax, ay), (bx, by)) = if labels[i].rect.overlaps(&labels[j].rect) {
                    ((ax, ay), labels[j].rect.center())
                } else if labels[i].rect.overlaps(&nodes[j]) {
                    ((ax, ay), nodes[j].center())
                } else {
                    (nodes[i].center(), nodes[j].center())
                };
                let (dx, dy) = (ax - bx, ay - by);
                // Mostly vertical pushes: labels are wide and short.
                let (dx, dy) = if dx.abs() < 1e-6 && dy.abs() < 1e-6 {
                    (0.0, if i < j { -1.0 } else { 1.0 })
                } else {
                    (dx * 0.3, dy)
                };
                let length = (dx * dx + dy * dy).sqrt();
                let step = 3.0;
                points[i] = bounds(
                    (
                        points[i].0 + dx / length * step,
                        points[i].1 + dy / length * step,
                    ),
                    texts[i],
                );
                points[j] = bounds(
                    (
                        points[j].0 - dx / length * step,
                        points[j].1 - dy / length * step,
                    ),
                    texts[j],
                );
                moved = true;
            }
        }
        labels = place_labels(&points, &texts, width, height);
        if !moved {
            break;
        }
    }
    Layout {
        width,
        height,
        points,
        labels,
    }
}

/// A drawing size that gives `nodes` people room: wide, and taller as the graph grows.
pub fn size_for(nodes: usize) -> (f64, f64) {
    let height = (nodes as f64 * 16.0).clamp(480.0, 900.0);
    (760.0, height)
}
