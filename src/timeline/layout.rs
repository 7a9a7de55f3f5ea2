//! Where everything on the timeline is drawn, in CSS pixels (the drawing is never scaled):
//! era bands, ticks, and each event's mark with its title in a lane where the title fits
//! without touching another; events whose title finds no room are left for the list beside
//! the axis. A horizontal axis on wide screens, a vertical one on phones.

use super::extent::Extent;
use super::label::{self, FONT_PX};
use super::ticks::ticks;
use super::window::Window;

/// Screens this wide or narrower get a vertical axis.
pub const PHONE_MAX_WIDTH: f64 = 600.0;
/// A lane's height: a line of text above its mark, and a tap target of at least 24 px.
pub const ROW: f64 = 32.0;
/// Space kept between two labels in a lane.
pub const GAP: f64 = 10.0;
const MARGIN: f64 = 8.0;
/// Labels keep this far from the drawing's edges.
const EDGE: f64 = 2.0;
/// Lanes above a horizontal axis.
const LANES: usize = 7;
/// Height of the era names' row above the lanes.
const ERA_ROW: f64 = 24.0;
/// A vertical axis' x, with the tick labels to its left.
const AXIS_X: f64 = 84.0;
/// How far a label may sit above or below its date on a vertical axis (a leader line joins
/// them); further, and it would read as another date.
const MAX_SHIFT: f64 = ROW;
/// The longest title drawn on a horizontal axis.
const MAX_LABEL_PX: f64 = 230.0;
/// Labels shorter than this are not worth drawing: the event goes to the list instead.
const MIN_LABEL_CHARS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Horizontal,
    Vertical,
}

/// The room the timeline has: its width, and on a vertical axis its length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub orientation: Orientation,
    /// The vertical axis' length (ignored for a horizontal one).
    pub length: f64,
}

impl Frame {
    /// A vertical axis at phone widths, a horizontal one above.
    pub fn for_screen(width: f64, height: f64) -> Self {
        let width = width.max(240.0);
        let orientation = if width <= PHONE_MAX_WIDTH {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        };
        Self {
            width,
            orientation,
            length: (height * 1.25).clamp(560.0, 1400.0),
        }
    }
}

/// An event to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub extent: Extent,
}

/// An era to draw as a band.
#[derive(Debug, Clone, PartialEq)]
pub struct Era<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub start: f64,
    pub end: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// Whether it lies within `0..width` × `0..height`.
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= -1e-9
            && self.y >= -1e-9
            && self.right() <= width + 1e-9
            && self.bottom() <= height + 1e-9
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// Text to draw, and the box the layout reserved for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub text: String,
    pub x: f64,
    /// Baseline.
    pub y: f64,
    pub reserved: Rect,
    /// `end` for right-aligned, `middle` for centred, `start` otherwise.
    pub anchor: &'static str,
}

/// An event's mark: a dot for a day, a bar for a span.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mark {
    pub rect: Rect,
    pub point: bool,
    /// For a "by" date: the stretch before it, drawn dashed.
    pub lead_in: Option<Line>,
}

/// An event drawn with its title.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    pub id: String,
    pub mark: Mark,
    pub label: Text,
    /// The whole target a click or tap picks (at least 24 px high).
    pub hit: Rect,
    /// Joins the label to its date on a vertical axis (on a horizontal one the label starts
    /// at its date).
    pub leader: Option<Line>,
    /// The event's stretch marked on a horizontal axis itself.
    pub axis_mark: Option<Rect>,
}

/// An event inside the window whose title found no room: a mark on the axis only.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub id: String,
    pub mark: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub index: usize,
    pub rect: Rect,
    pub label: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTick {
    pub line: Line,
    pub label: Text,
}

/// The whole drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    pub axis: Line,
    pub bands: Vec<Band>,
    pub ticks: Vec<PlacedTick>,
    pub placed: Vec<Placed>,
    pub unplaced: Vec<Unplaced>,
}

impl Layout {
    /// Every label the drawing holds: events', eras' and ticks'.
    pub fn labels(&self) -> impl Iterator<Item = &Text> {
        self.placed
            .iter()
            .map(|p| &p.label)
            .chain(self.bands.iter().filter_map(|b| b.label.as_ref()))
            .chain(self.ticks.iter().map(|t| &t.label))
    }

    pub fn placed(&self, id: &str) -> Option<&Placed> {
        self.placed.iter().find(|p| p.id == id)
    }
}

/// Lanes of reserved stretches along the axis.
struct Lanes(Vec<Vec<(f64, f64)>>);

