//! Simple charts drawn on the server as SVG, so they need no JavaScript: the budget as a bar
//! split into spent and left, and spending by outcome. Each has a text equivalent next to it
//! (the figures), and the bars differ by fill as well as colour.
use leptos::prelude::*;

use crate::domain::budget::BudgetSummary;
use crate::kit::i18n::{Locale, Text};

const BLUE: &str = "#1d70b8";

/// One of the eight carer outcomes, in the words the assessment uses.
pub fn outcome_name(locale: Locale, outcome: crate::domain::assessment::CarerOutcome) -> &'static str {
    let key = format!("assessment.outcomes.{}", outcome.code());
    locale.text(Text::from_key(&key).unwrap_or(Text::AssessmentNotProvided))
}

/// A share of the whole as a width out of 300, never less than a sliver when there is any.
fn width(part: i64, whole: i64) -> i64 {
    if whole <= 0 || part <= 0 {
        return 0;
    }
    (part * 300 / whole).clamp(2, 300)
}

#[component]
pub fn SpentBar(summary: BudgetSummary, locale: Locale) -> impl IntoView {
    let spent = width(summary.spent.pence(), summary.budget.pence().max(summary.spent.pence()));
    let title = locale.fill(
        Text::BudgetChartTitle,
        &[("spent", &summary.spent.format()), ("left", &summary.left.max(Default::default()).format())],
    );
    view! {
        <svg class="portal-chart" viewBox="0 0 304 40" role="img" aria-labelledby="spent-chart-title" focusable="false">
            <title id="spent-chart-title">{title}</title>
            <rect x="2" y="2" width="300" height="36" fill="#ffffff" stroke=BLUE stroke-width="2" />
            <rect x="2" y="2" width=spent height="36" fill=BLUE />
        </svg>
    }
}

#[component]
pub fn OutcomeBars(summary: BudgetSummary, locale: Locale) -> impl IntoView {
    let largest = summary.by_outcome.first().map(|(_, m)| m.pence()).unwrap_or(0);
    let rows = summary
        .by_outcome
        .iter()
        .map(|(outcome, amount)| {
            let name = match outcome {
                Some(outcome) => outcome_name(locale, *outcome).to_owned(),
                None => locale.text(Text::BudgetNoOutcome).to_owned(),
            };
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        {name}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{amount.format()}</td>
                    <td class="govuk-table__cell portal-chart-cell" aria-hidden="true">
                        <svg class="portal-chart" viewBox="0 0 300 16" focusable="false">
                            <rect x="0" y="0" width=width(amount.pence(), largest) height="16" fill=BLUE />
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">
                {locale.text(Text::BudgetByOutcomeHeading)}
            </caption>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}
