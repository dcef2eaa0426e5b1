//! Server functions for managing staff accounts. Admins only; every change is audited.
use leptos::prelude::*;

use super::wire::{StaffMember, StaffUserForm};
use crate::error::AppError;

/// How long the "set your password" link in a new staff member's email works.
pub const INVITATION_DAYS: i64 = 7;

#[server(prefix = "/api", endpoint = "staff/users")]
pub async fn staff_members() -> Result<Vec<StaffMember>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageUsers, "staff accounts").await?;
    let mut members = Vec::new();
    for account in cx.store().staff_accounts().await? {
        let caseload = cx.store().relations(account.id).await?.caseload.len();
        members.push(StaffMember::from_account(account, caseload, cx.locale()));
    }
    Ok(members)
}

/// One staff account, for its own page (switching it off or back on).
#[server(prefix = "/api", endpoint = "staff/users/one")]
pub async fn staff_account(#[server(default)] id: i64) -> Result<StaffMember, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    use crate::domain::approvals::TwoAdminAction;
    use crate::features::approvals::wire::ApprovalView;

    let cx = Cx::with(Capability::ManageUsers, "staff account").await?;
    let account = cx.store().find_staff_account(id).await?.ok_or(AppError::NotFound)?;
    let caseload = cx.store().relations(account.id).await?.caseload.len();
    let two_factor = cx.store().two_factor(account.id).await?.is_some_and(|t| t.confirmed_at.is_some());
    let pending = cx.store().pending_approval(TwoAdminAction::SwitchOff, account.id).await?;
    let pending_switch_off = pending.map(|p| ApprovalView::of(p, &cx.actor(), cx.locale()));
    Ok(StaffMember { two_factor, pending_switch_off, ..StaffMember::from_account(account, caseload, cx.locale()) })
}

/// Resets a staff member's two-factor sign-in when they have lost their phone and their
/// recovery codes: after their password they are asked to set it up again. Never
/// one's own (another admin must check who is asking).
#[server(prefix = "/api", endpoint = "staff/users/reset-two-factor")]
pub async fn reset_two_factor(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::kit::i18n::Text;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageUsers, "reset two-factor").await?;
    cx.require_fresh_sign_in("reset two-factor").await?;
    let account = cx.store().find_staff_account(id).await?.ok_or(AppError::NotFound)?;
    if account.id == cx.me().id {
        return Err(cx.field_error("reset", Text::StaffResetNotYourself));
    }
    match cx.store().remove_two_factor(account.id).await {
        Ok(()) | Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    cx.audit("two-factor reset by an admin", Some(account.id), None).await?;
    leptos_axum::redirect(&format!("/staff/users/{}?reset=1", account.id));
    Ok(())
}

/// Switches a staff account off (a leaver: their sessions end at once, they cannot sign in, and
/// the people they worked with show as needing a new worker), or back on. Not one's own.
#[server(prefix = "/api", endpoint = "staff/users/switch")]
pub async fn switch_staff_member(
    #[server(default)] id: i64,
    /// `off` or `on`.
    #[server(default)]
    switch: String,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::approvals::TwoAdminAction;
    use crate::kit::i18n::Text;
    use crate::policy::{needs_second_admin, Capability};

    let cx = Cx::with(Capability::ManageUsers, "switch staff account").await?;
    cx.require_fresh_sign_in("switch staff account").await?;
    let account = cx.store().find_staff_account(id).await?.ok_or(AppError::NotFound)?;
    if account.id == cx.me().id {
        return Err(cx.field_error("switch", Text::StaffSwitchNotYourself));
    }
    // An admin's account: asked for now, switched off when a second admin approves.
    if switch == "off" && needs_second_admin(account.role) {
        match cx.store().ask_approval(TwoAdminAction::SwitchOff, account.id, cx.me().id, "", cx.now()).await {
            Ok(()) => cx.audit("switch-off asked, second admin needed", Some(account.id), None).await?,
            Err(StoreError::Conflict) => {}
            Err(e) => return Err(e.into()),
        }
        leptos_axum::redirect(&format!("/staff/users/{}?switched=asked#approval", account.id));
        return Ok(());
    }
    let (disabled_at, action) = match switch.as_str() {
        "off" => (Some(cx.now()), "staff account switched off"),
        "on" => (None, "staff account switched back on"),
        _ => return Err(cx.field_error("switch", Text::StaffSwitchChoose)),
    };
    cx.store().set_staff_disabled(account.id, disabled_at).await?;
    cx.audit(action, Some(account.id), None).await?;
    leptos_axum::redirect(&format!("/staff/users/{}?switched={}", account.id, switch));
    Ok(())
}

/// Creates a staff account with no password and emails its owner a link to set one.
#[server(prefix = "/api", endpoint = "staff/users/add")]
pub async fn add_staff_member(#[server(flatten)] form: StaffUserForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::{Email, NewAccount, StoreError, NO_PASSWORD_YET};
    use crate::domain::account::{AccountProblem, StaffInvitation};
    use crate::kit::i18n::Text;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageUsers, "add staff account").await?;
    cx.require_fresh_sign_in("add staff account").await?;
    let invitation = StaffInvitation::try_from(form).map_err(|p| cx.invalid(&p))?;
    cx.limit_mail_to(invitation.email.as_str(), crate::backend::cx::MAIL_PER_ADMIN).await?;
    let now = cx.now();
    let account = NewAccount {
        email: invitation.email.as_str(),
        display_name: invitation.name.as_str(),
        role: invitation.role,
        password_hash: NO_PASSWORD_YET,
        locale: cx.locale(),
        created_by: None,
        postcode: None,
    };
    let id = match cx.store().create_account(account, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict) => return Err(cx.invalid(&[AccountProblem::EmailTaken])),
        Err(e) => return Err(e.into()),
    };
    cx.audit("staff account created", Some(id), Some(invitation.role.as_str())).await?;

    let services = cx.services();
    let code = services.digests.new_code();
    let expires = now + chrono::Duration::days(INVITATION_DAYS);
    cx.store().create_password_reset(&services.digests.digest(&code), id, now, expires).await?;
    let link = format!("{}/password-reset/{code}", services.public_url);
    let locale = cx.locale();
    let body = locale.fill(
        Text::StaffEmailBody,
        &[
            ("name", invitation.name.as_str()),
            ("role", invitation.role.name(locale)),
            ("council", &services.council.name),
            ("link", &link),
            ("days", &INVITATION_DAYS.to_string()),
        ],
    );
    let subject = locale.text(Text::StaffEmailSubject).to_owned();
    let email = Email { to: invitation.email.as_str().to_owned(), subject, body };
    services.mailer.send(&email).await.map_err(|e| cx.internal("sending an invitation", e))?;
    leptos_axum::redirect(&format!("/staff/users?added={id}"));
    Ok(())
}
