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
    columns: Vec<Text>,
    /// The last column holds amounts: right-aligned, as GOV.UK numeric columns are.
    #[prop(optional)]
    numeric_last: bool,
    children: Children,
) -> impl IntoView {
    let locale = use_visitor().locale;
    let last = columns.len().saturating_sub(1);
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
                                let class = if numeric_last && i == last {
                                    "govuk-table__header govuk-table__header--numeric"
                                } else {
                                    "govuk-table__header"
                                };
                                view! {
                                    <th scope="col" class=class>
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
