//! A quiz's class results as CSV for a gradebook: a row per student (name, score, out of,
//! finished, seconds, then 1 or 0 per question) and a last row with each question's share
//! right. Fields are quoted where needed, and a name that a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@`) is prefixed with `'`.

use super::class::QuizClass;
use super::utc::minutes_text;

/// One field, quoted when it holds a comma, a quote or a line break.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The CSV text, lines ending in CRLF as RFC 4180 has it.
pub fn class_csv(quiz: &QuizClass) -> String {
    let n = quiz.questions.len();
    let mut lines = Vec::with_capacity(quiz.students.len() + 2);
    let mut header: Vec<String> = ["name", "score", "out_of", "finished_utc", "seconds"]
        .map(String::from)
        .to_vec();
    header.extend((1..=n).map(|q| format!("q{q}")));
    lines.push(header.join(","));
    for s in &quiz.students {
        let mut row = vec![
            field(&s.name),
            s.right().to_string(),
            n.to_string(),
            minutes_text(s.finished_minutes),
            s.seconds.to_string(),
        ];
        row.extend(
            s.marks
                .iter()
                .map(|&m| if m { "1" } else { "0" }.to_string()),
        );
        lines.push(row.join(","));
    }
    let mut share = vec![
        field("share right (%)"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    share.extend((0..n).map(|q| quiz.percent_right(q).to_string()));
    lines.push(share.join(","));
    lines.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("Ann"), "Ann");
        assert_eq!(field("Lee, Ann"), "\"Lee, Ann\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=cmd()"), "'=cmd()");
    }
}
