//! Server functions for reviews. A carer or the person they care for asks for a review of their
//! own plan and follows it; practitioners see what is due in their caseload, arrange reviews and
//! record outcomes. Each function checks who is asking by itself.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::reviews::{Due, OutcomeRecord, ReviewKind, ReviewMethod, ReviewRequest, ReviewStatus};
use crate::error::AppError;

/// A review as the pages show it, dates already in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    pub reference: String,
    pub person_id: i64,
    pub person_name: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    /// The window a planned review is due in, and how near it is.
    pub due: Option<(String, String, Due)>,
    pub request: Option<ReviewRequest>,
    pub requested_by: Option<String>,
    pub created_on: String,
    pub arranged: Option<(String, ReviewMethod)>,
    pub outcome: Option<OutcomeRecord>,
    pub done_on: Option<String>,
}

pub fn reference(id: i64) -> String {
    format!("RV-{id:06}")
}

#[cfg(feature = "ssr")]
fn view_of(review: crate::backend::ports::Review, locale: crate::kit::i18n::Locale, today: chrono::NaiveDate) -> ReviewView {
    use crate::domain::reviews::PlannedReview;
    ReviewView {
        id: review.id,
        reference: reference(review.id),
        person_id: review.person_id,
        person_name: review.person_name,
        kind: review.kind,
        status: review.status,
        due: review.due.map(|(from, by)| {
            let due = PlannedReview { kind: review.kind, due_from: from, due_by: by }.due(today);
            (locale.long_date(from), locale.long_date(by), due)
        }),
        request: review.request,
        requested_by: review.requested_by,
        created_on: locale.long_date(review.created_at.date_naive()),
        arranged: review.arrangement.map(|a| (locale.long_date(a.on), a.method)),
        outcome: review.outcome,
        done_on: review.done_at.map(|d| locale.long_date(d.date_naive())),
    }
}

/// Someone whose plan the signed-in person may ask to have reviewed: themselves (a carer or a
/// customer), or the people a representative acts for with permission to change things.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSubject {
    pub id: i64,
    pub name: String,
}

/// The people whose reviews the signed-in person follows: their own, or, for a representative,
/// those of each person they act for.
#[cfg(feature = "ssr")]
async fn followed_people(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
) -> Result<Vec<(i64, crate::policy::Scope)>, AppError> {
    use crate::domain::account::Role;
    use crate::policy::Scope;
    use crate::backend::cx::{signed_in, store_failure};

    let me = signed_in(visitor)?;
    match me.role {
        Role::Carer | Role::Customer => Ok(vec![(me.id, Scope::Edit)]),
        Role::Representative => {
            let relations = services.store.relations(me.id).await.map_err(|e| store_failure(visitor, "reading relations", e))?;
            Ok(relations.represents)
        }
        _ => Err(AppError::NotFound),
    }
}

#[server(prefix = "/api", endpoint = "reviews/mine")]
pub async fn my_reviews() -> Result<Vec<ReviewView>, AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let today = services.clock.now().date_naive();
    let mut views = Vec::new();
    for (person, _) in followed_people(&services, &visitor).await? {
        let reviews = services.store.reviews_of(person).await.map_err(|e| store_failure(&visitor, "reading reviews", e))?;
        views.extend(reviews.into_iter().map(|r| view_of(r, visitor.locale, today)));
    }
    Ok(views)
}

/// Whose plan the signed-in person may ask to have reviewed.
#[server(prefix = "/api", endpoint = "reviews/subjects")]
pub async fn review_subjects() -> Result<Vec<ReviewSubject>, AppError> {
    use crate::policy::Scope;
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let mut subjects = Vec::new();
    for (person, scope) in followed_people(&services, &visitor).await? {
        if scope != Scope::Edit {
            continue;
        }
        let account = services.store.find_account(person).await.map_err(|e| store_failure(&visitor, "reading an account", e))?;
        if let Some(account) = account {
            subjects.push(ReviewSubject { id: account.id, name: account.display_name });
        }
    }
    Ok(subjects)
}

/// Asks for a review of the person's own plan, or (for a representative) of the plan of the
/// person they act for, named in `person`.
#[server(prefix = "/api", endpoint = "reviews/request")]
pub async fn request_review(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::account::Role;
    use crate::policy::Access;
    use crate::backend::cx::{audit, authorise_person, services, signed_in, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let asked_for = fields.get("person").and_then(|p| p.parse::<i64>().ok());
    let person = match (me.role, asked_for) {
        (Role::Carer | Role::Customer, None) => me.id,
        (Role::Carer | Role::Customer, Some(person)) if person == me.id => me.id,
        (Role::Representative, Some(person)) => {
            authorise_person(&services, &visitor, &me.actor(), person, crate::policy::Record::Reviews, Access::Edit, "requested review").await?;
            person
        }
        (Role::Representative, None) => {
            let message = visitor.locale.text(crate::kit::i18n::Text::ReviewErrorsPerson).to_owned();
            return Err(AppError::Validation { fields: [("person".to_owned(), message)].into() });
        }
        _ => return Err(AppError::NotFound),
    };
    let request = ReviewRequest::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let id = services
        .store
        .request_review(person, me.id, &request, services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "requesting a review", e))?;
    audit(&services, &visitor, Some(me.id), "review requested", Some(person), Some(&reference(id))).await?;
    crate::backend::jobs::reviews::notify_after(&services, &visitor, id, crate::backend::jobs::reviews::Notice::Received).await;
    leptos_axum::redirect(&format!("/reviews/{id}?sent=1"));
    Ok(())
}

