//! The staff view of the audit log: the latest events, newest first.
use leptos::prelude::*;

use crate::components::layout::PageTitle;
use crate::components::record_page::signed_in_page;
use crate::components::table::Table;
use crate::features::home::api::audit_log;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn AuditPage() -> impl IntoView {
    let visitor = use_visitor();
    let locale = visitor.locale;
    let t = locale.translator();
    signed_in_page(audit_log, move |lines| {
        view! {
            <PageTitle text=t(Text::AuditTitle) />
            <h1 class="govuk-heading-l">{t(Text::AuditTitle)}</h1>
            <p class="govuk-body">{t(Text::AuditIntro)}</p>
            <Table
                label=t(Text::AuditTitle)
                columns=vec![Text::AuditWhen, Text::AuditWho, Text::AuditWhat, Text::AuditWhose, Text::AuditWhy]
            >
                {lines
                    .into_iter()
                    .map(|line| {
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{line.at}</td>
                                <td class="govuk-table__cell">{line.actor_id.map(|id| id.to_string())}</td>
                                <td class="govuk-table__cell">{line.action}</td>
                                <td class="govuk-table__cell">{line.subject_id.map(|id| id.to_string())}</td>
                                <td class="govuk-table__cell">{line.reason}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
        .into_any()
    })
}
