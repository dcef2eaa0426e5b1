//! The GOV.UK table every list of records uses (queues, caseloads, spending, audit, look-ups),
//! and the summary list for a record's fields.
use leptos::prelude::*;

use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// A GOV.UK table with column headings, inside a labelled region that scrolls sideways on a
/// narrow phone (and can be reached by keyboard to do so); the label is also the table's
/// caption for screen readers. The rows are the caller's `<tr>`s.
#[component]
pub fn Table(
    #[prop(into)] label: String,
    /// The column headings, in the reader's language.
    #[prop(into)]
    columns: Vec<Text>,
    /// The last column holds amounts: right-aligned, as GOV.UK numeric columns are.
    #[prop(optional)]
    numeric_last: bool,
    /// Every column from this one on holds amounts.
    #[prop(optional)]
    numeric_from: Option<usize>,
    /// Each heading links to the table sorted by its column (plain links: no JavaScript needed).
    #[prop(optional)]
    sorting: Option<Sorting>,
    children: Children,
) -> impl IntoView {
    let locale = use_visitor().locale;
    let first_numeric = if numeric_last { columns.len().saturating_sub(1) } else { numeric_from.unwrap_or(usize::MAX) };
    let caption = label.clone();
    view! {
        <div class="portal-table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        {columns
                            .into_iter()
                            .enumerate()
                            .map(|(i, heading)| {
                                let heading = locale.text(heading);
                                let class = if i >= first_numeric {
                                    "govuk-table__header govuk-table__header--numeric"
                                } else {
                                    "govuk-table__header"
                                };
                                let sorted = sorting.as_ref().and_then(|s| s.aria_sort(i));
                                let link = sorting.as_ref().and_then(|s| s.hrefs.get(i).cloned());
                                let heading = match link {
                                    Some(href) => {
                                        view! {
                                            <a class="govuk-link" href=href>
                                                {heading}
                                            </a>
                                        }
                                            .into_any()
                                    }
                                    None => heading.into_any(),
                                };
                                view! {
                                    <th scope="col" class=class aria-sort=sorted>
                                        {heading}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{children()}</tbody>
            </table>
        </div>
    }
}

/// How a table is sorted, for headings that sort it: each column's link and the sorted one.
#[derive(Clone, Debug)]
pub struct Sorting {
    /// The page sorted by each column, in column order.
    pub hrefs: Vec<String>,
    pub column: usize,
    pub ascending: bool,
}

impl Sorting {
    fn aria_sort(&self, column: usize) -> Option<&'static str> {
        (column == self.column).then_some(if self.ascending { "ascending" } else { "descending" })
    }
}

/// A table cell that links to one record's page (the first column of a list of records).
#[component]
pub fn LinkCell(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! {
        <td class="govuk-table__cell">
            <a class="govuk-link" href=href>
                {children()}
            </a>
        </td>
    }
}
