//! Questions about people: who did what to whom, and who is described how.

use std::collections::BTreeSet;

use super::*;
use crate::study::answer::AnswerKind;
use crate::study::card_id::CardId;
use crate::study::cards::person_passages;
use crate::study::rng::Rng;
use crate::study::text::*;

impl<'a> Ctx<'a> {
    /// Everyone of whom the relation's statement is true on `side`, given the other side.
    pub(super) fn true_side(&self, relation: usize, side: Side) -> BTreeSet<&'a str> {
        let relations = &self.corpus.relations;
        let r = &relations[relation];
        let (given, other_side) = match side {
            Side::Subject => (&r.object, Side::Object),
            Side::Object => (&r.subject, Side::Subject),
        };
        // Relations of the kind with the given person on the other side, and (for a symmetric
        // kind) on the same side.
        let with = |on: Side| {
            self.tables
                .by_side
                .get(&(r.kind, on, given.clone()))
                .into_iter()
                .flatten()
                .map(|&i| &relations[i])
        };
        let mut set = BTreeSet::new();
        for other in with(other_side) {
            set.insert(match side {
                Side::Subject => other.subject.as_str(),
                Side::Object => other.object.as_str(),
            });
        }
        if symmetric(r.kind) {
            for other in with(side) {
                set.insert(match side {
                    Side::Subject => other.object.as_str(),
                    Side::Object => other.subject.as_str(),
                });
            }
        }
        set
    }

    /// People (positions) in the same position (`side`) of relations of the same kind.
    pub(super) fn same_role(&self, relation: usize, side: Side) -> &[usize] {
        let kind = self.corpus.relations[relation].kind;
        self.tables
            .roles
            .get(&(kind, side))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the document shows `side` of the relation to be the only one, so that anyone
    /// else on that side is provably wrong.
    pub(super) fn single_side(&self, relation: usize, side: Side) -> bool {
        self.corpus.relations[relation]
            .single
            .is_some_and(|single| match side {
                Side::Subject => single.subject(),
                Side::Object => single.object(),
            })
    }

    pub(super) fn relation_sentence(&self, relation: usize, subject: &str, object: &str) -> String {
        let r = &self.corpus.relations[relation];
        self.attributed(
            r.according_to.as_ref(),
            &format!("{subject} {} {object}.", r.kind.verb()),
        )
    }

    pub(super) fn relation_question(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        relation: usize,
        side: Side,
    ) -> Option<Draft> {
        let r = &self.corpus.relations[relation];
        let subject = self.corpus.person(&r.subject)?;
        let object = self.corpus.person(&r.object)?;
        let (answer, other) = match side {
            Side::Subject => (subject, object),
            Side::Object => (object, subject),
        };
        // Open-world: ask for a side only where the document shows it is the only one.
        if answer.id == other.id || !self.single_side(relation, side) {
            return None;
        }
        let prompt = match side {
            Side::Subject => format!("Who {} {}?", r.kind.verb(), object.name),
            Side::Object => format!("{} {} whom?", subject.name, r.kind.verb()),
        };
        let prompt = self.attributed(r.according_to.as_ref(), &prompt);
        let also_true = self.true_side(relation, side);
        let body = match kind {
            QuestionKind::Typed => {
                // A typed answer must have one right answer: skip when several people fit.
                if also_true.iter().any(|id| *id != answer.id) {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: person_forms(answer),
                    rejected: self.rival_people(answer),
                    answer_kind: AnswerKind::Name,
                }
            }
            _ => {
                let mut excluded = also_true.clone();
                excluded.insert(other.id.as_str());
                let role = self.same_role(relation, side);
                let distractors = self.person_distractors(rng, answer, &excluded, role);
                choice(rng, &answer.name, distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: answer.name.clone(),
            passages: r.passages.clone(),
            card_id: Some(CardId::Person(answer.id.clone())),
        })
    }

    pub(super) fn relation_statement(&self, rng: &mut Rng, relation: usize) -> Option<Draft> {
        let r = &self.corpus.relations[relation];
        let subject = self.corpus.person(&r.subject)?;
        let object = self.corpus.person(&r.object)?;
        let truth_text = self.relation_sentence(relation, &subject.name, &object.name);
        let want_true = rng.coin();
        let mut statement = None;
        if !want_true {
            let mut sides = [Side::Subject, Side::Object];
            rng.shuffle(&mut sides);
            // Only a side the document shows to be the only one can be swapped for a falsehood.
            for side in sides.into_iter().filter(|&s| self.single_side(relation, s)) {
                let (answer, other) = match side {
                    Side::Subject => (subject, object),
                    Side::Object => (object, subject),
                };
                let mut excluded = self.true_side(relation, side);
                excluded.insert(other.id.as_str());
                let role = self.same_role(relation, side);
                let swap = self.person_distractors(rng, answer, &excluded, role);
                if let Some(swap) = swap.first() {
                    statement = Some(match side {
                        Side::Subject => self.relation_sentence(relation, swap, &object.name),
                        Side::Object => self.relation_sentence(relation, &subject.name, swap),
                    });
                    break;
                }
            }
        }
        Some(true_false(
            statement,
            truth_text,
            r.passages.clone(),
            Some(CardId::Person(subject.id.clone())),
        ))
    }

    pub(super) fn person_summary(
        &self,
        rng: &mut Rng,
        kind: QuestionKind,
        index: usize,
    ) -> Option<Draft> {
        let person = &self.corpus.people[index];
        if !self.tables.identifying.contains(&person.id) || person_named_in(person, &person.summary)
        {
            return None;
        }
        let prompt = format!("Who is described as: “{}”?", person.summary.trim());
        // Anyone whose own description says much the same is not a wrong answer. An
        // identifying summary already says that nobody's does, unless the id is repeated
        // (data the checker refuses), where another entry may be the identifying one.
        let repeated = self.tables.person_positions[&person.id].len() > 1;
        let look_alike: BTreeSet<&str> = if repeated {
            let words = content_words(&person.summary);
            self.corpus
                .people
                .iter()
                .filter(|p| p.id != person.id && similar(&words, &content_words(&p.summary)))
                .map(|p| p.id.as_str())
                .collect()
        } else {
            BTreeSet::new()
        };
        let body = match kind {
            QuestionKind::Typed => {
                if !look_alike.is_empty() {
                    return None;
                }
                QuestionBody::Typed {
                    accepted: person_forms(person),
                    rejected: self.rival_people(person),
                    answer_kind: AnswerKind::Name,
                }
            }
            _ => {
                let distractors = self.person_distractors(rng, person, &look_alike, &[]);
                choice(rng, &person.name, distractors)?
            }
        };
        Some(Draft {
            id: None,
            prompt,
            body,
            answer_text: person.name.clone(),
            passages: person_passages(person),
            card_id: Some(CardId::Person(person.id.clone())),
        })
    }
}
