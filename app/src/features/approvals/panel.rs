//! What is waiting for a second admin, on the page where it was asked for.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::Approve;
use super::wire::ApprovalView;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::ErrorSummary;
use crate::domain::approvals::TwoAdminAction;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn ApprovalPanel(approval: ApprovalView) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(Approve::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let (heading, button) = match approval.action {
        TwoAdminAction::Erase => (Text::ApprovalsEraseHeading, Text::ApprovalsApproveErase),
        TwoAdminAction::SwitchOff => (Text::ApprovalsSwitchOffHeading, Text::ApprovalsApproveSwitchOff),
    };
    let asked = locale.fill(Text::ApprovalsAsked, &[("name", &approval.asked_by_name), ("date", &approval.asked_on)]);
    let reason = (!approval.reason.is_empty()).then(
        || view! { <p class="govuk-body">{locale.fill(Text::ApprovalsReason, &[("reason", &approval.reason)])}</p> },
    );
    let waiting = approval.asked_by_me.then(|| view! { <p class="govuk-body">{t(Text::ApprovalsWaiting)}</p> });
    let approve = approval.may_approve.then(|| {
        view! {
            <PostForm action=Approve::PATH>
                <input type="hidden" name="action" value=approval.action.as_str() />
                <input type="hidden" name="subject_id" value=approval.subject_id />
                <button type="submit" class="govuk-button govuk-button--warning" id="approve">
                    {t(button)}
                </button>
            </PostForm>
        }
    });
    view! {
        <ErrorSummary state order=&["approve"] />
        <h2 class="govuk-heading-m" id="approval">
            {t(heading)}
        </h2>
        <div class="govuk-inset-text">
            <p class="govuk-body">{asked}</p>
            {reason}
            {waiting}
        </div>
        {approve}
    }
}
