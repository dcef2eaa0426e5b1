//! `/staff/intake`: everyone waiting for a worker whom the visitor's teams receive, oldest wait
//! first, with what they sent and whether the wait is past the council's target.
use leptos::prelude::*;

use crate::components::layout::{LinkParagraph, PageHeading};
use crate::components::record_page::signed_in_page;
use crate::components::table::Table;
use crate::features::allocation::api::intake_queue;
use crate::features::allocation::wire::{Intake, IntakeLine};
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn IntakePage() -> impl IntoView {
    signed_in_page(intake_queue, |found| view! { <IntakeQueue found /> })
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 4] = [
    Text::AllocationColumnPerson,
    Text::AllocationColumnSent,
    Text::AllocationColumnWaiting,
    Text::AllocationColumnTeam,
];

#[component]
fn IntakeQueue(found: Intake) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let overdue = found.waiting.iter().filter(|w| w.overdue).count();
    let intro = locale.fill(Text::AllocationIntakeIntro, &[("days", &found.target_days.to_string())]);
    let summary = match found.waiting.len() {
        0 => t(Text::AllocationIntakeEmpty),
        n => locale.fill(Text::AllocationIntakeCount, &[("count", &n.to_string()), ("late", &overdue.to_string())]),
    };
    let table = (!found.waiting.is_empty()).then(|| {
        view! {
            <Table label=t(Text::AllocationIntakeTitle) columns=COLUMNS>
                {found.waiting.into_iter().map(|line| view! { <Row line locale /> }).collect_view()}
            </Table>
        }
    });
    view! {
        <PageHeading text=t(Text::AllocationIntakeTitle) />
        <p class="govuk-body">{intro}</p>
        <p class="govuk-body govuk-!-font-weight-bold">{summary}</p>
        {table}
        <LinkParagraph href="/staff/teams" text=Text::TeamsTitle />
    }
}

#[component]
fn Row(line: IntakeLine, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let person = match line.may_open {
        true => view! {
            <a class="govuk-link" href=format!("/staff/allocations/{}", line.person_id)>
                {line.name.clone()}
            </a>
        }
        .into_any(),
        false => view! { {line.name.clone()} }.into_any(),
    };
    let status = match line.overdue {
        true => view! { <strong class="govuk-tag govuk-tag--red">{t(Text::AllocationOverdue)}</strong> }.into_any(),
        false => view! { {locale.fill(Text::AllocationDueBy, &[("date", &line.due_by)])} }.into_any(),
    };
    let again = line.had_worker.then(|| {
        view! {
            <br />
            {t(Text::AllocationNeedsNewWorker)}
        }
    });
    let teams = match line.teams.is_empty() {
        true => t(Text::AllocationNoTeam),
        false => line.teams.join(", "),
    };
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">{person} <br /> {line.role.clone()} {again}</td>
            <td class="govuk-table__cell">
                <ul class="govuk-list">{line.sent.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </td>
            <td class="govuk-table__cell">{line.waiting_since.clone()} <br /> {status}</td>
            <td class="govuk-table__cell">{teams}</td>
        </tr>
    }
}
