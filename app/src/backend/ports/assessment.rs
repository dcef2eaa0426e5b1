//! The store's side of the carer's self-assessment: drafts saved a page at a time, versions
//! as sent, the queue, decisions.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::AboutPerson;
use crate::domain::assessment::{Answers, Draft, EligibilityDecision, PageAnswers};
pub use crate::domain::assessment::{QueuedAssessment, RecordedDecision, SubmittedAssessment};

impl AboutPerson for SubmittedAssessment {
    fn person_id(&self) -> i64 {
        self.carer_id
    }
}

#[async_trait]
pub trait AssessmentStore: Send + Sync {
    async fn draft(&self, carer_id: i64) -> StoreResult<Draft>;
    /// The answers saved so far, without the pages seen: what a question page or a save needs.
    async fn draft_answers(&self, carer_id: i64) -> StoreResult<Answers> {
        Ok(self.draft(carer_id).await?.answers)
    }
    /// Saves one page's answers (a question left unanswered removes the saved answer) and
    /// marks the page as seen, together: either all of it is saved or none.
    async fn save_page(&self, carer_id: i64, answers: &PageAnswers, at: DateTime<Utc>) -> StoreResult<()>;
    /// Freezes the current answers as the next version, sent by the carer; returns its id.
    async fn submit_assessment(
        &self,
        carer_id: i64,
        answers: &Answers,
        under_18: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        self.submit_assessment_by(carer_id, carer_id, answers, under_18, at).await
    }
    /// The same, sent `by` someone filling it in with the carer (or the carer).
    async fn submit_assessment_by(
        &self,
        carer_id: i64,
        by: i64,
        answers: &Answers,
        under_18: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// The carer confirms a version someone filled in with them; `Conflict` if they already did.
    async fn confirm_assessment(&self, version_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
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
