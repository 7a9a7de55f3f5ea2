//! The result code a student hands in: which quiz (settings and scope), their name, when
//! they finished and how long they took, their score and every response, in a short text of
//! Crockford base-32 symbols ending in a CRC-32 checksum: `NK1<payload>-<check>`.
//!
//! The checksum catches any mistyped, changed or cut character; anyone who reads this
//! source can still make a code by hand, so a code is not proof against a determined cheat.
//! Codes are case-insensitive; spaces and line breaks around them are ignored.

use std::fmt;

use super::assignment::clean_text;
use super::{base32, checksum};
use crate::study::quiz::{QuestionKind, QuizSettings, Response, Scope, Topic};

/// What every code starts with (the format's version is its last character).
pub const PREFIX: &str = "NK1";
/// Symbols in the checksum.
const CHECK_SYMBOLS: usize = 7;
/// Longest name kept, in characters.
pub const NAME_CHARS: usize = 40;
/// Longest wrong typed answer kept, in bytes (cut at a character boundary).
const TYPED_BYTES: usize = 40;

/// One student's result for one quiz (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct QuizResult {
    pub settings: QuizSettings,
    pub scope: Scope,
    pub name: String,
    /// When the quiz was finished, in minutes since 1970 (UTC).
    pub finished_minutes: u64,
    /// How long it took, in seconds.
    pub seconds: u64,
    /// Answers wholly right, as the student's app counted them.
    pub right: u32,
    /// The response to each question, in the quiz's order.
    pub responses: Vec<Handed>,
}

/// A response as a code keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Handed {
    /// No answer was given.
    Blank,
    Given(Response),
    /// A typed answer the student's app accepted: its text is not kept (it is the answer's,
    /// or a misspelling of it), which keeps codes short.
    TypedRight,
}

impl Handed {
    /// Whether this answers the question, graded again here.
    pub fn is_right(&self, question: &crate::study::quiz::Question) -> bool {
        match self {
            Self::Blank => false,
            Self::Given(response) => crate::study::quiz::check(question, response),
            Self::TypedRight => matches!(
                question.body,
                crate::study::quiz::QuestionBody::Typed { .. }
            ),
        }
    }
}

/// Why a pasted code is refused, in words a teacher can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// Not a code of this app (another text was pasted).
    NotACode,
    /// The end of the code, with its checksum, is missing.
    Incomplete,
    /// The checksum does not match: a character was mistyped, changed or lost.
    Mistyped,
    /// The checksum matches but the content cannot be read (a newer app's code?).
    Unreadable,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "empty",
            Self::NotACode => "not a result code of this app (codes start with NK1)",
            Self::Incomplete => "incomplete: the end of the code is missing",
            Self::Mistyped => {
                "a character is wrong or missing: the checksum does not match (mistyped or edited)"
            }
            Self::Unreadable => "cannot be read (made by another version of the app?)",
        })
    }
}

