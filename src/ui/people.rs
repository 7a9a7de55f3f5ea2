//! The people directory (search, groups) and the page of one person.

use leptos::html;
use leptos::prelude::*;

use crate::content::{Group, Person, corpus};
use crate::route::{Query, Route};
use crate::search;
use crate::study::text::with_commas;
use crate::timeline;

use super::show_more::{ShowMoreButton, ShownPages, focus_when_mounted};

use super::common::{Attribution, NoteText, PassageLink, PassageLinks, PersonLink, StatementView};

/// Search results shown at first, and added by each "Show more".
const RESULTS_PER_PAGE: usize = 25;
/// Groups shown at first, and added by each "Show more groups".
const GROUPS_PER_PAGE: usize = 12;
/// Members of a group shown at first, and added by each "Show more" under it.
const MEMBERS_PER_PAGE: usize = 25;

/// The directory: a search box over every name variant, a group filter, and the matches,
/// grouped by the data's groups when no search is typed. Long lists are drawn a page at a
/// time (`show_more`).
#[component]
pub fn PeopleDirectory(query: Query) -> impl IntoView {
    super::set_title("People");
    let corpus = corpus();
    let text = RwSignal::new(query.get("q").unwrap_or_default().to_string());
    let group = RwSignal::new(query.get("group").unwrap_or_default().to_string());

    // Keep the address in step, so the link reopens the same search (once typing pauses).
    Effect::new(move |_| {
        let query = Query::default()
            .with("q", &text.get())
            .with("group", &group.get());
        super::replace_address_when_idle(&Route::People { query }.href());
    });

    // Positions in `corpus.people`, best match first.
    let matches = Memo::new(move |_| {
        let group = group.get();
        search::SearchIndex::of_corpus()
            .positions(&text.get())
            .into_iter()
            .filter(|&i| group.is_empty() || corpus.people[i].groups.contains(&group))
            .collect::<Vec<_>>()
    });

    // The groups are drawn once and only hidden while a search or a group filter is on, so
    // clearing the search shows them again without rebuilding every row.
    let filtering = Memo::new(move |_| !text.get().trim().is_empty() || !group.get().is_empty());
    // Each new search starts again from its first page of results.
    let pages = ShownPages::of_changing(
        Signal::derive(move || matches.with(Vec::len)),
        RESULTS_PER_PAGE,
    );
    let results = move || {
        filtering
            .get()
            .then(|| view! { <SearchResults matches pages /> })
    };
    let count = move || {
        let n = matches.get().len();
        let people = with_commas(n as u128);
        match (filtering.get(), n) {
            (false, 1) => "1 person".to_string(),
            (false, _) => format!("{people} people"),
            (true, 0) => "No one matches".to_string(),
            (true, 1) => "1 person matches".to_string(),
            (true, _) => format!("{people} people match"),
        }
    };

    view! {
        <section class="people">
            <h1 tabindex="-1">"People"</h1>
            <p class="muted">
                {corpus.people.len()} " people the document names. Search any spelling it uses; typos are forgiven. "
                <a href=Route::Relations.href()>"See who did what to whom"</a> "."
            </p>
            <div class="filters" role="search">
                <label>
                    "Search names"
                    <input
                        type="search"
                        maxlength=crate::search::MAX_QUERY_CHARS
                        placeholder="e.g. Yezhov, Tukhachevsky"
                        autocomplete="off"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            pages.reset();
                            text.set(event_target_value(&ev));
                        }
                    />
                </label>
                <label>
                    "Group"
                    <select
                        aria-label="Group"
                        prop:value=move || group.get()
                        on:change=move |ev| {
                            pages.reset();
                            group.set(event_target_value(&ev));
                        }
                    >
                        <option value="">"All groups"</option>
                        {corpus
                            .groups
                            .iter()
                            .map(|g| view! { <option value=g.id.clone()>{g.name.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="result-count" role="status" aria-live="polite">{count}</p>
            <div class="groups" hidden=move || filtering.get()><GroupSections /></div>
            {results}
        </section>
    }
}

/// The people a search or group filter matches, best first, a page at a time. Each row is
/// keyed by the person, so a keystroke that keeps someone in the results keeps their row:
/// only the rows that come and go are drawn.
#[component]
fn SearchResults(matches: Memo<Vec<usize>>, pages: ShownPages) -> impl IntoView {
    let people = &corpus().people;
    let shown = Memo::new(move |_| {
        let n = pages.shown_items();
        matches.with(|m| m[..n.min(m.len())].to_vec())
    });
    let row = move |i: usize| {
        // The first row of a page "Show more" just added takes focus; rows that a keystroke
        // brings in never do (a new search is back on its first page).
        let focus = (pages.last_page_start_untracked())
            .is_some_and(|start| matches.with_untracked(|m| m.get(start) == Some(&i)));
        view! { <PersonRow person=&people[i] focus /> }
    };
    // Redrawn only when the results become empty or stop being so.
    let none = Memo::new(move |_| matches.with(Vec::is_empty));
    move || {
        if none.get() {
            view! { <p class="empty">"No one matches. Try part of a surname, or clear the group."</p> }
                .into_any()
        } else {
            view! {
                <ul class="person-list search-results">
                    <For each=move || shown.get() key=|i| *i children=row />
                </ul>
                <ShowMoreButton pages />
            }
            .into_any()
        }
    }
}

/// Every group with its members, a page of groups at a time.
#[component]
fn GroupSections() -> impl IntoView {
    let groups = &corpus().groups;
    let pages = ShownPages::new(groups.len(), GROUPS_PER_PAGE);
    let page_of_groups = move |page: usize| {
        groups[pages.items_of(page)]
            .iter()
            .enumerate()
            .map(|(i, group)| {
                let focus = page > 0 && i == 0;
                view! { <GroupSection group focus /> }
            })
            .collect_view()
    };
    view! {
        <For each=move || pages.shown() key=|page| *page children=page_of_groups />
        <ShowMoreButton pages what=" groups" />
    }
}

/// One group: its name, what it is, and its members. With `focus`, its heading takes focus
/// when drawn (it was just shown by "Show more groups").
#[component]
fn GroupSection(group: &'static Group, focus: bool) -> impl IntoView {
    let members: Vec<&'static Person> = corpus()
        .people
        .iter()
        .filter(|p| p.groups.contains(&group.id))
        .collect();
    let heading_id = format!("group-{}", group.id);
    let labelled_by = heading_id.clone();
    let heading = NodeRef::<html::H2>::new();
    if focus {
        focus_when_mounted(heading);
    }
    view! {
        <section class="group" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1" node_ref=heading>
                {group.name.clone()} " " <span class="count">"(" {members.len()} ")"</span>
            </h2>
            <p class="muted">{group.description.clone()}</p>
            <PersonPages people=members per_page=MEMBERS_PER_PAGE />
        </section>
    }
}

/// A list of people drawn a page at a time, with "Show more" below it while any are left.
#[component]
fn PersonPages(people: Vec<&'static Person>, per_page: usize) -> impl IntoView {
    let pages = ShownPages::new(people.len(), per_page);
    let page_of_rows = move |page: usize| {
        people[pages.items_of(page)]
            .iter()
            .enumerate()
            .map(|(i, &person)| {
                let focus = page > 0 && i == 0;
                view! { <PersonRow person focus /> }
            })
            .collect_view()
    };
    view! {
        <ul class="person-list">
            <For each=move || pages.shown() key=|page| *page children=page_of_rows />
        </ul>
        <ShowMoreButton pages />
    }
}

/// One line of the directory: the name and who they were. With `focus`, the name takes focus
/// when drawn (its row was just shown by "Show more").
#[component]
fn PersonRow(person: &'static Person, focus: bool) -> impl IntoView {
    let link = NodeRef::<html::A>::new();
    if focus {
        focus_when_mounted(link);
    }
    view! {
        <li>
            <a class="person-name" href=Route::Person { id: person.id.clone() }.href() node_ref=link>
                {person.name.clone()}
            </a>
            <span class="summary">" — " {person.summary.clone()}</span>
        </li>
    }
}

/// A person's page.
#[component]
pub fn PersonPage(id: String) -> impl IntoView {
    let corpus = corpus();
    let Some(person) = corpus.person(&id) else {
        super::set_title("Person not found");
        return view! {
            <section>
                <h1 tabindex="-1">"Person not found"</h1>
                <p>"No one in the document has the id " <code>{id}</code> "."</p>
                <p><a href=Route::People { query: Query::default() }.href()>"Browse the people directory"</a></p>
            </section>
        }
        .into_any();
    };
    super::set_title(&person.name);
    view! { <PersonDetails person /> }.into_any()
}

#[component]
fn PersonDetails(person: &'static Person) -> impl IntoView {
    let corpus = corpus();
    let events = timeline::events_of(corpus, &person.id);
    let outgoing: Vec<_> = corpus
        .relations
        .iter()
        .filter(|r| r.subject == person.id)
        .collect();
    let incoming: Vec<_> = corpus
        .relations
        .iter()
        .filter(|r| r.object == person.id)
        .collect();
    let quotes_by: Vec<_> = corpus
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some(person.id.as_str()))
        .collect();
    let quotes_about: Vec<_> = corpus
        .quotes
        .iter()
        .filter(|q| {
            q.about.contains(&person.id) && q.speaker.as_deref() != Some(person.id.as_str())
        })
        .collect();

    let relation_item = |r: &'static crate::content::Relation, subject_is_self: bool| {
        let other = if subject_is_self {
            r.object.clone()
        } else {
            r.subject.clone()
        };
        let line = if subject_is_self {
            view! { {person.name.clone()} " " {r.kind.verb()} " " <PersonLink id=other /> }
                .into_any()
        } else {
            view! { <PersonLink id=other /> " " {r.kind.verb()} " " {person.name.clone()} }
                .into_any()
        };
        view! {
            <li>
                {line}
                <Attribution according_to=r.according_to.clone() />
                " "
                <PassageLinks ids=r.passages.clone() />
                {r.note.clone().map(|text| view! { <span class="note">" Note: " <NoteText text /></span> })}
            </li>
        }
    };

    let quote_item = |q: &'static crate::content::Quote| {
        let who = q
            .speaker
            .clone()
            .map(|id| view! { <PersonLink id /> }.into_any())
            .or_else(|| {
                q.organization
                    .as_ref()
                    .and_then(|o| corpus.organization(o))
                    .map(|o| view! { <span>{o.name.clone()}</span> }.into_any())
            });
        view! {
            <li>
                <blockquote>
                    <p>"“" {q.text.clone()} "”"</p>
                    <footer>
                        {who}
                        {q.work.clone().map(|w| view! { ", " <cite>{w}</cite> })}
                        {q.year.map(|y| format!(" ({y})"))}
                        " "
                        <PassageLink id=q.passage.clone() />
                    </footer>
                </blockquote>
            </li>
        }
    };

    let groups = person
        .groups
        .iter()
        .filter_map(|g| corpus.group(g))
        .map(|g| {
            let href = Route::People {
                query: Query::default().with("group", &g.id),
            }
            .href();
            view! { <li><a href=href>{g.name.clone()}</a></li> }
        })
        .collect_view();

    view! {
        <article class="person-page">
            <p class="breadcrumb no-print">
                <a href=Route::People { query: Query::default() }.href()>"People"</a>
            </p>
            <h1 tabindex="-1">{person.name.clone()}</h1>
            <p class="lead">{person.summary.clone()}</p>
            {(!person.variants.is_empty()).then(|| view! {
                <p class="variants">
                    "Also written: "
                    {person.variants.join(", ")}
                </p>
            })}
            <ul class="tags" aria-label="Groups">{groups}</ul>
            {person.note.clone().map(|text| view! { <p class="note"><strong>"Note on the document: "</strong><NoteText text /></p> })}

            <h2>"What the document says"</h2>
            {if person.roles.is_empty() && person.fate.is_none() {
                view! { <p class="muted">"The document names this person without saying more."</p> }.into_any()
            } else {
                view! {
                    <ul class="statements">
                        {person.roles.iter().cloned().map(|s| view! { <li><StatementView statement=s /></li> }).collect_view()}
                        {person.fate.clone().map(|s| view! { <li class="fate"><strong>"Fate: "</strong><StatementView statement=s /></li> })}
                    </ul>
                }.into_any()
            }}

            <h2>"Events"</h2>
            {if events.is_empty() {
                view! { <p class="muted">"No dated event in the document involves this person."</p> }.into_any()
            } else {
                view! {
                    <ul class="event-list">
                        {events.into_iter().map(|e| {
                            let href = Route::Timeline { query: Query::default().with("event", &e.id) }.href();
                            view! {
                                <li>
                                    <span class="date">{timeline::event_date(e).to_string()}</span>
                                    " — "
                                    <a href=href>{e.title.clone()}</a>
                                    " "
                                    <PassageLinks ids=e.passages.clone() />
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}

            <h2>"Relations"</h2>
            {if outgoing.is_empty() && incoming.is_empty() {
                view! { <p class="muted">"The document records no relation between this person and another."</p> }.into_any()
            } else {
                view! {
                    <ul class="relation-list">
                        {outgoing.into_iter().map(|r| relation_item(r, true)).collect_view()}
                        {incoming.into_iter().map(|r| relation_item(r, false)).collect_view()}
                    </ul>
                }.into_any()
            }}

            {(!quotes_by.is_empty()).then(|| view! {
                <h2>"Quotes by " {person.name.clone()}</h2>
                <ul class="quote-list">{quotes_by.into_iter().map(quote_item).collect_view()}</ul>
            })}
            {(!quotes_about.is_empty()).then(|| view! {
                <h2>"Quotes about " {person.name.clone()}</h2>
                <ul class="quote-list">{quotes_about.into_iter().map(quote_item).collect_view()}</ul>
            })}

            <super::disputes::DisputesOfPerson id=person.id.clone() />

            <h2>"Every passage that names them"</h2>
            <p class="mentions">
                {person.mentions.iter().cloned().map(|id| view! { <PassageLink id /> " " }).collect_view()}
            </p>
        </article>
    }
}
