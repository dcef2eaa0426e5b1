//! What the audit log page shows.
use serde::{Deserialize, Serialize};

/// One audit log line as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub actor_id: Option<i64>,
    pub action: String,
    pub subject_id: Option<i64>,
    pub reason: Option<String>,
}
