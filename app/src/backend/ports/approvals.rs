//! The store's side of actions on an admin's account that need a second admin.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::approvals::{PendingApproval, TwoAdminAction};

#[async_trait]
pub trait ApprovalStore: Send + Sync {
    /// Asks for `action` on `subject_id`: `Conflict` when it is already waiting for approval.
    async fn ask_approval(
        &self,
        action: TwoAdminAction,
        subject_id: i64,
        asked_by: i64,
        reason: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// What is waiting for a second admin about `subject_id`, if anything.
    async fn pending_approval(&self, action: TwoAdminAction, subject_id: i64) -> StoreResult<Option<PendingApproval>>;
    /// Approves it as `by`: `false` when it was approved already or `by` asked for it.
    async fn approve(&self, id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<bool>;
}
