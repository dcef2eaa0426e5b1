//! An action waiting for a second admin, as the page that asked for it shows it.
use serde::{Deserialize, Serialize};

use crate::domain::approvals::{PendingApproval, TwoAdminAction};
use crate::kit::i18n::Locale;
use crate::policy::Actor;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub action: TwoAdminAction,
    pub subject_id: i64,
    pub asked_by_name: String,
    pub reason: String,
    /// The day it was asked for, in the reader's language.
    pub asked_on: String,
    /// The reader asked for it (and so may not approve it).
    pub asked_by_me: bool,
    /// The reader may approve it (an admin who neither asked for it nor is its subject).
    pub may_approve: bool,
}

impl ApprovalView {
    pub fn of(pending: PendingApproval, reader: &Actor, locale: Locale) -> ApprovalView {
        ApprovalView {
            action: pending.action,
            subject_id: pending.subject_id,
            asked_by_me: pending.asked_by == reader.user_id,
            may_approve: reader.may_approve(pending.asked_by, pending.subject_id),
            asked_by_name: pending.asked_by_name,
            reason: pending.reason,
            asked_on: locale.long_date(pending.asked_at.date_naive()),
        }
    }
}
