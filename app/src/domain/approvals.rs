//! What one admin may not do to another admin alone: erase their information, or switch their
//! account off. The first admin asks; a second admin (not the one asking, not the one it is
//! about) approves, and only then is it done. Both are in the audit log.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An action on an admin's account that needs a second admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwoAdminAction {
    /// Erasing their information (a data rights request).
    Erase,
    /// Switching their account off.
    SwitchOff,
}

impl TwoAdminAction {
    pub fn as_str(self) -> &'static str {
        match self {
            TwoAdminAction::Erase => "erase",
            TwoAdminAction::SwitchOff => "switch off",
        }
    }

    pub fn parse(value: &str) -> Option<TwoAdminAction> {
        [TwoAdminAction::Erase, TwoAdminAction::SwitchOff].into_iter().find(|a| a.as_str() == value)
    }
}

/// An action asked for and waiting for a second admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingApproval {
    pub id: i64,
    pub action: TwoAdminAction,
    pub subject_id: i64,
    pub asked_by: i64,
    pub asked_by_name: String,
    /// Why (an erasure's reason, as typed; empty for switching off).
    pub reason: String,
    pub asked_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_reads_back_as_itself() {
        for action in [TwoAdminAction::Erase, TwoAdminAction::SwitchOff] {
            assert_eq!(TwoAdminAction::parse(action.as_str()), Some(action));
        }
        assert_eq!(TwoAdminAction::parse("promote"), None);
    }
}
