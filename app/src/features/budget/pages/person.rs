//! "Your personal budget": the amount and how it is received, the Direct Payment and its
//! dates, what has been spent and what is left (figures and a chart), and a form to record
//! spending.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::chart::{outcome_name, OutcomeBars, SpentBar};
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{DateInput, ErrorSummary, Radios, Submit, TextField};
use crate::components::layout::{PageHeading, SuccessBanner, WarningText};
use crate::components::record_page::{loaded, signed_in};
use crate::components::summary_list::SummaryList;
use crate::components::table::Table;
use crate::domain::assessment::CarerOutcome;
use crate::features::budget::api::{my_budget, RecordSpend};
use crate::features::budget::wire::BudgetView;
use crate::features::budget::words;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// The amounts and the Direct Payment, as on the page and in the letter.
#[component]
pub fn BudgetFigures(view: BudgetView, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let budget = &view.budget;
    let mut rows = vec![
        (t(Text::BudgetAmountLabel), format!("{} {}", budget.amount.format(), words::period(locale, budget.period))),
        (t(Text::BudgetIndicativeLabel), budget.indicative.format()),
        (t(Text::BudgetTakenAsLabel), words::taken_as(locale, budget.taken_as).to_owned()),
    ];
    if let Some(dp) = &budget.direct_payment {
        rows.push((t(Text::BudgetDpAmountLabel), dp.amount.format()));
        rows.push((t(Text::BudgetDpFrequencyLabel), words::frequency(locale, dp.frequency).to_owned()));
        rows.push((t(Text::BudgetDpStartLabel), view.starts_on.clone().unwrap_or_default()));
        rows.push((t(Text::BudgetDpPurposeLabel), dp.purpose.clone()));
    }
    view! { <SummaryList rows /> }
}

#[component]
pub fn BudgetPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        let recorded = use_query_map().with_untracked(|q| q.get("recorded").is_some());
        view! {
            {recorded.then(|| view! { <SuccessBanner message=t(Text::BudgetRecorded) /> })}
            <PageHeading text=t(Text::BudgetTitle) intro=t(Text::BudgetIntro) />
            {loaded(
                my_budget(),
                move |found| match found {
                    Some(view) => view! { <Budget view locale /> }.into_any(),
                    None => view! { <p class="govuk-body">{t(Text::BudgetNone)}</p> }.into_any(),
                },
            )}
            <div class="govuk-inset-text">{t(Text::BudgetQuote)}</div>
        }
    })
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 4] =
    [Text::BudgetDateColumn, Text::BudgetWhatForColumn, Text::BudgetOutcomeColumn, Text::BudgetAmountColumn];

#[component]
fn Budget(view: BudgetView, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let summary = view.summary.clone();
    let mut money_rows =
        vec![(t(Text::BudgetSpentLabel), summary.spent.format()), (t(Text::BudgetLeftLabel), summary.left.format())];
    if let Some(paid) = summary.paid_so_far {
        money_rows.push((t(Text::BudgetDpPaidLabel), paid.format()));
    }
    if let Some(next) = &view.next_payment {
        money_rows.push((t(Text::BudgetDpNextLabel), next.clone()));
    }
    let overspent = (summary.left.pence() < 0).then(|| {
        let over = crate::domain::money::Money::from_pence(-summary.left.pence()).format();
        view! { <WarningText text=locale.fill(Text::BudgetOverspent, &[("amount", &over)]) /> }
    });
    let spends = view
        .spends
        .iter()
        .map(|spend| {
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{locale.long_date(spend.on)}</td>
                    <td class="govuk-table__cell">{spend.what_for.clone()}</td>
                    <td class="govuk-table__cell">
                        {spend.outcome.map(|o| outcome_name(locale, o).to_owned()).unwrap_or_default()}
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{spend.amount.format()}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_spends = !spends.is_empty();
    view! {
        <BudgetFigures view=view.clone() locale />
        <p class="govuk-body portal-no-print">
            <a class="govuk-link" href="/budget/letter">
                {t(Text::BudgetLetterLink)}
            </a>
        </p>
        <h2 class="govuk-heading-m" id="spending">
            {t(Text::BudgetSpentHeading)}
        </h2>
        {overspent}
        <SummaryList rows=money_rows />
        <SpentBar summary=summary.clone() locale />
        {if has_spends {
            view! {
                <OutcomeBars summary=summary.clone() locale />
                <Table label=t(Text::BudgetSpentHeading) columns=COLUMNS numeric_last=true>
                    {spends}
                </Table>
            }
                .into_any()
        } else {
            view! { <p class="govuk-body">{t(Text::BudgetSpendsNone)}</p> }.into_any()
        }}
        <SpendForm locale />
    }
}

#[component]
fn SpendForm(locale: Locale) -> impl IntoView {
    let visitor = use_visitor();
    let t = locale.translator();
    let state = FormState::for_action(RecordSpend::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let mut outcomes: Vec<(&'static str, String)> =
        CarerOutcome::ALL.iter().map(|o| (o.code(), outcome_name(locale, *o).to_owned())).collect();
    outcomes.push(("none", t(Text::BudgetOutcomeNone)));
    view! {
        <h2 class="govuk-heading-m" id="record">
            {t(Text::BudgetRecordHeading)}
        </h2>
        <ErrorSummary state=state.clone() order=&["spent-day", "amount", "what_for", "outcome"] />
        <PostForm action=RecordSpend::PATH state=state.clone()>
            <DateInput prefix="spent" legend=t(Text::BudgetSpentDateLegend) hint=t(Text::BudgetSpentDateHint) />
            <TextField name="amount" label=t(Text::BudgetAmountField) width="10" />
            <TextField name="what_for" label=t(Text::BudgetWhatForLabel) hint=t(Text::BudgetWhatForHint) />
            <Radios name="outcome" legend=t(Text::BudgetOutcomeLegend) options=outcomes />
            <Submit text=Text::BudgetRecordButton />
        </PostForm>
    }
}
