//! What is worked out from a corpus once and kept with it: where each id stands in its list
//! (so `Corpus::person` and the other lookups take constant time), and tables that layers
//! built on the corpus derive from it (the quiz generator's), kept by type so the corpus
//! never names them.
//!
//! None of it is data: the cache is never serialised (the embedded form is unchanged), never
//! compared, and a clone starts without it. Lookups stay right when the lists are edited after
//! use: a hit is checked against the list and a miss is confirmed by a scan. A derived table
//! is rebuilt when a list has changed length since it was made, but cannot see an entry
//! edited in place: edit a clone instead (a clone works everything out afresh).

use std::any::Any;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

use super::model::{
    Corpus, Dispute, Era, Event, Group, Organization, Passage, Person, PrimarySource,
};

/// The corpus' lookup tables, built on first use.
#[derive(Default)]
pub struct Cache {
    positions: OnceLock<Positions>,
    derived: Mutex<Vec<(Shape, Table)>>,
}

impl Clone for Cache {
    /// A clone may be edited: it builds its own tables.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Cache {
    /// Not data: two corpora are equal whatever either has worked out.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

/// Where each id first occurs in its list.
struct Positions {
    passages: HashMap<String, usize>,
    people: HashMap<String, usize>,
    organizations: HashMap<String, usize>,
    groups: HashMap<String, usize>,
    eras: HashMap<String, usize>,
    events: HashMap<String, usize>,
    sources: HashMap<u8, usize>,
    disputes: HashMap<String, usize>,
}

/// The first position of each key (what a linear scan finds).
fn positions<T, K: Hash + Eq>(items: &[T], key: impl Fn(&T) -> K) -> HashMap<K, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(key(item)).or_insert(i);
    }
    map
}

impl Positions {
    fn new(corpus: &Corpus) -> Self {
        Self {
            passages: positions(&corpus.passages, |p| p.id.clone()),
            people: positions(&corpus.people, |p| p.id.clone()),
            organizations: positions(&corpus.organizations, |o| o.id.clone()),
            groups: positions(&corpus.groups, |g| g.id.clone()),
            eras: positions(&corpus.eras, |e| e.id.clone()),
            events: positions(&corpus.events, |e| e.id.clone()),
            sources: positions(&corpus.sources, |s| s.number),
            disputes: positions(&corpus.disputes, |d| d.id.clone()),
        }
    }
}

/// The item the position points at when it still has the key, else the first that has it.
fn checked<'a, T>(items: &'a [T], at: Option<&usize>, is: impl Fn(&T) -> bool) -> Option<&'a T> {
    match at.and_then(|&i| items.get(i)).filter(|item| is(item)) {
        Some(item) => Some(item),
        None => items.iter().find(|item| is(item)),
    }
}

/// A derived table, of any type.
type Table = Arc<dyn Any + Send + Sync>;

/// How long each list was when a derived table was made.
type Shape = [usize; 11];

fn shape(corpus: &Corpus) -> Shape {
    [
        corpus.passages.len(),
        corpus.groups.len(),
        corpus.people.len(),
        corpus.organizations.len(),
        corpus.eras.len(),
        corpus.events.len(),
        corpus.numbers.len(),
        corpus.quotes.len(),
        corpus.sources.len(),
        corpus.relations.len(),
        corpus.disputes.len(),
    ]
}

impl Corpus {
    fn positions(&self) -> &Positions {
        self.cache.positions.get_or_init(|| Positions::new(self))
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        checked(&self.passages, self.positions().passages.get(id), |p| {
            p.id == id
        })
    }
    pub fn person(&self, id: &str) -> Option<&Person> {
        checked(&self.people, self.positions().people.get(id), |p| {
            p.id == id
        })
    }
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        checked(
            &self.organizations,
            self.positions().organizations.get(id),
            |o| o.id == id,
        )
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        checked(&self.groups, self.positions().groups.get(id), |g| {
            g.id == id
        })
    }
    pub fn era(&self, id: &str) -> Option<&Era> {
        checked(&self.eras, self.positions().eras.get(id), |e| e.id == id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        checked(&self.events, self.positions().events.get(id), |e| {
            e.id == id
        })
    }
    pub fn source(&self, number: u8) -> Option<&PrimarySource> {
        checked(&self.sources, self.positions().sources.get(&number), |s| {
            s.number == number
        })
    }
    pub fn dispute(&self, id: &str) -> Option<&Dispute> {
        checked(&self.disputes, self.positions().disputes.get(id), |d| {
            d.id == id
        })
    }

    /// The table of type `T` that `build` derives from this corpus, built on first use and
    /// kept with the corpus (rebuilt if a list has changed length since).
    pub fn derived<T: Any + Send + Sync>(&self, build: impl FnOnce(&Corpus) -> T) -> Arc<T> {
        let now = shape(self);
        let found = {
            let tables = self.cache.derived.lock().unwrap_or_else(|e| e.into_inner());
            tables
                .iter()
                .filter(|(made, _)| *made == now)
                .find_map(|(_, table)| table.clone().downcast::<T>().ok())
        };
        if let Some(table) = found {
            return table;
        }
        // Built outside the lock: a table may derive others (or look ids up) as it is built.
        let table = Arc::new(build(self));
        let mut tables = self.cache.derived.lock().unwrap_or_else(|e| e.into_inner());
        tables.retain(|(_, other)| !other.is::<T>());
        tables.push((now, table.clone()));
        table
    }
}
