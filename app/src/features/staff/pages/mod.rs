//! The admin's pages for council staff accounts: who has one, a form to add someone, and each
//! account's own page (switching off a leaver).
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit};
use crate::components::layout::{PageHeading, SuccessBanner};
use crate::components::patterns::{EmailField, NameField};
use crate::components::record_page::signed_in_page;
use crate::components::table::{LinkCell, Table};
use crate::features::staff::api::{staff_members, AddStaffMember, INVITATION_DAYS};
use crate::features::staff::wire::StaffMember;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

mod member;
pub use member::StaffMemberPage;

#[component]
pub fn StaffUsersPage() -> impl IntoView {
    let added: Option<i64> = use_query_map().with_untracked(|q| q.get("added").and_then(|v| v.parse().ok()));
    signed_in_page(staff_members, move |members| view! { <StaffUsers members added /> })
}

#[component]
fn StaffUsers(members: Vec<StaffMember>, added: Option<i64>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(AddStaffMember::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let banner = added.and_then(|id| members.iter().find(|m| m.id == id)).map(|member| {
        let text = locale.fill(
            Text::StaffAdded,
            &[("name", &member.name), ("email", &member.email), ("days", &INVITATION_DAYS.to_string())],
        );
        view! { <SuccessBanner message=text /> }
    });
    let roles = crate::domain::account::Role::ALL
        .into_iter()
        .filter(|role| role.is_staff())
        .map(|role| (role.as_str(), role.name(locale).to_owned()))
        .collect::<Vec<_>>();
    view! {
        <ErrorSummary state=state.clone() order=&["name", "email", "role"] />
        {banner}
        <PageHeading text=t(Text::StaffTitle) has_errors=state.has_errors() intro=t(Text::StaffIntro) />
        <StaffTable members locale />
        <h2 class="govuk-heading-m" id="add">
            {t(Text::StaffAddHeading)}
        </h2>
        <p class="govuk-body">{locale.fill(Text::StaffAddIntro, &[("days", &INVITATION_DAYS.to_string())])}</p>
        <PostForm action=AddStaffMember::PATH state=state.clone()>
            <NameField label=t(Text::StaffNameLabel) autocomplete="off" />
            <EmailField label=t(Text::StaffEmailLabel) autocomplete="off" />
            <Radios name="role" legend=t(Text::StaffRoleLegend) options=roles />
            <Submit text=Text::StaffAddButton />
        </PostForm>
    }
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 5] =
    [Text::StaffNameLabel, Text::AccountEmailLabel, Text::StaffRoleLabel, Text::StaffAddedOn, Text::StaffStatusColumn];

#[component]
fn StaffTable(members: Vec<StaffMember>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    view! {
        <Table label=t(Text::StaffTitle) columns=COLUMNS>
            {members
                .into_iter()
                .map(|m| {
                    let status = match &m.switched_off_on {
                        Some(date) => {
                            let mut status = locale.fill(Text::StaffStatusOff, &[("date", date)]);
                            if m.caseload > 0 {
                                status.push_str(". ");
                                status
                                    .push_str(
                                        &locale.fill(Text::StaffNeedsWorker, &[("count", &m.caseload.to_string())]),
                                    );
                            }
                            status
                        }
                        None => t(Text::StaffStatusActive),
                    };
                    view! {
                        <tr class="govuk-table__row">
                            <LinkCell href=format!("/staff/users/{}", m.id)>{m.name}</LinkCell>
                            <td class="govuk-table__cell">{m.email}</td>
                            <td class="govuk-table__cell">{m.role.name(locale)}</td>
                            <td class="govuk-table__cell">{m.added_on}</td>
                            <td class="govuk-table__cell">{status}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
}
