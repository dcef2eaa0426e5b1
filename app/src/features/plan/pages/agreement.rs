//! The plan sent for agreement: its status on "My support plan", each version as a page to
//! keep, and the practitioner's sign-off with the person's contributions side by side.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{DateInput, ErrorSummary, Submit, TextArea};
use crate::components::layout::{BackLink, ButtonLink, OrNone, PageHeading};
use crate::components::record_page::{record_page, signed_in_page};
use crate::domain::plan::record::{FIELDS, FIELD_MAX};
use crate::domain::plan::{ContributionKind, PlanSection, SentContribution};
use crate::features::plan::api::{my_plan_versions, plan_version, plans_awaiting_sign_off, SendPlan, SignOffPlan};
use crate::features::plan::wire::PlanVersionView;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// On "My support plan": where the latest version is, and the button to send it.
#[component]
pub fn AgreementStatus() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    view! {
        <h2 class="govuk-heading-l" id="agreement">
            {t(Text::PlanAgreementHeading)}
        </h2>
        <Await future=my_plan_versions() let:versions>
            {versions
                .clone()
                .ok()
                .and_then(|v| v.into_iter().next())
                .map(|latest| {
                    let status = match &latest.signed_off {
                        Some((who, when)) => locale.fill(Text::PlanSignedOff, &[("name", who), ("date", when)]),
                        None => locale.fill(Text::PlanSentOn, &[("date", &latest.sent_on)]),
                    };
                    view! {
                        <div class="govuk-inset-text">
                            <p class="govuk-body">{status}</p>
                            <p class="govuk-body">
                                <a class="govuk-link" href=format!("/plan/versions/{}", latest.id)>
                                    {t(Text::PlanSeeVersion)}
                                </a>
                            </p>
                            <p class="govuk-body">
                                <a class="govuk-link" href=copy_path(latest.id) download="">
                                    {t(Text::PlanPdfLink)}
                                </a>
                            </p>
                        </div>
                    }
                })}
        </Await>
        <p class="govuk-body">{t(Text::PlanAgreementIntro)}</p>
        <PostForm action=SendPlan::PATH refused=use_visitor().flash>
            <Submit text=Text::PlanSendButton secondary=true />
        </PostForm>
    }
}

/// Where the tagged PDF copy of a version is (served by the server's `plan_copy` route).
fn copy_path(id: i64) -> String {
    format!("/plan/versions/{id}/copy.pdf")
}

/// The person's contributions as sent, section by section.
#[component]
fn SentSections(contributions: Vec<SentContribution>, locale: Locale) -> impl IntoView {
    PlanSection::ALL
        .into_iter()
        .map(|section| {
            let items = contributions
                .iter()
                .filter(|c| c.section == section)
                .map(|c| match c.kind {
                    ContributionKind::Words => {
                        view! { <p class="govuk-body portal-keep-lines">{c.body.clone()}</p> }.into_any()
                    }
                    ContributionKind::Picture => view! {
                        <figure class="portal-picture">
                            <img
                                src=format!("/plan/files/{}/thumb", c.contribution_id)
                                alt=c.alt_text.clone().unwrap_or_default()
                            />
                            <figcaption class="govuk-body-s">{c.caption.clone()}</figcaption>
                        </figure>
                    }
                    .into_any(),
                    ContributionKind::Clip => view! {
                        <p class="govuk-body">
                            <a class="govuk-link" href=format!("/plan/files/{}/full", c.contribution_id)>
                                {c.caption.clone().unwrap_or_else(|| locale.text(Text::PlanClipLink).to_owned())}
                            </a>
                        </p>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <h3 class="govuk-heading-s">{section.title(locale)}</h3>
                {items}
            }
        })
        .collect_view()
}

/// A version of the plan: the statutory record once signed off, and the person's own words.
#[component]
pub fn PlanVersionPage() -> impl IntoView {
    record_page(plan_version, |version| Some(view! { <PlanVersion version /> }))
}

#[component]
fn PlanVersion(version: PlanVersionView) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    // Practitioners can pass a signed-off plan to another system (the server checks again).
    let may_export = visitor.user.as_ref().is_some_and(|u| u.actor().may(crate::policy::Capability::ViewCaseload));
    let title = locale
        .fill(Text::PlanVersionTitle, &[("name", &version.person_name), ("version", &version.version.to_string())]);
    let record = version.record.clone().map(|record| {
        let rows = FIELDS
            .iter()
            .map(|field| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(field.label)}</dt>
                    <dd class="govuk-summary-list__value portal-keep-lines">{record.field(field.name).to_owned()}</dd>
                </div>
            })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">{t(Text::PlanRecordHeading)}</h2>
            <dl class="govuk-summary-list">
                {rows} <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(Text::RecordPlanReview)}</dt>
                    <dd class="govuk-summary-list__value">{version.review_on.clone()}</dd>
                </div>
            </dl>
        }
    });
    let status = match &version.signed_off {
        Some((who, when)) => locale.fill(Text::PlanSignedOff, &[("name", who), ("date", when)]),
        None => locale.fill(Text::PlanSentOn, &[("date", &version.sent_on)]),
    };
    view! {
        <PageHeading text=title />
        <p class="govuk-body">{status}</p>
        <crate::features::emergency::CarerPlanNotices notices=version.carers_plans.clone() />
        <div class="portal-no-print">
            <p class="govuk-body">
                <a class="govuk-link" href=copy_path(version.id) download="">
                    {t(Text::PlanPdfLink)}
                </a>
            </p>
            <p class="govuk-hint">{t(Text::PlanPdfHint)}</p>
            <p class="govuk-body">{t(Text::CopyPrintHint)}</p>
            {(version.signed_off.is_some() && may_export)
                .then(|| {
                    view! {
                        <p class="govuk-body">
                            <a class="govuk-link" href=format!("/staff/plans/{}/fhir", version.id) download="">
                                {t(Text::FhirLink)}
                            </a>
                        </p>
                        <p class="govuk-hint">{t(Text::FhirPlanHint)}</p>
                    }
                })}
        </div>
        {record}
        <VersionBudget id=version.id signed_off=version.signed_off.is_some() />
        <h2 class="govuk-heading-m">{t(Text::PlanOwnWordsHeading)}</h2>
        <SentSections contributions=version.contributions.clone() locale />
    }
}

