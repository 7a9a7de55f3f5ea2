//! Source-analysis questions on the points where accounts differ (`data/disputes.toml`):
//! which account gives these words, what a given account says, whether an account says
//! something, and which of two accounts was given first.
//!
//! Open-world care: an option is wrong, or a statement false, only where the data proves it.
//! An account's own words are in its passages and no other account's; another account's claim
//! is offered as false for a giver only when the dispute's accounts `contradict` one another
//! (not where they merely differ); "given first" compares dates the document gives and never
//! asks about an undated account. No question asks which account is right.

use std::collections::BTreeSet;

use super::*;
use crate::content::{Account, Dispute, DisputeKind, DocDate};
use crate::search::normalize;
use crate::study::card_id::CardId;
use crate::study::cards::lower_first_article;
use crate::study::rng::Rng;
use crate::study::text::{excerpt, from_mid_sentence};

/// Whether the text of any passage of `account` contains `words` (whitespace aside).
fn account_contains(ctx: &Ctx, account: &Account, words: &str) -> bool {
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = collapse(words);
    account
        .passages
        .iter()
        .filter_map(|p| ctx.corpus.passage(p))
        .any(|p| collapse(&p.text).contains(&words))
}

/// The account's date, when the document gives one.
fn written(account: &Account) -> Option<DocDate> {
    DocDate::parse(account.written.as_deref()?, None).ok()
}

/// "On “How did Abram Slutsky die …?”,"
/// A multiple-choice question about one account of a dispute: `options` holds one answer per
/// account, the account's own is right and the other accounts' are the wrong options.
fn account_choice(
    rng: &mut Rng,
    dispute: &Dispute,
    account: usize,
    prompt: String,
    options: &[String],
) -> Option<Draft> {
    let mut wrong = options.to_vec();
    let right = wrong.remove(account);
    Some(Draft {
        id: None,
        prompt,
        body: choice(rng, &right, wrong)?,
        answer_text: right,
        passages: dispute.accounts[account].passages.clone(),
        card_id: Some(CardId::account(&dispute.id, account)),
    })
}

fn on(dispute: &Dispute) -> String {
    format!("On “{}”,", dispute.question.trim())
}

impl Ctx<'_> {
    fn dispute_labels(&self, dispute: &Dispute) -> Option<Vec<String>> {
        let labels: Vec<String> = dispute
            .accounts
            .iter()
            .map(|a| a.label(self.corpus))
            .collect();
        let distinct: BTreeSet<String> = labels.iter().map(|l| normalize(l)).collect();
        (distinct.len() == labels.len()).then_some(labels)
    }

    /// "Which account … gives these words?" Options: every account of the dispute; the words
    /// are in the answer's passages and in no other account's.
    pub(super) fn dispute_giver(
        &self,
        rng: &mut Rng,
        dispute: usize,
        account: usize,
    ) -> Option<Draft> {
        let d = &self.corpus.disputes[dispute];
        let labels = self.dispute_labels(d)?;
        let quote = d.accounts[account].quote.trim();
        if d.accounts
            .iter()
            .enumerate()
            .any(|(j, other)| j != account && account_contains(self, other, quote))
        {
            return None;
        }
        let shown = from_mid_sentence(&excerpt(quote, EXCERPT_CHARS));
        let prompt = format!("{} which account gives these words? “{shown}”", on(d));
        account_choice(rng, d, account, prompt, &labels)
    }

    /// "What does the account by X say?" Options: what each account of the dispute says.
    pub(super) fn dispute_says(
        &self,
        rng: &mut Rng,
        dispute: usize,
        account: usize,
    ) -> Option<Draft> {
        let d = &self.corpus.disputes[dispute];
        let labels = self.dispute_labels(d)?;
        let says: Vec<String> = d
            .accounts
            .iter()
            .map(|a| a.says.trim().to_string())
            .collect();
        let distinct: BTreeSet<String> = says.iter().map(|s| normalize(s)).collect();
        if distinct.len() != says.len() {
            return None;
        }
        let prompt = format!(
            "{} what does the account by {} say?",
            on(d),
            lower_first_article(&labels[account])
        );
        account_choice(rng, d, account, prompt, &says)
    }

    /// "X says: …" — true with the account's own claim; false with another account's claim,
    /// only where the accounts contradict one another.
    pub(super) fn dispute_statement(
        &self,
        rng: &mut Rng,
        dispute: usize,
        account: usize,
    ) -> Option<Draft> {
        let d = &self.corpus.disputes[dispute];
        let a = &d.accounts[account];
        let labels = self.dispute_labels(d)?;
        // "the authors of Stalin's Loyal Executioner (2002) say".
        let plural = a.named.as_deref().is_some_and(|n| {
            n.split_whitespace()
                .nth(1)
                .is_some_and(|w| w.ends_with('s'))
        });
        let verb = if plural { "say" } else { "says" };
        let sentence = |claim: &str| {
            format!(
                "{} {} {verb}: {}",
                on(d),
                lower_first_article(&labels[account]),
                claim.trim()
            )
        };
        let truth = sentence(&a.says);
        let others: Vec<&Account> = d
            .accounts
            .iter()
            .enumerate()
            .filter(|(j, other)| *j != account && normalize(&other.says) != normalize(&a.says))
            .map(|(_, other)| other)
            .collect();
        let swapped = (d.kind == DisputeKind::Contradict && !others.is_empty() && rng.coin())
            .then(|| rng.pick(&others).map(|other| sentence(&other.says)))
            .flatten();
        let draft = true_false(
            swapped,
            truth,
            a.passages.clone(),
            Some(CardId::account(&d.id, account)),
        );
        Some(draft)
    }

    /// "The account by X was given before the account by Y": both dated by the document, the
    /// dates not overlapping.
    pub(super) fn dispute_earlier(
        &self,
        rng: &mut Rng,
        dispute: usize,
        first: usize,
        second: usize,
    ) -> Option<Draft> {
        let d = &self.corpus.disputes[dispute];
        let labels = self.dispute_labels(d)?;
        let (a, b) = (&d.accounts[first], &d.accounts[second]);
        let (da, db) = (written(a)?, written(b)?);
        if da.may_coincide(&db) {
            return None;
        }
        let a_first = da.timeline_cmp(&db).is_lt();
        let (x, y) = if rng.coin() {
            (first, second)
        } else {
            (second, first)
        };
        let statement = |x: usize, y: usize| {
            format!(
                "{} the account by {} was given before the account by {}.",
                on(d),
                lower_first_article(&labels[x]),
                lower_first_article(&labels[y])
            )
        };
        let (earlier, later) = if a_first {
            (first, second)
        } else {
            (second, first)
        };
        let truth = statement(earlier, later);
        let shown = statement(x, y);
        let swapped = (x != earlier).then_some(shown);
        let mut passages = a.passages.clone();
        passages.extend(b.passages.iter().cloned());
        let mut draft = true_false(swapped, truth, passages, None);
        let date = |i: usize| written(&d.accounts[i]).map_or_else(String::new, |w| w.to_string());
        draft.answer_text = format!(
            "{} ({}: {}; {}: {})",
            draft.answer_text,
            labels[earlier],
            date(earlier),
            labels[later],
            date(later)
        );
        Some(draft)
    }
}
