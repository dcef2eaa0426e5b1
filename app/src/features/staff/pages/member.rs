//! One staff account's page: who it is, and switching it off when they leave (or back on).
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::ErrorSummary;
use crate::components::layout::{BackLink, PageHeading, SuccessBanner};
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::features::approvals::ApprovalPanel;
use crate::features::staff::api::{staff_account, ResetTwoFactor, SwitchStaffMember};
use crate::features::staff::wire::StaffMember;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;
use crate::policy::needs_second_admin;

/// `/staff/users/:id`.
#[component]
pub fn StaffMemberPage() -> impl IntoView {
    let (switched, reset) = use_query_map().with_untracked(|q| (q.get("switched"), q.get("reset").is_some()));
    record_page(staff_account, move |member| {
        Some(view! {
            <Member member=member.clone() switched=switched.clone() />
            <TwoFactor member reset />
        })
    })
}

/// Two-factor sign-in: whether it is on, and resetting it for someone who lost their phone.
#[component]
fn TwoFactor(member: StaffMember, reset: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(ResetTwoFactor::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let done =
        reset.then(|| view! { <SuccessBanner message=locale.fill(Text::StaffResetDone, &[("name", &member.name)]) /> });
    let body = match member.two_factor {
        false => view! { <p class="govuk-body">{t(Text::StaffTwoFactorOff)}</p> }.into_any(),
        true => view! {
            <p class="govuk-body">{t(Text::StaffTwoFactorOn)}</p>
            <PostForm action=ResetTwoFactor::PATH>
                <input type="hidden" name="id" value=member.id />
                <button type="submit" class="govuk-button govuk-button--warning" id="reset">
                    {t(Text::StaffResetButton)}
                </button>
            </PostForm>
        }
        .into_any(),
    };
    view! {
        <ErrorSummary state order=&["reset"] />
        {done}
        <h2 class="govuk-heading-m">{t(Text::TwoFactorTitle)}</h2>
        {body}
    }
}

#[component]
fn Member(member: StaffMember, switched: Option<String>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(SwitchStaffMember::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let banner = match switched.as_deref() {
        Some("off") if member.switched_off_on.is_some() => Some(Text::StaffSwitchedOff),
        Some("on") if member.switched_off_on.is_none() => Some(Text::StaffSwitchedOn),
        Some("asked") if member.pending_switch_off.is_some() => Some(Text::ApprovalsAskedBanner),
        _ => None,
    }
    .map(|text| view! { <SuccessBanner message=locale.fill(text, &[("name", &member.name)]) /> });
    // Switching an admin off waits for a second admin: what was asked, instead of the button.
    let pending = member.pending_switch_off.clone().filter(|_| member.switched_off_on.is_none());
    let needs_second = (needs_second_admin(member.role) && member.switched_off_on.is_none())
        .then(|| view! { <p class="govuk-body">{t(Text::ApprovalsNeedsSecond)}</p> });
    let status = match &member.switched_off_on {
        Some(date) => locale.fill(Text::StaffStatusOff, &[("date", date)]),
        None => t(Text::StaffStatusActive),
    };
    let rows = vec![
        (t(Text::AccountEmailLabel), member.email.clone()),
        (t(Text::StaffRoleLabel), member.role.name(locale).to_owned()),
        (t(Text::StaffStatusColumn), status),
        (t(Text::StaffCaseloadLabel), member.caseload.to_string()),
    ];
    let (heading, intro, button, switch, class) = match &member.switched_off_on {
        None => (
            t(Text::StaffOffHeading),
            t(Text::StaffOffWarning),
            t(Text::StaffOffButton),
            "off",
            "govuk-button govuk-button--warning",
        ),
        Some(date) => (
            t(Text::StaffOnHeading),
            locale.fill(Text::StaffOnIntro, &[("date", date)]),
            t(Text::StaffOnButton),
            "on",
            "govuk-button",
        ),
    };
    view! {
        <BackLink href="/staff/users" text=Text::StaffTitle />
        <ErrorSummary state=state.clone() order=&["switch"] />
        {banner}
        <PageHeading text=member.name.clone() has_errors=state.has_errors() />
        <SummaryList rows />
        {match pending {
            Some(approval) => view! { <ApprovalPanel approval /> }.into_any(),
            None => {
                view! {
                    <h2 class="govuk-heading-m">{heading}</h2>
                    <p class="govuk-body">{intro}</p>
                    {needs_second}
                    <PostForm action=SwitchStaffMember::PATH>
                        <input type="hidden" name="id" value=member.id />
                        <input type="hidden" name="switch" value=switch />
                        <button type="submit" class=class id="switch">
                            {button}
                        </button>
                    </PostForm>
                }
                    .into_any()
            }
        }}
    }
}
