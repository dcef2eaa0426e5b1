//! Server functions for reviews. A carer or the person they care for asks for a review of their
//! own plan and follows it; practitioners see what is due in their caseload, arrange reviews and
//! record outcomes. Each function checks who is asking by itself.
use leptos::prelude::*;

pub use super::wire::{reference, ReviewSubject, ReviewView};
use super::wire::{ArrangeReviewForm, RequestReviewForm, ReviewOutcomeForm};
use crate::error::AppError;

/// The reviews of the people the signed-in person follows (themselves, or those they act for).
#[server(prefix = "/api", endpoint = "reviews/mine")]
pub async fn my_reviews() -> Result<Vec<ReviewView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::reviews::Review;

    let cx = Cx::signed_in()?;
    let mut views = Vec::new();
    for (person, _) in Review::followed_by(&cx).await? {
        let reviews = cx.store().reviews_of(person).await?;
        views.extend(reviews.into_iter().map(|r| ReviewView::from_record(r, cx.locale(), cx.today())));
    }
    Ok(views)
}

/// Whose plan the signed-in person may ask to have reviewed.
#[server(prefix = "/api", endpoint = "reviews/subjects")]
pub async fn review_subjects() -> Result<Vec<ReviewSubject>, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::reviews::Review;
    use crate::policy::Scope;

    let cx = Cx::signed_in()?;
    let mut subjects = Vec::new();
    for (person, scope) in Review::followed_by(&cx).await? {
        if scope != Scope::Edit {
            continue;
        }
        if let Some(account) = cx.store().find_account(person).await? {
            subjects.push(ReviewSubject { id: account.id, name: account.display_name });
        }
    }
    Ok(subjects)
}

/// Asks for a review of the person's own plan, or (for a representative) of the plan of the
/// person they act for, named in `person`.
#[server(prefix = "/api", endpoint = "reviews/request")]
pub async fn request_review(#[server(flatten)] form: RequestReviewForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::jobs::reviews::{notify_after, Notice};
    use crate::domain::account::Role;
    use crate::domain::reviews::ReviewRequest;
    use crate::kit::i18n::Text;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let me = cx.me().id;
    let person = match (cx.me().role, form.person()) {
        (Role::Carer | Role::Customer, None) => me,
        (Role::Carer | Role::Customer, Some(person)) if person == me => me,
        (Role::Representative, Some(person)) => {
            cx.authorise(person, Record::Reviews, Access::Edit, "requested review").await?;
            person
        }
        (Role::Representative, None) => return Err(cx.field_error("person", Text::ReviewErrorsPerson)),
        _ => return Err(AppError::NotFound),
    };
    let request = ReviewRequest::try_from(form).map_err(|p| cx.invalid(&p))?;
    let id = cx.store().request_review(person, me, &request, cx.now()).await?;
    cx.audit("review requested", Some(person), Some(&reference(id))).await?;
    notify_after(&cx, id, Notice::Received).await;
    leptos_axum::redirect(&format!("/reviews/{id}?sent=1"));
    Ok(())
}

/// One review, for the person it is about or a practitioner allowed to see their record.
#[server(prefix = "/api", endpoint = "reviews/review")]
pub async fn review_detail(#[server(default)] id: i64) -> Result<ReviewView, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let review = cx.authorised(cx.store().review(id).await, Record::Reviews, Access::View, "viewed review").await?;
    Ok(ReviewView::from_record(review, cx.locale(), cx.today()))
}

/// Reviews in the practitioner's caseload that need them now, as their team's workload counts
/// them (`Review::work`): open requests, arranged reviews, planned ones due within two weeks
/// or overdue.
#[server(prefix = "/api", endpoint = "reviews/due")]
pub async fn reviews_due() -> Result<Vec<ReviewView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ViewCaseload, "reviews due").await?;
    let relations = cx.relations().await?;
    let open = cx.store().open_reviews().await?;
    let today = cx.today();
    Ok(open
        .into_iter()
        .filter(|r| relations.caseload.contains(&r.person_id) && r.work(today).is_some())
        .map(|r| ReviewView::from_record(r, cx.locale(), today))
        .collect())
}

/// The practitioner arranges a review: a date (today or later) and a way of meeting.
#[server(prefix = "/api", endpoint = "reviews/arrange")]
pub async fn arrange_review(
    #[server(default)] id: i64,
    #[server(flatten)] form: ArrangeReviewForm,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::jobs::reviews::{notify_after, Notice};
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let review = cx.authorised(cx.store().review(id).await, Record::Reviews, Access::Edit, "arranged review").await?;
    let arrangement = form.into_arrangement(cx.today()).map_err(|p| cx.invalid(&p))?;
    cx.store().arrange_review(id, cx.me().id, &arrangement, cx.now()).await?;
    cx.audit("review arranged", Some(review.person_id), Some(&reference(id))).await?;
    notify_after(&cx, id, Notice::Arranged).await;
    leptos_axum::redirect(&format!("/staff/reviews/{id}"));
    Ok(())
}

/// The practitioner records what an arranged review found.
#[server(prefix = "/api", endpoint = "reviews/outcome")]
pub async fn record_review_outcome(
    #[server(default)] id: i64,
    #[server(flatten)] form: ReviewOutcomeForm,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::jobs::reviews::{notify_after, Notice};
    use crate::domain::reviews::OutcomeRecord;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let review =
        cx.authorised(cx.store().review(id).await, Record::Reviews, Access::Edit, "recorded review outcome").await?;
    let outcome = OutcomeRecord::try_from(form).map_err(|p| cx.invalid(&p))?;
    cx.store().complete_review(id, cx.me().id, &outcome, cx.now()).await?;
    cx.audit("review outcome recorded", Some(review.person_id), Some(outcome.outcome.code())).await?;
    notify_after(&cx, id, Notice::Done).await;
    leptos_axum::redirect(&format!("/staff/reviews/{id}"));
    Ok(())
}

/// Whether the signed-in person wants emails about their reviews.
#[server(prefix = "/api", endpoint = "reviews/emails")]
pub async fn review_emails() -> Result<bool, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    Ok(cx.store().review_emails(cx.me().id).await?)
}

#[server(prefix = "/api", endpoint = "reviews/emails/set")]
pub async fn set_review_emails(#[server(default)] wanted: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::kit::i18n::Text;

    let cx = Cx::plan_holder()?;
    let wanted = match wanted.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(cx.field_error("wanted", Text::ReviewEmailsLegend)),
    };
    cx.store().set_review_emails(cx.me().id, wanted).await?;
    leptos_axum::redirect("/account/emails?saved=1");
    Ok(())
}
