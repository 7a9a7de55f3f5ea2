//! The timeline's drawing over the real data, at phone and desktop widths and every zoom:
//! no two labels overlap, nor two tap targets; everything lies inside the drawing; the same
//! input gives the same layout; spans follow the dates' precision; zoom stays bounded; a
//! filter rescales the axis to the events it leaves.

use nkvd_study::content::{Precision, corpus};
use nkvd_study::timeline::layout::{Entry, Era, Frame, Layout, Orientation, layout};
use nkvd_study::timeline::window::{Bounds, MIN_WIDTH, Window, ZOOM_STEP};
use nkvd_study::timeline::{self, Filter, event_extent};

fn entries(filter: &Filter) -> Vec<Entry<'static>> {
    timeline::events(corpus(), filter)
        .into_iter()
        .map(|e| Entry {
            id: &e.id,
            title: &e.title,
            extent: event_extent(e),
        })
        .collect()
}

fn eras() -> Vec<Era<'static>> {
    timeline::era_bands(&corpus().eras)
}

fn bounds(entries: &[Entry]) -> Bounds {
    Bounds::around(entries.iter().map(|e| &e.extent)).expect("events to show")
}

/// Every window from the whole range to the narrowest, zooming in at a few anchors.
fn windows(bounds: Bounds) -> Vec<Window> {
    let mut out = vec![Window::all(bounds)];
    for anchor in [0.1, 0.4, 0.45, 0.7, 0.95] {
        let mut w = Window::all(bounds);
        let at = bounds.start + anchor * bounds.width();
        while w.width() > MIN_WIDTH * 1.01 {
            w = w.zoom(ZOOM_STEP, at, bounds);
            out.push(w);
        }
    }
    out
}

fn frames() -> Vec<Frame> {
    vec![
        Frame::for_screen(328.0, 780.0),
        Frame::for_screen(358.0, 844.0),
        Frame::for_screen(568.0, 600.0),
        Frame::for_screen(700.0, 800.0),
        Frame::for_screen(1000.0, 800.0),
        Frame::for_screen(1248.0, 900.0),
    ]
}

fn check(layout: &Layout, what: &str) {
    let labels: Vec<_> = layout.labels().collect();
    for (i, a) in labels.iter().enumerate() {
        assert!(
            a.reserved.inside(layout.width, layout.height),
            "{what}: label {:?} leaves the drawing",
            a.text
        );
        assert!(!a.text.is_empty(), "{what}: an empty label");
        for b in &labels[i + 1..] {
            assert!(
                !a.reserved.overlaps(&b.reserved),
                "{what}: labels {:?} and {:?} overlap",
                a.text,
                b.text
            );
        }
    }
    for (i, a) in layout.placed.iter().enumerate() {
        assert!(
            a.hit.inside(layout.width, layout.height),
            "{what}: {}",
            a.id
        );
        assert!(
            a.mark.rect.inside(layout.width, layout.height),
            "{what}: {}",
            a.id
        );
        assert!(a.hit.height >= 24.0, "{what}: tap target of {}", a.id);
        for b in &layout.placed[i + 1..] {
            assert!(
                !a.hit.overlaps(&b.hit),
                "{what}: {} would hide {} (or be hidden by it)",
                a.id,
                b.id
            );
        }
    }
    for u in &layout.unplaced {
        assert!(
            u.mark.inside(layout.width, layout.height),
            "{what}: {}",
            u.id
        );
    }
    for band in &layout.bands {
        assert!(
            band.rect.inside(layout.width, layout.height),
            "{what}: {}",
            band.id
        );
    }
}

#[test]
fn no_two_labels_overlap_and_everything_stays_inside_at_every_width_and_zoom() {
    let entries = entries(&Filter::default());
    let eras = eras();
    let bounds = bounds(&entries);
    for frame in frames() {
        for window in windows(bounds) {
            let l = layout(frame, window, &entries, &eras, None);
            check(&l, &format!("{frame:?} {window:?}"));
        }
    }
}

#[test]
fn every_event_in_the_window_is_drawn_with_its_title_or_left_for_the_list() {
    let entries = entries(&Filter::default());
    let bounds = bounds(&entries);
    for frame in frames() {
        for window in windows(bounds) {
            let l = layout(frame, window, &entries, &eras(), None);
            let inside = entries
                .iter()
                .filter(|e| e.extent.overlaps(window.start, window.end))
                .count();
            assert_eq!(l.placed.len() + l.unplaced.len(), inside);
        }
    }
    // Zoomed out on a desktop, most events carry their title.
    let l = layout(
        Frame::for_screen(1248.0, 900.0),
        Window::all(bounds),
        &entries,
        &eras(),
        None,
    );
    assert!(l.placed.len() >= 20, "only {} titled", l.placed.len());
}