// ---------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// The set as bits, by position in `all`.
fn mask<T: PartialEq>(items: &[T], all: &[T]) -> u64 {
    all.iter()
        .enumerate()
        .filter(|(_, t)| items.contains(t))
        .fold(0, |m, (i, _)| m | (1 << i))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn small(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok().filter(|&n| n <= 4096)
    }

    fn text(&mut self) -> Option<String> {
        let len = self.small()?;
        let bytes = self.bytes.get(self.at..self.at + len)?;
        self.at += len;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn set<T: Copy>(&mut self, all: &[T]) -> Option<Vec<T>> {
        let m = self.varint()?;
        (m >> all.len() == 0 && m != 0).then(|| {
            all.iter()
                .enumerate()
                .filter(|(i, _)| m & (1 << i) != 0)
                .map(|(_, &t)| t)
                .collect()
        })
    }
}

/// Tags of a response (high nibble of its first byte).
const NONE: u8 = 0;
const CHOICE: u8 = 1;
const FALSE: u8 = 2;
const TRUE: u8 = 3;
const TYPED: u8 = 4;
const ORDER: u8 = 5;
const MATCH: u8 = 6;
/// An order or match response of up to four items, each below four, in one byte after the
/// tag (two bits an item).
const ORDER_PACKED: u8 = 7;
const MATCH_PACKED: u8 = 8;
/// A typed answer the student's app accepted, kept as that mark (its text is the answer's).
const TYPED_RIGHT: u8 = 9;

/// A tag and a small value (below 15) in one byte, a larger value after it.
fn put_tagged(out: &mut Vec<u8>, tag: u8, value: usize) {
    if value < 15 {
        out.push(tag << 4 | value as u8);
    } else {
        out.push(tag << 4 | 15);
        put_varint(out, value as u64);
    }
}

fn cut(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn put_response(out: &mut Vec<u8>, handed: &Handed) {
    let response = match handed {
        Handed::Blank => return out.push(NONE << 4),
        Handed::TypedRight => return out.push(TYPED_RIGHT << 4),
        Handed::Given(response) => response,
    };
    match response {
        Response::Choice(i) => put_tagged(out, CHOICE, *i),
        Response::TrueFalse(b) => out.push(if *b { TRUE } else { FALSE } << 4),
        Response::Typed(text) => {
            let text = cut(text, TYPED_BYTES);
            put_tagged(out, TYPED, text.len());
            out.extend_from_slice(text.as_bytes());
        }
        Response::Order(items) | Response::Match(items) => {
            let order = matches!(response, Response::Order(_));
            if items.len() <= 4 && items.iter().all(|&i| i < 4) {
                let tag = if order { ORDER_PACKED } else { MATCH_PACKED };
                out.push(tag << 4 | items.len() as u8);
                out.push(
                    items
                        .iter()
                        .enumerate()
                        .fold(0, |b, (k, &i)| b | (i as u8) << (2 * k)),
                );
            } else {
                put_tagged(out, if order { ORDER } else { MATCH }, items.len());
                for &i in items {
                    put_varint(out, i as u64);
                }
            }
        }
    }
}

fn read_response(r: &mut Reader) -> Option<Handed> {
    let first = r.byte()?;
    let (tag, low) = (first >> 4, first & 15);
    let mut value = || -> Option<usize> {
        if low < 15 {
            Some(usize::from(low))
        } else {
            r.small()
        }
    };
    let response = match tag {
        NONE if low == 0 => return Some(Handed::Blank),
        TYPED_RIGHT if low == 0 => return Some(Handed::TypedRight),
        CHOICE => Some(Response::Choice(value()?)),
        FALSE if low == 0 => Some(Response::TrueFalse(false)),
        TRUE if low == 0 => Some(Response::TrueFalse(true)),
        TYPED => {
            let len = value()?;
            let bytes = r.bytes.get(r.at..r.at + len)?;
            r.at += len;
            Some(Response::Typed(String::from_utf8(bytes.to_vec()).ok()?))
        }
        ORDER_PACKED | MATCH_PACKED if low <= 4 => {
            let packed = r.byte()?;
            let items = (0..usize::from(low))
                .map(|k| usize::from(packed >> (2 * k) & 3))
                .collect();
            Some(if tag == ORDER_PACKED {
                Response::Order(items)
            } else {
                Response::Match(items)
            })
        }
        ORDER | MATCH => {
            let len = value()?;
            let items = (0..len).map(|_| r.small()).collect::<Option<Vec<_>>>()?;
            Some(if tag == ORDER {
                Response::Order(items)
            } else {
                Response::Match(items)
            })
        }
        _ => return None,
    };
    response.map(Handed::Given)
}

// ---------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------

/// The checksum symbols of a code's text (prefix and payload, upper case).
fn check(text: &str) -> String {
    base32::encode(&checksum::crc32(text.as_bytes()).to_be_bytes())
}

impl QuizResult {
    /// The result as a code (see the module documentation).
    pub fn encode(&self) -> String {
        let settings = self.settings.canonical();
        let scope = self.scope.canonical();
        let mut out = Vec::with_capacity(64);
        put_varint(&mut out, settings.seed);
        put_varint(&mut out, settings.length as u64);
        put_varint(&mut out, mask(&settings.kinds, &QuestionKind::ALL));
        put_varint(&mut out, mask(&settings.topics, &Topic::ALL));
        let scoped = !scope.is_everything();
        out.push(u8::from(scoped));
        if scoped {
            for list in [&scope.eras, &scope.groups, &scope.people] {
                put_varint(&mut out, list.len() as u64);
                for id in list {
                    put_text(&mut out, id);
                }
            }
            put_varint(&mut out, scope.sources.len() as u64);
            out.extend_from_slice(&scope.sources);
        }
        put_text(&mut out, &clean_text(&self.name, NAME_CHARS));
        put_varint(&mut out, self.finished_minutes);
        put_varint(&mut out, self.seconds);
        put_varint(&mut out, u64::from(self.right));
        put_varint(&mut out, self.responses.len() as u64);
        for response in &self.responses {
            put_response(&mut out, response);
        }
        let text = format!("{PREFIX}{}", base32::encode(&out));
        let check = check(&text);
        format!("{text}-{check}")
    }

    /// Reads a code (see [`CodeError`] for why one is refused).
    pub fn decode(code: &str) -> Result<Self, CodeError> {
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(CodeError::Empty);
        }
        if !code.starts_with(PREFIX) {
            return Err(CodeError::NotACode);
        }
        let Some((text, given)) = code.rsplit_once('-') else {
            return Err(CodeError::Incomplete);
        };
        if given.len() < CHECK_SYMBOLS {
            return Err(CodeError::Incomplete);
        }
        if given != check(text) {
            return Err(CodeError::Mistyped);
        }
        let bytes = base32::decode(&text[PREFIX.len()..]).ok_or(CodeError::Unreadable)?;
        Self::read(&bytes).ok_or(CodeError::Unreadable)
    }

    fn read(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader { bytes, at: 0 };
        let seed = r.varint()?;
        let length = r
            .small()
            .filter(|n| (1..=QuizSettings::MAX_LENGTH).contains(n))?;
        let kinds = r.set(&QuestionKind::ALL)?;
        let topics = r.set(&Topic::ALL)?;
        let mut scope = Scope::default();
        match r.byte()? {
            0 => {}
            1 => {
                for list in [&mut scope.eras, &mut scope.groups, &mut scope.people] {
                    let n = r.small()?;
                    *list = (0..n).map(|_| r.text()).collect::<Option<_>>()?;
                }
                let n = r.small()?;
                scope.sources = (0..n).map(|_| r.byte()).collect::<Option<_>>()?;
            }
            _ => return None,
        }
        let name = r.text()?;
        let finished_minutes = r.varint()?;
        let seconds = r.varint()?;
        let right = u32::try_from(r.varint()?).ok()?;
        let n = r.small()?;
        let responses = (0..n)
            .map(|_| read_response(&mut r))
            .collect::<Option<_>>()?;
        (r.at == bytes.len()).then_some(Self {
            settings: QuizSettings {
                topics,
                kinds,
                length,
                seed,
            },
            scope,
            name,
            finished_minutes,
            seconds,
            right,
            responses,
        })
    }
}
