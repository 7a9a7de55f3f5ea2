//! What a tab does with what is stored when it saves or hears of another tab's save, as
//! pure decisions the store carries out: merge with a readable copy, keep an unreadable one
//! aside before writing, and never write over a copy a newer version of the app saved.

use super::format::{self, ReadError, SavedProgress};
use super::merge;
use super::salvage;

/// What saving should do.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Write this copy (what was stored, if anything, merged in).
    Write(SavedProgress),
    /// What is stored cannot be read: keep it aside first, then write this copy (whatever
    /// could be salvaged from it merged in).
    SetAsideThenWrite {
        merged: SavedProgress,
        reason: ReadError,
        /// Readable items kept from the stored copy and unreadable ones left out, if any
        /// could be kept.
        salvaged: Option<(usize, usize)>,
    },
    /// A newer version of the app saved what is stored: leave it and stop writing.
    Stop { version: u32 },
}

/// Decides how to save `ours` over what is stored (`None`: nothing is). `known` is the text
/// this tab last wrote or adopted: when storage still holds it, nobody else wrote since and
/// there is nothing to read or merge (the costly part with a long history).
pub fn plan(ours: &SavedProgress, stored: Option<&str>, known: Option<&str>) -> Plan {
    let Some(stored) = stored else {
        return Plan::Write(ours.clone());
    };
    if known == Some(stored) {
        return Plan::Write(ours.clone());
    }
    match format::read(stored) {
        Ok(stored) => Plan::Write(merge::sync(ours, &stored)),
        Err(ReadError::FromTheFuture(version)) => Plan::Stop { version },
        Err(reason) => {
            let salvaged = salvage::salvage(stored);
            let counts = salvaged.as_ref().map(|s| (s.kept, s.dropped));
            let merged = match salvaged {
                Some(s) => merge::sync(ours, &s.progress),
                None => ours.clone(),
            };
            Plan::SetAsideThenWrite {
                merged,
                reason,
                salvaged: counts,
            }
        }
    }
}

/// What a tab should do on hearing that another tab wrote `written`.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// Adopt `merged`; save it too when it holds something the written copy lacks.
    Adopt {
        merged: SavedProgress,
        write_back: bool,
    },
    /// A newer version of the app wrote it: stop writing.
    Newer { version: u32 },
    /// Unreadable: nothing to adopt (the next save keeps it aside before writing).
    Nothing,
}

/// Decides what to do with another tab's save, `written` (the text its event carries),
/// given what this tab's storage holds now (`stored`). Both count: when another tab saved
/// from a stale read and closed, only the event's text still holds what it overwrote; when
/// this tab's own stale write landed after the one it hears of, only what storage holds now
/// shows that. Whatever this tab knows that either lacks is written back.
pub fn heard(ours: &SavedProgress, written: &str, stored: Option<&str>) -> Heard {
    let written_copy = match format::read(written) {
        Ok(copy) => copy,
        Err(ReadError::FromTheFuture(version)) => return Heard::Newer { version },
        Err(_) => return Heard::Nothing,
    };
    let merged = merge::sync(ours, &written_copy);
    let mut write_back = merge::knows_more(&merged, &written_copy);
    if !write_back && let Some(stored) = stored.filter(|s| *s != written) {
        write_back = match format::read(stored) {
            Ok(stored) => merge::knows_more(&merged, &stored),
            Err(ReadError::FromTheFuture(version)) => return Heard::Newer { version },
            // Unreadable: the save keeps it aside before writing.
            Err(_) => true,
        };
    }
    Heard::Adopt { merged, write_back }
}
