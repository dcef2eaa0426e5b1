//! The signed-in home: the person's details, the people they are linked to, and for staff the
//! way to their work.
use leptos::prelude::*;

use crate::components::layout::{redirect, PageTitle};
use crate::components::summary_list::SummaryList;
use crate::domain::account::Role;
use crate::features::account::YourData;
use crate::features::emergency::api::my_emergency_plan;
use crate::features::emergency::ConfirmBanner;
use crate::features::people::api::{linked_people, my_workers};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;
use crate::policy::Capability;

#[component]
pub fn HomePage() -> impl IntoView {
    let visitor = use_visitor();
    let Some(user) = visitor.user.clone() else {
        redirect("/sign-in?next=/home");
        return ().into_any();
    };
    let locale = visitor.locale;
    let t = locale.translator();
    let linked_heading =
        if user.role == Role::Practitioner { t(Text::HomeCaseloadHeading) } else { t(Text::HomeLinkedHeading) };
    let may_audit = user.actor().may(Capability::ReadAuditLog);
    let may_manage_users = user.actor().may(Capability::ManageUsers);
    view! {
        <PageTitle text=t(Text::HomeTitle) />
        <h1 class="govuk-heading-l">{locale.fill(Text::HomeGreeting, &[("name", &user.name)])}</h1>
        <SummaryList rows=vec![
            (t(Text::AccountEmailLabel), user.email.clone()),
            (t(Text::HomeRoleLabel), user.role.name(locale).to_owned()),
        ] />
        {matches!(user.role, Role::Carer | Role::Customer).then(|| view! { <YourWorker /> })}
        {(user.role == Role::Carer)
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::AssessmentTitle)}</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/assessment">
                            {t(Text::HomeAssessmentLink)}
                        </a>
                    </p>
                    <h2 class="govuk-heading-m">{t(Text::EmergencyTitle)}</h2>
                    // A plan never confirmed, or due to be checked again, is flagged here too.
                    <Await future=my_emergency_plan() let:plan>
                        {plan
                            .clone()
                            .ok()
                            .flatten()
                            .map(|p| view! { <ConfirmBanner freshness=p.freshness due_on=p.due_on locale /> })}
                    </Await>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/emergency">
                            {t(Text::EmergencyHomeLink)}
                        </a>
                    </p>
                }
            })}
        {matches!(user.role, Role::Carer | Role::Customer)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link govuk-!-font-weight-bold" href="/timeline">
                            {t(Text::TimelineLink)}
                        </a>
                    </p>
                    <h2 class="govuk-heading-m">{t(Text::PlanTitle)}</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/plan">
                            {t(Text::HomePlanLink)}
                        </a>
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/budget">
                            {t(Text::BudgetTitle)}
                        </a>
                    </p>
                }
            })}
        // Carers, the people they care for and their helpers follow reviews and their family.
        {matches!(user.role, Role::Carer | Role::Customer | Role::Representative)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/reviews">
                            {t(Text::ReviewTitle)}
                        </a>
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/family">
                            {t(Text::FamilyTitle)}
                        </a>
                    </p>
                }
            })}
        {user
            .actor()
            .may(Capability::LookUpEmergencyPlans)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link govuk-!-font-weight-bold" href="/responder">
                            {t(Text::ResponderTitle)}
                        </a>
                    </p>
                }
            })}
        {user
            .actor()
            .may(Capability::ViewCaseload)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/assessments">
                            {t(Text::QueueTitle)}
                        </a>
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/plans">
                            {t(Text::PlanQueueTitle)}
                        </a>
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/reviews">
                            {t(Text::ReviewStaffTitle)}
                        </a>
                    </p>
                }
            })}
        <h2 class="govuk-heading-m">{linked_heading}</h2>
        <Await future=linked_people() let:people>
            {match people.clone() {
                Ok(people) if people.is_empty() => {
                    view! { <p class="govuk-body">{t(Text::HomeNobodyLinked)}</p> }.into_any()
                }
                Ok(people) => {
                    view! {
                        <ul class="govuk-list">
                            {people
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <a class="govuk-link" href=format!("/people/{}", p.id)>
                                                {p.name}
                                            </a>
                                            " – "
                                            {p.role.name(locale)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
                Err(error) => view! { <p class="govuk-body">{error.summary(locale)}</p> }.into_any(),
            }}
        </Await>
        {user
            .actor()
            .may(Capability::ReadMessages)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/messages">
                            {t(Text::ContactInboxTitle)}
                        </a>
                    </p>
                }
            })}
        {may_audit
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/audit">
                            {t(Text::AuditTitle)}
                        </a>
                    </p>
                }
            })}
        {may_manage_users
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/users">
                            {t(Text::StaffTitle)}
                        </a>
                    </p>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/support">
                            {t(Text::DirectoryStaffTitle)}
                        </a>
                    </p>
                }
            })}
        {user
            .actor()
            .may(Capability::HandleDataRequests)
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href="/staff/data-requests">
                            {t(Text::DataRightsRequestsTitle)}
                        </a>
                    </p>
                }
            })}
        <YourData />
        <h2 class="govuk-heading-m">{t(Text::DirectoryTitle)}</h2>
        <p class="govuk-body">
            <a class="govuk-link" href="/support">
                {t(Text::DirectoryTitle)}
            </a>
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href="/support/employee-carers">
                {t(Text::DirectoryEmployeeQuestion)}
            </a>
        </p>
    }
    .into_any()
}

/// Who the person's worker at the council is, or that they have none yet.
#[component]
fn YourWorker() -> impl IntoView {
    let locale = use_visitor().locale;
    let t = locale.translator();
    view! {
        <h2 class="govuk-heading-m">{t(Text::HomeWorkerHeading)}</h2>
        <Await future=my_workers() let:workers>
            {match workers.clone() {
                Ok(workers) if workers.is_empty() => {
                    view! {
                        <p class="govuk-body">{t(Text::HomeNoWorker)}</p>
                        <p class="govuk-body">
                            <a class="govuk-link" href="/contact">
                                {t(Text::HomeNoWorkerContact)}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                Ok(workers) => {
                    let names = workers.join(", ");
                    view! { <p class="govuk-body">{locale.fill(Text::HomeWorkerNamed, &[("names", &names)])}</p> }
                        .into_any()
                }
                Err(error) => view! { <p class="govuk-body">{error.summary(locale)}</p> }.into_any(),
            }}
        </Await>
    }
}
