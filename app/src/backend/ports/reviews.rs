//! The store's side of reviews: planned ones, requests, arrangements and outcomes.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::domain::reviews::{Arrangement, OutcomeRecord, ReviewKind, ReviewRequest, ReviewStatus};

/// A review of a person's plan, as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    /// The window a planned review is due in.
    pub due: Option<(NaiveDate, NaiveDate)>,
    pub request: Option<ReviewRequest>,
    pub requested_by: Option<String>,
    pub arrangement: Option<Arrangement>,
    pub outcome: Option<OutcomeRecord>,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// A person's reviews: open ones first (soonest due first), then done ones, newest first.
    async fn reviews_of(&self, person_id: i64) -> StoreResult<Vec<Review>>;
    async fn review(&self, id: i64) -> StoreResult<Option<Review>>;
    /// Reviews not yet done, for everyone (callers keep to the practitioner's caseload).
    async fn open_reviews(&self) -> StoreResult<Vec<Review>>;
    async fn request_review(&self, person_id: i64, requested_by: i64, request: &ReviewRequest, at: DateTime<Utc>) -> StoreResult<i64>;
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
