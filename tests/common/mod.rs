//! Helpers the host test files share.

use nkvd_study::content::DocDate;

/// Parses a date as `DocDate` displays it ("1 December 1934", "March 1934",
/// "summer of 1937", "late 1936", "1937").
pub fn parse_shown(text: &str) -> Option<DocDate> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const PARTS: [(&str, &str); 7] = [
        ("beginning of ", "beginning"),
        ("early ", "early"),
        ("spring of ", "spring"),
        ("summer of ", "summer"),
        ("autumn of ", "autumn"),
        ("late ", "late"),
        ("winter of ", "winter"),
    ];
    // A date that starts a sentence is capitalised ("Late 1936: …").
    let lowered = text.to_lowercase();
    for (label, part) in PARTS {
        if let Some(year) = lowered.strip_prefix(label) {
            return DocDate::parse(year, Some(part)).ok();
        }
    }
    let words: Vec<&str> = text.split(' ').collect();
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i + 1);
    let iso = match words.as_slice() {
        [year] => year.to_string(),
        [m, year] => format!("{year}-{:02}", month(m)?),
        [d, m, year] => format!("{year}-{:02}-{:02}", month(m)?, d.parse::<u8>().ok()?),
        _ => return None,
    };
    DocDate::parse(&iso, None).ok()
}

/// Whether two dates' intervals share a day.
pub fn overlap(a: &DocDate, b: &DocDate) -> bool {
    let (a, b) = (a.interval(), b.interval());
    a.0 <= b.1 && b.0 <= a.1
}
