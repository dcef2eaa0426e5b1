//! The person's side: their planned reviews and requests, asking for a review, and following
//! one from "received" to its outcome.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::summary::{ReviewSummary, StatusTag};
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{BackLink, ButtonLink, LinkParagraph, OrNone, PageHeading, PageTitle, SuccessBanner};
use crate::components::record_page::{loaded, record_page, signed_in};
use crate::domain::reviews::{ReviewKind, ReviewMethod, ReviewReason, Urgency, INVOLVE_MAX, TEXT_MAX};
use crate::features::reviews::api::{
    my_reviews, review_detail, review_emails, review_subjects, RequestReview, SetReviewEmails,
};
use crate::features::reviews::wire::ReviewView;
use crate::features::reviews::words;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn ReviewsPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <PageHeading text=t(Text::ReviewTitle) intro=t(Text::ReviewIntro) />
            <div class="govuk-inset-text">
                <p class="govuk-body">"“" {t(Text::ReviewQuote)} "”"</p>
            </div>
            <ButtonLink href="/reviews/request" text=Text::ReviewRequestLink />
            {loaded(my_reviews(), move |reviews| view! { <Lists reviews locale /> })}
            <LinkParagraph href="/account/emails" text=Text::ReviewEmailsLink />
        }
    })
}

#[component]
fn Lists(reviews: Vec<ReviewView>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let (requested, planned): (Vec<_>, Vec<_>) = reviews.into_iter().partition(|r| r.kind == ReviewKind::Requested);
    let planned_rows = planned
        .into_iter()
        .map(|review| {
            let when = review
                .due
                .as_ref()
                .map(|(from, by, _)| locale.fill(Text::ReviewDueWindow, &[("from", from), ("by", by)]))
                .unwrap_or_default();
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{words::kind(locale, review.kind)}</dt>
                    <dd class="govuk-summary-list__value">{when}</dd>
                    <dd class="govuk-summary-list__actions">
                        <StatusTag status=review.status locale />
                    </dd>
                </div>
            }
        })
        .collect::<Vec<_>>();
    let request_rows = requested
        .into_iter()
        .map(|review| {
            view! {
                <li class="portal-review">
                    <a class="govuk-link" href=format!("/reviews/{}", review.id)>
                        {locale.fill(Text::ReviewReference, &[("reference", &review.reference)])}
                    </a>
                    " – "
                    {review.person_name.clone()}
                    ", "
                    {review.created_on.clone()}
                    " "
                    <StatusTag status=review.status locale />
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h2 class="govuk-heading-m">{t(Text::ReviewPlannedHeading)}</h2>
        <OrNone empty=planned_rows.is_empty() none=t(Text::ReviewPlannedNone)>
            <dl class="govuk-summary-list">{planned_rows}</dl>
        </OrNone>
        <h2 class="govuk-heading-m">{t(Text::ReviewRequestsHeading)}</h2>
        <OrNone empty=request_rows.is_empty() none=t(Text::ReviewRequestsNone)>
            <ul class="govuk-list">{request_rows}</ul>
        </OrNone>
    }
}

#[component]
pub fn RequestReviewPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        let state = FormState::for_action(RequestReview::PATH, visitor.flash.as_ref(), BTreeMap::new());
        let acting_for = visitor.user.as_ref().is_some_and(|u| u.role == crate::domain::account::Role::Representative);
        let reasons = words::options(ReviewReason::ALL, ReviewReason::code, |r| words::reason(locale, r));
        let methods = words::options(ReviewMethod::ALL, ReviewMethod::code, |m| words::method(locale, m));
        let urgencies = words::options(Urgency::ALL, Urgency::code, |u| words::urgency(locale, u));
        view! {
            <BackLink href="/reviews" text=Text::AssessmentBack />
            <ErrorSummary
                state=state.clone()
                order=&["person", "reason", "what_changed", "method", "involve", "urgency"]
            />
            <PageHeading
                text=t(Text::ReviewRequestTitle)
                has_errors=state.has_errors()
                intro=t(Text::ReviewRequestIntro)
            />
            <PostForm action=RequestReview::PATH state=state.clone()>
                {acting_for
                    .then(|| {
                        let state = state.clone();
                        view! {
                            // A representative says whose plan it is: one of the people they act for.
                            <Await future=review_subjects() let:subjects>
                                {
                                    let options = subjects
                                        .clone()
                                        .unwrap_or_default()
                                        .into_iter()
                                        .map(|p| (p.id.to_string(), p.name))
                                        .collect::<Vec<_>>();
                                    // Drawn after the form, once the people are loaded: its state is passed, not provided.
                                    view! {
                                        <Radios
                                            name="person"
                                            legend=t(Text::ReviewRequestPersonLegend)
                                            state=state.clone()
                                            options
                                        />
                                    }
                                }
                            </Await>
                        }
                    })}
                <Radios name="reason" legend=t(Text::ReviewRequestReasonLegend) options=reasons />
                <TextArea
                    name="what_changed"
                    label=t(Text::ReviewRequestWhatChangedLabel)
                    hint=t(Text::ReviewRequestWhatChangedHint)
                    max_chars=TEXT_MAX
                />
                <Radios name="method" legend=t(Text::ReviewRequestMethodLegend) options=methods />
                <TextArea
                    name="involve"
                    label=t(Text::ReviewRequestInvolveLabel)
                    hint=t(Text::ReviewRequestInvolveHint)
                    max_chars=INVOLVE_MAX
                    rows=3
                />
                <Radios name="urgency" legend=t(Text::ReviewRequestUrgencyLegend) options=urgencies />
                <Submit text=Text::ReviewRequestSendButton />
            </PostForm>
        }
    })
}

