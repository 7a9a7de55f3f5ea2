//! Tests that the generator's indexes and shortcuts answer exactly what the scans they
//! replace answered, on the document's own data.

use std::path::Path;

use super::*;
use crate::content::Corpus;
use crate::content::load::load_dir;

fn data() -> Corpus {
    load_dir(Path::new("data")).expect("data/ loads")
}

/// Every candidate of every kind and topic, with the question it builds with `seed`.
fn built(ctx: &Ctx, seed: u64) -> Vec<(Candidate, Option<Question>)> {
    let mut all = Vec::new();
    for kind in QuestionKind::ALL {
        for topic in Topic::ALL {
            if compatible(kind, topic) {
                for c in ctx.candidates(kind, topic, QuizSettings::MAX_LENGTH) {
                    all.push((c.clone(), build(ctx, c, seed)));
                }
            }
        }
    }
    all
}

#[test]
fn a_candidate_knows_its_questions_card_and_id() {
    let corpus = data();
    let ctx = Ctx::new(&corpus);
    let mut known = 0;
    for seed in 0..3 {
        for (candidate, question) in built(&ctx, seed) {
            let (Some(card), Some(question)) = (candidate.card(&corpus), question) else {
                continue;
            };
            assert_eq!(question.card_id, card, "{}", candidate.key);
            assert_eq!(question.id, candidate.key);
            known += 1;
        }
    }
    assert!(known > 1000, "{known}");
}

#[test]
fn a_candidate_outside_the_scope_builds_no_question_within_it() {
    let corpus = data();
    let ctx = Ctx::new(&corpus);
    let mut scopes: Vec<Scope> = Vec::new();
    for p in corpus.people.iter().step_by(7) {
        scopes.push(Scope {
            people: vec![p.id.clone()],
            ..Scope::default()
        });
    }
    for e in &corpus.eras {
        scopes.push(Scope {
            eras: vec![e.id.clone()],
            ..Scope::default()
        });
    }
    for g in &corpus.groups {
        scopes.push(Scope {
            groups: vec![g.id.clone()],
            ..Scope::default()
        });
    }
    scopes.push(Scope {
        people: vec![corpus.people[0].id.clone(), corpus.people[1].id.clone()],
        eras: vec![corpus.eras[0].id.clone()],
        sources: vec![corpus.sources[0].number],
        ..Scope::default()
    });
    let all = built(&ctx, 1);
    let (mut skipped, mut admitted) = (0, 0);
    for scope in &scopes {
        for (candidate, question) in &all {
            let may = candidate.may_be_within(&corpus, scope);
            skipped += usize::from(!may);
            if let Some(question) = question
                && scope.admits(&corpus, question)
            {
                assert!(may, "{} in {scope:?}", candidate.key);
                admitted += 1;
            }
        }
    }
    assert!(skipped > 10_000 && admitted > 100, "{skipped} {admitted}");
}

/// Each person's name keys in `corpus`.
fn keyed(corpus: &Corpus) -> Vec<Vec<crate::study::answer::KeyedName>> {
    use crate::study::answer::{KeyedName, name_keys};
    (corpus.people.iter())
        .map(|p| {
            let keys = name_keys(&p.name_forms().map(str::to_string).collect::<Vec<_>>());
            keys.into_iter().map(KeyedName::new).collect()
        })
        .collect()
}

#[test]
fn the_name_index_finds_the_close_names_a_scan_finds() {
    use crate::study::answer::name_distance;
    let mut corpus = data();
    // Numbered copies, as in the benchmark's larger data: many names a typo or two apart.
    let originals = corpus.people.clone();
    for copy in 1..4 {
        for p in &originals {
            let mut p = p.clone();
            p.id = format!("{}_x{copy}", p.id);
            p.name = format!("{}{copy}", p.name);
            corpus.people.push(p);
        }
    }
    let keys = keyed(&corpus);
    let index = name_index::NameIndex::new(keyed(&corpus));
    let mut found = 0;
    for (i, names) in keys.iter().enumerate().step_by(3) {
        for most in [1, RIVAL_DISTANCE] {
            let scanned: Vec<usize> = (keys.iter().enumerate())
                .filter(|(_, theirs)| {
                    theirs
                        .iter()
                        .any(|t| names.iter().any(|n| n.within(t, most)))
                })
                .map(|(j, _)| j)
                .collect();
            assert_eq!(index.close_to(names, most), scanned, "{i}");
            found += scanned.len();
        }
    }
    assert!(found > 1000, "{found}");
    // The quick bounds never refuse a pair the distance accepts.
    let all: Vec<_> = keys.iter().flatten().collect();
    for a in all.iter().step_by(5) {
        for b in all.iter().step_by(7) {
            let close = name_distance(a.key(), b.key()) <= RIVAL_DISTANCE;
            assert_eq!(
                a.within(b, RIVAL_DISTANCE),
                close,
                "{} {}",
                a.key(),
                b.key()
            );
        }
    }
}

#[test]
fn a_typed_question_is_the_same_whatever_the_seed() {
    // What lets the tables remember the typed candidates that make no question.
    let corpus = data();
    let ctx = Ctx::new(&corpus);
    let mut asked = 0;
    for topic in Topic::ALL {
        if !compatible(QuestionKind::Typed, topic) {
            continue;
        }
        for c in ctx.candidates(QuestionKind::Typed, topic, QuizSettings::MAX_LENGTH) {
            let first = build_afresh(&ctx, c, 0);
            for seed in [1, 7, 12345] {
                assert_eq!(build_afresh(&ctx, c, seed), first, "{}", c.key);
            }
            assert_eq!(build(&ctx, c, 3), first, "{}", c.key);
            assert_eq!(build(&ctx, c, 4), first, "{}", c.key);
            asked += usize::from(first.is_some());
        }
    }
    assert!(asked > 100, "{asked}");
}

#[test]
fn words_are_found_as_in_the_padded_texts() {
    let texts = [
        "",
        " ",
        "a",
        "a b",
        "ab ab ab",
        "xab ab ab",
        "ab ab",
        "a  b",
        "a ",
        " a",
        "communist party",
        "spanish communist party",
        "party",
        "communist",
        "nkvd",
        "g p u",
    ];
    for long in texts {
        for short in texts {
            let padded = format!(" {long} ").contains(&format!(" {short} "));
            assert_eq!(
                orgs::contains_words(long, short),
                padded,
                "{long:?} {short:?}"
            );
        }
    }
}

#[test]
fn look_alike_organizations_are_those_a_pairwise_scan_finds() {
    use crate::study::text::similar;
    let mut corpus = data();
    // Copies with the same summaries and copies with new ids, as in the larger data.
    let originals = corpus.organizations.clone();
    for copy in 1..3 {
        for o in &originals {
            let mut o = o.clone();
            if copy == 2 {
                o.id = format!("{}_x{copy}", o.id);
                o.summary = format!("{} copy {copy}", o.summary);
            }
            corpus.organizations.push(o);
        }
    }
    let ctx = Ctx::new(&corpus);
    let orgs = &corpus.organizations;
    let words = &ctx.tables.org_summary_words;
    let mut pairs = 0;
    for index in 0..orgs.len() {
        let scanned: Vec<usize> = (0..orgs.len())
            .filter(|&i| orgs[i].id == orgs[index].id || similar(&words[index], &words[i]))
            .collect();
        assert_eq!(
            ctx.tables.org_look_alikes(&corpus, index),
            scanned,
            "{index}"
        );
        pairs += scanned.len();
    }
    // Not only each organization and its copies.
    assert!(pairs > 3 * orgs.len(), "{pairs}");
}
