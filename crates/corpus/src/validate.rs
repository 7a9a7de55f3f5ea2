//! Checks a loaded corpus: unique ids, every reference resolves, every provenance points at
//! a passage of the document that really contains the name, date, number or quote it
//! supports, dates are valid and inside their era, and no required field is empty.
//!
//! Runs on the host only (`build.rs`, tests, the data checker); shared with `build.rs`
//! through `#[path]`: uses only `super::model`, `super::date`, `super::load`,
//! aho-corasick and std.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use aho_corasick::AhoCorasick;

use super::date::DocDate;
use super::load::whole_word_matches;
use super::model::{
    Account, Corpus, DateIs, DisputeKind, Organization, Passage, Person, Position, RelationKind,
};

/// One thing wrong with the data, naming the file and the entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: &'static str,
    pub entry: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: entry \"{}\": {}",
            self.file, self.entry, self.message
        )
    }
}

struct Checker<'a> {
    corpus: &'a Corpus,
    index: &'a Index<'a>,
    problems: Vec<Problem>,
}

/// Passages, people and organizations by id, so that checking references costs one lookup
/// each however large the document is.
struct Index<'a> {
    passages: HashMap<&'a str, &'a Passage>,
    people: HashMap<&'a str, &'a Person>,
    organizations: HashMap<&'a str, &'a Organization>,
}

impl<'a> Index<'a> {
    /// The first entry wins where an id is used twice, as in `Corpus::person` and the like.
    fn new(corpus: &'a Corpus) -> Self {
        fn by_id<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Index {
            passages: by_id(&corpus.passages, |p| p.id.as_str()),
            people: by_id(&corpus.people, |p| p.id.as_str()),
            organizations: by_id(&corpus.organizations, |o| o.id.as_str()),
        }
    }
}

/// Which of `names` the texts name as a whole word, reading each text once (one
/// Aho-Corasick automaton for all names) rather than once per name.
fn occurring_names<'n, 't>(
    names: impl Iterator<Item = &'n str>,
    texts: impl Iterator<Item = &'t str>,
) -> HashSet<&'n str> {
    let names: Vec<&str> = names.filter(|n| !n.is_empty()).collect();
    let mut found = HashSet::new();
    let Ok(automaton) = AhoCorasick::new(&names) else {
        return found;
    };
    for text in texts {
        for m in whole_word_matches(&automaton, text) {
            found.insert(names[m.pattern().as_usize()]);
        }
    }
    found
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a text starts with "According to" (any case): the app adds that attribution itself
/// from `according_to`, so a text that also starts with it would read "According to X,
/// According to X, …".
fn starts_with_according_to(text: &str) -> bool {
    text.trim_start()
        .get(..12)
        .is_some_and(|start| start.eq_ignore_ascii_case("according to"))
}

