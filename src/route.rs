//! The app's addresses. Every view lives in the URL's fragment (`#/people/yezhov`), so the
//! site is one `index.html` that any static host serves from any sub-path, with no rewrite
//! rules, and every link opens the same view in a fresh browser.

use std::fmt;

/// A view of the app, as named by the URL fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    People {
        query: Query,
    },
    Person {
        id: String,
    },
    Timeline {
        query: Query,
    },
    Relations,
    Flashcards {
        query: Query,
    },
    Quiz {
        query: Query,
    },
    Source {
        passage: Option<String>,
    },
    /// Where accounts differ, optionally at one dispute.
    Disputes {
        dispute: Option<String>,
    },
    Progress,
    /// The teacher's pages (a quiz's link parameters in the query).
    Teacher {
        page: TeacherPage,
        query: Query,
    },
    NotFound {
        path: String,
    },
}

/// Which teacher's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeacherPage {
    /// Choosing a quiz's scope, length, title and instructions; its link.
    Compose,
    /// Every question with its answer; the worksheet and answer key to print.
    Preview,
    /// A class's result codes gathered.
    Results,
}

impl TeacherPage {
    fn slug(self) -> &'static str {
        match self {
            Self::Compose => "",
            Self::Preview => "/preview",
            Self::Results => "/results",
        }
    }
}

/// The `?key=value&…` part of a fragment, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn with(mut self, key: &str, value: &str) -> Self {
        self.0.retain(|(k, _)| k != key);
        if !value.is_empty() {
            self.0.push((key.to_string(), value.to_string()));
        }
        self
    }

    fn parse(text: &str) -> Self {
        Self(
            text.split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (k, v)) in self.0.iter().enumerate() {
            write!(
                f,
                "{}{}={}",
                if i == 0 { '?' } else { '&' },
                encode(k),
                encode(v)
            )?;
        }
        Ok(())
    }
}

/// Percent-encodes everything but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_id(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Route {
    /// Reads a URL fragment, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let query = Query::parse(query);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Self::Home,
            ["people"] => Self::People { query },
            ["people", id] if is_id(id) => Self::Person { id: id.to_string() },
            ["timeline"] => Self::Timeline { query },
            ["relations"] => Self::Relations,
            ["flashcards"] => Self::Flashcards { query },
            ["quiz"] => Self::Quiz { query },
            ["source"] => Self::Source { passage: None },
            ["source", id] if is_id(id) => Self::Source {
                passage: Some(id.to_string()),
            },
            ["disputes"] => Self::Disputes { dispute: None },
            ["disputes", id] if is_id(id) => Self::Disputes {
                dispute: Some(id.to_string()),
            },
            ["progress"] => Self::Progress,
            ["teacher"] => Self::Teacher {
                page: TeacherPage::Compose,
                query,
            },
            ["teacher", "preview"] => Self::Teacher {
                page: TeacherPage::Preview,
                query,
            },
            ["teacher", "results"] => Self::Teacher {
                page: TeacherPage::Results,
                query,
            },
            _ => Self::NotFound { path: decode(path) },
        }
    }

    /// The fragment that opens this view, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Self::Home => "#/".to_string(),
            Self::People { query } => format!("#/people{query}"),
            Self::Person { id } => format!("#/people/{}", encode(id)),
            Self::Timeline { query } => format!("#/timeline{query}"),
            Self::Relations => "#/relations".to_string(),
            Self::Flashcards { query } => format!("#/flashcards{query}"),
            Self::Quiz { query } => format!("#/quiz{query}"),
            Self::Source { passage: None } => "#/source".to_string(),
            Self::Source { passage: Some(id) } => format!("#/source/{}", encode(id)),
            Self::Disputes { dispute: None } => "#/disputes".to_string(),
            Self::Disputes { dispute: Some(id) } => format!("#/disputes/{}", encode(id)),
            Self::Progress => "#/progress".to_string(),
            Self::Teacher { page, query } => format!("#/teacher{}{query}", page.slug()),
            Self::NotFound { path } => format!("#{path}"),
        }
    }

    /// Which top-level section the view belongs to, for highlighting the navigation.
    pub fn section(&self) -> Section {
        match self {
            Self::Home | Self::NotFound { .. } => Section::Home,
            Self::People { .. } | Self::Person { .. } => Section::People,
            Self::Relations => Section::Relations,
            Self::Timeline { .. } => Section::Timeline,
            Self::Flashcards { .. } => Section::Flashcards,
            Self::Quiz { .. } | Self::Teacher { .. } => Section::Quiz,
            Self::Source { .. } => Section::Source,
            Self::Disputes { .. } => Section::Disputes,
            Self::Progress => Section::Progress,
        }
    }
}

