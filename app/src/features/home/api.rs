//! Server functions for the home page and the audit log.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One audit log line as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: String,
    pub actor_id: Option<i64>,
    pub action: String,
    pub subject_id: Option<i64>,
    pub reason: Option<String>,
}

/// The latest 200 audit events. Staff only; reading the log is itself recorded.
#[server(prefix = "/api", endpoint = "staff/audit-log")]
pub async fn audit_log() -> Result<Vec<AuditLine>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ReadAuditLog, "audit log").await?;
    audit(&services, &visitor, Some(me.id), "viewed audit log", None, None).await?;
    let events = services.store.recent(200).await.map_err(|e| internal(&visitor, "reading the audit log", e))?;
    Ok(events
        .into_iter()
        .map(|e| AuditLine {
            at: e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
            actor_id: e.actor_id,
            action: e.action,
            subject_id: e.subject_id,
            reason: e.reason,
        })
        .collect())
}