impl Lanes {
    fn new(count: usize) -> Self {
        Self(vec![Vec::new(); count])
    }
    fn free(&self, lane: usize, from: f64, to: f64) -> bool {
        self.0[lane]
            .iter()
            .all(|&(a, b)| to + GAP / 2.0 <= a || from >= b + GAP / 2.0)
    }
    fn take(&mut self, lane: usize, from: f64, to: f64) {
        self.0[lane].push((from, to));
    }
    /// The free start nearest `wanted`, at most `max_shift` above or below it.
    fn nearest_free(
        &self,
        lane: usize,
        wanted: f64,
        length: f64,
        max_shift: f64,
        limit: f64,
    ) -> Option<f64> {
        let below = self.first_free(lane, wanted, length, max_shift, limit);
        let from = (wanted - max_shift).max(0.0);
        let above = self
            .first_free(lane, from, length, wanted - from, limit)
            .filter(|&at| at < wanted);
        match (above, below) {
            (Some(a), Some(b)) => Some(if wanted - a < b - wanted { a } else { b }),
            (a, b) => b.or(a),
        }
    }

    /// The first start at or after `from` (within `max_shift`, ending by `limit`) where
    /// `length` is free in the lane.
    fn first_free(
        &self,
        lane: usize,
        from: f64,
        length: f64,
        max_shift: f64,
        limit: f64,
    ) -> Option<f64> {
        let mut at = from;
        loop {
            if at - from > max_shift + 1e-9 || at + length > limit + 1e-9 {
                return None;
            }
            match self.0[lane]
                .iter()
                .filter(|&&(a, b)| !(at + length + GAP / 2.0 <= a || at >= b + GAP / 2.0))
                .map(|&(_, b)| b)
                .fold(None, |m: Option<f64>, b| Some(m.map_or(b, |m| m.max(b))))
            {
                None => return Some(at),
                Some(end) => at = end + GAP / 2.0,
            }
        }
    }
}

/// Lays out `entries` (in timeline order) and `eras` in `window` on `frame`. The selected
/// event is placed first, so its title is drawn whenever it fits at all.
pub fn layout(
    frame: Frame,
    window: Window,
    entries: &[Entry],
    eras: &[Era],
    selected: Option<&str>,
) -> Layout {
    let mut order: Vec<&Entry> = entries.iter().collect();
    if let Some(at) = order.iter().position(|e| Some(e.id) == selected) {
        let first = order.remove(at);
        order.insert(0, first);
    }
    let mut drawn = match frame.orientation {
        Orientation::Horizontal => horizontal(frame, window, &order, eras),
        Orientation::Vertical => vertical(frame, window, &order, eras),
    };
    // Back in timeline order, so that Tab goes through the events by date.
    let rank = |id: &str| entries.iter().position(|e| e.id == id);
    drawn.placed.sort_by_key(|p| rank(&p.id));
    drawn.unplaced.sort_by_key(|p| rank(&p.id));
    drawn
}

