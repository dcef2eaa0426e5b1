//! The GOV.UK summary list: a record's facts as keys and values, one row each.
use leptos::prelude::*;

/// A summary list of `(key, value)` rows. Values keep the lines they were typed on.
#[component]
pub fn SummaryList(rows: Vec<(String, String)>) -> impl IntoView {
    let rows = rows.into_iter().map(|(key, value)| view! { <SummaryRow key>{value}</SummaryRow> }).collect_view();
    view! { <dl class="govuk-summary-list">{rows}</dl> }
}

/// One row of a summary list, for a value that is more than text (a list, a tag); put it
/// inside `<dl class="govuk-summary-list">`.
#[component]
pub fn SummaryRow(key: String, children: Children) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value portal-keep-lines">{children()}</dd>
        </div>
    }
}
