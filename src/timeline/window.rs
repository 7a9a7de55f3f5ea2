//! The stretch of time the axis shows, and how zooming and panning move it: never wider than
//! the events (with a margin), never narrower than two weeks, never outside the events' range.

use super::extent::Extent;

/// The narrowest window: two weeks, so events a day apart stand well apart.
pub const MIN_WIDTH: f64 = 14.0 / 365.0;
/// How much one step of zoom magnifies.
pub const ZOOM_STEP: f64 = 1.6;
/// How far one step of pan moves, as a share of the window.
pub const PAN_STEP: f64 = 0.25;

/// The range zooming and panning stay within: the events' first start to last end, with a
/// margin of a month or a twentieth of the range, whichever is more.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub start: f64,
    pub end: f64,
}

impl Bounds {
    pub fn around<'a>(extents: impl IntoIterator<Item = &'a Extent>) -> Option<Self> {
        let (start, end) = extents
            .into_iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(s, e), x| {
                (s.min(x.start), e.max(x.end))
            });
        if !start.is_finite() || !end.is_finite() {
            return None;
        }
        let margin = ((end - start) / 20.0).max(1.0 / 12.0);
        let (mut start, mut end) = (start - margin, end + margin);
        // One event alone still gets a window of at least the minimum width.
        if end - start < MIN_WIDTH {
            let middle = (start + end) / 2.0;
            start = middle - MIN_WIDTH / 2.0;
            end = middle + MIN_WIDTH / 2.0;
        }
        Some(Self { start, end })
    }

    pub fn width(&self) -> f64 {
        self.end - self.start
    }
}

/// The time the axis shows, from `start` to `end` (fractional years).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

impl Window {
    /// Everything within the bounds.
    pub fn all(bounds: Bounds) -> Self {
        Self {
            start: bounds.start,
            end: bounds.end,
        }
    }

    pub fn width(&self) -> f64 {
        self.end - self.start
    }

    /// The same window moved and narrowed or widened as needed to lie within the bounds and
    /// the zoom limits.
    pub fn clamp(self, bounds: Bounds) -> Self {
        let width = self
            .width()
            .clamp(MIN_WIDTH.min(bounds.width()), bounds.width());
        let start = self.start.min(bounds.end - width).max(bounds.start);
        Self {
            start,
            end: start + width,
        }
    }

    /// Magnifies by `factor` (above 1 zooms in, below 1 out), keeping `anchor` where it is.
    pub fn zoom(self, factor: f64, anchor: f64, bounds: Bounds) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = anchor.clamp(self.start, self.end);
        let width = (self.width() / factor).clamp(MIN_WIDTH.min(bounds.width()), bounds.width());
        let share = (anchor - self.start) / self.width();
        let start = anchor - share * width;
        Self {
            start,
            end: start + width,
        }
        .clamp(bounds)
    }

    /// Moves by a share of the window's width (negative: earlier).
    pub fn pan(self, share: f64, bounds: Bounds) -> Self {
        let by = share * self.width();
        Self {
            start: self.start + by,
            end: self.end + by,
        }
        .clamp(bounds)
    }

    /// The window moved (and widened when it must) so that an extent lies inside it, with a
    /// little room either side; a window that already shows it stays as it is.
    pub fn reveal(self, extent: &Extent, bounds: Bounds) -> Self {
        let room = self.width() * 0.1;
        if extent.start >= self.start + room * 0.5 && extent.end <= self.end - room * 0.5 {
            return self;
        }
        let width = self.width().max(extent.width() + 2.0 * room);
        let middle = (extent.start + extent.end) / 2.0;
        Self {
            start: middle - width / 2.0,
            end: middle + width / 2.0,
        }
        .clamp(bounds)
    }

    /// The middle of the window.
    pub fn middle(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{DateIs, DocDate};

    fn extent(text: &str) -> Extent {
        Extent::of(&DocDate::parse(text, None).unwrap(), DateIs::On)
    }

    fn bounds() -> Bounds {
        Bounds::around(&[extent("1933"), extent("1941")]).unwrap()
    }

    #[test]
    fn bounds_hold_every_event_with_a_margin() {
        let b = bounds();
        assert!(b.start < 1933.0 && b.end > 1942.0);
        assert!(Bounds::around(&[]).is_none());
        let one = Bounds::around(&[extent("1937-06-11")]).unwrap();
        assert!(one.width() >= MIN_WIDTH);
        assert!(one.start < 1937.44 && one.end > 1937.44);
    }

    #[test]
    fn zoom_is_bounded_both_ways() {
        let b = bounds();
        let mut w = Window::all(b);
        for _ in 0..100 {
            w = w.zoom(ZOOM_STEP, 1937.5, b);
        }
        assert!(
            (w.width() - MIN_WIDTH).abs() < 1e-9,
            "never narrower than two weeks"
        );
        assert!(w.start >= b.start && w.end <= b.end);
        for _ in 0..100 {
            w = w.zoom(1.0 / ZOOM_STEP, 1937.5, b);
        }
        assert_eq!(w, Window::all(b), "never wider than the events");
        assert_eq!(w.zoom(f64::NAN, 1937.0, b), w);
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let b = bounds();
        let w = Window::all(b);
        let anchor = 1937.0;
        let share = (anchor - w.start) / w.width();
        let z = w.zoom(2.0, anchor, b);
        assert!(((anchor - z.start) / z.width() - share).abs() < 1e-9);
        assert!((z.width() - w.width() / 2.0).abs() < 1e-9);
    }

    #[test]
    fn pan_stops_at_the_bounds() {
        let b = bounds();
        let w = Window::all(b).zoom(4.0, 1937.0, b);
        let mut left = w;
        for _ in 0..50 {
            left = left.pan(-PAN_STEP, b);
        }
        assert!((left.start - b.start).abs() < 1e-9);
        assert!((left.width() - w.width()).abs() < 1e-9);
        let right = w.pan(100.0, b);
        assert!((right.end - b.end).abs() < 1e-9);
    }

    #[test]
    fn reveal_brings_an_event_into_view() {
        let b = bounds();
        let w = Window::all(b).zoom(8.0, 1934.0, b);
        let late = extent("1940-08");
        assert!(!(w.start <= late.start && late.end <= w.end));
        let shown = w.reveal(&late, b);
        assert!(shown.start <= late.start && late.end <= shown.end);
        assert!((shown.width() - w.width()).abs() < 1e-9);
        assert_eq!(shown.reveal(&late, b), shown, "already in view: no move");
    }
}
