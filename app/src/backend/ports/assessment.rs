//! The store's side of the carer's self-assessment: versions as sent, the queue, decisions;
//! and how each record reads on the pages.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::{AboutPerson, Cx};
use crate::domain::account::Role;
use crate::domain::assessment::{Answers, Draft, EligibilityDecision};
use crate::error::AppError;
use crate::features::assessment::wire::{
    reference, DecisionSeen, QueueLine, SentVersion, StructuredAssessment, REPLY_DAYS,
};
use crate::kit::i18n::Locale;
use crate::kit::visitor::SignedInUser;

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

impl SubmittedAssessment {
    /// The version as the carer's own pages show it, dates in `locale`.
    pub fn sent_version(self, locale: Locale) -> SentVersion {
        SentVersion {
            version: self.version,
            reference: reference(self.id),
            sent_on: locale.long_date(self.submitted_at.date_naive()),
            reply_by: locale.long_date((self.submitted_at + chrono::Duration::days(REPLY_DAYS)).date_naive()),
            answers: self.answers,
            decision: self.decision.map(|d| d.seen(locale)),
        }
    }

    /// The version as the practitioner's record shows it, with the answers of the one before.
    pub fn structured(self, previous: Option<Answers>, locale: Locale) -> StructuredAssessment {
        StructuredAssessment {
            id: self.id,
            reference: reference(self.id),
            carer_name: self.carer_name,
            version: self.version,
            sent_on: locale.long_date(self.submitted_at.date_naive()),
            answers: self.answers,
            previous,
            decision: self.decision.map(|d| d.seen(locale)),
        }
    }
}

impl SubmittedAssessment {
    /// The signed-in carer, asking about their own assessment; anyone else has no carer's
    /// assessment to see ("not found"), and no id is ever taken from the request.
    pub fn carer_asking() -> Result<Cx<SignedInUser>, AppError> {
        let cx = Cx::signed_in()?;
        if cx.me().role == Role::Carer {
            Ok(cx)
        } else {
            Err(AppError::NotFound)
        }
    }
}

impl AboutPerson for SubmittedAssessment {
    fn person_id(&self) -> i64 {
        self.carer_id
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedDecision {
    pub decision: EligibilityDecision,
    pub practitioner_id: i64,
    pub decided_at: DateTime<Utc>,
}

impl RecordedDecision {
    pub fn seen(self, locale: Locale) -> DecisionSeen {
        DecisionSeen { decision: self.decision, decided_on: locale.long_date(self.decided_at.date_naive()) }
    }
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

impl QueuedAssessment {
    pub fn line(&self, locale: Locale) -> QueueLine {
        QueueLine {
            id: self.id,
            carer_id: self.carer_id,
            carer_name: self.carer_name.clone(),
            reference: reference(self.id),
            sent_on: locale.long_date(self.submitted_at.date_naive()),
            under_18: self.under_18,
            eligible: self.eligible,
        }
    }
}

#[async_trait]
pub trait AssessmentStore: Send + Sync {
    async fn draft(&self, carer_id: i64) -> StoreResult<Draft>;
    /// The answers saved so far, without the pages seen: what a question page or a save needs.
    async fn draft_answers(&self, carer_id: i64) -> StoreResult<Answers> {
        Ok(self.draft(carer_id).await?.answers)
    }
    /// Saves one page's answers (an empty answer removes the saved one) and marks the page as
    /// seen, together: either all of it is saved or none.
    async fn save_page(
        &self,
        carer_id: i64,
        page: &str,
        answers: &[(String, String)],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Freezes the current answers as the next version; returns the new version's id.
    async fn submit_assessment(
        &self,
        carer_id: i64,
        answers: &Answers,
        under_18: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
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