fn horizontal(frame: Frame, window: Window, entries: &[&Entry], eras: &[Era]) -> Layout {
    let width = frame.width.max(240.0);
    let axis_y = ERA_ROW + 4.0 + LANES as f64 * ROW + 10.0;
    let height = axis_y + 30.0;
    let span = width - 2.0 * MARGIN;
    let x = |t: f64| MARGIN + (t - window.start) / window.width() * span;
    let clamp_x = |v: f64| v.clamp(0.0, width);

    // Era bands, named in the row above the lanes; a name never runs into the next.
    let mut bands = Vec::new();
    let mut names_end = 0.0_f64;
    for (index, era) in eras.iter().enumerate() {
        if era.end <= window.start || era.start >= window.end {
            continue;
        }
        let (x0, x1) = (clamp_x(x(era.start)), clamp_x(x(era.end)));
        let rect = Rect {
            x: x0,
            y: 0.0,
            width: x1 - x0,
            height: axis_y,
        };
        let next_start = eras
            .get(index + 1)
            .map_or(width, |n| clamp_x(x(n.start)).max(x0));
        let text_x = (x0 + 6.0).max(names_end + GAP);
        let fitted = label::fit(era.name, label::chars_in(next_start.min(x1) - text_x - 6.0));
        let label = (fitted.chars().count() >= MIN_LABEL_CHARS).then(|| {
            let w = label::width(&fitted);
            names_end = text_x + w;
            Text {
                reserved: Rect {
                    x: text_x,
                    y: 4.0,
                    width: w,
                    height: ERA_ROW - 6.0,
                },
                text: fitted,
                x: text_x,
                y: 4.0 + FONT_PX + 1.0,
                anchor: "start",
            }
        });
        bands.push(Band {
            id: era.id.to_string(),
            index,
            rect,
            label,
        });
    }

    let tick_list = ticks(window, span / window.width(), label::width);
    let ticks: Vec<PlacedTick> = tick_list
        .into_iter()
        .filter_map(|t| {
            let tx = x(t.at);
            let w = label::width(&t.label);
            let left = tx - w / 2.0;
            (left >= 0.0 && left + w <= width).then_some(PlacedTick {
                line: Line {
                    x1: tx,
                    y1: axis_y,
                    x2: tx,
                    y2: axis_y + 6.0,
                },
                label: Text {
                    reserved: Rect {
                        x: left,
                        y: axis_y + 8.0,
                        width: w,
                        height: FONT_PX + 4.0,
                    },
                    text: t.label,
                    x: tx,
                    y: axis_y + 8.0 + FONT_PX + 1.0,
                    anchor: "middle",
                },
            })
        })
        .collect();

    let mut lanes = Lanes::new(LANES);
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for entry in entries {
        let e = &entry.extent;
        if !e.overlaps(window.start, window.end) {
            continue;
        }
        let (x0, x1) = (x(e.start), x(e.end));
        let bar = if e.is_point() {
            let cx = x0.clamp(6.0, width - 6.0);
            Rect {
                x: cx - 6.0,
                y: 0.0,
                width: 12.0,
                height: 12.0,
            }
        } else {
            let (a, b) = (clamp_x(x0), clamp_x(x1));
            let w = (b - a).max(4.0);
            let a = a.min(width - w);
            Rect {
                x: a,
                y: 0.0,
                width: w,
                height: 8.0,
            }
        };
        let room = (width - 2.0 * MARGIN).min(MAX_LABEL_PX);
        let text = label::fit(entry.title, label::chars_in(room));
        let axis_mark = Rect {
            x: bar.x,
            y: axis_y - 4.0,
            width: bar.width.max(3.0),
            height: 8.0,
        };
        if text.chars().count() < MIN_LABEL_CHARS {
            unplaced.push(Unplaced {
                id: entry.id.to_string(),
                mark: axis_mark,
            });
            continue;
        }
        let text_w = label::width(&text);
        let mut left = bar.x.max(EDGE);
        let mut right = (left + text_w).max(bar.right());
        if right > width - EDGE {
            let by = right - (width - EDGE);
            left -= by;
            right -= by;
        }
        left = left.max(EDGE);
        let lane = (0..LANES).find(|&l| lanes.free(l, left, right));
        let Some(lane) = lane else {
            unplaced.push(Unplaced {
                id: entry.id.to_string(),
                mark: axis_mark,
            });
            continue;
        };
        lanes.take(lane, left, right);
        let top = axis_y - 10.0 - (lane as f64 + 1.0) * ROW;
        let text_x = left.max(0.0);
        let mark_y = top + FONT_PX + 8.0;
        let mark = Rect {
            y: if e.is_point() { mark_y - 2.0 } else { mark_y },
            ..bar
        };
        let lead_in = e.open_start.then(|| Line {
            x1: (mark.x - 24.0).max(0.0),
            y1: mark.y + mark.height / 2.0,
            x2: mark.x,
            y2: mark.y + mark.height / 2.0,
        });
        placed.push(Placed {
            id: entry.id.to_string(),
            label: Text {
                reserved: Rect {
                    x: text_x,
                    y: top,
                    width: text_w,
                    height: FONT_PX + 4.0,
                },
                text,
                x: text_x,
                y: top + FONT_PX,
                anchor: "start",
            },
            hit: Rect {
                x: left,
                y: top,
                width: right - left,
                height: ROW - 4.0,
            },
            leader: None,
            axis_mark: Some(axis_mark),
            mark: Mark {
                rect: mark,
                point: e.is_point(),
                lead_in,
            },
        });
    }

    Layout {
        width,
        height,
        orientation: Orientation::Horizontal,
        axis: Line {
            x1: 0.0,
            y1: axis_y,
            x2: width,
            y2: axis_y,
        },
        bands,
        ticks,
        placed,
        unplaced,
    }
}

