//! Questions about quoted words: who said them, and matching quotes to speakers.

use std::collections::BTreeSet;

use super::*;
use crate::search::normalize;
use crate::study::card_id::CardId;
use crate::study::rng::Rng;
use crate::study::text::*;

impl Ctx<'_> {
    /// Distractor speakers: speakers of other quotes and sources, then people sharing a
    /// group with a person speaker (or other organizations for an organization).
    pub(super) fn speaker_distractors(
        &self,
        rng: &mut Rng,
        answer: Speaker,
        excluded: &BTreeSet<String>,
    ) -> Vec<String> {
        let answer_key = answer.key();
        let allowed_key = |key: &str| key != answer_key && !excluded.contains(key);
        let allowed = |s: &Speaker| allowed_key(&s.key());
        let is_person = matches!(answer, Speaker::Person(_));
        // A person among publications (or the reverse) would stand out: same kind first.
        let (same_kind, other_kind): (Vec<&Quoted>, Vec<&Quoted>) = (self.tables.quoted.iter())
            .filter(|q| allowed_key(&q.key))
            .partition(|q| q.is_person == is_person);
        let near: Vec<String> = match answer {
            Speaker::Person(p) => self
                .tables
                .sharing_group(&p.groups)
                .into_iter()
                .map(|i| Speaker::Person(&self.corpus.people[i]))
                .filter(allowed)
                .map(|s| s.label())
                .collect(),
            Speaker::Org(_) => (self.corpus.organizations.iter())
                .zip(&self.tables.org_keys)
                .filter(|(_, key)| allowed_key(key))
                .map(|(o, _)| Speaker::Org(o).label())
                .collect(),
        };
        let mut taken: BTreeSet<String> = std::iter::once(normalize(&answer.label()))
            .chain(excluded.iter().filter_map(|key| {
                let (kind, id) = key.split_once(':')?;
                match kind {
                    "person" => self.corpus.person(id).map(|p| normalize(&p.name)),
                    _ => self.corpus.organization(id).map(|o| normalize(&o.name)),
                }
            }))
            .collect();
        pick_tiered(
            rng,
            vec![
                (labels(&same_kind), DISTRACTORS),
                (near.iter().map(String::as_str).collect(), DISTRACTORS),
                (labels(&other_kind), DISTRACTORS),
            ],
            str::to_string,
            &mut taken,
            DISTRACTORS,
        )
    }

    pub(super) fn quote_speaker(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let quote = &self.corpus.quotes[index];
        if !self.tables.in_match_pool[index] {
            return None;
        }
        let speaker = self.quote_speaker_of(index)?;
        let text_key = normalize(&quote.text);
        // Whoever else the data says said the same words is not a wrong answer.
        let also_said: BTreeSet<String> = self.tables.quote_texts[&text_key]
            .iter()
            .copied()
            .filter(|&i| i != index)
            .filter_map(|i| self.quote_speaker_of(i))
            .map(|s| s.key())
            .filter(|k| *k != speaker.key())
            .collect();
        let shown = shown_quote(&quote.text, EXCERPT_CHARS);
        let answer_text = speaker.label();
        let card_id = Some(CardId::Quote(quote.id.clone()));
        let body = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |who: &str| format!("{who} said or wrote: “{shown}”");
                let statement = if rng.coin() {
                    None
                } else {
                    self.speaker_distractors(rng, speaker, &also_said)
                        .first()
                        .map(|who| sentence(who))
                };
                return Some(true_false(
                    statement,
                    sentence(&speaker.label()),
                    self.corpus.quote_evidence(quote),
                    card_id,
                ));
            }
            QuestionKind::Typed => {
                if !also_said.is_empty() {
                    return None;
                }
                self.typed_speaker(speaker)
            }
            _ => {
                let distractors = self.speaker_distractors(rng, speaker, &also_said);
                choice(rng, &speaker.label(), distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt: format!("Who said or wrote this? “{shown}”"),
            body,
            answer_text,
            passages: self.corpus.quote_evidence(quote),
            card_id,
        })
    }

    pub(super) fn match_quotes(&self, rng: &mut Rng) -> Option<Draft> {
        let mut pool = self.tables.match_pool.clone();
        rng.shuffle(&mut pool);
        let mut chosen: Vec<(usize, Speaker)> = Vec::new();
        let mut speakers = BTreeSet::new();
        let mut texts = BTreeSet::new();
        for i in pool {
            let speaker = self.quote_speaker_of(i)?;
            let text = shown_quote(&self.corpus.quotes[i].text, EXCERPT_CHARS);
            if speakers.contains(&speaker.key())
                || speakers.contains(&normalize(&speaker.label()))
                || texts.contains(&normalize(&text))
            {
                continue;
            }
            speakers.insert(speaker.key());
            speakers.insert(normalize(&speaker.label()));
            texts.insert(normalize(&text));
            chosen.push((i, speaker));
            if chosen.len() == MATCH_MAX {
                break;
            }
        }
        if chosen.len() < MATCH_MIN {
            return None;
        }
        let quotes: Vec<String> = chosen
            .iter()
            .map(|(i, _)| shown_quote(&self.corpus.quotes[*i].text, EXCERPT_CHARS))
            .collect();
        let mut shown: Vec<usize> = (0..chosen.len()).collect();
        rng.shuffle(&mut shown);
        let speaker_labels: Vec<String> = shown.iter().map(|&i| chosen[i].1.label()).collect();
        let correct: Vec<usize> = (0..chosen.len())
            .map(|q| shown.iter().position(|&s| s == q).unwrap_or(usize::MAX))
            .collect();
        let mut ids: Vec<&str> = chosen
            .iter()
            .map(|(i, _)| self.corpus.quotes[*i].id.as_str())
            .collect();
        let answer_text = chosen
            .iter()
            .map(|(i, s)| {
                format!(
                    "“{}” — {}",
                    shown_quote(&self.corpus.quotes[*i].text, 60),
                    s.label()
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let passages = chosen
            .iter()
            .flat_map(|(i, _)| self.corpus.quote_evidence(&self.corpus.quotes[*i]))
            .fold(Vec::new(), |mut all, p| {
                if !all.contains(&p) {
                    all.push(p);
                }
                all
            });
        ids.sort_unstable();
        Some(Draft {
            id: Some(format!("match:{}", ids.join(","))),
            prompt: "Match each quote to the person or publication it comes from.".into(),
            body: QuestionBody::Match {
                quotes,
                speakers: speaker_labels,
                correct,
            },
            answer_text,
            passages,
            card_id: None,
        })
    }
}

/// The speakers' labels, borrowed: only the few options picked are copied.
fn labels<'q>(quoted: &[&'q Quoted]) -> Vec<&'q str> {
    quoted.iter().map(|q| q.label.as_str()).collect()
}

/// A quotation as the student sees it: cut to `max` characters, with a leading ellipsis
/// where the document gives it from the middle of a sentence.
fn shown_quote(text: &str, max: usize) -> String {
    from_mid_sentence(&excerpt(text, max))
}
