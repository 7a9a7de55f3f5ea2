//! Questions about organizations: descriptions and abbreviations.

use std::collections::BTreeSet;

use super::*;
use crate::content::Organization;
use crate::search::normalize;
use crate::study::answer::AnswerKind;
use crate::study::card_id::CardId;
use crate::study::cards::with_article;
use crate::study::rng::Rng;
use crate::study::text::*;

impl Ctx<'_> {
    pub(super) fn org_summary(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let org = &self.corpus.organizations[index];
        let summary = org.summary.trim();
        if normalize(summary).is_empty() || Speaker::Org(org).named_in(summary) {
            return None;
        }
        let words = content_words(summary);
        let look_alike = |o: &Organization| similar(&words, &content_words(&o.summary));
        let body = match kind {
            QuestionKind::Typed => {
                let others = self.corpus.organizations.iter().filter(|o| o.id != org.id);
                if others.clone().any(look_alike) {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: org_forms(org),
                    rejected: self.rival_orgs(org),
                    answer_kind: AnswerKind::Text,
                }
            }
            _ => {
                let mut taken: BTreeSet<String> = self
                    .corpus
                    .organizations
                    .iter()
                    .filter(|o| o.id == org.id || look_alike(o))
                    .map(|o| normalize(&org_label(o)))
                    .collect();
                let others: Vec<String> = self.corpus.organizations.iter().map(org_label).collect();
                let distractors =
                    pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
                choice(rng, &org_label(org), distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt: format!("Which organization is described as: “{summary}”?"),
            body,
            answer_text: org_label(org),
            passages: org.passages.clone(),
            card_id: Some(CardId::Org(org.id.clone())),
        })
    }

    pub(super) fn org_abbreviation(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let org = &self.corpus.organizations[index];
        let abbr = org.abbreviations.first()?.trim();
        let abbr_key = normalize(abbr);
        let name_key = normalize(&org.name);
        if abbr_key.is_empty() || abbr_key == name_key {
            return None;
        }
        // The abbreviation must stand for this organization only.
        let shared = self.corpus.organizations.iter().any(|o| {
            o.id != org.id
                && org_forms(o)
                    .iter()
                    .any(|f| normalize(f) == abbr_key || normalize(f) == name_key)
        });
        if shared {
            return None;
        }
        let card_id = Some(CardId::Org(org.id.clone()));
        // A name that shares most of its words with the answer's ("Communist Party" for the
        // "Spanish Communist Party") may be what the abbreviation stands for, loosely.
        let words = content_words(&org.name);
        let others: Vec<String> = self
            .corpus
            .organizations
            .iter()
            .filter(|o| o.id != org.id && !similar(&words, &content_words(&o.name)))
            .filter(|o| !overlapping_names(&o.name, &org.name))
            .map(|o| o.name.clone())
            .collect();
        let mut taken: BTreeSet<String> = org_forms(org).iter().map(|f| normalize(f)).collect();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |name: &str| format!("{abbr} stands for {name}.");
                let statement = if rng.coin() {
                    None
                } else {
                    pick_tiered(rng, vec![(others, 1)], &mut taken, 1)
                        .first()
                        .map(|n| sentence(n))
                };
                return Some(true_false(
                    statement,
                    sentence(&org.name),
                    org.passages.clone(),
                    card_id,
                ));
            }
            QuestionKind::Typed => (
                format!(
                    "Which abbreviation does the document use for {}?",
                    with_article(&org.name)
                ),
                QuestionBody::Typed {
                    accepted: org.abbreviations.clone(),
                    rejected: self
                        .corpus
                        .organizations
                        .iter()
                        .filter(|o| o.id != org.id)
                        .flat_map(|o| o.abbreviations.iter().cloned())
                        .collect(),
                    answer_kind: AnswerKind::Text,
                },
                abbr.to_string(),
            ),
            _ => {
                let distractors =
                    pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
                (
                    format!("What does {abbr} stand for?"),
                    choice(rng, &org.name, distractors)?,
                    org.name.clone(),
                )
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text,
            passages: org.passages.clone(),
            card_id,
        })
    }
}

/// Whether one name is contained in the other, word for word ("Communist Party" in
/// "Spanish Communist Party").
fn overlapping_names(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    let contains = |long: &str, short: &str| format!(" {long} ").contains(&format!(" {short} "));
    contains(&a, &b) || contains(&b, &a)
}
