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
    let accounts = cx.store().staff_accounts().await?;
    Ok(accounts
        .into_iter()
        .map(|a| StaffMember {
            id: a.id,
            name: a.display_name,
            email: a.email,
            role: a.role,
            added_on: a.created_at.format("%Y-%m-%d").to_string(),
        })
        .collect())
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
    let invitation = StaffInvitation::try_from(form).map_err(|p| cx.invalid(&p))?;
    let now = cx.now();
    let account = NewAccount {
        email: invitation.email.as_str(),
        display_name: invitation.name.as_str(),
        role: invitation.role,
        password_hash: NO_PASSWORD_YET,
        locale: cx.locale(),
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