/// Whether a date as the document writes it names a year (four digits in a row).
fn has_year(date_text: &str) -> bool {
    date_text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Whether `text` contains `word` as a whole word, ignoring case.
fn contains_word_ignoring_case(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    !word.trim().is_empty() && super::model::names(&text, word.trim())
}

impl<'a> Checker<'a> {
    fn report(&mut self, file: &'static str, entry: &str, message: String) {
        self.problems.push(Problem {
            file,
            entry: entry.to_string(),
            message,
        });
    }

    fn non_empty(&mut self, file: &'static str, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(
                file,
                entry,
                format!("the required field `{field}` is empty"),
            );
        }
    }

    fn unique<'b>(&mut self, file: &'static str, ids: impl Iterator<Item = &'b str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.report(file, id, "the required field `id` is empty".to_string());
            } else if !seen.insert(id) {
                self.report(file, id, "this id is used twice".to_string());
            }
        }
    }

    /// The passages' texts; reports ids that are not in the document.
    fn passages(&mut self, file: &'static str, entry: &str, ids: &[String]) -> Vec<&'a str> {
        if ids.is_empty() {
            self.report(file, entry, "cites no passage".to_string());
        }
        let corpus = self.corpus;
        let index = self.index;
        ids.iter()
            .filter_map(|id| match index.passages.get(id.as_str()) {
                Some(p) => Some(p.text.as_str()),
                None => {
                    self.report(
                        file,
                        entry,
                        format!(
                            "cites {id}, which is not a passage of the document (p001–p{:03})",
                            corpus.passages.len()
                        ),
                    );
                    None
                }
            })
            .collect()
    }

    fn person(&mut self, file: &'static str, entry: &str, id: &str) -> Option<&'a Person> {
        let found = self.index.people.get(id).copied();
        if found.is_none() {
            self.report(
                file,
                entry,
                format!("refers to the person \"{id}\", who is not in data/people.toml"),
            );
        }
        found
    }

    /// Reports a person not named in any of the texts.
    fn named(&mut self, file: &'static str, entry: &str, id: &str, texts: &[&str]) {
        if let Some(person) = self.person(file, entry, id)
            && !texts.is_empty()
            && !texts.iter().any(|t| person.is_named_in(t))
        {
            self.report(
                file,
                entry,
                format!("none of its passages names {}", person.name),
            );
        }
    }

    fn organization(&mut self, file: &'static str, entry: &str, id: &str) {
        if !self.index.organizations.contains_key(id) {
            self.report(
                file,
                entry,
                format!(
                    "refers to the organization \"{id}\", which is not in data/organizations.toml"
                ),
            );
        }
    }

    /// The person an item is attributed to exists and is named where the item is cited.
    fn according_to(
        &mut self,
        file: &'static str,
        entry: &str,
        id: Option<&String>,
        texts: &[&str],
    ) {
        if let Some(id) = id
            && let Some(person) = self.person(file, entry, id)
            && !texts.is_empty()
            && !texts.iter().any(|t| person.is_named_in(t))
        {
            self.report(
                file,
                entry,
                format!(
                    "is attributed to {}, whom none of its passages names",
                    person.name
                ),
            );
        }
    }

    /// Reports an organization none of the texts names.
    fn organization_named(&mut self, file: &'static str, entry: &str, id: &str, texts: &[&str]) {
        if let Some(o) = self.index.organizations.get(id)
            && !texts.is_empty()
            && !texts.iter().any(|t| o.is_named_in(t))
        {
            self.report(
                file,
                entry,
                format!("none of its passages names {}", o.name),
            );
        }
    }
}

/// Every problem in the corpus; empty when the data is valid.
pub fn validate(corpus: &Corpus) -> Vec<Problem> {
    let index = Index::new(corpus);
    let mut c = Checker {
        corpus,
        index: &index,
        problems: Vec::new(),
    };
    const PEOPLE: &str = "data/people.toml";
    const GROUPS: &str = "data/groups.toml";
    const ORGS: &str = "data/organizations.toml";
    const ERAS: &str = "data/eras.toml";
    const EVENTS: &str = "data/events.toml";
    const NUMBERS: &str = "data/numbers.toml";
    const QUOTES: &str = "data/quotes.toml";
    const SOURCES: &str = "data/sources.toml";
    const RELATIONS: &str = "data/relations.toml";

    c.non_empty("data/meta.toml", "title", "title", &corpus.title);
    if corpus.passages.is_empty() {
        c.report(
            "data/document.txt",
            "document",
            "the document has no passage".to_string(),
        );
    }

    c.unique(GROUPS, corpus.groups.iter().map(|g| g.id.as_str()));
    for g in &corpus.groups {
        c.non_empty(GROUPS, &g.id, "name", &g.name);
    }

    c.unique(PEOPLE, corpus.people.iter().map(|p| p.id.as_str()));
    let variants_in_document = occurring_names(
        corpus
            .people
            .iter()
            .flat_map(|p| p.variants.iter().map(String::as_str)),
        corpus.passages.iter().map(|p| p.text.as_str()),
    );
    for p in &corpus.people {
        c.non_empty(PEOPLE, &p.id, "name", &p.name);
        c.non_empty(PEOPLE, &p.id, "summary", &p.summary);
        if p.groups.is_empty() {
            c.report(PEOPLE, &p.id, "belongs to no group".to_string());
        }
        for g in &p.groups {
            if corpus.group(g).is_none() {
                c.report(
                    PEOPLE,
                    &p.id,
                    format!("refers to the group \"{g}\", which is not in data/groups.toml"),
                );
            }
        }
        for variant in &p.variants {
            if !variants_in_document.contains(variant.as_str()) {
                c.report(
                    PEOPLE,
                    &p.id,
                    format!("the variant \"{variant}\" never occurs in the document"),
                );
            }
        }
        if p.mentions.is_empty() {
            c.report(
                PEOPLE,
                &p.id,
                format!("the document never names {} in any form given", p.name),
            );
        }
        for (i, s) in p.roles.iter().chain(p.fate.iter()).enumerate() {
            c.non_empty(PEOPLE, &p.id, "text", &s.text);
            let texts = c.passages(PEOPLE, &p.id, &s.passages);
            if !texts.is_empty() && !texts.iter().any(|t| p.is_named_in(t)) {
                c.report(
                    PEOPLE,
                    &p.id,
                    format!(
                        "statement {} cites passages that do not name {}",
                        i + 1,
                        p.name
                    ),
                );
            }
            c.according_to(PEOPLE, &p.id, s.according_to.as_ref(), &texts);
            if s.according_to.is_some() && starts_with_according_to(&s.text) {
                c.report(
                    PEOPLE,
                    &p.id,
                    format!(
                        "statement {} has `according_to` and also starts with \"According to\" (the app adds the attribution)",
                        i + 1
                    ),
                );
            }
        }
    }

    c.unique(ORGS, corpus.organizations.iter().map(|o| o.id.as_str()));
    for o in &corpus.organizations {
        c.non_empty(ORGS, &o.id, "name", &o.name);
        let texts = c.passages(ORGS, &o.id, &o.passages);
        if !texts.is_empty() && !texts.iter().any(|t| o.is_named_in(t)) {
            c.report(
                ORGS,
                &o.id,
                format!("none of its passages names {}", o.name),
            );
        }
    }

    c.unique(ERAS, corpus.eras.iter().map(|e| e.id.as_str()));
    for e in &corpus.eras {
        c.non_empty(ERAS, &e.id, "name", &e.name);
        for (field, value) in [("start", &e.start), ("end", &e.end)] {
            if let Err(error) = DocDate::parse(value, None) {
                c.report(ERAS, &e.id, format!("`{field}`: {error}"));
            }
        }
        if let (Ok(start), Ok(end)) = (DocDate::parse(&e.start, None), DocDate::parse(&e.end, None))
            && start.interval().0 > end.interval().1
        {
            c.report(
                ERAS,
                &e.id,
                format!("it ends ({}) before it starts ({})", e.end, e.start),
            );
        }
    }

    c.unique(EVENTS, corpus.events.iter().map(|e| e.id.as_str()));
    for e in &corpus.events {
        c.non_empty(EVENTS, &e.id, "title", &e.title);
        c.non_empty(EVENTS, &e.id, "date_text", &e.date_text);
        let texts = c.passages(EVENTS, &e.id, &e.passages);
        if !texts.is_empty()
            && !texts
                .iter()
                .any(|t| collapse(t).contains(&collapse(&e.date_text)))
        {
            c.report(
                EVENTS,
                &e.id,
                format!("none of its passages contains the date \"{}\"", e.date_text),
            );
        }
        match DocDate::parse(&e.date, e.part.as_deref()) {
            Err(error) => c.report(EVENTS, &e.id, format!("`date`: {error}")),
            Ok(date) => match corpus.era(&e.era) {
                None => c.report(
                    EVENTS,
                    &e.id,
                    format!(
                        "refers to the era \"{}\", which is not in data/eras.toml",
                        e.era
                    ),
                ),
                Some(era) => {
                    let bounds = DocDate::parse(&era.start, None).and_then(|s| {
                        DocDate::parse(&era.end, None).map(|end| (s.interval().0, end.interval().1))
                    });
                    if let Ok((from, to)) = bounds
                        && !date.overlaps(from, to)
                    {
                        c.report(
                            EVENTS,
                            &e.id,
                            format!(
                                "its date {date} is outside its era \"{}\" ({} to {})",
                                era.id, era.start, era.end
                            ),
                        );
                    }
                }
            },
        }
        for p in &e.people {
            c.named(EVENTS, &e.id, p, &texts);
        }
        for o in &e.organizations {
            c.organization(EVENTS, &e.id, o);
            c.organization_named(EVENTS, &e.id, o, &texts);
        }
        c.according_to(EVENTS, &e.id, e.according_to.as_ref(), &texts);
        if e.according_to.is_some() && starts_with_according_to(&e.title) {
            c.report(
                EVENTS,
                &e.id,
                "has `according_to` and its title also starts with \"According to\" (the app adds the attribution)".to_string(),
            );
        }
        let says_by = e
            .date_text
            .trim_start()
            .get(..3)
            .is_some_and(|start| start.eq_ignore_ascii_case("by "));
        match (says_by, e.date_is) {
            (true, DateIs::By) | (false, DateIs::On | DateIs::Derived) => {}
            (true, _) => c.report(
                EVENTS,
                &e.id,
                format!(
                    "its date_text \"{}\" gives only an upper bound, so it needs `date_is = \"by\"`",
                    e.date_text
                ),
            ),
            (false, DateIs::By) => c.report(
                EVENTS,
                &e.id,
                format!(
                    "has `date_is = \"by\"` but its date_text \"{}\" does not start with \"By\"",
                    e.date_text
                ),
            ),
        }
        if !has_year(&e.date_text) && e.date_is != DateIs::Derived {
            c.report(
                EVENTS,
                &e.id,
                format!(
                    "its date_text \"{}\" names no year, so its date is worked out from another and needs `date_is = \"derived\"`",
                    e.date_text
                ),
            );
        }
    }

    c.unique(NUMBERS, corpus.numbers.iter().map(|n| n.id.as_str()));
    for n in &corpus.numbers {
        c.non_empty(NUMBERS, &n.id, "value", &n.value);
        c.non_empty(NUMBERS, &n.id, "counts", &n.counts);
        let texts = c.passages(NUMBERS, &n.id, &n.passages);
        if !texts.is_empty() && !texts.iter().any(|t| t.contains(n.value.as_str())) {
            c.report(
                NUMBERS,
                &n.id,
                format!("none of its passages contains the number \"{}\"", n.value),
            );
        }
        for p in &n.people {
            c.named(NUMBERS, &n.id, p, &texts);
        }
        c.according_to(NUMBERS, &n.id, n.according_to.as_ref(), &texts);
        c.non_empty(NUMBERS, &n.id, "statement", &n.statement);
        if !n.statement.trim().is_empty() {
            let slots = n.statement.matches("{value}").count();
            if slots != 1 {
                c.report(
                    NUMBERS,
                    &n.id,
                    format!("its statement must contain {{value}} exactly once, not {slots} times"),
                );
            }
            if starts_with_according_to(&n.statement) {
                c.report(
                    NUMBERS,
                    &n.id,
                    "its statement starts with \"According to\" (the app adds the attribution from `according_to`)".to_string(),
                );
            }
            if let Some(source) = n.according_to.as_deref().and_then(|id| corpus.person(id))
                && source.is_named_in(&n.statement)
                && !source
                    .name_forms()
                    .any(|form| n.statement.trim_start().starts_with(&format!("{form} ")))
            {
                c.report(
                    NUMBERS,
                    &n.id,
                    format!(
                        "its statement names {} after its start, so the app's \"According to {}, …\" would name them twice: start with the name (\"{} wrote that …\")",
                        source.name, source.name, source.name
                    ),
                );
            }
        }
        if let Some(unit) = &n.unit {
            c.non_empty(NUMBERS, &n.id, "unit", unit);
            if contains_word_ignoring_case(&n.value, unit) {
                c.report(
                    NUMBERS,
                    &n.id,
                    format!(
                        "its value \"{}\" also contains its unit \"{unit}\"; the value is the figure without the unit",
                        n.value
                    ),
                );
            }
        }
    }

    c.unique(QUOTES, corpus.quotes.iter().map(|q| q.id.as_str()));
    for q in &corpus.quotes {
        c.non_empty(QUOTES, &q.id, "text", &q.text);
        let texts = c.passages(QUOTES, &q.id, std::slice::from_ref(&q.passage));
        if let Some(t) = texts.first()
            && !collapse(t).contains(&collapse(&q.text))
        {
            c.report(
                QUOTES,
                &q.id,
                format!("its text is not in passage {}", q.passage),
            );
        }
        // Who is quoted is named by the passage or, in a primary source, by its heading.
        let source = q
            .source
            .and_then(|n| corpus.sources.iter().find(|s| s.number == n));
        let mut attributing = texts.clone();
        if let Some(heading) = source
            .and_then(|s| s.passages.first())
            .and_then(|id| c.index.passages.get(id.as_str()))
        {
            attributing.push(heading.text.as_str());
        }
        // A primary source's heading may say what it is without saying who wrote it.
        if q.speaker.is_none() && q.organization.is_none() && q.source.is_none() {
            c.report(
                QUOTES,
                &q.id,
                "has neither a speaker nor an organization".to_string(),
            );
        }
        if let Some(s) = &q.speaker {
            c.named(QUOTES, &q.id, s, &attributing);
        }
        if let Some(o) = &q.organization {
            c.organization(QUOTES, &q.id, o);
            c.organization_named(QUOTES, &q.id, o, &attributing);
        }
        for p in &q.about {
            c.person(QUOTES, &q.id, p);
        }
        match (q.source, source) {
            (Some(n), None) => c.report(
                QUOTES,
                &q.id,
                format!("refers to primary source ({n}), which is not in data/sources.toml"),
            ),
            (Some(n), Some(s)) if !s.passages.contains(&q.passage) => c.report(
                QUOTES,
                &q.id,
                format!(
                    "its passage {} is not part of primary source ({n})",
                    q.passage
                ),
            ),
            _ => {}
        }
    }

    let mut quote_texts: HashMap<String, &str> = HashMap::new();
    for q in &corpus.quotes {
        let key = collapse(&q.text).to_lowercase();
        if key.is_empty() {
            continue;
        }
        if let Some(first) = quote_texts.get(&key) {
            c.report(
                QUOTES,
                &q.id,
                format!(
                    "has the same text as the quote \"{first}\"; a quotation the document gives twice is one quote"
                ),
            );
        } else {
            quote_texts.insert(key, &q.id);
        }
    }

    c.unique(
        SOURCES,
        corpus
            .sources
            .iter()
            .map(|s| s.number.to_string())
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    for s in &corpus.sources {
        let entry = format!("({})", s.number);
        c.non_empty(SOURCES, &entry, "heading", &s.heading);
        c.non_empty(SOURCES, &entry, "summary", &s.summary);
        let texts = c.passages(SOURCES, &entry, &s.passages);
        if let Some(first) = texts.first()
            && !collapse(first).contains(&collapse(&s.heading))
        {
            c.report(
                SOURCES,
                &entry,
                format!("its first passage {} is not its heading", s.passages[0]),
            );
        }
        if let Some(p) = &s.speaker {
            c.named(SOURCES, &entry, p, &texts);
        }
        if let Some(o) = &s.organization {
            c.organization(SOURCES, &entry, o);
            c.organization_named(SOURCES, &entry, o, &texts);
        }
        if let Some(d) = &s.date
            && let Err(error) = DocDate::parse(d, None)
        {
            c.report(SOURCES, &entry, format!("`date`: {error}"));
        }
        if let Some(provenance) = &s.provenance {
            c.non_empty(SOURCES, &entry, "provenance.role", &provenance.role);
            let texts = c.passages(SOURCES, &entry, &provenance.passages);
            if !texts.is_empty()
                && !provenance.role.trim().is_empty()
                && !texts
                    .iter()
                    .any(|t| collapse(t).contains(&collapse(&provenance.role)))
            {
                c.report(
                    SOURCES,
                    &entry,
                    format!(
                        "its provenance role \"{}\" is not in its passages (write the document's words)",
                        provenance.role
                    ),
                );
            }
            if s.speaker.is_none() && s.organization.is_none() {
                c.report(
                    SOURCES,
                    &entry,
                    "has a provenance but neither a speaker nor an organization".to_string(),
                );
            }
            if let Some(p) = &s.speaker {
                c.named(SOURCES, &entry, p, &texts);
            }
            if let Some(o) = &s.organization {
                c.organization_named(SOURCES, &entry, o, &texts);
            }
        }
    }

    let mut seen_relations = BTreeSet::new();
    for r in &corpus.relations {
        let entry = format!("{} {:?} {}", r.subject, r.kind, r.object).to_lowercase();
        let texts = c.passages(RELATIONS, &entry, &r.passages);
        c.named(RELATIONS, &entry, &r.subject, &texts);
        c.named(RELATIONS, &entry, &r.object, &texts);
        c.according_to(RELATIONS, &entry, r.according_to.as_ref(), &texts);
        if r.subject == r.object {
            c.report(
                RELATIONS,
                &entry,
                "relates a person to themselves".to_string(),
            );
        }
        if !seen_relations.insert((&r.subject, r.kind, &r.object, &r.passages)) {
            c.report(RELATIONS, &entry, "is given twice".to_string());
        }
    }

    // A side marked single admits nobody else: no other relation of that kind may put a
    // different person on that side.
    let mut by_object: HashMap<(RelationKind, &str), BTreeSet<&str>> = HashMap::new();
    let mut by_subject: HashMap<(RelationKind, &str), BTreeSet<&str>> = HashMap::new();
    for r in &corpus.relations {
        by_object
            .entry((r.kind, r.object.as_str()))
            .or_default()
            .insert(r.subject.as_str());
        by_subject
            .entry((r.kind, r.subject.as_str()))
            .or_default()
            .insert(r.object.as_str());
    }
    for r in &corpus.relations {
        let Some(single) = r.single else { continue };
        let entry = format!("{} {:?} {}", r.subject, r.kind, r.object).to_lowercase();
        let verb = r.kind.verb();
        if single.subject() {
            let others: Vec<&str> = by_object[&(r.kind, r.object.as_str())]
                .iter()
                .copied()
                .filter(|s| *s != r.subject)
                .collect();
            if !others.is_empty() {
                c.report(
                    RELATIONS,
                    &entry,
                    format!(
                        "says nobody but {} {verb} {}, but other relations say {} did",
                        r.subject,
                        r.object,
                        others.join(", ")
                    ),
                );
            }
        }
        if single.object() {
            let others: Vec<&str> = by_subject[&(r.kind, r.subject.as_str())]
                .iter()
                .copied()
                .filter(|o| *o != r.object)
                .collect();
            if !others.is_empty() {
                c.report(
                    RELATIONS,
                    &entry,
                    format!(
                        "says {} {verb} nobody but {}, but other relations say {} {verb} {}",
                        r.subject,
                        r.object,
                        r.subject,
                        others.join(", ")
                    ),
                );
            }
        }
    }

    check_disputes(&mut c);
    c.problems
}

/// The disputes: ids, references, and that every account cites passages that name whoever
/// gives it and contain its quotation, its giver's role and its year, in the document's words.
fn check_disputes(c: &mut Checker) {
    const DISPUTES: &str = "data/disputes.toml";
    let corpus = c.corpus;
    c.unique(DISPUTES, corpus.disputes.iter().map(|d| d.id.as_str()));
    for d in &corpus.disputes {
        let entry = d.id.as_str();
        c.non_empty(DISPUTES, entry, "question", &d.question);
        for p in &d.people {
            c.person(DISPUTES, entry, p);
        }
        for e in &d.events {
            if corpus.event(e).is_none() {
                c.report(
                    DISPUTES,
                    entry,
                    format!("refers to the event \"{e}\", which is not in data/events.toml"),
                );
            }
        }
        match (d.kind, d.accounts.len()) {
            (_, 0) => c.report(DISPUTES, entry, "has no account".to_string()),
            (DisputeKind::OneSide, 1)
                if d.accounts[0].article
                    || (d.accounts[0].person.is_none()
                        && d.accounts[0].source.is_none()
                        && d.accounts[0].named.is_none()) =>
            {
                c.report(
                    DISPUTES,
                    entry,
                    "gives one side only, so its account must be attributed to someone (person, source or named)".to_string(),
                );
            }
            (DisputeKind::OneSide, 1) => {}
            (DisputeKind::OneSide, n) => c.report(
                DISPUTES,
                entry,
                format!("is `one_side` but has {n} accounts"),
            ),
            (_, 1) => c.report(
                DISPUTES,
                entry,
                "has one account: a point on which accounts differ needs two (or `kind = \"one_side\"`)".to_string(),
            ),
            _ => {}
        }
        let mut labels = BTreeSet::new();
        for (i, a) in d.accounts.iter().enumerate() {
            let what = format!("account {}", i + 1);
            check_account(c, entry, &what, a);
            if !labels.insert(a.label(corpus)) {
                c.report(
                    DISPUTES,
                    entry,
                    format!("{what} has the same giver as another account of this dispute"),
                );
            }
        }
    }
}

fn check_account(c: &mut Checker, entry: &str, what: &str, a: &Account) {
    const DISPUTES: &str = "data/disputes.toml";
    let corpus = c.corpus;
    let givers = usize::from(a.person.is_some())
        + usize::from(a.source.is_some() && a.person.is_none())
        + usize::from(a.named.is_some())
        + usize::from(a.article);
    if givers != 1 {
        c.report(
            DISPUTES,
            entry,
            format!("{what} must name exactly one giver: `person` (with or without `source`), `source`, `named` or `article = true`"),
        );
    }
    if a.article != (a.position == Position::Article) {
        c.report(
            DISPUTES,
            entry,
            format!(
                "{what}: `position = \"article\"` goes with `article = true`, and only with it"
            ),
        );
    }
    c.non_empty(DISPUTES, entry, "says", &a.says);
    c.non_empty(DISPUTES, entry, "quote", &a.quote);
    if starts_with_according_to(&a.says) {
        c.report(
            DISPUTES,
            entry,
            format!("{what}: `says` starts with \"According to\" (the app names the giver)"),
        );
    }
    let texts = c.passages(DISPUTES, entry, &a.passages);
    if let Some(first) = texts.first()
        && !a.quote.trim().is_empty()
        && !collapse(first).contains(&collapse(&a.quote))
    {
        c.report(
            DISPUTES,
            entry,
            format!(
                "{what}: its quote is not in its first passage {}",
                a.passages[0]
            ),
        );
    }
    // Whoever gives the account is named where it is cited.
    let mut naming = texts.clone();
    if let Some(n) = a.source {
        match corpus.source(n) {
            None => c.report(
                DISPUTES,
                entry,
                format!("{what} refers to primary source ({n}), which is not in data/sources.toml"),
            ),
            Some(s) => {
                if let Some(p) = a.passages.iter().find(|p| !s.passages.contains(p)) {
                    c.report(
                        DISPUTES,
                        entry,
                        format!("{what}: passage {p} is not part of primary source ({n})"),
                    );
                }
                if let Some(heading) = s.passages.first().and_then(|id| corpus.passage(id)) {
                    naming.push(heading.text.as_str());
                }
                if a.person.is_none() {
                    match (&s.speaker, &s.organization) {
                        (Some(p), _) => c.named(DISPUTES, entry, p, &naming),
                        (None, Some(o)) => c.organization_named(DISPUTES, entry, o, &naming),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    if let Some(p) = &a.person {
        c.named(DISPUTES, entry, p, &naming);
    }
    let contains =
        |texts: &[&str], words: &str| texts.iter().any(|t| collapse(t).contains(&collapse(words)));
    if let Some(named) = &a.named
        && !contains(&naming, named)
    {
        c.report(
            DISPUTES,
            entry,
            format!("{what}: \"{named}\" is not in its passages (write the document's words)"),
        );
    }
    if let Some(role) = &a.role
        && !contains(&naming, role)
    {
        c.report(
            DISPUTES,
            entry,
            format!(
                "{what}: its role \"{role}\" is not in its passages (write the document's words)"
            ),
        );
    }
    if let Some(written) = &a.written {
        match DocDate::parse(written, None) {
            Err(error) => c.report(DISPUTES, entry, format!("{what}: `written`: {error}")),
            Ok(date) if !naming.iter().any(|t| t.contains(&date.year.to_string())) => c.report(
                DISPUTES,
                entry,
                format!(
                    "{what}: the year of `written` ({}) is in none of its passages",
                    date.year
                ),
            ),
            Ok(_) => {}
        }
    }
}
