//! Reads a document folder (`data/`) into a [`Corpus`]: the text split into passages, the
//! TOML files of facts, and each person's mentions found in the passages.
//!
//! Runs on the host only: in `build.rs` (which embeds the result in the app) and in tests.
//! Shared with `build.rs` through `#[path]`: uses only `super::model`, serde, toml, aho-corasick and std.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::model::{
    Corpus, Dispute, Era, Event, Group, NameSpan, Organization, Passage, PassageKind, Person,
    PrimarySource, Quote, Relation, Statistic, is_whole_word,
};
use super::titles;

/// The files a document folder holds, in the order they are read.
pub const DATA_FILES: [&str; 12] = [
    "document.txt",
    "meta.toml",
    "groups.toml",
    "people.toml",
    "organizations.toml",
    "eras.toml",
    "events.toml",
    "numbers.toml",
    "quotes.toml",
    "sources.toml",
    "relations.toml",
    "disputes.toml",
];

/// Files a document folder may leave out (an older folder has no disputes).
pub const OPTIONAL_FILES: [&str; 1] = ["disputes.toml"];

/// A file that could not be read or parsed.
#[derive(Debug)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Groups {
    group: Vec<Group>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct People {
    person: Vec<Person>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Organizations {
    organization: Vec<Organization>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Eras {
    era: Vec<Era>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Events {
    event: Vec<Event>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Numbers {
    number: Vec<Statistic>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quotes {
    quote: Vec<Quote>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sources {
    source: Vec<PrimarySource>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Relations {
    relation: Vec<Relation>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Disputes {
    #[serde(default)]
    dispute: Vec<Dispute>,
}

/// Splits a document into passages: blocks separated by blank lines, numbered `p001`, … .
/// A block whose lines are all the same is an image caption; a single short line with no
/// closing punctuation is a heading.
pub fn split_passages(text: &str) -> Vec<Passage> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
        .into_iter()
        .enumerate()
        .map(|(index, lines)| {
            let kind = if lines.len() > 1 && lines.iter().all(|l| *l == lines[0]) {
                PassageKind::Caption
            } else if lines.len() == 1
                && lines[0].chars().count() <= 60
                && !lines[0].ends_with(['.', '!', '?', ':', '"', ')', ';'])
            {
                PassageKind::Heading
            } else {
                PassageKind::Paragraph
            };
            let text = if kind == PassageKind::Caption {
                lines[0].to_string()
            } else {
                lines.join("\n")
            };
            Passage {
                id: format!("p{:03}", index + 1),
                kind,
                text,
                names: Vec::new(),
            }
        })
        .collect()
}

fn read(dir: &Path, file: &str) -> Result<String, LoadError> {
    std::fs::read_to_string(dir.join(file)).map_err(|e| LoadError {
        file: format!("data/{file}"),
        message: format!("cannot be read: {e}"),
    })
}

fn parse<T: DeserializeOwned>(dir: &Path, file: &str) -> Result<T, LoadError> {
    let text = read(dir, file)?;
    toml::from_str(&text).map_err(|e| {
        let entry = e
            .span()
            .and_then(|span| entry_before(&text, span.start))
            .map(|id| format!("entry \"{id}\": "))
            .unwrap_or_default();
        LoadError {
            file: format!("data/{file}"),
            message: format!("{entry}{e}"),
        }
    })
}

/// The id (or source number) of the `[[table]]` entry that contains byte `at`, if any.
fn entry_before(text: &str, at: usize) -> Option<String> {
    let head = &text[..at.min(text.len())];
    let start = head.rfind("[[")?;
    text[start..].lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once('=')?;
        let key = key.trim();
        (key == "id" || key == "number").then(|| value.trim().trim_matches('"').to_string())
    })
}

/// Reads a document folder. Parsing problems name the file (and, through toml, the line);
/// the facts themselves are checked by `validate`.
pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
    let passages = split_passages(&read(dir, "document.txt")?);
    let meta: Meta = parse(dir, "meta.toml")?;
    let mut corpus = Corpus {
        title: meta.title,
        passages,
        groups: parse::<Groups>(dir, "groups.toml")?.group,
        people: parse::<People>(dir, "people.toml")?.person,
        organizations: parse::<Organizations>(dir, "organizations.toml")?.organization,
        eras: parse::<Eras>(dir, "eras.toml")?.era,
        events: parse::<Events>(dir, "events.toml")?.event,
        numbers: parse::<Numbers>(dir, "numbers.toml")?.number,
        quotes: parse::<Quotes>(dir, "quotes.toml")?.quote,
        sources: parse::<Sources>(dir, "sources.toml")?.source,
        relations: parse::<Relations>(dir, "relations.toml")?.relation,
        disputes: if dir.join("disputes.toml").exists() {
            parse::<Disputes>(dir, "disputes.toml")?.dispute
        } else {
            Vec::new()
        },
        cache: Default::default(),
    };
    fill_mentions(&mut corpus);
    Ok(corpus)
}

/// Every whole-word occurrence in `text` of the automaton's names, overlapping ones included
/// (which one counts where names overlap is the caller's choice).
pub fn whole_word_matches<'a>(
    automaton: &'a AhoCorasick,
    text: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    automaton
        .find_overlapping_iter(text)
        .filter(move |m| is_whole_word(text, m.start(), m.end()))
}

/// Records, for each person, the passages that name them, and for each passage where it
/// names whom. Where two name forms overlap ("Nikolai Yezhov" and "Yezhov"), the longer wins;
/// a name inside a book's title ("Alexander Orlov: The FBI's KGB General") names nobody.
///
/// Every name form goes into one Aho-Corasick automaton, so each passage is read once
/// whatever the number of people: the cost grows with the data, not with its square.
pub fn fill_mentions(corpus: &mut Corpus) {
    // Each distinct form once, with everyone who goes by it, in the people's order.
    let mut forms: Vec<&str> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    let mut form_index: HashMap<&str, usize> = HashMap::new();
    for (who, person) in corpus.people.iter().enumerate() {
        for form in person.name_forms().filter(|form| !form.is_empty()) {
            let at = *form_index.entry(form).or_insert_with(|| {
                forms.push(form);
                owners.push(Vec::new());
                forms.len() - 1
            });
            if !owners[at].contains(&who) {
                owners[at].push(who);
            }
        }
    }
    let automaton = AhoCorasick::new(&forms).expect("name forms make a valid automaton");
    let works: Vec<String> = corpus
        .sources
        .iter()
        .filter_map(|s| s.work.clone())
        .chain(corpus.quotes.iter().filter_map(|q| q.work.clone()))
        .collect();
    let works: Vec<&str> = works.iter().map(String::as_str).collect();
    let mut named_in: Vec<Vec<String>> = vec![Vec::new(); corpus.people.len()];
    for passage in &mut corpus.passages {
        let text = passage.text.as_str();
        let in_titles = titles::title_spans(text, &works);
        let mut found: Vec<(usize, usize, usize)> = whole_word_matches(&automaton, text)
            .flat_map(|m| {
                owners[m.pattern().as_usize()]
                    .iter()
                    .map(move |&who| (m.start(), m.end(), who))
            })
            .filter(|&(start, end, _)| !titles::within(&in_titles, start, end))
            .collect();
        // Longest first at each start (then in the people's order), and drop spans that
        // overlap an earlier one.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut kept: Vec<NameSpan> = Vec::new();
        for (start, end, who) in found {
            if kept.last().is_none_or(|last| start >= last.end) {
                let person = &corpus.people[who];
                kept.push(NameSpan {
                    start,
                    end,
                    person: person.id.clone(),
                });
                if named_in[who].last() != Some(&passage.id) {
                    named_in[who].push(passage.id.clone());
                }
            }
        }
        passage.names = kept;
    }
    for (person, mentions) in corpus.people.iter_mut().zip(named_in) {
        person.mentions = mentions;
    }
}
