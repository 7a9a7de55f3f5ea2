//! Times in result codes: minutes since 1970 (UTC) and their text, "2026-12-02 14:05 UTC".

use crate::study::schedule::civil_date;

/// Minutes since 1970-01-01 00:00 UTC as `YYYY-MM-DD HH:MM UTC`.
pub fn minutes_text(minutes: u64) -> String {
    let days = (minutes / 1440) as i64;
    let (h, m) = ((minutes % 1440) / 60, minutes % 60);
    let (year, month, day) = civil_date(days);
    format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02} UTC")
}

/// A duration in seconds as "12 min 5 s" (or "40 s").
pub fn duration_text(seconds: u64) -> String {
    match seconds / 60 {
        0 => format!("{seconds} s"),
        m => format!("{m} min {} s", seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_durations_read_as_a_person_writes_them() {
        assert_eq!(minutes_text(0), "1970-01-01 00:00 UTC");
        assert_eq!(minutes_text(1_709_210_000 / 60), "2024-02-29 12:33 UTC");
        assert_eq!(duration_text(40), "40 s");
        assert_eq!(duration_text(725), "12 min 5 s");
    }
}
