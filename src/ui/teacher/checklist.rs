//! A set chosen with checkboxes (eras, groups, people, sources, topics, kinds), inside a
//! fieldset with its legend; the legend says how many are chosen.

use leptos::prelude::*;

#[component]
pub fn Checklist<T>(
    legend: &'static str,
    /// Each choice and its label.
    items: Vec<(T, String)>,
    chosen: RwSignal<Vec<T>>,
    /// Said when nothing is chosen ("every era").
    none_means: &'static str,
    /// A long list scrolls inside a box.
    #[prop(optional)]
    long: bool,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let count = move || {
        let n = chosen.with(Vec::len);
        if n == 0 {
            format!(" ({none_means})")
        } else {
            format!(" ({n} chosen)")
        }
    };
    let items_class = if long {
        "checklist-items long"
    } else {
        "checklist-items"
    };
    view! {
        <fieldset class="checklist">
            <legend>{legend}<span class="muted">{count}</span></legend>
            <div class=items_class>
                {items.into_iter().map(|(item, label)| {
                    let for_checked = item.clone();
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&for_checked))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let item = item.clone();
                                    chosen.update(|c| {
                                        c.retain(|x| *x != item);
                                        if on {
                                            c.push(item);
                                        }
                                    });
                                }
                            />
                            {label}
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
