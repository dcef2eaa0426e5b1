//! The structured record's two tables: each caring task with whether the carer is willing
//! and able, and each of the eight outcomes with whether they can achieve it.
use leptos::prelude::*;

use crate::components::table::Table;
use crate::domain::assessment::questions::find_page;
use crate::domain::assessment::Assessment;
use crate::features::assessment::words;
use crate::kit::i18n::{Locale, Text};

/// The words for one stored answer on a page, by the page and question ids.
fn said(locale: Locale, assessment: &Assessment, page: &str, question: &str) -> String {
    find_page(page, &assessment.answers)
        .and_then(|p| p.questions.into_iter().find(|q| q.id == question))
        .map(|q| words::answer(locale, &q, assessment.answers.get(question)))
        .unwrap_or_default()
}

#[component]
pub fn TasksTable(assessment: Assessment, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let rows = assessment
        .tasks
        .iter()
        .map(|task| {
            let code = task.task.code();
            let page = format!("task-{}", code.replace('_', "-"));
            let cell = |what: &str| said(locale, &assessment, &page, &format!("task_{code}_{what}"));
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        {words::subject(locale, crate::domain::assessment::questions::Subject::Task(task.task))}
                    </th>
                    <td class="govuk-table__cell">{cell("often")}</td>
                    <td class="govuk-table__cell">{cell("willing")}</td>
                    <td class="govuk-table__cell">{cell("able")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">{t(Text::RecordTasksHeading)}</h2>
        <Table
            label=t(Text::RecordTasksHeading)
            columns=vec![Text::RecordTask, Text::RecordOften, Text::RecordWilling, Text::RecordAble]
        >
            {rows}
        </Table>
    }
}

#[component]
pub fn OutcomesTable(assessment: Assessment, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let rows = assessment
        .outcomes
        .iter()
        .map(|answer| {
            let code = answer.outcome.code();
            let page = format!("outcome-{code}");
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        {words::subject(locale, crate::domain::assessment::questions::Subject::Outcome(answer.outcome))}
                    </th>
                    <td class="govuk-table__cell">
                        {said(locale, &assessment, &page, &format!("outcome_{code}_achieve"))}
                    </td>
                    <td class="govuk-table__cell portal-keep-lines">
                        {said(locale, &assessment, &page, &format!("outcome_{code}_affect"))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">{t(Text::RecordOutcomesHeading)}</h2>
        <Table
            label=t(Text::RecordOutcomesHeading)
            columns=vec![Text::RecordOutcome, Text::RecordAchieve, Text::RecordAffect]
        >
            {rows}
        </Table>
    }
}
