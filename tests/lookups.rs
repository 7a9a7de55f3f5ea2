//! Lookups by id (`Corpus::person`, `event`, …) answer exactly what a scan of the lists
//! answers: the first entry with the id, or none. For every id in data/, for ids that are not
//! there, and after the lists are edited once the positions have been worked out.

use std::path::Path;

use nkvd_study::content::load::load_dir;
use nkvd_study::content::{Corpus, corpus, encode};

/// Every lookup against its scan, for the ids in the data and a few that are not.
fn assert_lookups_scan(c: &Corpus) {
    let missing = ["", "nobody", "p0", "p99999", "yezhov ", "YEZHOV"];
    macro_rules! check {
        ($list:ident, $lookup:ident, $key:ident) => {
            let ids: Vec<String> = c.$list.iter().map(|x| x.$key.to_string()).collect();
            for id in ids.iter().map(String::as_str).chain(missing) {
                assert_eq!(
                    c.$lookup(id).map(|x| x as *const _),
                    c.$list.iter().find(|x| x.$key == id).map(|x| x as *const _),
                    "{} {id:?}",
                    stringify!($lookup)
                );
            }
        };
    }
    check!(passages, passage, id);
    check!(people, person, id);
    check!(organizations, organization, id);
    check!(groups, group, id);
    check!(eras, era, id);
    check!(events, event, id);
    check!(disputes, dispute, id);
    for number in 0..=u8::MAX {
        assert_eq!(
            c.source(number).map(|x| x as *const _),
            c.sources
                .iter()
                .find(|s| s.number == number)
                .map(|x| x as *const _),
            "source {number}"
        );
    }
}

#[test]
fn lookups_find_what_a_scan_finds() {
    assert_lookups_scan(corpus());
    assert_lookups_scan(&load_dir(Path::new("data")).expect("data/ loads"));
    assert_lookups_scan(&Corpus::default());
}

#[test]
fn lookups_follow_edits_made_after_use() {
    let mut c = load_dir(Path::new("data")).expect("data/ loads");
    assert_lookups_scan(&c);
    // Moved, renamed, repeated, removed and added entries, after the positions are known.
    c.people.reverse();
    c.people[0].id = "renamed".into();
    let copy = c.people[3].clone();
    c.people.insert(1, copy);
    c.events.remove(0);
    c.passages.truncate(10);
    c.sources.push(c.sources[0].clone());
    c.groups.clear();
    assert_lookups_scan(&c);
    // A clone works its positions out afresh.
    let clone = c.clone();
    assert_lookups_scan(&clone);
}

#[test]
fn the_cache_is_not_data() {
    let fresh = load_dir(Path::new("data")).expect("data/ loads");
    let used = fresh.clone();
    assert_lookups_scan(&used);
    nkvd_study::study::quiz::generate(&used, &Default::default());
    assert_eq!(
        fresh, used,
        "what a corpus has worked out does not make it differ"
    );
    assert_eq!(
        encode(&fresh),
        encode(&used),
        "nor changes its embedded form"
    );
    assert_eq!(
        nkvd_study::content::decode(&encode(&used)).expect("decodes"),
        fresh
    );
}