#[test]
fn the_selected_event_keeps_its_title_on_the_axis_when_stepping_through_a_crowded_month() {
    let entries = entries(&Filter::default());
    let bounds = bounds(&entries);
    for frame in frames() {
        for entry in &entries {
            // Zoomed in around the event, as stepping leaves the window.
            let mut w = Window::all(bounds);
            for _ in 0..6 {
                w = w.zoom(ZOOM_STEP, entry.extent.start, bounds);
            }
            let w = w.reveal(&entry.extent, bounds);
            let l = layout(frame, w, &entries, &eras(), Some(entry.id));
            assert!(
                l.placed(entry.id).is_some(),
                "{frame:?}: {} not drawn",
                entry.id
            );
            check(&l, entry.id);
            let ids: Vec<_> = l
                .placed
                .iter()
                .map(|p| entries.iter().position(|e| e.id == p.id))
                .collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "placed in date order");
        }
    }
}

#[test]
fn the_same_input_gives_the_same_layout() {
    let entries = entries(&Filter::default());
    let bounds = bounds(&entries);
    for frame in frames() {
        let w = Window::all(bounds).zoom(3.0, 1936.6, bounds);
        assert_eq!(
            layout(frame, w, &entries, &eras(), None),
            layout(frame, w, &entries, &eras(), None)
        );
    }
}

#[test]
fn phones_get_a_vertical_axis_and_desktops_a_horizontal_one() {
    assert_eq!(
        Frame::for_screen(390.0, 844.0).orientation,
        Orientation::Vertical
    );
    assert_eq!(
        Frame::for_screen(600.0, 844.0).orientation,
        Orientation::Vertical
    );
    assert_eq!(
        Frame::for_screen(1280.0, 800.0).orientation,
        Orientation::Horizontal
    );
}

#[test]
fn imprecise_dates_are_drawn_as_spans_and_days_as_points() {
    let entries = entries(&Filter::default());
    let bounds = bounds(&entries);
    for frame in [
        Frame::for_screen(1248.0, 900.0),
        Frame::for_screen(358.0, 844.0),
    ] {
        let l = layout(frame, Window::all(bounds), &entries, &eras(), None);
        for p in &l.placed {
            let e = entries.iter().find(|e| e.id == p.id).unwrap();
            assert_eq!(
                p.mark.point,
                e.extent.precision == Precision::Day,
                "{}",
                p.id
            );
            assert_eq!(p.mark.lead_in.is_some(), e.extent.open_start, "{}", p.id);
            let along = match l.orientation {
                Orientation::Horizontal => p.mark.rect.width,
                Orientation::Vertical => p.mark.rect.height,
            };
            let full = match l.orientation {
                Orientation::Horizontal => l.width - 16.0,
                Orientation::Vertical => l.height - 16.0,
            };
            if e.extent.precision == Precision::Year {
                // A year is a year long on the axis (clamped to the drawing).
                let expected = full * e.extent.width() / bounds.width();
                assert!(
                    (along - expected).abs() < 1.0,
                    "{}: {along} vs {expected}",
                    p.id
                );
            }
        }
    }
}

#[test]
fn a_filter_rescales_the_axis_to_the_events_it_leaves() {
    let all = bounds(&entries(&Filter::default()));
    let kirov = entries(&Filter {
        person: Some("tukhachevsky".into()),
        ..Filter::default()
    });
    let few = bounds(&kirov);
    assert!(few.width() < all.width() / 3.0, "{few:?} vs {all:?}");
    for e in &kirov {
        assert!(few.start <= e.extent.start && e.extent.end <= few.end);
    }
}

#[test]
fn zoom_is_bounded_on_the_real_data() {
    let b = bounds(&entries(&Filter::default()));
    let mut w = Window::all(b);
    for _ in 0..40 {
        w = w.zoom(ZOOM_STEP, 1936.65, b);
        assert!(w.width() >= MIN_WIDTH - 1e-9);
    }
    for _ in 0..40 {
        w = w.zoom(1.0 / ZOOM_STEP, 1936.65, b);
        assert!(w.start >= b.start - 1e-9 && w.end <= b.end + 1e-9);
    }
    assert_eq!(w, Window::all(b));
}
