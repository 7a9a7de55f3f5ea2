//! Evidence inline: the supporting sentence(s) of each cited passage, quoted with the words
//! that carry the answer in `<mark>`, and a link to read the whole passage in the reader.
//! The text is found by `study::evidence`; every piece is rendered as a text node.

use leptos::prelude::*;

use crate::content::corpus;
use crate::content::passage_ref::passage_number;
use crate::route::Route;
use crate::study::evidence;

#[component]
pub fn Evidence(
    /// The passages cited.
    passages: Vec<String>,
    /// The answer whose words are marked.
    #[prop(into)]
    answer: String,
    /// The question (or card front), which helps pick the sentence.
    #[prop(into, optional)]
    context: String,
    /// How many passages to quote at most.
    #[prop(default = 2)]
    limit: usize,
) -> impl IntoView {
    let found = evidence::find(corpus(), &passages, &answer, &context, limit);
    (!found.is_empty()).then(|| {
        view! {
            <div class="evidence">
                <p class="evidence-heading">"Where this comes from:"</p>
                {found.into_iter().map(|e| {
                    let number = passage_number(&e.passage);
                    let href = Route::Source { passage: Some(e.passage.clone()) }.href();
                    view! {
                        <figure class="evidence-quote">
                            <blockquote>
                                <p>
                                    {e.pieces.into_iter().map(|piece| if piece.marked {
                                        view! { <mark>{piece.text}</mark> }.into_any()
                                    } else {
                                        piece.text.into_any()
                                    }).collect_view()}
                                </p>
                            </blockquote>
                            <figcaption>
                                <a class="passage-link" href=href>"Read the whole passage (¶\u{a0}" {number} ")"</a>
                            </figcaption>
                        </figure>
                    }
                }).collect_view()}
            </div>
        }
    })
}
