//! Questions about dates: when events happened, and in what order.

use std::collections::BTreeSet;

use super::*;
use crate::content::DateIs;
use crate::content::DocDate;
use crate::content::model::names;
use crate::search::normalize;
use crate::study::answer::AnswerKind;
use crate::study::card_id::CardId;
use crate::study::rng::Rng;

/// A date the data gives, with what [`Ctx::date_distractors`] asks of it worked out once.
pub(super) struct KnownDate {
    pub(super) date: DocDate,
    pub(super) valid: bool,
    pub(super) shown: String,
}

impl KnownDate {
    pub(super) fn new(date: DocDate) -> Self {
        Self {
            date,
            valid: valid(&date),
            shown: date.to_string(),
        }
    }
}

impl Ctx<'_> {
    /// Wrong dates for `answer` at its precision: up to one date the data uses elsewhere
    /// (`elsewhere`), then dates a few years (or months) away. None overlaps the answer or
    /// any of `also_true`, and none displays like them.
    pub(super) fn date_distractors<'k>(
        &self,
        rng: &mut Rng,
        answer: DocDate,
        also_true: &[DocDate],
        elsewhere: impl Iterator<Item = &'k KnownDate>,
    ) -> Vec<String> {
        let precision = answer.precision();
        let truths: Vec<(DocDate, String)> = std::iter::once(answer)
            .chain(also_true.iter().copied())
            .map(|t| (t, t.to_string()))
            .collect();
        let wrong = |d: &DocDate, valid: bool, shown: &str| {
            d.precision() == precision
                && valid
                && truths
                    .iter()
                    .all(|(t, t_shown)| !d.may_coincide(t) && shown != t_shown)
        };
        let real: Vec<String> = elsewhere
            .filter(|k| wrong(&k.date, k.valid, &k.shown))
            .map(|k| k.shown.clone())
            .collect();
        let mut synthetic = Vec::new();
        for offset in [-3i32, -2, -1, 1, 2, 3] {
            let year = i32::from(answer.year) + offset;
            if let Ok(year) = u16::try_from(year) {
                synthetic.push(DocDate { year, ..answer });
            }
        }
        if let Some(month) = answer.month {
            for offset in [-3i32, -2, -1, 1, 2, 3] {
                let m = i32::from(month) + offset;
                if (1..=12).contains(&m) {
                    synthetic.push(DocDate {
                        month: Some(m as u8),
                        ..answer
                    });
                }
            }
        }
        let synthetic: Vec<String> = synthetic
            .iter()
            .map(|&d| KnownDate::new(d))
            .filter(|k| wrong(&k.date, k.valid, &k.shown))
            .map(|k| k.shown)
            .collect();
        let mut taken: BTreeSet<String> = truths.iter().map(|(_, t)| normalize(t)).collect();
        pick_tiered(
            rng,
            // Dates of other events first: made-up ones each change one part of the answer,
            // so a student could pick the option that shares the most parts with the rest.
            vec![(real, DISTRACTORS), (synthetic, DISTRACTORS)],
            as_is,
            &mut taken,
            DISTRACTORS,
        )
    }

    pub(super) fn event_date_question(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let event = &self.corpus.events[index];
        let date = self.tables.event_dates[index];
        // Only a date the document gives as the event's own can be asked, or offered wrong.
        if date.year == 0 || event.date_is != DateIs::On || normalize(&event.title).is_empty() {
            return None;
        }
        let year = date.year.to_string();
        // A title that gives the year away makes no date question.
        if names(&event.title, &year) {
            return None;
        }
        // Other entries for the same event (another source, another date) are true too.
        let also_true: Vec<DocDate> = self.tables.titles[&normalize(&event.title)]
            .iter()
            .filter(|&&i| i != index)
            .map(|&i| self.tables.event_dates[i])
            .collect();
        let elsewhere = || {
            (self.tables.known_dates.iter().enumerate())
                .filter(move |(i, _)| *i != index)
                .map(|(_, k)| k)
        };
        let title = event.title.trim().trim_end_matches('.');
        let claim = self.attributed(event.according_to.as_ref(), title);
        let shown = date.to_string();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::Typed => {
                if also_true.iter().any(|d| d.year != date.year) {
                    return None;
                }
                (
                    format!("In which year did this happen? {claim}."),
                    QuestionBody::Typed {
                        accepted: vec![year.clone()],
                        rejected: Vec::new(),
                        answer_kind: AnswerKind::Number,
                    },
                    if shown == year {
                        year.clone()
                    } else {
                        format!("{year} ({shown})")
                    },
                )
            }
            QuestionKind::TrueFalse => {
                let sentence = |d: &str| format!("{claim} — {d}.");
                let truth_text = sentence(&shown);
                let statement = if rng.coin() {
                    None
                } else {
                    self.date_distractors(rng, date, &also_true, std::iter::empty())
                        .first()
                        .map(|d| sentence(d))
                };
                let draft = true_false(
                    statement,
                    truth_text,
                    event.passages.clone(),
                    Some(CardId::Event(event.id.clone())),
                );
                return Some(draft);
            }
            _ => {
                let distractors = self.date_distractors(rng, date, &also_true, elsewhere());
                (
                    format!("When did this happen? {claim}."),
                    choice(rng, &shown, distractors)?,
                    shown.clone(),
                )
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text,
            passages: event.passages.clone(),
            card_id: Some(CardId::Event(event.id.clone())),
        })
    }

    pub(super) fn order(&self, rng: &mut Rng) -> Option<Draft> {
        let mut pool = self.tables.order_pool.clone();
        rng.shuffle(&mut pool);
        let mut chosen: Vec<usize> = Vec::new();
        let mut labels: BTreeSet<String> = BTreeSet::new();
        for i in pool {
            let date = &self.tables.event_dates[i];
            let clear = chosen
                .iter()
                .all(|&c| !date.may_coincide(&self.tables.event_dates[c]));
            if clear && labels.insert(normalize(&self.order_label(i))) {
                chosen.push(i);
                if chosen.len() == ORDER_ITEMS {
                    break;
                }
            }
        }
        if chosen.len() < ORDER_ITEMS {
            return None;
        }
        let mut chronological = chosen.clone();
        chronological
            .sort_by(|&a, &b| self.tables.event_dates[a].timeline_cmp(&self.tables.event_dates[b]));
        // Shown order: the random pick, unless it happens to be already in order.
        if chosen == chronological {
            chosen.reverse();
        }
        let items: Vec<String> = chosen.iter().map(|&i| self.order_label(i)).collect();
        let correct: Vec<usize> = chronological
            .iter()
            .map(|c| chosen.iter().position(|x| x == c).unwrap_or(usize::MAX))
            .collect();
        let events = &self.corpus.events;
        let answer_text = chronological
            .iter()
            .map(|&i| format!("{} ({})", self.order_label(i), self.tables.event_dates[i]))
            .collect::<Vec<_>>()
            .join(" → ");
        Some(Draft {
            id: Some(format!(
                "order:{}",
                chronological
                    .iter()
                    .map(|&i| events[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            )),
            prompt: "Put these events in chronological order, earliest first.".into(),
            body: QuestionBody::Order { items, correct },
            answer_text,
            passages: chronological
                .iter()
                .flat_map(|&i| events[i].passages.iter().cloned())
                .collect(),
            card_id: None,
        })
    }

    pub(super) fn order_label(&self, index: usize) -> String {
        let event = &self.corpus.events[index];
        let title = event.title.trim().trim_end_matches('.');
        match &event.according_to {
            Some(who) => format!("{title} (according to {})", self.name(who)),
            None => title.to_string(),
        }
    }
}
