//! The store's side of reviews: planned ones, requests, arrangements and outcomes; and whose
//! reviews the signed-in person follows.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::backend::cx::{AboutPerson, Cx};
use crate::domain::account::Role;
use crate::domain::reviews::{Arrangement, OutcomeRecord, Review, ReviewRequest};
use crate::error::AppError;
use crate::kit::visitor::SignedInUser;
use crate::policy::Scope;

impl Review {
    /// The people whose reviews the signed-in person follows: their own, or, for a
    /// representative, those of each person they act for (with what they may do for them).
    pub async fn followed_by(cx: &Cx<SignedInUser>) -> Result<Vec<(i64, Scope)>, AppError> {
        match cx.me().role {
            Role::Carer | Role::Customer => Ok(vec![(cx.me().id, Scope::Edit)]),
            Role::Representative => Ok(cx.relations().await?.represents),
            _ => Err(AppError::NotFound),
        }
    }
}

impl AboutPerson for Review {
    fn person_id(&self) -> i64 {
        self.person_id
    }
}

#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// A person's reviews: open ones first (soonest due first), then done ones, newest first.
    async fn reviews_of(&self, person_id: i64) -> StoreResult<Vec<Review>>;
    async fn review(&self, id: i64) -> StoreResult<Option<Review>>;
    /// Reviews not yet done, for everyone (callers keep to the practitioner's caseload).
    async fn open_reviews(&self) -> StoreResult<Vec<Review>>;
    async fn request_review(
        &self,
        person_id: i64,
        requested_by: i64,
        request: &ReviewRequest,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// `Conflict` once the review is done.
    async fn arrange_review(&self, id: i64, by: i64, arrangement: &Arrangement, at: DateTime<Utc>) -> StoreResult<()>;
    /// Records the outcome, all or nothing. "Plan revised" opens the next version of the
    /// person's plan (a copy of their latest one) to be agreed. `Conflict` once done.
    async fn complete_review(&self, id: i64, by: i64, outcome: &OutcomeRecord, at: DateTime<Utc>) -> StoreResult<()>;
    /// Planned reviews due to start by `by` whose reminder has not gone out.
    async fn reviews_to_remind(&self, by: NaiveDate) -> StoreResult<Vec<Review>>;
    async fn mark_reminded(&self, id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Whether the person wants emails about their reviews (yes unless they said no).
    async fn review_emails(&self, person_id: i64) -> StoreResult<bool>;
    async fn set_review_emails(&self, person_id: i64, wanted: bool) -> StoreResult<()>;
}