/// One review, for the person it is about: a confirmation when they have just asked for it.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
    record_page(review_detail, move |review| Some(view! { <Review review sent /> }))
}

#[component]
fn Review(review: ReviewView, sent: bool) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let reference = locale.fill(Text::ReviewReference, &[("reference", &review.reference)]);
    let heading = if sent {
        view! {
            <div class="govuk-panel govuk-panel--confirmation">
                <h1 class="govuk-panel__title">{t(Text::ReviewRequestSentTitle)}</h1>
                <div class="govuk-panel__body">{reference.clone()}</div>
            </div>
            <p class="govuk-body">{t(Text::ReviewRequestSentBody)}</p>
        }
        .into_any()
    } else {
        view! { <h1 class="govuk-heading-l">{reference.clone()}</h1> }.into_any()
    };
    view! {
        <PageTitle text=reference />
        <BackLink href="/reviews" text=Text::ReviewTitle />
        {heading}
        <ReviewSummary review locale />
        <p class="govuk-body">{t(Text::ReviewComplaints)}</p>
    }
}

/// The person's choice of emails about reviews (the link at the foot of every such email).
#[component]
pub fn ReviewEmailsPage() -> impl IntoView {
    signed_in(|visitor| {
        let t = visitor.locale.translator();
        let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
        let flash = visitor.flash.clone();
        view! {
            {saved.then(|| view! { <SuccessBanner message=t(Text::ReviewEmailsSaved) /> })}
            <PageHeading text=t(Text::ReviewEmailsTitle) intro=t(Text::ReviewEmailsIntro) />
            {loaded(
                review_emails(),
                move |wanted| {
                    let initial = BTreeMap::from([("wanted".to_owned(), if wanted { "yes" } else { "no" }.to_owned())]);
                    let state = FormState::for_action(SetReviewEmails::PATH, flash.as_ref(), initial);
                    let options = vec![("yes", t(Text::ReviewEmailsYes)), ("no", t(Text::ReviewEmailsNo))];
                    view! {
                        <PostForm action=SetReviewEmails::PATH refused=flash.clone()>
                            <Radios name="wanted" legend=t(Text::ReviewEmailsLegend) state options />
                            <Submit text=Text::ReviewEmailsButton />
                        </PostForm>
                    }
                },
            )}
        }
    })
}
