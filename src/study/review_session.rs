//! A flashcard review session as a state type the view dispatches to: the card shown, whether
//! its answer is revealed, grading it (the new state and the review record), undo, the counts
//! and the interval each grade would give. The history itself stays in saved progress: the
//! session reads it, and `grade` writes into it.

use std::collections::{BTreeMap, BTreeSet};

use super::card_id::CardId;
use super::cards::Deck;
use super::custom_study::CustomStudy;
use super::intervals::{self, Preview};
use super::leeches;
use super::review_id::ReviewId;
use super::review_queue::{self, Counts, History, Queue};
use super::schedule::{self, CardState, Clock, Grade, ReviewRecord, Settings};

/// Which cards a session studies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The deck's cards for today.
    Today,
    /// A custom study of the deck.
    Custom(CustomStudy),
}

/// What undo needs to take back one grade: the review (by id, so exactly this tab's review is
/// taken back) and the card's state before it.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    pub review: ReviewId,
    pub card: CardId,
    pub previous: Option<CardState>,
    pub grade: Grade,
    /// Whether the card had been answered earlier in the session.
    answered_before: bool,
}

/// What one grade did.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub card: CardId,
    pub next: CardState,
    pub record: ReviewRecord,
    /// The card has just been forgotten often enough to be a leech.
    pub became_leech: bool,
}

/// One review session over a deck.
#[derive(Debug, Clone)]
pub struct ReviewSession {
    deck: Deck,
    scope: Scope,
    /// The cards the session draws from, in the deck's order.
    pool: Vec<CardId>,
    current: Option<CardId>,
    revealed: bool,
    /// The card answered last (not shown twice in a row while another waits).
    last: Option<CardId>,
    answered: BTreeSet<CardId>,
    undo: Vec<UndoStep>,
    grades: Vec<Grade>,
    /// The card whose last grade made it a leech, while it is being told.
    leech: Option<CardId>,
    /// Counts every change to what is left (a grade, an undo, a new card shown), so that a view
    /// can recount only then: showing an answer changes nothing that is left.
    queue_revision: u64,
}

impl ReviewSession {
    /// A session over `pool` (the deck's cards, or a custom study's), showing its first card.
    pub fn start(
        deck: Deck,
        scope: Scope,
        pool: Vec<CardId>,
        history: History,
        clock: &Clock,
    ) -> Self {
        let mut session = Self {
            deck,
            scope,
            pool,
            current: None,
            revealed: false,
            last: None,
            answered: BTreeSet::new(),
            undo: Vec::new(),
            grades: Vec::new(),
            leech: None,
            queue_revision: 0,
        };
        session.advance(history, clock);
        session
    }