/// The personal budget set for this version; for the practitioner, the way to set it.
#[component]
fn VersionBudget(id: i64, signed_off: bool) -> impl IntoView {
    use crate::features::budget::{api::plan_budget, BudgetFigures};
    use crate::policy::Capability;

    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let may_set = signed_off && visitor.user.as_ref().is_some_and(|u| u.actor().may(Capability::ViewCaseload));
    view! {
        <Await future=plan_budget(id) let:found>
            {match found.clone() {
                Ok(Some(view)) => {
                    view! {
                        <h2 class="govuk-heading-m">{t(Text::BudgetAmountLabel)}</h2>
                        <BudgetFigures view locale />
                    }
                        .into_any()
                }
                Ok(None) if may_set => {
                    view! {
                        <p class="govuk-body">
                            <ButtonLink href=format!("/staff/plans/{id}/budget") text=Text::BudgetStaffLink />
                        </p>
                    }
                        .into_any()
                }
                _ => ().into_any(),
            }}
        </Await>
    }
}

#[component]
pub fn SignOffQueuePage() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    signed_in_page(plans_awaiting_sign_off, move |waiting| {
        view! {
            <PageHeading text=t(Text::PlanQueueTitle) />
            <OrNone empty=waiting.is_empty() none=t(Text::QueueNone)>
                <ul class="govuk-list">
                    {waiting
                        .into_iter()
                        .map(|v| {
                            view! {
                                <li>
                                    <a class="govuk-link" href=format!("/staff/plans/{}", v.id)>
                                        {v.person_name.clone()}
                                    </a>
                                    " – "
                                    {locale.fill(Text::PlanSentOn, &[("date", &v.sent_on)])}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </OrNone>
        }
        .into_any()
    })
}

#[component]
pub fn SignOffPage() -> impl IntoView {
    record_page(plan_version, |version| version.signed_off.is_none().then(|| view! { <SignOff version /> }))
}

#[component]
fn SignOff(version: PlanVersionView) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(SignOffPlan::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let title = locale.fill(Text::PlanSignOffTitle, &[("name", &version.person_name)]);
    let mut order: Vec<String> = FIELDS.iter().map(|f| f.name.to_owned()).collect();
    order.push("review-day".to_owned());
    let fields = FIELDS
        .iter()
        .map(|field| {
            view! { <TextArea name=field.name label=t(field.label) state=state.clone() max_chars=FIELD_MAX rows=4 /> }
        })
        .collect_view();
    view! {
        <BackLink href="/staff/plans" text=Text::AssessmentBack />
        <ErrorSummary state=state.clone() order=order />
        <PageHeading text=title has_errors=state.has_errors() />
        <crate::features::emergency::CarerPlanNotices notices=version.carers_plans.clone() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half">
                <h2 class="govuk-heading-m">{t(Text::PlanOwnWordsHeading)}</h2>
                <SentSections contributions=version.contributions.clone() locale />
            </div>
            <div class="govuk-grid-column-one-half">
                <h2 class="govuk-heading-m">{t(Text::PlanRecordHeading)}</h2>
                <PostForm action=SignOffPlan::PATH state=state.clone()>
                    <input type="hidden" name="id" value=version.id />
                    {fields}
                    <DateInput prefix="review" legend=t(Text::RecordPlanReview) hint=t(Text::RecordPlanReviewHint) />
                    <Submit text=Text::PlanSignOffButton />
                </PostForm>
            </div>
        </div>
    }
}
