//! The staff view of the audit log: the latest events, newest first.
use leptos::prelude::*;

use crate::components::layout::PageHeading;
use crate::components::record_page::signed_in_page;
use crate::components::table::Table;
use crate::features::home::api::audit_log;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn AuditPage() -> impl IntoView {
    let t = use_visitor().locale.translator();
    signed_in_page(audit_log, move |lines| {
        view! {
            <PageHeading text=t(Text::AuditTitle) intro=t(Text::AuditIntro) />
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
