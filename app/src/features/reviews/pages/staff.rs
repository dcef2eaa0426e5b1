//! The practitioner's side: what is due in their caseload, and one review to arrange and
//! complete.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::summary::{ReviewSummary, StatusTag};
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{DateInput, ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{BackLink, LinkParagraph, OrNone, PageHeading};
use crate::components::record_page::{record_page, signed_in_page};
use crate::components::table::{LinkCell, Table};
use crate::domain::reviews::{Due, ReviewMethod, ReviewOutcome, ReviewStatus, TEXT_MAX};
use crate::features::reviews::api::{review_detail, reviews_due, ArrangeReview, RecordReviewOutcome};
use crate::features::reviews::wire::ReviewView;
use crate::features::reviews::words;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn StaffReviewsPage() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    signed_in_page(reviews_due, move |due| {
        view! {
            <PageHeading text=t(Text::ReviewStaffTitle) intro=t(Text::ReviewStaffIntro) />
            <OrNone empty=due.is_empty() none=t(Text::ReviewStaffNone)>
                <DueTable due locale />
            </OrNone>
        }
        .into_any()
    })
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 4] =
    [Text::ReviewStaffPersonColumn, Text::ReviewKindLabel, Text::ReviewDueLabel, Text::ReviewStatusLabel];

#[component]
fn DueTable(due: Vec<ReviewView>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let rows = due
        .into_iter()
        .map(|review| {
            let when = match &review.due {
                Some((_, by, Due::Overdue)) => format!("{} – {by}", t(Text::ReviewPlannedOverdue)),
                Some((_, by, _)) => locale.fill(Text::ReviewDueBy, &[("by", by)]),
                None => review.created_on.clone(),
            };
            view! {
                <tr class="govuk-table__row">
                    <LinkCell href=format!("/staff/reviews/{}", review.id)>{review.person_name.clone()}</LinkCell>
                    <td class="govuk-table__cell">{words::kind(locale, review.kind)}</td>
                    <td class="govuk-table__cell">{when}</td>
                    <td class="govuk-table__cell">
                        <StatusTag status=review.status locale />
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <Table label=t(Text::ReviewStaffTitle) columns=COLUMNS>
            {rows}
        </Table>
    }
}

#[component]
pub fn StaffReviewPage() -> impl IntoView {
    let locale = use_visitor().locale;
    record_page(review_detail, move |review| Some(view! { <StaffReview review locale /> }))
}

#[component]
fn StaffReview(review: ReviewView, locale: Locale) -> impl IntoView {
    let visitor = use_visitor();
    let t = locale.translator();
    let title = locale.fill(Text::ReviewStaffPersonHeading, &[("name", &review.person_name)]);
    let arrange = FormState::for_action(ArrangeReview::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let record = FormState::for_action(RecordReviewOutcome::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let methods = words::options(ReviewMethod::ALL, ReviewMethod::code, |m| words::method(locale, m));
    let outcomes = words::options(ReviewOutcome::ALL, ReviewOutcome::code, |o| words::outcome(locale, o));
    let open = review.status != ReviewStatus::Done;
    let arranged = review.status == ReviewStatus::Arranged;
    let id = review.id;
    view! {
        <BackLink href="/staff/reviews" text=Text::ReviewStaffTitle />
        <ErrorSummary state=arrange.clone() order=&["arranged-day", "method"] />
        <ErrorSummary state=record.clone() order=&["outcome", "summary", "reasons", "other_help"] />
        <span class="govuk-caption-l">{review.reference.clone()}</span>
        <PageHeading text=title has_errors=arrange.has_errors() || record.has_errors() />
        <ReviewSummary review=review.clone() locale />
        {(review.outcome.as_ref().is_some_and(|o| o.outcome == ReviewOutcome::PlanRevised))
            .then(|| {
                view! { <LinkParagraph href="/staff/plans" text=Text::ReviewStaffPlanRevisedNote /> }
            })}
        {open
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::ReviewStaffArrangeHeading)}</h2>
                    <PostForm action=ArrangeReview::PATH state=arrange.clone()>
                        <input type="hidden" name="id" value=id />
                        <DateInput
                            prefix="arranged"
                            legend=t(Text::ReviewStaffArrangedLegend)
                            hint=t(Text::ReviewStaffArrangedHint)
                        />
                        <Radios name="method" legend=t(Text::ReviewRequestMethodLegend) options=methods />
                        <Submit text=Text::ReviewStaffArrangeButton secondary=true />
                    </PostForm>
                }
            })}
        {arranged
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::ReviewStaffOutcomeHeading)}</h2>
                    <PostForm action=RecordReviewOutcome::PATH state=record.clone()>
                        <input type="hidden" name="id" value=id />
                        <Radios name="outcome" legend=t(Text::ReviewOutcomeLabel) options=outcomes />
                        <TextArea name="summary" label=t(Text::ReviewStaffSummaryLabel) max_chars=TEXT_MAX />
                        <TextArea
                            name="reasons"
                            label=t(Text::ReviewStaffReasonsLabel)
                            hint=t(Text::ReviewStaffReasonsHint)
                            max_chars=TEXT_MAX
                            rows=3
                        />
                        <TextArea
                            name="other_help"
                            label=t(Text::ReviewStaffOtherHelpLabel)
                            hint=t(Text::ReviewStaffOtherHelpHint)
                            max_chars=TEXT_MAX
                            rows=3
                        />
                        <Submit text=Text::ReviewStaffOutcomeButton />
                    </PostForm>
                }
            })}
    }
}
