//! What a key or a button does to the timeline: zoom, pan, step to the previous or next event,
//! or show everything again.

use super::layout::Orientation;
use super::window::{Bounds, PAN_STEP, Window, ZOOM_STEP};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ZoomIn,
    ZoomOut,
    Earlier,
    Later,
    ShowAll,
    Previous,
    Next,
}

impl Action {
    /// The action of a key pressed on the timeline: + and − zoom, the arrows along the axis
    /// pan, 0 shows all, N and P (or J and K) step through the events.
    pub fn from_key(key: &str, orientation: Orientation) -> Option<Self> {
        let along = |earlier: &str, later: &str| {
            if key == earlier {
                Some(Self::Earlier)
            } else if key == later {
                Some(Self::Later)
            } else {
                None
            }
        };
        match key {
            "+" | "=" => Some(Self::ZoomIn),
            "-" | "_" | "−" => Some(Self::ZoomOut),
            "0" => Some(Self::ShowAll),
            "n" | "N" | "j" | "J" => Some(Self::Next),
            "p" | "P" | "k" | "K" => Some(Self::Previous),
            _ => match orientation {
                Orientation::Horizontal => along("ArrowLeft", "ArrowRight"),
                Orientation::Vertical => {
                    along("ArrowUp", "ArrowDown").or_else(|| along("ArrowLeft", "ArrowRight"))
                }
            },
        }
    }

    /// The window after a zoom or pan (around `anchor`: the selected event, or the middle);
    /// stepping leaves it to the caller, which reveals the new event.
    pub fn apply(self, window: Window, bounds: Bounds, anchor: f64) -> Window {
        match self {
            Self::ZoomIn => window.zoom(ZOOM_STEP, anchor, bounds),
            Self::ZoomOut => window.zoom(1.0 / ZOOM_STEP, anchor, bounds),
            Self::Earlier => window.pan(-PAN_STEP, bounds),
            Self::Later => window.pan(PAN_STEP, bounds),
            Self::ShowAll => Window::all(bounds),
            Self::Previous | Self::Next => window,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_zoom_pan_and_step() {
        let h = Orientation::Horizontal;
        assert_eq!(Action::from_key("+", h), Some(Action::ZoomIn));
        assert_eq!(Action::from_key("-", h), Some(Action::ZoomOut));
        assert_eq!(Action::from_key("ArrowLeft", h), Some(Action::Earlier));
        assert_eq!(
            Action::from_key("ArrowDown", h),
            None,
            "the page still scrolls"
        );
        assert_eq!(Action::from_key("n", h), Some(Action::Next));
        assert_eq!(Action::from_key("P", h), Some(Action::Previous));
        assert_eq!(Action::from_key("0", h), Some(Action::ShowAll));
        let v = Orientation::Vertical;
        assert_eq!(Action::from_key("ArrowDown", v), Some(Action::Later));
        assert_eq!(Action::from_key("ArrowRight", v), Some(Action::Later));
        assert_eq!(Action::from_key("Tab", v), None);
    }

    #[test]
    fn zoom_then_show_all_returns_to_the_whole_range() {
        let bounds = Bounds {
            start: 1933.0,
            end: 1941.0,
        };
        let all = Window::all(bounds);
        let zoomed = Action::ZoomIn.apply(all, bounds, 1937.0);
        assert!(zoomed.width() < all.width());
        assert_eq!(Action::ShowAll.apply(zoomed, bounds, 1937.0), all);
        assert_eq!(Action::Next.apply(zoomed, bounds, 1937.0), zoomed);
    }
}
