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
        let orgs = &self.corpus.organizations;
        let look_alikes = self.tables.org_look_alikes(self.corpus, index);
        let body = match kind {
            QuestionKind::Typed => {
                if look_alikes.iter().any(|&i| orgs[i].id != org.id) {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: org_forms(org),
                    rejected: self.rival_orgs(org),
                    answer_kind: AnswerKind::Text,
                }
            }
            _ => {
                let mut taken: BTreeSet<String> = (look_alikes.iter())
                    .map(|&i| normalize(&org_label(&orgs[i])))
                    .collect();
                // Only bodies of the same sort: a party among newspapers is no choice at all.
                // Too few of them, and there is no multiple-choice form.
                let others: Vec<&Organization> =
                    orgs.iter().filter(|o| o.kind == org.kind).collect();
                let distractors = pick_tiered(
                    rng,
                    vec![(others, DISTRACTORS)],
                    org_label,
                    &mut taken,
                    DISTRACTORS,
                );
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
        let orgs = &self.corpus.organizations;
        let with_form = |key: &str| self.tables.org_forms.get(key).into_iter().flatten();
        let shared =
            (with_form(&abbr_key).chain(with_form(&name_key))).any(|&i| orgs[i].id != org.id);
        if shared {
            return None;
        }
        let card_id = Some(CardId::Org(org.id.clone()));
        // A name that shares most of its words with the answer's ("Communist Party" for the
        // "Spanish Communist Party") may be what the abbreviation stands for, loosely.
        // Wrong answers are what other abbreviations stand for (never a newspaper's or a
        // shop's name, which stands for nothing), bodies of the same sort first.
        let words = content_words(&org.name);
        let name_words = &self.tables.org_name_words;
        // Worked out only for the kinds that draw wrong names (a typed question has none).
        let tiers = || {
            let (same_sort, other_sorts): (Vec<&Organization>, Vec<&Organization>) =
                (orgs.iter().zip(name_words))
                    .zip(&self.tables.org_name_keys)
                    .filter(|((o, _), _)| o.id != org.id && !o.abbreviations.is_empty())
                    .filter(|((_, their), _)| !similar(&words, their))
                    .filter(|(_, their)| !overlapping_names(their, &name_key))
                    .map(|((o, _), _)| o)
                    .partition(|o| o.kind == org.kind);
            vec![(same_sort, DISTRACTORS), (other_sorts, DISTRACTORS)]
        };
        let name = |o: &Organization| o.name.clone();
        let mut taken: BTreeSet<String> = org_forms(org).iter().map(|f| normalize(f)).collect();
        let (prompt, body, answer_text) = match kind {
            QuestionKind::TrueFalse => {
                let sentence = |name: &str| format!("{abbr} stands for {name}.");
                let statement = if rng.coin() {
                    None
                } else {
                    pick_tiered(rng, tiers(), name, &mut taken, 1)
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
                let distractors = pick_tiered(rng, tiers(), name, &mut taken, DISTRACTORS);
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
/// "Spanish Communist Party"); both normalised.
fn overlapping_names(a: &str, b: &str) -> bool {
    contains_words(a, b) || contains_words(b, a)
}

/// Whether `short` stands in `long` between spaces or the ends (`" long "` contains
/// `" short "`), without building either padded text.
pub(super) fn contains_words(long: &str, short: &str) -> bool {
    let word_starts = std::iter::once(0).chain(long.match_indices(' ').map(|(at, _)| at + 1));
    word_starts.into_iter().any(|at| {
        long[at..]
            .strip_prefix(short)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}
