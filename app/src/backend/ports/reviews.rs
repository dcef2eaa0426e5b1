//! The store's side of reviews: planned ones, requests, arrangements and outcomes.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::backend::cx::{AboutPerson, Cx};
use crate::domain::account::Role;
use crate::domain::reviews::{Arrangement, OutcomeRecord, PlannedReview, ReviewKind, ReviewRequest, ReviewStatus};
use crate::error::AppError;
use crate::features::reviews::wire::{reference, ReviewView};
use crate::kit::i18n::Locale;
use crate::kit::visitor::SignedInUser;
use crate::policy::Scope;

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

impl Review {
    /// The review as the pages show it, dates in `locale` and how near a planned one is due.
    pub fn view(self, locale: Locale, today: NaiveDate) -> ReviewView {
        ReviewView {
            id: self.id,
            reference: reference(self.id),
            person_id: self.person_id,
            person_name: self.person_name,
            kind: self.kind,
            status: self.status,
            due: self.due.map(|(from, by)| {
                let due = PlannedReview { kind: self.kind, due_from: from, due_by: by }.due(today);
                (locale.long_date(from), locale.long_date(by), due)
            }),
            request: self.request,
            requested_by: self.requested_by,
            created_on: locale.long_date(self.created_at.date_naive()),
            arranged: self.arrangement.map(|a| (locale.long_date(a.on), a.method)),
            outcome: self.outcome,
            done_on: self.done_at.map(|d| locale.long_date(d.date_naive())),
        }
    }

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
