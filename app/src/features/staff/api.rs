//! Server functions for managing staff accounts. Admins only; every change is audited.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::error::AppError;

/// How long the "set your password" link in a new staff member's email works.
pub const INVITATION_DAYS: i64 = 7;

/// A staff account as the admin's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub added_on: String,
}

#[server(prefix = "/api", endpoint = "staff/users")]
pub async fn staff_members() -> Result<Vec<StaffMember>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    require(&services, &visitor, Capability::ManageUsers, "staff accounts").await?;
    let accounts = services.store.staff_accounts().await.map_err(|e| internal(&visitor, "listing staff", e))?;
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
pub async fn add_staff_member(
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] role: String,
) -> Result<(), AppError> {
    use crate::domain::account::{AccountProblem, StaffInvitation};
    use crate::kit::i18n::Text;
    use crate::policy::Capability;
    use crate::backend::ports::{Email, NewAccount, StoreError, NO_PASSWORD_YET};
    use crate::backend::cx::{audit, internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let admin = require(&services, &visitor, Capability::ManageUsers, "add staff account").await?;
    let invitation = StaffInvitation::parse(&name, &email, &role).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let now = services.clock.now();
    let account = NewAccount {
        email: invitation.email.as_str(),
        display_name: invitation.name.as_str(),
        role: invitation.role,
        password_hash: NO_PASSWORD_YET,
        locale: visitor.locale,
    };
    let id = match services.store.create_account(account, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict) => return Err(AppError::invalid(&[AccountProblem::EmailTaken], visitor.locale)),
        Err(e) => return Err(internal(&visitor, "creating a staff account", e)),
    };
    audit(&services, &visitor, Some(admin.id), "staff account created", Some(id), Some(invitation.role.as_str())).await?;

    let code = services.digests.new_code();
    let expires = now + chrono::Duration::days(INVITATION_DAYS);
    services
        .store
        .create_password_reset(&services.digests.digest(&code), id, now, expires)
        .await
        .map_err(|e| internal(&visitor, "saving an invitation code", e))?;
    let link = format!("{}/password-reset/{code}", services.public_url);
    let locale = visitor.locale;
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
    services.mailer.send(&email).await.map_err(|e| internal(&visitor, "sending an invitation", e))?;
    leptos_axum::redirect(&format!("/staff/users?added={id}"));
    Ok(())
}
