//! The signed-in home: the person's details, the people they are linked to, and for staff the
//! way to their work.
use leptos::prelude::*;

use crate::components::layout::{redirect, LinkParagraph, PageTitle};
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
    let (locale, t) = visitor.language();
    let linked_heading = t(match user.role {
        Role::Practitioner => Text::HomeCaseloadHeading,
        Role::TrustedAssessor => Text::HomeStartedHeading,
        _ => Text::HomeLinkedHeading,
    });
    // A trusted assessor works on the records they started, from each one's letter page.
    let role = user.role;
    let person_page = move |id: i64| match role {
        Role::TrustedAssessor => format!("/staff/assisted/{id}/letter"),
        _ => format!("/people/{id}"),
    };
    let actor = user.actor();
    let may = |capability| actor.may(capability);
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
                    <LinkParagraph href="/assessment" text=Text::HomeAssessmentLink />
                    <h2 class="govuk-heading-m">{t(Text::EmergencyTitle)}</h2>
                    // A plan never confirmed, or due to be checked again, is flagged here too.
                    <Await future=my_emergency_plan() let:plan>
                        {plan
                            .clone()
                            .ok()
                            .flatten()
                            .map(|p| view! { <ConfirmBanner freshness=p.freshness due_on=p.due_on locale /> })}
                    </Await>
                    <LinkParagraph href="/emergency" text=Text::EmergencyHomeLink />
                }
            })}
        {matches!(user.role, Role::Carer | Role::Customer)
            .then(|| {
                view! {
                    <LinkParagraph href="/timeline" text=Text::TimelineLink bold=true />
                    <h2 class="govuk-heading-m">{t(Text::PlanTitle)}</h2>
                    <LinkParagraph href="/plan" text=Text::HomePlanLink />
                    <LinkParagraph href="/budget" text=Text::BudgetTitle />
                }
            })}
        // Carers, the people they care for and their helpers follow reviews and their family.
        {matches!(user.role, Role::Carer | Role::Customer | Role::Representative)
            .then(|| {
                view! {
                    <LinkParagraph href="/reviews" text=Text::ReviewTitle />
                    <LinkParagraph href="/family" text=Text::FamilyTitle />
                }
            })}
        {may(Capability::LookUpEmergencyPlans)
            .then(|| {
                view! { <LinkParagraph href="/responder" text=Text::ResponderTitle bold=true /> }
            })}
        {may(Capability::SeeIntake)
            .then(|| {
                view! {
                    <LinkParagraph href="/staff/intake" text=Text::AllocationIntakeTitle bold=true />
                    <LinkParagraph href="/staff/teams" text=Text::TeamsTitle />
                }
            })}
        {may(Capability::StartAssistedRecords)
            .then(|| {
                view! { <LinkParagraph href="/staff/assisted" text=Text::AssistedStartTitle /> }
            })}
        {may(Capability::ViewCaseload)
            .then(|| {
                view! {
                    <LinkParagraph href="/staff/assessments" text=Text::QueueTitle />
                    <LinkParagraph href="/staff/plans" text=Text::PlanQueueTitle />
                    <LinkParagraph href="/staff/reviews" text=Text::ReviewStaffTitle />
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
                                            <a class="govuk-link" href=person_page(p.id)>
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
        {may(Capability::ReadMessages)
            .then(|| {
                view! { <LinkParagraph href="/staff/messages" text=Text::ContactInboxTitle /> }
            })}
        {may(Capability::ReadAuditLog)
            .then(|| {
                view! { <LinkParagraph href="/staff/audit" text=Text::AuditTitle /> }
            })}
        {may(Capability::ManageUsers)
            .then(|| {
                view! {
                    <LinkParagraph href="/staff/users" text=Text::StaffTitle />
                    <LinkParagraph href="/staff/support" text=Text::DirectoryStaffTitle />
                }
            })}
        {may(Capability::HandleDataRequests)
            .then(|| {
                view! { <LinkParagraph href="/staff/data-requests" text=Text::DataRightsRequestsTitle /> }
            })}
        {may(Capability::ManageMail)
            .then(|| {
                view! { <LinkParagraph href="/staff/mail" text=Text::MailTitle /> }
            })}
        <YourData />
        <h2 class="govuk-heading-m">{t(Text::DirectoryTitle)}</h2>
        <LinkParagraph href="/support" text=Text::DirectoryTitle />
        <LinkParagraph href="/support/employee-carers" text=Text::DirectoryEmployeeQuestion />
    }
    .into_any()
}

/// Who the person's worker at the council is, or that they have none yet.
#[component]
fn YourWorker() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    view! {
        <h2 class="govuk-heading-m">{t(Text::HomeWorkerHeading)}</h2>
        <Await future=my_workers() let:workers>
            {match workers.clone() {
                Ok(workers) if workers.is_empty() => {
                    view! {
                        <p class="govuk-body">{t(Text::HomeNoWorker)}</p>
                        <LinkParagraph href="/contact" text=Text::HomeNoWorkerContact />
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
        <LinkParagraph href="/messages" text=Text::ContactMineTitle />
    }
}