/// One review, for the person it is about or a practitioner allowed to see their record.
#[server(prefix = "/api", endpoint = "reviews/review")]
pub async fn review_detail(#[server(default)] id: i64) -> Result<ReviewView, AppError> {
    use crate::policy::Access;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (_, review) = authorised_review(&services, &visitor, id, Access::View, "viewed review").await?;
    Ok(view_of(review, visitor.locale, services.clock.now().date_naive()))
}

#[cfg(feature = "ssr")]
async fn authorised_review(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    id: i64,
    access: crate::policy::Access,
    what: &str,
) -> Result<(crate::kit::visitor::SignedInUser, crate::backend::ports::Review), AppError> {
    use crate::backend::cx::{authorise_record, signed_in, store_failure};

    let me = signed_in(visitor)?;
    let review = services
        .store
        .review(id)
        .await
        .map_err(|e| store_failure(visitor, "reading a review", e))?
        .ok_or(AppError::NotFound)?;
    authorise_record(services, visitor, &me, review.person_id, crate::policy::Record::Reviews, access, what).await?;
    Ok((me, review))
}

/// Requests and planned reviews in the practitioner's caseload that need them now: every open
/// request, and planned reviews due within two weeks or overdue.
#[server(prefix = "/api", endpoint = "reviews/due")]
pub async fn reviews_due() -> Result<Vec<ReviewView>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ViewCaseload, "reviews due").await?;
    let relations = services.store.relations(me.id).await.map_err(|e| store_failure(&visitor, "reading relations", e))?;
    let today = services.clock.now().date_naive();
    let open = services.store.open_reviews().await.map_err(|e| store_failure(&visitor, "reading reviews", e))?;
    Ok(open
        .into_iter()
        .filter(|r| relations.caseload.contains(&r.person_id))
        .map(|r| view_of(r, visitor.locale, today))
        .filter(|r| r.status != ReviewStatus::Planned || r.due.as_ref().is_some_and(|(_, _, due)| *due != Due::Later))
        .collect())
}

#[server(prefix = "/api", endpoint = "reviews/arrange")]
pub async fn arrange_review(
    #[server(default)] id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::reviews::Arrangement;
    use crate::policy::Access;
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (me, review) = authorised_review(&services, &visitor, id, Access::Edit, "arranged review").await?;
    let now = services.clock.now();
    let arrangement = Arrangement::parse(&fields, now.date_naive()).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    services
        .store
        .arrange_review(id, me.id, &arrangement, now)
        .await
        .map_err(|e| store_failure(&visitor, "arranging a review", e))?;
    audit(&services, &visitor, Some(me.id), "review arranged", Some(review.person_id), Some(&reference(id))).await?;
    crate::backend::jobs::reviews::notify_after(&services, &visitor, id, crate::backend::jobs::reviews::Notice::Arranged).await;
    leptos_axum::redirect(&format!("/staff/reviews/{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "reviews/outcome")]
pub async fn record_review_outcome(
    #[server(default)] id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::policy::Access;
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let (me, review) = authorised_review(&services, &visitor, id, Access::Edit, "recorded review outcome").await?;
    let outcome = OutcomeRecord::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    services
        .store
        .complete_review(id, me.id, &outcome, services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "recording a review outcome", e))?;
    audit(&services, &visitor, Some(me.id), "review outcome recorded", Some(review.person_id), Some(outcome.outcome.code()))
        .await?;
    crate::backend::jobs::reviews::notify_after(&services, &visitor, id, crate::backend::jobs::reviews::Notice::Done).await;
    leptos_axum::redirect(&format!("/staff/reviews/{id}"));
    Ok(())
}

/// Whether the signed-in person wants emails about their reviews.
#[server(prefix = "/api", endpoint = "reviews/emails")]
pub async fn review_emails() -> Result<bool, AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    services()?.store.review_emails(me.id).await.map_err(|e| store_failure(&visitor, "reading a mail choice", e))
}

#[server(prefix = "/api", endpoint = "reviews/emails/set")]
pub async fn set_review_emails(#[server(default)] wanted: String) -> Result<(), AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let wanted = match wanted.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            let message = visitor.locale.text(crate::kit::i18n::Text::ReviewEmailsLegend).to_owned();
            return Err(AppError::Validation { fields: [("wanted".to_owned(), message)].into() });
        }
    };
    services()?
        .store
        .set_review_emails(me.id, wanted)
        .await
        .map_err(|e| store_failure(&visitor, "saving a mail choice", e))?;
    leptos_axum::redirect("/account/emails?saved=1");
    Ok(())
}
