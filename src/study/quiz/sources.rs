//! Source-analysis questions on the numbered primary sources.

use std::collections::BTreeSet;

use super::*;
use crate::content::model::names;
use crate::content::{DocDate, PrimarySource};
use crate::search::normalize;
use crate::study::rng::Rng;
use crate::study::text::*;

impl Ctx<'_> {
    pub(super) fn source_label(source: &PrimarySource) -> String {
        format!(
            "({}) {}",
            source.number,
            excerpt(&first_sentence(&source.heading), 140)
        )
    }

    pub(super) fn source_summary(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let summary = source.summary.trim();
        if normalize(summary).is_empty() {
            return None;
        }
        let tables = &self.tables;
        let heading_key = &tables.source_heading_keys[index];
        let words = &tables.source_summary_words[index];
        // Sources with the same heading, or described alike, cannot be told apart.
        let others: Vec<&PrimarySource> = (self.corpus.sources.iter().enumerate())
            .filter(|&(i, s)| {
                s.number != source.number
                    && tables.source_heading_keys[i] != *heading_key
                    && !similar(words, &tables.source_summary_words[i])
            })
            .map(|(_, s)| s)
            .collect();
        let answer = Self::source_label(source);
        let mut taken = BTreeSet::from([normalize(&answer)]);
        let distractors = pick_tiered(
            rng,
            vec![(others, DISTRACTORS)],
            Self::source_label,
            &mut taken,
            DISTRACTORS,
        );
        Some(Draft {
            id: None,
            prompt: format!("Which primary source is described as follows? {summary}"),
            body: choice(rng, &answer, distractors)?,
            answer_text: answer,
            passages: source.passages.clone(),
            card_id: None,
        })
    }

    pub(super) fn source_speaker(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let speaker = self.source_speaker_of(source)?;
        // Show the opening of the body; fall back on the heading.
        let opening = source
            .passages
            .iter()
            .skip(1)
            .find_map(|p| self.corpus.passage(p))
            .map(|p| excerpt(p.text.trim_matches(['"', '“', '”']), EXCERPT_CHARS / 2))
            .unwrap_or_else(|| source.heading.trim().to_string());
        if normalize(&opening).is_empty() || speaker.named_in(&opening) {
            return None;
        }
        let distractors = self.speaker_distractors(rng, speaker, &BTreeSet::new());
        Some(Draft {
            id: None,
            prompt: format!(
                "Primary source ({}) begins: “{opening}” Who wrote or said it?",
                source.number
            ),
            body: choice(rng, &speaker.label(), distractors)?,
            answer_text: speaker.label(),
            passages: source.passages.clone(),
            card_id: None,
        })
    }

    pub(super) fn source_date(&self, rng: &mut Rng, index: usize) -> Option<Draft> {
        let source = &self.corpus.sources[index];
        let date = DocDate::parse(source.date.as_deref()?, None).ok()?;
        let summary = source.summary.trim();
        if normalize(summary).is_empty() || names(summary, &date.year.to_string()) {
            return None;
        }
        let elsewhere: Vec<KnownDate> = self
            .corpus
            .sources
            .iter()
            .filter(|s| s.number != source.number)
            .filter_map(|s| DocDate::parse(s.date.as_deref()?, None).ok())
            .map(KnownDate::new)
            .collect();
        let distractors = self.date_distractors(rng, date, &[], elsewhere.iter());
        Some(Draft {
            id: None,
            prompt: format!(
                "When is primary source ({}) dated? It is described as: {summary}",
                source.number
            ),
            body: choice(rng, &date.to_string(), distractors)?,
            answer_text: date.to_string(),
            passages: source.passages.clone(),
            card_id: None,
        })
    }
}
