//! What a candidate's question will be about, known before it is built: its kind, its id (the
//! candidate's key) and the flashcard it tests. A scoped quiz uses it to pass over candidates
//! outside the scope without building them.

use super::scope::Subject;
use super::*;
use crate::content::Corpus;
use crate::study::card_id::CardId;

impl Candidate {
    /// The flashcard the question built from the candidate tests (`Some(None)`: none), or
    /// `None` for order and match questions, whose ids come from their draws.
    pub(super) fn card(&self, corpus: &Corpus) -> Option<Option<CardId>> {
        let person = |id: &String| Some(Some(CardId::Person(id.clone())));
        match self.spec {
            Spec::RelationSubject(i) | Spec::RelationStatement(i) => {
                person(&corpus.relations[i].subject)
            }
            Spec::RelationObject(i) => person(&corpus.relations[i].object),
            Spec::PersonSummary(i) => person(&corpus.people[i].id),
            Spec::EventDate(i) => Some(Some(CardId::Event(corpus.events[i].id.clone()))),
            Spec::NumberValue(i) | Spec::NumberCounts(i) => {
                Some(Some(CardId::Number(corpus.numbers[i].id.clone())))
            }
            Spec::OrgSummary(i) | Spec::OrgAbbreviation(i) => {
                Some(Some(CardId::Org(corpus.organizations[i].id.clone())))
            }
            Spec::QuoteSpeaker(i) => Some(Some(CardId::Quote(corpus.quotes[i].id.clone()))),
            Spec::DisputeGiver(d, a) | Spec::DisputeSays(d, a) | Spec::DisputeStatement(d, a) => {
                Some(Some(CardId::account(&corpus.disputes[d].id, a)))
            }
            Spec::SourceSummary(_)
            | Spec::SourceSpeaker(_)
            | Spec::SourceDate(_)
            | Spec::DisputeEarlier(..) => Some(None),
            Spec::Order | Spec::Match => None,
        }
    }

    /// Whether the candidate's question, once built, may be within the scope: false only
    /// when [`Scope::admits`] would certainly refuse it.
    pub(super) fn may_be_within(&self, corpus: &Corpus, scope: &Scope) -> bool {
        if scope.is_everything() {
            return true;
        }
        match self.card(corpus) {
            Some(card) => scope.may_admit(
                corpus,
                Subject {
                    kind: self.kind,
                    id: &self.key,
                    card: card.as_ref(),
                },
            ),
            None => true,
        }
    }
}