    pub fn deck(&self) -> Deck {
        self.deck
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// What is left, the card shown included.
    pub fn queue(&self, history: History, clock: &Clock) -> Queue {
        match &self.scope {
            Scope::Today => review_queue::today(self.deck, &self.pool, history, clock),
            Scope::Custom(study) => {
                study.queue(self.deck, &self.pool, &self.answered, history, clock)
            }
        }
    }

    /// New / learning / review cards left.
    pub fn counts(&self, history: History, clock: &Clock) -> Counts {
        self.queue(history, clock).counts()
    }

    /// The card shown, if any is left.
    pub fn current(&self) -> Option<&CardId> {
        self.current.as_ref()
    }

    pub fn revealed(&self) -> bool {
        self.revealed
    }

    /// Changes whenever what is left may have changed (not when an answer is shown): the
    /// counts and the queue need working out again only then.
    pub fn queue_revision(&self) -> u64 {
        self.queue_revision
    }

    /// Shows the answer; says whether anything changed.
    pub fn reveal(&mut self) -> bool {
        let changed = self.current.is_some() && !self.revealed;
        self.revealed |= changed;
        changed
    }

    /// The grades given in this session (undone ones taken out), in order.
    pub fn grades(&self) -> &[Grade] {
        &self.grades
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The card that has just become a leech, if the last grade made it one.
    pub fn new_leech(&self) -> Option<&CardId> {
        self.leech.as_ref()
    }

    /// When the card shown would come back after each grade (once its answer is shown).
    pub fn previews(&self, history: History, clock: &Clock) -> Option<[Preview; 4]> {
        let card = self.current.as_ref().filter(|_| self.revealed)?;
        Some(intervals::previews(
            history.state(card),
            clock.now_ms,
            history.settings,
        ))
    }

    /// Grades the card shown (its answer must be shown): writes its new state and the review
    /// into the history, and moves on to the next card.
    #[allow(clippy::too_many_arguments)]
    pub fn grade(
        &mut self,
        grade: Grade,
        review: ReviewId,
        states: &mut BTreeMap<String, CardState>,
        reviews: &mut Vec<ReviewRecord>,
        settings: &Settings,
        clock: &Clock,
    ) -> Option<Graded> {
        if !self.revealed {
            return None;
        }
        let card = self.current.clone()?;
        let key = card.to_string();
        let previous = states.get(&key).cloned();
        let next = schedule::review(previous.as_ref(), grade, clock.now_ms, settings);
        let record = ReviewRecord {
            id: review,
            card: key.clone(),
            grade,
            at_ms: clock.now_ms,
            was_new: previous.is_none(),
        };
        let became_leech = leeches::became_leech(previous.as_ref(), &next);
        states.insert(key, next.clone());
        reviews.push(record.clone());
        self.undo.push(UndoStep {
            review,
            card: card.clone(),
            previous,
            grade,
            answered_before: !self.answered.insert(card.clone()),
        });
        self.grades.push(grade);
        self.queue_revision += 1;
        self.leech = became_leech.then(|| card.clone());
        self.last = Some(card.clone());
        self.current = None;
        self.advance(
            History {
                states,
                reviews,
                settings,
            },
            clock,
        );
        Some(Graded {
            card,
            next,
            record,
            became_leech,
        })
    }

    /// Takes back the last grade of this session: the card is shown again, answer revealed.
    /// The caller takes the review out of the history with the step
    /// (`progress::merge::undo_review(progress, step.review, step.previous)`).
    pub fn undo(&mut self) -> Option<UndoStep> {
        let step = self.undo.pop()?;
        if let Some(i) = self.grades.iter().rposition(|g| *g == step.grade) {
            self.grades.remove(i);
        }
        if !step.answered_before {
            self.answered.remove(&step.card);
        }
        self.current = Some(step.card.clone());
        self.queue_revision += 1;
        self.revealed = true;
        self.leech = None;
        self.last = None;
        Some(step)
    }

    /// Shows the next card when none is shown (after a grade, or when "study more" or another
    /// tab has changed what is left).
    pub fn advance(&mut self, history: History, clock: &Clock) {
        if self.current.is_some() {
            return;
        }
        let queue = self.queue(history, clock);
        self.current = queue.next(clock.now_ms, self.last.as_ref()).cloned();
        self.queue_revision += 1;
        self.revealed = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::review_queue::tests::{NOON, Saved, clock, ids};

    /// Today's session of `deck` over `cards`, started at noon.
    fn today(deck: Deck, cards: Vec<CardId>, saved: &Saved) -> ReviewSession {
        ReviewSession::start(deck, Scope::Today, cards, saved.history(), &clock(NOON))
    }

    fn grade(session: &mut ReviewSession, saved: &mut Saved, grade: Grade, at_ms: i64) -> Graded {
        session.reveal();
        let id = ReviewId::from_random(saved.reviews.len() as u64 + 100);
        let Saved {
            states,
            reviews,
            settings,
        } = saved;
        session
            .grade(grade, id, states, reviews, settings, &clock(at_ms))
            .expect("a card was shown")
    }

    #[test]
    fn a_card_is_graded_only_once_its_answer_is_shown() {
        let cards = ids("person", 3);
        let mut saved = Saved::with_limit(3);
        let mut session = today(Deck::People, cards, &saved);
        let Saved {
            states,
            reviews,
            settings,
        } = &mut saved;
        let id = ReviewId::from_random(1);
        assert!(
            session
                .grade(Grade::Good, id, states, reviews, settings, &clock(NOON))
                .is_none()
        );
        assert!(session.previews(saved.history(), &clock(NOON)).is_none());
        assert!(session.reveal());
        assert!(!session.reveal(), "already shown");
        let previews = session.previews(saved.history(), &clock(NOON)).unwrap();
        assert_eq!(previews[0].short(), "<1 min");
    }

    #[test]
    fn grading_writes_the_review_and_moves_on_and_the_counts_follow() {
        let cards = ids("person", 3);
        let mut saved = Saved::with_limit(3);
        let mut session = today(Deck::People, cards, &saved);
        let first = session.current().unwrap().clone();
        let counts = |s: &ReviewSession, saved: &Saved, at| s.counts(saved.history(), &clock(at));
        assert_eq!(
            counts(&session, &saved, NOON),
            Counts {
                new: 3,
                learning: 0,
                review: 0
            }
        );
        let graded = grade(&mut session, &mut saved, Grade::Good, NOON);
        assert_eq!(graded.card, first);
        assert!(graded.record.was_new);
        assert_eq!(saved.reviews.len(), 1);
        assert_eq!(saved.states[&first.to_string()], graded.next);
        assert_ne!(session.current(), Some(&first), "another card waits");
        assert!(!session.revealed());
        // The new count falls although the card comes back later today.
        assert_eq!(
            counts(&session, &saved, NOON),
            Counts {
                new: 2,
                learning: 1,
                review: 0
            }
        );
    }

    #[test]
    fn undo_puts_the_card_back_revealed_and_names_the_review() {
        let cards = ids("person", 3);
        let mut saved = Saved::with_limit(3);
        let mut session = today(Deck::People, cards, &saved);
        let first = session.current().unwrap().clone();
        let graded = grade(&mut session, &mut saved, Grade::Easy, NOON);
        assert!(session.can_undo());
        let step = session.undo().unwrap();
        assert_eq!(step.review, graded.record.id);
        assert_eq!(step.card, first);
        assert_eq!(step.previous, None);
        assert_eq!(session.current(), Some(&first));
        assert!(session.revealed());
        assert!(session.grades().is_empty());
        assert!(session.undo().is_none(), "only this session's grades");
    }

    #[test]
    fn showing_an_answer_leaves_the_queue_revision_but_grading_and_undo_move_it() {
        let cards = ids("person", 3);
        let mut saved = Saved::with_limit(3);
        let mut session = today(Deck::People, cards, &saved);
        let start = session.queue_revision();
        session.reveal();
        assert_eq!(session.queue_revision(), start, "what is left is the same");
        grade(&mut session, &mut saved, Grade::Good, NOON);
        let graded = session.queue_revision();
        assert!(graded > start);
        session.undo();
        assert!(session.queue_revision() > graded);
    }

    #[test]
    fn a_whole_day_ends_with_nothing_left() {
        let cards = ids("event", 4);
        let mut saved = Saved::with_limit(4);
        let mut session = today(Deck::Dates, cards, &saved);
        let mut now = NOON;
        let mut steps = 0;
        while session.current().is_some() {
            now += 15 * 60_000;
            grade(&mut session, &mut saved, Grade::Good, now);
            steps += 1;
            assert!(steps < 40, "the session ends");
        }
        assert_eq!(session.counts(saved.history(), &clock(now)).total(), 0);
        assert!(session.grades().len() >= 4);
    }

    #[test]
    fn a_card_becoming_a_leech_is_told() {
        let cards = ids("number", 1);
        let mut saved = Saved::with_limit(1);
        saved.grade(
            &cards[0],
            Grade::Good,
            NOON - 400 * crate::study::schedule::DAY_MS,
        );
        let key = cards[0].to_string();
        let mut state = saved.states[&key].clone();
        state.phase = crate::study::schedule::Phase::Review;
        state.lapses = leeches::LEECH_LAPSES - 1;
        state.due_ms = NOON - 1;
        saved.states.insert(key, state);
        let mut session = today(Deck::Numbers, cards.clone(), &saved);
        let graded = grade(&mut session, &mut saved, Grade::Again, NOON);
        assert!(graded.became_leech);
        assert_eq!(session.new_leech(), Some(&cards[0]));
    }
}