fn vertical(frame: Frame, window: Window, entries: &[&Entry], eras: &[Era]) -> Layout {
    let width = frame.width.max(240.0);
    let height = frame.length.max(240.0);
    let span = height - 2.0 * MARGIN;
    let y = |t: f64| MARGIN + (t - window.start) / window.width() * span;
    let clamp_y = |v: f64| v.clamp(0.0, height);
    let label_x = AXIS_X + 18.0;
    let room = width - label_x - MARGIN;
    let mut lanes = Lanes::new(1);

    // Era bands across the width, each named at its top (or at the top of the drawing when
    // it began earlier); event labels make way for the names.
    let mut bands = Vec::new();
    for (index, era) in eras.iter().enumerate() {
        if era.end <= window.start || era.start >= window.end {
            continue;
        }
        let (y0, y1) = (clamp_y(y(era.start)), clamp_y(y(era.end)));
        let rect = Rect {
            x: AXIS_X - 10.0,
            y: y0,
            width: width - (AXIS_X - 10.0),
            height: y1 - y0,
        };
        let fitted = label::fit(era.name, label::chars_in(room));
        let top = lanes.first_free(0, y0, ROW - 8.0, ROW, height);
        let label = match top {
            Some(top) if fitted.chars().count() >= MIN_LABEL_CHARS => {
                lanes.take(0, top, top + ROW - 8.0);
                let w = label::width(&fitted);
                Some(Text {
                    reserved: Rect {
                        x: label_x,
                        y: top,
                        width: w,
                        height: ROW - 8.0,
                    },
                    text: fitted,
                    x: label_x,
                    y: top + FONT_PX + 4.0,
                    anchor: "start",
                })
            }
            _ => None,
        };
        bands.push(Band {
            id: era.id.to_string(),
            index,
            rect,
            label,
        });
    }

    let ticks: Vec<PlacedTick> = ticks(window, span / window.width(), |_| FONT_PX + 8.0)
        .into_iter()
        .filter_map(|t| {
            let ty = y(t.at);
            let w = label::width(&t.label);
            let top = ty - FONT_PX / 2.0 - 2.0;
            let left = AXIS_X - 10.0 - w;
            (top >= 0.0 && top + FONT_PX + 4.0 <= height && left >= 0.0).then_some(PlacedTick {
                line: Line {
                    x1: AXIS_X - 6.0,
                    y1: ty,
                    x2: AXIS_X,
                    y2: ty,
                },
                label: Text {
                    reserved: Rect {
                        x: left,
                        y: top,
                        width: w,
                        height: FONT_PX + 4.0,
                    },
                    text: t.label,
                    x: AXIS_X - 10.0,
                    y: ty + FONT_PX / 2.0 - 1.0,
                    anchor: "end",
                },
            })
        })
        .collect();

    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for entry in entries {
        let e = &entry.extent;
        if !e.overlaps(window.start, window.end) {
            continue;
        }
        let (y0, y1) = (y(e.start), y(e.end));
        let mark = if e.is_point() {
            let cy = y0.clamp(6.0, height - 6.0);
            Rect {
                x: AXIS_X - 6.0,
                y: cy - 6.0,
                width: 12.0,
                height: 12.0,
            }
        } else {
            let (a, b) = (clamp_y(y0), clamp_y(y1));
            let h = (b - a).max(4.0);
            Rect {
                x: AXIS_X - 4.0,
                y: a.min(height - h),
                width: 8.0,
                height: h,
            }
        };
        let text = label::fit(entry.title, label::chars_in(room));
        let anchor_y = if e.is_point() {
            mark.y + mark.height / 2.0
        } else {
            mark.y + 2.0
        };
        let wanted = (anchor_y - ROW / 2.0).clamp(0.0, height - ROW);
        let top = (text.chars().count() >= MIN_LABEL_CHARS)
            .then(|| lanes.nearest_free(0, wanted, ROW - 4.0, MAX_SHIFT, height))
            .flatten();
        let Some(top) = top else {
            unplaced.push(Unplaced {
                id: entry.id.to_string(),
                mark: Rect {
                    x: AXIS_X - 4.0,
                    width: 8.0,
                    ..mark
                },
            });
            continue;
        };
        lanes.take(0, top, top + ROW - 4.0);
        let lead_in = e.open_start.then(|| Line {
            x1: AXIS_X,
            y1: (mark.y - 24.0).max(0.0),
            x2: AXIS_X,
            y2: mark.y,
        });
        let text_w = label::width(&text);
        placed.push(Placed {
            id: entry.id.to_string(),
            label: Text {
                reserved: Rect {
                    x: label_x,
                    y: top + 4.0,
                    width: text_w,
                    height: FONT_PX + 6.0,
                },
                text,
                x: label_x,
                y: top + 4.0 + FONT_PX + 1.0,
                anchor: "start",
            },
            hit: Rect {
                x: label_x - 6.0,
                y: top,
                width: (text_w + 12.0).min(width - label_x + 6.0),
                height: ROW - 4.0,
            },
            leader: Some(Line {
                x1: mark.right(),
                y1: anchor_y,
                x2: label_x - 6.0,
                y2: top + (ROW - 4.0) / 2.0,
            }),
            axis_mark: None,
            mark: Mark {
                rect: mark,
                point: e.is_point(),
                lead_in,
            },
        });
    }

    Layout {
        width,
        height,
        orientation: Orientation::Vertical,
        axis: Line {
            x1: AXIS_X,
            y1: 0.0,
            x2: AXIS_X,
            y2: height,
        },
        bands,
        ticks,
        placed,
        unplaced,
    }
}