/// The app's top-level sections, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    People,
    Relations,
    Timeline,
    Flashcards,
    Quiz,
    Source,
    Disputes,
    Progress,
}

impl Section {
    /// The sections the navigation bar lists.
    pub const NAVIGATION: [Section; 8] = [
        Section::People,
        Section::Relations,
        Section::Timeline,
        Section::Flashcards,
        Section::Quiz,
        Section::Source,
        Section::Disputes,
        Section::Progress,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Home => "Home",
            Self::People => "People",
            Self::Relations => "Relations",
            Self::Timeline => "Timeline",
            Self::Flashcards => "Flashcards",
            Self::Quiz => "Quiz",
            Self::Source => "Source",
            Self::Disputes => "Accounts differ",
            Self::Progress => "Progress",
        }
    }

    pub fn route(self) -> Route {
        match self {
            Self::Home => Route::Home,
            Self::People => Route::People {
                query: Query::default(),
            },
            Self::Relations => Route::Relations,
            Self::Timeline => Route::Timeline {
                query: Query::default(),
            },
            Self::Flashcards => Route::Flashcards {
                query: Query::default(),
            },
            Self::Quiz => Route::Quiz {
                query: Query::default(),
            },
            Self::Source => Route::Source { passage: None },
            Self::Disputes => Route::Disputes { dispute: None },
            Self::Progress => Route::Progress,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_round_trips_through_its_link() {
        let routes = [
            Route::Home,
            Route::People {
                query: Query::default()
                    .with("q", "Yezov")
                    .with("group", "red_army"),
            },
            Route::Person {
                id: "yezhov".into(),
            },
            Route::Timeline {
                query: Query::default().with("era", "yezhov"),
            },
            Route::Relations,
            Route::Flashcards {
                query: Query::default().with("deck", "dates"),
            },
            Route::Quiz {
                query: Query::default().with("seed", "42").with("kinds", "mc,tf"),
            },
            Route::Source { passage: None },
            Route::Source {
                passage: Some("p012".into()),
            },
            Route::Disputes { dispute: None },
            Route::Disputes {
                dispute: Some("slutsky_death".into()),
            },
            Route::Progress,
            Route::Teacher {
                page: TeacherPage::Compose,
                query: Query::default().with("seed", "42").with("title", "Week 4"),
            },
            Route::Teacher {
                page: TeacherPage::Preview,
                query: Query::default().with("seed", "42"),
            },
            Route::Teacher {
                page: TeacherPage::Results,
                query: Query::default(),
            },
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn empty_and_slash_fragments_are_home() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(
            Route::parse("#/no/such/page"),
            Route::NotFound {
                path: "/no/such/page".into()
            }
        );
        assert!(matches!(
            Route::parse("#/people/<script>"),
            Route::NotFound { .. }
        ));
    }

    #[test]
    fn query_values_with_spaces_and_accents_survive() {
        let q = Query::default().with("q", "Fédération Anarquista & co");
        let route = Route::People { query: q };
        match Route::parse(&route.href()) {
            Route::People { query } => {
                assert_eq!(query.get("q"), Some("Fédération Anarquista & co"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn broken_escapes_do_not_panic() {
        assert!(matches!(
            Route::parse("#/people?q=%zz%"),
            Route::People { .. }
        ));
        assert!(matches!(Route::parse("#/people?q=%"), Route::People { .. }));
    }
}
