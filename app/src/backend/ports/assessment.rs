//! The store's side of the carer's self-assessment: versions as sent, the queue, decisions.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::assessment::{Answers, Draft, EligibilityDecision};

/// A carer's assessment as they sent it: a frozen copy of their answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmittedAssessment {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub answers: Answers,
    pub decision: Option<RecordedDecision>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDecision {
    pub decision: EligibilityDecision,
    pub practitioner_id: i64,
    pub decided_at: DateTime<Utc>,
}

/// A line in the practitioners' queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedAssessment {
    pub id: i64,
    pub carer_id: i64,
    pub carer_name: String,
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub under_18: bool,
    /// `Some(eligible)` once decided.
    pub eligible: Option<bool>,
    /// Whether any practitioner has the carer in their caseload.
    pub allocated: bool,
}

#[async_trait]
pub trait AssessmentStore: Send + Sync {
    async fn draft(&self, carer_id: i64) -> StoreResult<Draft>;
    /// Saves one page's answers (an empty answer removes the saved one) and marks the page as
    /// seen, together: either all of it is saved or none.
    async fn save_page(&self, carer_id: i64, page: &str, answers: &[(String, String)], at: DateTime<Utc>)
        -> StoreResult<()>;
    /// Freezes the current answers as the next version; returns the new version's id.
    async fn submit_assessment(&self, carer_id: i64, answers: &Answers, under_18: bool, at: DateTime<Utc>)
        -> StoreResult<i64>;
    /// A carer's versions, newest first.
    async fn assessment_versions(&self, carer_id: i64) -> StoreResult<Vec<SubmittedAssessment>>;
    async fn assessment_version(&self, id: i64) -> StoreResult<Option<SubmittedAssessment>>;
    /// Every submitted version, newest first.
    async fn assessment_queue(&self) -> StoreResult<Vec<QueuedAssessment>>;
    /// Fails with `Conflict` if the version already has a decision.
    async fn record_decision(
        &self,
        version_id: i64,
        practitioner_id: i64,
        decision: &EligibilityDecision,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
}
