//! Long lists drawn a page at a time (thousands of people at scale never become thousands of
//! rows at once): which pages are shown, the button that shows the next one, and moving focus
//! to the first item of a page the button brought in.

use std::ops::Range;

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use wasm_bindgen::JsCast;

use crate::study::text::with_commas;

/// How many pages of a list of `total` items, `per_page` each, are shown.
#[derive(Clone, Copy)]
pub struct ShownPages {
    total: Signal<usize>,
    per_page: usize,
    pages: RwSignal<usize>,
}

impl ShownPages {
    /// The first page of `total` items.
    pub fn new(total: usize, per_page: usize) -> Self {
        Self::of_changing(Signal::stored(total), per_page)
    }

    /// The first page of a list whose length changes (search results): call [`Self::reset`]
    /// when it is a new list.
    pub fn of_changing(total: Signal<usize>, per_page: usize) -> Self {
        ShownPages {
            total,
            per_page,
            pages: RwSignal::new(1),
        }
    }

    /// The numbers of the pages shown (for a keyed `<For>`: showing more adds one).
    pub fn shown(&self) -> Range<usize> {
        0..self
            .pages
            .get()
            .min(self.total.get().div_ceil(self.per_page))
    }

    /// The positions of page `page`'s items in the list.
    pub fn items_of(&self, page: usize) -> Range<usize> {
        let total = self.total.get();
        (page * self.per_page).min(total)..((page + 1) * self.per_page).min(total)
    }

    /// How many items the shown pages hold.
    pub fn shown_items(&self) -> usize {
        (self.pages.get() * self.per_page).min(self.total.get())
    }

    /// Where the last page shown starts, once "Show more" has been used (the item that
    /// takes focus when it is drawn).
    pub fn last_page_start_untracked(&self) -> Option<usize> {
        let pages = self.pages.get_untracked();
        (pages > 1).then(|| (pages - 1) * self.per_page)
    }

    /// How many items the next page would add (0 once everything is shown).
    pub fn next_count(&self) -> usize {
        (self.total.get() - self.shown_items()).min(self.per_page)
    }

    pub fn show_next(&self) {
        self.pages.update(|pages| *pages += 1);
    }

    /// Back to the first page (a new search).
    pub fn reset(&self) {
        if self.pages.get_untracked() != 1 {
            self.pages.set(1);
        }
    }
}

/// "Show 50 more (of 11,600)", while anything is left to show; `what` names the items
/// after the count ("" for people, " groups").
#[component]
pub fn ShowMoreButton(pages: ShownPages, #[prop(optional)] what: &'static str) -> impl IntoView {
    move || {
        let next = pages.next_count();
        (next > 0).then(|| {
            let label = format!(
                "Show {next} more{what} (of {})",
                with_commas(pages.total.get() as u128)
            );
            view! {
                <button type="button" class="show-more" on:click=move |_| pages.show_next()>
                    {label}
                </button>
            }
        })
    }
}

/// Focuses the element behind `node` once it is in the page (the first item of a page just
/// shown, so keyboard and screen-reader users continue where the new items start).
pub fn focus_when_mounted<E>(node: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    Effect::new(move || {
        if let Some(element) = node.get() {
            let element: &web_sys::HtmlElement = element.as_ref();
            let _ = element.focus();
        }
    });
}
