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
        // A description that already holds the name's words gives the answer away
        // ("The department Abram Slutsky headed … foreign agents": the Foreign Department).
        let words = content_words(summary);
        let name_words = content_words(&org.name);
        if !name_words.is_empty() && name_words.is_subset(&words) {
            return None;
        }
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
                // Only bodies of the same sort: a party among newspapers is no choice at all.
                // Too few of them, and there is no multiple-choice form.
                let others: Vec<String> = self
                    .corpus
                    .organizations
                    .iter()
                    .filter(|o| o.kind == org.kind)
                    .map(org_label)
                    .collect();
                let distractors =
                    pick_tiered(rng, vec![(others, DISTRACTORS)], &mut taken, DISTRACTORS);
                if distractors.len() < DISTRACTORS {
                    return None;
                }
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
        // Wrong answers are what other abbreviations stand for (never a newspaper's or a
        // shop's name, which stands for nothing), bodies of the same sort first.
        let words = content_words(&org.name);
        let (same_sort, other_sorts): (Vec<&Organization>, Vec<&Organization>) = self
            .corpus
            .organizations
            .iter()
            .filter(|o| o.id != org.id && !o.abbreviations.is_empty())
            .filter(|o| !similar(&words, &content_words(&o.name)))
            .filter(|o| !overlapping_names(&o.name, &org.name))
            .partition(|o| o.kind == org.kind);
        let names = |orgs: Vec<&Organization>| orgs.iter().map(|o| o.name.clone()).collect();
        let tiers = || {
            vec![
                (names(same_sort.clone()), DISTRACTORS),
                (names(other_sorts.clone()), DISTRACTORS),
            ]
        };
        let mut taken: BTreeSet<String> = org_forms(org).iter().map(|f| normalize(f)).collect();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |name: &str| format!("{abbr} stands for {name}.");
                let statement = if rng.coin() {
                    None
                } else {
                    pick_tiered(rng, tiers(), &mut taken, 1)
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
                let distractors = pick_tiered(rng, tiers(), &mut taken, DISTRACTORS);
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
