//! The whole question bank (every card; every question of every kind × topic × seeds 0–39),
//! held to the defect classes a student review found: wrong keys, two defensible answers,
//! unanswerable cards, broken text, answers given away, order the document does not
//! establish, cards that do not exist, and the content checks of `data/checks.toml`. Each
//! test prints its count of defects, so a regression shows how many items it touches.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use nkvd_study::content::{Corpus, DateIs, DocDate, RelationKind, corpus};
use nkvd_study::search::normalize;
use nkvd_study::study::answer::{self, AnswerKind, parse_number};
use nkvd_study::study::card_id::CardId;
use nkvd_study::study::cards::{Card, all_cards};
use nkvd_study::study::quiz::{Question, QuestionBody, QuestionKind, Topic, text_reads_well};
use nkvd_study::timeline::event_date;

fn bank() -> &'static [(Topic, Question)] {
    static BANK: OnceLock<Vec<(Topic, Question)>> = OnceLock::new();
    BANK.get_or_init(|| nkvd_study::study::bank::questions(corpus()))
}

fn cards() -> &'static [Card] {
    static CARDS: OnceLock<Vec<Card>> = OnceLock::new();
    CARDS.get_or_init(|| all_cards(corpus()))
}

/// Prints the count and fails with the first few defects.
fn report(class: &str, checked: usize, defects: &[String]) {
    println!("{class}: {} defects in {checked} items", defects.len());
    assert!(
        defects.is_empty(),
        "{class}: {} defects, e.g.\n{}",
        defects.len(),
        defects
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[derive(serde::Deserialize)]
struct Checks {
    check: Vec<Check>,
}

#[derive(serde::Deserialize)]
struct Check {
    statement: String,
    verdict: String,
}

fn checks() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string("data/checks.toml").expect("data/checks.toml");
    let checks: Checks = toml::from_str(&text).expect("data/checks.toml parses");
    checks
        .check
        .into_iter()
        .map(|c| (key(&c.statement), c.verdict))
        .collect()
}

/// A statement without its attribution, normalised, for matching against the checks.
fn key(statement: &str) -> String {
    let bare = match statement.strip_prefix("According to ") {
        Some(rest) => rest.split_once(", ").map_or(rest, |(_, claim)| claim),
        None => statement,
    };
    normalize(bare)
}

const KINDS: [RelationKind; 17] = [
    RelationKind::Appointed,
    RelationKind::Replaced,
    RelationKind::Ordered,
    RelationKind::Killed,
    RelationKind::Accused,
    RelationKind::Arrested,
    RelationKind::Interrogated,
    RelationKind::Tortured,
    RelationKind::Recruited,
    RelationKind::Assigned,
    RelationKind::Sentenced,
    RelationKind::Prosecuted,
    RelationKind::Betrayed,
    RelationKind::Lured,
    RelationKind::Married,
    RelationKind::Met,
    RelationKind::Described,
];

/// The statements a question keys, each with the truth the question gives it: a true/false
/// question keys its statement; "Who <verb> <B>?" keys its answer as true and every other
/// option as false; "<A> <verb> whom?" likewise.
fn keyed(question: &Question) -> Vec<(String, bool)> {
    let prompt = key(&question.prompt);
    match &question.body {
        QuestionBody::TrueFalse { statement, truth } => vec![(statement.clone(), *truth)],
        QuestionBody::Choice { options, correct } if question.id.contains(":relation:") => {
            let mut out = Vec::new();
            for kind in KINDS {
                let verb = kind.verb();
                let sentence = |who: &str| -> Option<String> {
                    if let Some(object) = prompt.strip_prefix(&format!("who {verb} ")) {
                        Some(format!("{who} {verb} {object}"))
                    } else {
                        prompt
                            .strip_suffix(&format!(" {verb} whom"))
                            .map(|subject| format!("{subject} {verb} {who}"))
                    }
                };
                for (i, option) in options.iter().enumerate() {
                    if let Some(s) = sentence(&normalize(option)) {
                        out.push((s, i == *correct));
                    }
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

#[test]
fn no_key_contradicts_the_content_checks() {
    let checks = checks();
    let mut defects = Vec::new();
    let mut matched = 0;
    for (_, q) in bank() {
        for (statement, truth) in keyed(q) {
            let Some(verdict) = checks.get(&key(&statement)) else {
                continue;
            };
            matched += 1;
            let wrong = match verdict.as_str() {
                "supported" => !truth,
                "contradicted" => truth,
                _ => true, // open: never asked either way
            };
            if wrong {
                defects.push(format!(
                    "{}: “{statement}” keyed {truth}, checks say {verdict}",
                    q.id
                ));
            }
        }
    }
    println!("{matched} keyed statements matched a content check");
    report(
        "wrong keys against data/checks.toml",
        bank().len(),
        &defects,
    );
}

#[test]
fn relations_are_negated_only_on_a_side_the_document_closes() {
    // Open-world: "X <verb> Y" is false only where the document shows the other side to be
    // the only one; "met", "accused", … are never negated otherwise.
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        let is_relation = q.id.contains(":relation:");
        if !is_relation {
            continue;
        }
        checked += 1;
        // The id names the relation the question comes from.
        let parts: Vec<&str> = q.id.split(':').collect();
        let (subject, kind, object) = (parts[2], parts[3], parts[4]);
        let relation = c.relations.iter().find(|r| {
            r.subject == subject
                && r.object == object
                && format!("{:?}", r.kind).to_lowercase() == kind
        });
        let Some(relation) = relation else {
            defects.push(format!("{}: no such relation", q.id));
            continue;
        };
        let negates = keyed(q).iter().any(|(_, truth)| !truth);
        if negates && relation.single.is_none() {
            defects.push(format!("{}: negates an open relation", q.id));
        }
    }
    report("open relations negated", checked, &defects);
}

#[test]
fn no_distractor_is_also_right() {
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    // Every relation the data states, as normalised sentences.
    let facts: BTreeSet<String> = c
        .relations
        .iter()
        .filter_map(|r| {
            let s = c.person(&r.subject)?;
            let o = c.person(&r.object)?;
            Some(normalize(&format!(
                "{} {} {}",
                s.name,
                r.kind.verb(),
                o.name
            )))
        })
        .collect();
    for (_, q) in bank() {
        for (statement, truth) in keyed(q) {
            checked += 1;
            if !truth && facts.contains(&key(&statement)) {
                defects.push(format!("{}: “{statement}” is stated by the data", q.id));
            }
        }
        let QuestionBody::Choice { options, correct } = &q.body else {
            continue;
        };
        // Dates: no wrong option overlaps the right one.
        if q.id.ends_with(":date") && q.id.contains(":event:") {
            let answer = DocDate::parse_shown(&options[*correct]);
            for (i, option) in options.iter().enumerate() {
                if i != *correct
                    && let (Some(a), Some(o)) = (answer, DocDate::parse_shown(option))
                    && a.may_coincide(&o)
                {
                    defects.push(format!("{}: {option} overlaps {}", q.id, options[*correct]));
                }
            }
        }
        // Figures: every wrong option is at least half as much again as every figure the
        // data gives for the same thing.
        if q.id.ends_with(":value") {
            let id = q.id.split(':').nth(2).unwrap_or_default();
            let counts = c
                .numbers
                .iter()
                .find(|n| n.id == id)
                .map(|n| normalize(&n.counts));
            let truths: Vec<u128> = c
                .numbers
                .iter()
                .filter(|n| Some(normalize(&n.counts)) == counts)
                .filter_map(|n| parse_number(&n.value).map(|v| v.whole().max(1)))
                .collect();
            for (i, option) in options.iter().enumerate() {
                let Some(v) = parse_number(option).map(|v| v.whole().max(1)) else {
                    continue;
                };
                let close = truths.iter().any(|&t| {
                    let (low, high) = (t.min(v), t.max(v));
                    high * 2 < low * 3
                });
                if i != *correct && close {
                    defects.push(format!("{}: {option} is close to the true figure", q.id));
                }
            }
        }
    }
    report("distractors that are also right", checked, &defects);
}

#[test]
fn typed_answers_accept_the_answer_and_no_one_else() {
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        let QuestionBody::Typed {
            accepted,
            rejected,
            answer_kind,
        } = &q.body
        else {
            continue;
        };
        checked += 1;
        if !accepted
            .iter()
            .all(|a| answer::accepts(*answer_kind, accepted, rejected, a))
        {
            defects.push(format!("{}: refuses one of its own forms", q.id));
        }
        if *answer_kind == AnswerKind::Name {
            let own: BTreeSet<String> = accepted.iter().map(|a| normalize(a)).collect();
            for person in &c.people {
                if own.contains(&normalize(&person.name)) {
                    continue;
                }
                if answer::accepts(*answer_kind, accepted, rejected, &person.name) {
                    defects.push(format!("{}: accepts {}", q.id, person.name));
                }
            }
        }
    }
    report("typed keys that accept someone else", checked, &defects);
}

#[test]
fn every_card_has_one_answer() {
    let mut defects = Vec::new();
    let mut backs: BTreeMap<String, &Card> = BTreeMap::new();
    let mut quoted: BTreeSet<String> = BTreeSet::new();
    for card in cards() {
        let front = normalize(&card.front);
        if let Some(other) = backs.get(&front)
            && normalize(&other.back) != normalize(&card.back)
        {
            defects.push(format!(
                "{} and {} share the front “{}”",
                other.id, card.id, card.front
            ));
        }
        backs.insert(front, card);
        if card.id.to_string().starts_with("quote:") && !quoted.insert(normalize(&card.front)) {
            defects.push(format!("{}: a quotation with two cards", card.id));
        }
    }
    report("cards with two answers", cards().len(), &defects);
}

#[test]
fn every_text_reads_well() {
    let mut defects = Vec::new();
    let texts = cards()
        .iter()
        .flat_map(|c| [c.front.as_str(), c.back.as_str()])
        .chain(bank().iter().flat_map(|(_, q)| {
            let mut texts = vec![q.prompt.as_str(), q.answer_text.as_str()];
            match &q.body {
                QuestionBody::Choice { options, .. } => {
                    texts.extend(options.iter().map(String::as_str))
                }
                QuestionBody::TrueFalse { statement, .. } => texts.push(statement),
                QuestionBody::Order { items, .. } => texts.extend(items.iter().map(String::as_str)),
                _ => {}
            }
            texts
        }));
    let mut checked = 0;
    for text in texts {
        checked += 1;
        let broken = !text_reads_well(text)
            || text.contains("When: ")
            || text.contains(", When")
            || text.contains(", Who")
            || text.contains(", What")
            || text.contains("lured or betrayed")
            || text.contains("number of what")
            || ["beginning", "spring", "summer", "autumn", "winter"]
                .iter()
                .any(|part| text.contains(&format!("By {part} of")))
            || year_given_twice(text)
            || quotation_starts_mid_sentence(text);
        if broken {
            defects.push(text.to_string());
        }
    }
    defects.sort();
    defects.dedup();
    report("broken generated text", checked, &defects);
}

/// "… in 1938. (1938)": a year in brackets at the end that the text already gave.
fn year_given_twice(text: &str) -> bool {
    let Some(open) = text.rfind(" (") else {
        return false;
    };
    let year = text[open + 2..].trim_end_matches(')');
    year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && text[..open].contains(year)
}

/// A quotation shown from the middle of a sentence: “he was widely feared …” (a short
/// phrase such as the document's “in 1933” may start in lower case).
fn quotation_starts_mid_sentence(text: &str) -> bool {
    text.split('“').skip(1).any(|quoted| {
        let quoted = quoted.split('”').next().unwrap_or_default();
        quoted.chars().count() > 40 && quoted.starts_with(|c: char| c.is_lowercase())
    })
}

#[test]
fn no_question_gives_its_answer_away() {
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        let answers: Vec<&String> = match &q.body {
            QuestionBody::Choice { options, correct } => vec![&options[*correct]],
            QuestionBody::Typed { accepted, .. } => accepted.iter().collect(),
            _ => continue,
        };
        checked += 1;
        let prompt = normalize(&q.prompt);
        for answer in answers {
            let answer = normalize(answer);
            if !answer.is_empty() && format!(" {prompt} ").contains(&format!(" {answer} ")) {
                defects.push(format!("{}: the prompt names “{answer}”", q.id));
            }
        }
        // Figures: the options differ only in their number, never in a unit.
        if let QuestionBody::Choice { options, .. } = &q.body
            && q.id.ends_with(":value")
        {
            let words = |o: &String| -> BTreeSet<String> {
                normalize(o)
                    .split(' ')
                    .filter(|w| parse_number(w).is_none() && !w.chars().any(|c| c.is_ascii_digit()))
                    .filter(|w| !["and", "hundred", "thousand", "million"].contains(w))
                    .map(str::to_string)
                    .collect()
            };
            let first = words(&options[0]);
            if options.iter().any(|o| words(o) != first) {
                defects.push(format!(
                    "{}: options differ in more than the figure: {options:?}",
                    q.id
                ));
            }
        }
    }
    report("answers given away", checked, &defects);
}

#[test]
fn figure_options_do_not_point_at_the_answer_by_arithmetic() {
    // The answer sits at any rung of the options sorted by size: a student who always
    // picks the middle (or the one the others are multiples of) does no better than chance.
    let mut ranks = [0usize; 4];
    let mut checked = 0;
    for (_, q) in bank() {
        let QuestionBody::Choice { options, correct } = &q.body else {
            continue;
        };
        if !q.id.ends_with(":value") || options.len() != 4 {
            continue;
        }
        let values: Vec<u128> = options
            .iter()
            .filter_map(|o| parse_number(o).map(|v| v.whole()))
            .collect();
        if values.len() != 4 {
            continue;
        }
        checked += 1;
        let rank = values.iter().filter(|&&v| v < values[*correct]).count();
        ranks[rank] += 1;
    }
    println!("figure questions by the answer's rank (smallest first): {ranks:?}");
    let defects: Vec<String> = ranks
        .iter()
        .enumerate()
        .filter(|(_, n)| **n * 10 < checked)
        .map(|(rank, n)| format!("the answer is option {rank} by size in only {n} of {checked}"))
        .collect();
    report("figure options that point at the answer", checked, &defects);
}

#[test]
fn order_questions_use_only_order_the_document_establishes() {
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        if q.kind != QuestionKind::Order {
            continue;
        }
        checked += 1;
        let ids = q.id.strip_prefix("order:").unwrap_or_default().split(',');
        let events: Vec<_> = ids.filter_map(|id| c.event(id)).collect();
        for pair in events.windows(2) {
            let (a, b) = (event_date(pair[0]), event_date(pair[1]));
            if pair[0].date_is != DateIs::On || pair[1].date_is != DateIs::On {
                defects.push(format!(
                    "{}: {} is not dated by the document itself",
                    q.id, pair[0].id
                ));
            }
            if a.interval().1 >= b.interval().0 {
                defects.push(format!(
                    "{}: {} is not known to come before {}",
                    q.id, pair[0].id, pair[1].id
                ));
            }
        }
    }
    report("order not established", checked, &defects);
}

#[test]
fn dates_asked_are_the_documents_own() {
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    for (topic, q) in bank() {
        if *topic != Topic::Dates || q.kind == QuestionKind::Order {
            continue;
        }
        checked += 1;
        let id = q.id.split(':').nth(2).unwrap_or_default();
        match c.event(id) {
            Some(e) if e.date_is == DateIs::On => {}
            Some(e) => defects.push(format!(
                "{}: asks a date the document gives as {:?}",
                q.id, e.date_is
            )),
            None => defects.push(format!("{}: no such event", q.id)),
        }
    }
    report(
        "dates asked beyond what the document gives",
        checked,
        &defects,
    );
}

#[test]
fn every_question_points_at_a_card_that_exists() {
    let ids: BTreeSet<String> = cards().iter().map(|c| c.id.to_string()).collect();
    let mut defects = Vec::new();
    for (_, q) in bank() {
        if let Some(card) = &q.card_id
            && !ids.contains(&card.to_string())
        {
            defects.push(format!("{}: card {card}", q.id));
        }
    }
    report(
        "questions pointing at missing cards",
        bank().len(),
        &defects,
    );
}

#[test]
fn the_bank_is_large_and_covers_every_kind_and_topic() {
    let c: &Corpus = corpus();
    let mut per: BTreeMap<(QuestionKind, Topic), usize> = BTreeMap::new();
    for (topic, q) in bank() {
        *per.entry((q.kind, *topic)).or_default() += 1;
    }
    println!(
        "bank: {} cards, {} distinct questions; quotes {}",
        cards().len(),
        bank().len(),
        c.quotes.len()
    );
    for ((kind, topic), n) in &per {
        println!("  {} × {}: {n}", kind.slug(), topic.slug());
    }
    for kind in QuestionKind::ALL {
        assert!(per.keys().any(|(k, _)| *k == kind), "no {kind:?} question");
    }
    assert!(bank().len() > 1000);
}

/// The dispute and account a dispute question's id names (`tf:dispute:slutsky_death.2:says`).
fn dispute_account(id: &str) -> Option<(&'static nkvd_study::content::Dispute, Vec<usize>)> {
    let rest = id.split(":dispute:").nth(1)?;
    let (ids, _) = rest.split_once(':')?;
    let mut parts = ids.split('.');
    let dispute = corpus().dispute(parts.next()?)?;
    let accounts: Vec<usize> = parts
        .filter_map(|n| n.parse::<usize>().ok())
        .map(|n| n - 1)
        .collect();
    Some((dispute, accounts))
}

#[test]
fn dispute_questions_are_in_the_bank_for_each_of_their_kinds() {
    let mut kinds = BTreeSet::new();
    for (topic, q) in bank() {
        if *topic == Topic::Disputes {
            kinds.insert(q.kind);
            assert!(dispute_account(&q.id).is_some(), "{}", q.id);
        }
    }
    assert_eq!(
        kinds,
        BTreeSet::from([
            QuestionKind::MultipleChoice,
            QuestionKind::TrueFalse,
            QuestionKind::Source
        ])
    );
}

#[test]
fn a_dispute_statement_is_false_only_where_the_accounts_contradict() {
    use nkvd_study::content::DisputeKind;
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank().iter().filter(|(t, _)| *t == Topic::Disputes) {
        let QuestionBody::TrueFalse { statement, truth } = &q.body else {
            continue;
        };
        checked += 1;
        let Some((d, accounts)) = dispute_account(&q.id) else {
            continue;
        };
        if q.id.ends_with(":says") {
            let own = &d.accounts[accounts[0]];
            let says_own = statement.ends_with(own.says.trim());
            if *truth != says_own {
                defects.push(format!("{}: keyed {truth} for “{statement}”", q.id));
            }
            if !truth && d.kind != DisputeKind::Contradict {
                defects.push(format!("{}: false although the accounts only differ", q.id));
            }
        } else if q.id.ends_with(":earlier") {
            // The statement names the earlier-dated account first exactly when it is true.
            let date = |i: usize| {
                nkvd_study::content::DocDate::parse(d.accounts[i].written.as_deref().unwrap(), None)
                    .unwrap()
                    .interval()
            };
            let (a, b) = (accounts[0], accounts[1]);
            let (earlier, later) = if date(a).1 < date(b).0 {
                (a, b)
            } else {
                (b, a)
            };
            let c = corpus();
            let first = statement.find(&nkvd_study::study::cards::lower_first_article(
                &d.accounts[earlier].label(c),
            ));
            let second = statement.rfind(&nkvd_study::study::cards::lower_first_article(
                &d.accounts[later].label(c),
            ));
            let says_earlier_first = matches!((first, second), (Some(f), Some(s)) if f < s);
            if *truth != says_earlier_first {
                defects.push(format!("{}: keyed {truth} for “{statement}”", q.id));
            }
        }
    }
    report(
        "dispute statements keyed against the data",
        checked,
        &defects,
    );
}

#[test]
fn the_words_a_dispute_question_quotes_belong_to_the_answer_alone() {
    let mut defects = Vec::new();
    let mut checked = 0;
    let c = corpus();
    for (_, q) in bank().iter().filter(|(t, _)| *t == Topic::Disputes) {
        let QuestionBody::Choice { options, correct } = &q.body else {
            continue;
        };
        checked += 1;
        let Some((d, accounts)) = dispute_account(&q.id) else {
            continue;
        };
        let answer = &d.accounts[accounts[0]];
        let expected = if q.id.ends_with(":giver") {
            answer.label(c)
        } else {
            answer.says.trim().to_string()
        };
        if options[*correct] != expected {
            defects.push(format!("{}: keyed “{}”", q.id, options[*correct]));
        }
        for (i, option) in options.iter().enumerate() {
            if i == *correct {
                continue;
            }
            // Every wrong option is another account of the same dispute.
            let other = d.accounts.iter().any(|a| {
                !std::ptr::eq(a, answer) && (a.label(c) == *option || a.says.trim() == option)
            });
            if !other {
                defects.push(format!("{}: “{option}” is not another account", q.id));
            }
        }
    }
    report("dispute options that are not the data's", checked, &defects);
}

/// The quotes a question or card is about, by its card id or (match questions) its id.
fn quotes_asked(card_id: Option<&CardId>, id: &str) -> Vec<&'static nkvd_study::content::Quote> {
    let c = corpus();
    let ids: Vec<String> = match (card_id, id.strip_prefix("match:")) {
        (_, Some(list)) => list.split(',').map(str::to_string).collect(),
        (Some(CardId::Quote(q)), _) => vec![q.clone()],
        _ => vec![],
    };
    ids.iter()
        .filter_map(|q| c.quotes.iter().find(|quote| quote.id == *q))
        .collect()
}

#[test]
fn evidence_for_a_quote_shows_who_gives_it() {
    // The words of a primary source rarely name their author; its heading does ("(7) Gregory
    // Zinoviev, speech at his trial"). Every card and question about such a quote cites it.
    let c = corpus();
    let mut defects = Vec::new();
    let mut checked = 0;
    let items = bank()
        .iter()
        .map(|(_, q)| (q.card_id.as_ref(), q.id.as_str(), &q.passages))
        .chain(cards().iter().map(|k| (Some(&k.id), "", &k.passages)));
    for (card_id, id, passages) in items {
        for quote in quotes_asked(card_id, id) {
            let Some(heading) = quote
                .source
                .and_then(|n| c.source(n))
                .and_then(|s| s.passages.first())
            else {
                continue;
            };
            checked += 1;
            if !passages.contains(heading) {
                defects.push(format!(
                    "{id} {card_id:?}: cites {passages:?}, not {heading}"
                ));
            }
        }
    }
    report(
        "quote evidence without the source's heading",
        checked,
        &defects,
    );
}

#[test]
fn organization_options_are_all_of_the_answers_sort() {
    // "What does KGB stand for?" with a newspaper and a shop among the options, or "Which
    // organization is described as: 'The Soviet armed forces …'" among parties, gives itself away.
    let c = corpus();
    // Options read "Name" or "Name (ABBR)".
    let by_name = |label: &str| {
        let label = normalize(label);
        c.organizations.iter().find(|o| {
            normalize(&o.name) == label
                || o.abbreviations
                    .iter()
                    .any(|a| normalize(&format!("{} ({a})", o.name)) == label)
        })
    };
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        let Some(CardId::Org(org_id)) = &q.card_id else {
            continue;
        };
        let org = c.organization(org_id).unwrap();
        let options: Vec<String> = match &q.body {
            QuestionBody::Choice { options, .. } => options.clone(),
            QuestionBody::TrueFalse {
                statement,
                truth: false,
            } => statement
                .split_once(" stands for ")
                .map(|(_, name)| vec![name.trim_end_matches('.').to_string()])
                .unwrap_or_default(),
            _ => continue,
        };
        let abbreviation = q.id.ends_with(":abbr");
        for option in options {
            let Some(other) = by_name(&option) else {
                continue;
            };
            checked += 1;
            let fits = if abbreviation {
                !other.abbreviations.is_empty()
            } else {
                other.kind == org.kind
            };
            if !fits {
                defects.push(format!(
                    "{}: option {option:?} ({:?}) for {} ({:?})",
                    q.id, other.kind, org.name, org.kind
                ));
            }
        }
    }
    report("organization options of another sort", checked, &defects);
}

#[test]
fn no_figure_option_breaks_the_sentences_grammar() {
    // "he had ___ children": "one" cannot fill it, so it is no option at all.
    let mut defects = Vec::new();
    let mut checked = 0;
    for (_, q) in bank() {
        let QuestionBody::Choice { options, correct } = &q.body else {
            continue;
        };
        let Some(answer) = parse_number(&options[*correct]) else {
            continue;
        };
        if !matches!(&q.card_id, Some(CardId::Number(_))) {
            continue;
        }
        checked += 1;
        for option in options {
            if parse_number(option).is_some_and(|o| (o.whole() == 1) != (answer.whole() == 1)) {
                defects.push(format!(
                    "{}: {option:?} beside {:?}",
                    q.id, options[*correct]
                ));
            }
        }
    }
    report(
        "figure options of the wrong grammatical number",
        checked,
        &defects,
    );
}
