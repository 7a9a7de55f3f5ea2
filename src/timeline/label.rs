//! Titles fitted to the room on the axis: the width the app assumes a label takes, and a
//! title shortened at a word with "…" when it does not fit (the full title stays in the
//! event's accessible name and its card).

/// The labels' font size in CSS pixels (never below 12 at any screen width: the drawing is
/// not scaled).
pub const FONT_PX: f64 = 13.0;
/// A generous average character width for the labels' font, so estimated boxes hold the
/// text as drawn.
pub const CHAR_PX: f64 = 0.62 * FONT_PX;

/// The width a label's text takes, as the layout assumes.
pub fn width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_PX
}

/// How many characters fit in `px`.
pub fn chars_in(px: f64) -> usize {
    if px <= 0.0 {
        0
    } else {
        (px / CHAR_PX).floor() as usize
    }
}

/// The title as is when it has at most `max` characters, else cut at the last word that
/// leaves room for "…"; empty when not even a short word fits.
pub fn fit(title: &str, max: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max {
        return title.to_string();
    }
    if max < 6 {
        return String::new();
    }
    let cut: String = title.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at >= cut.len() / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_are_kept_whole() {
        assert_eq!(fit("Kirov is shot", 20), "Kirov is shot");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let fitted = fit("Stalin and Yezhov decide to liquidate Abram Slutsky", 24);
        assert_eq!(fitted, "Stalin and Yezhov…");
        assert!(fitted.chars().count() <= 24);
        for max in 0..60 {
            assert!(
                fit("Stalin and Yezhov decide to liquidate Abram Slutsky", max)
                    .chars()
                    .count()
                    <= max
            );
        }
    }

    #[test]
    fn no_room_gives_no_label() {
        assert_eq!(fit("Kirov is shot", 3), "");
    }
}
