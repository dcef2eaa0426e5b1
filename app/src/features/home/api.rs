//! Server functions for the audit log (the home page reads other features' functions).
use leptos::prelude::*;

use super::wire::AuditLine;
use crate::error::AppError;

/// The latest 200 audit events. Staff only; reading the log is itself recorded. An admin reads
/// the whole log; a practitioner what they did and what was done about people allocated to them
/// (the log holds who signed in and failed to, and everything done about every person).
#[server(prefix = "/api", endpoint = "staff/audit-log")]
pub async fn audit_log() -> Result<Vec<AuditLine>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadAuditLog, "audit log").await?;
    cx.audit("viewed audit log", None, None).await?;
    let whole = cx.me().actor().may(Capability::ReadWholeAuditLog);
    let events = cx.store().recent(200, (!whole).then_some(cx.me().id)).await?;
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
