//! Approving an action one admin asked for on another admin's account.
use leptos::prelude::*;

use crate::error::AppError;

/// A second admin approves `action` (`erase` or `switch off`) on `subject_id`, which is then
/// done: not the admin who asked, not the admin it is about, and after a fresh sign-in.
#[server(prefix = "/api", endpoint = "approvals/approve")]
pub async fn approve(#[server(default)] action: String, #[server(default)] subject_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::approvals::TwoAdminAction;
    use crate::domain::data_rights::Erasure;
    use crate::policy::Capability;

    // Nothing of an unknown kind is waiting.
    let action = TwoAdminAction::parse(&action).ok_or(AppError::NotFound)?;
    let capability = match action {
        TwoAdminAction::Erase => Capability::HandleDataRequests,
        TwoAdminAction::SwitchOff => Capability::ManageUsers,
    };
    let cx = Cx::with(capability, "approve an action on an admin's account").await?;
    let pending = cx.store().pending_approval(action, subject_id).await?.ok_or(AppError::NotFound)?;
    if !cx.actor().may_approve(pending.asked_by, pending.subject_id) {
        cx.audit("permission refused", Some(subject_id), Some("approve their own request, or one about them")).await?;
        return Err(AppError::NotFound);
    }
    cx.require_fresh_sign_in("approve an action on an admin's account").await?;
    let asked_by = format!("asked by {} ({})", pending.asked_by_name, pending.asked_by);
    // Done first, then marked approved: if marking fails, approving again does it again (both
    // erasing and switching off can be repeated), and nothing is marked done that was not.
    let done = match action {
        TwoAdminAction::Erase => {
            cx.audit("erasure approved", Some(subject_id), Some(&asked_by)).await?;
            let files = Erasure::carry_out(&cx, subject_id, pending.reason.clone()).await?;
            cx.audit("erased personal files", Some(subject_id), Some(&format!("{files} files deleted"))).await?;
            format!("/people/{subject_id}/data?erased=1")
        }
        TwoAdminAction::SwitchOff => {
            cx.store().set_staff_disabled(subject_id, Some(cx.now())).await?;
            cx.audit("staff account switched off", Some(subject_id), Some(&format!("approved; {asked_by}"))).await?;
            format!("/staff/users/{subject_id}?switched=off")
        }
    };
    cx.store().approve(pending.id, cx.me().id, cx.now()).await?;
    leptos_axum::redirect(&done);
    Ok(())
}
