//! Server functions for accounts. Each checks its own inputs and limits: they are a public API.
use leptos::prelude::*;

use crate::error::AppError;

/// How long a password reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;

#[server(prefix = "/api", endpoint = "account/register")]
pub async fn register(
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] password: String,
    #[server(default)] role: String,
) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::domain::account::{AccountProblem, Registration};
    use crate::backend::ports::{NewAccount, StoreError};
    use crate::backend::cx::{audit, internal, services, session};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let ip = visitor.client_ip.clone().unwrap_or_default();
    if !services.limits.allow(&format!("register:{ip}"), 10, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let registration =
        Registration::parse(&name, &email, &password, &role).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let hash = services.passwords.hash(registration.password.expose()).await.map_err(|e| internal(&visitor, "hashing", e))?;
    let account = NewAccount {
        email: registration.email.as_str(),
        display_name: registration.name.as_str(),
        role: registration.role,
        password_hash: &hash,
        locale: visitor.locale,
    };
    let id = match services.store.create_account(account, services.clock.now()).await {
        Ok(id) => id,
        Err(StoreError::Conflict) => return Err(AppError::invalid(&[AccountProblem::EmailTaken], visitor.locale)),
        Err(e) => return Err(internal(&visitor, "creating an account", e)),
    };
    audit(&services, &visitor, Some(id), "account created", Some(id), Some(registration.role.as_str())).await?;
    session()?.renew(Some(id));
    leptos_axum::redirect("/home");
    Ok(())
}

#[server(prefix = "/api", endpoint = "account/sign-in")]
pub async fn sign_in(
    #[server(default)] email: String,
    #[server(default)] password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::domain::account::AccountProblem;
    use crate::domain::text::EmailProblem;
    use crate::backend::cx::{audit, internal, services, session};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let email = email.trim().to_lowercase();
    let mut problems = Vec::new();
    if email.is_empty() {
        problems.push(AccountProblem::Email(EmailProblem::Missing));
    }
    if password.is_empty() {
        problems.push(AccountProblem::PasswordMissing);
    }
    if !problems.is_empty() {
        return Err(AppError::invalid(&problems, visitor.locale));
    }
    let window = Duration::from_secs(15 * 60);
    let ip = visitor.client_ip.clone().unwrap_or_default();
    let by_address = services.limits.allow(&format!("sign-in:ip:{ip}"), 20, window).await;
    let by_account = services.limits.allow(&format!("sign-in:account:{email}"), 5, window).await;
    if !(by_address && by_account) {
        audit(&services, &visitor, None, "sign-in rate limited", None, Some(&email)).await?;
        return Err(AppError::RateLimited);
    }
    let credentials =
        services.store.find_credentials(&email).await.map_err(|e| internal(&visitor, "reading credentials", e))?;
    let verified = services.passwords.verify(&password, credentials.as_ref().map(|c| c.password_hash.as_str())).await;
    let Some(account) = credentials.filter(|_| verified).map(|c| c.account) else {
        audit(&services, &visitor, None, "sign-in failed", None, Some(&email)).await?;
        return Err(AppError::invalid(&[AccountProblem::WrongCredentials], visitor.locale));
    };
    // Only failed attempts count towards the limits.
    services.limits.forgive(&format!("sign-in:ip:{ip}")).await;
    services.limits.forgive(&format!("sign-in:account:{email}")).await;
    audit(&services, &visitor, Some(account.id), "signed in", Some(account.id), None).await?;
    session()?.renew(Some(account.id));
    leptos_axum::redirect(&safe_next(&next));
    Ok(())
}

/// Where to go after signing in: a path on this site, never another site.
pub fn safe_next(next: &str) -> String {
    let next = next.trim();
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && !next.starts_with("/api/") {
        next.to_owned()
    } else {
        "/home".to_owned()
    }
}

#[server(prefix = "/api", endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::backend::cx::{audit, services, session};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    if let Some(user) = &visitor.user {
        // Signing out works even when the audit log cannot be written (the failure is logged):
        // on a shared computer, staying signed in is the greater harm.
        let _ = audit(&services, &visitor, Some(user.id), "signed out", Some(user.id), None).await;
    }
    session()?.renew(None);
    leptos_axum::redirect("/?signed-out=1");
    Ok(())
}

/// Keeps the session alive (the timeout warning's "Stay signed in").
#[server(prefix = "/api", endpoint = "account/stay-signed-in")]
pub async fn stay_signed_in() -> Result<(), AppError> {
    use crate::backend::cx::signed_in;
    use crate::kit::visitor::use_visitor;

    signed_in(&use_visitor()).map(|_| ())
}

#[server(prefix = "/api", endpoint = "account/forgotten-password")]
pub async fn request_password_reset(#[server(default)] email: String) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::domain::account::AccountProblem;
    use crate::domain::text::EmailAddress;
    use crate::kit::i18n::Text;
    use crate::backend::ports::Email;
    use crate::backend::cx::{audit, internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let email = EmailAddress::parse(&email)
        .map_err(|p| AppError::invalid(&[AccountProblem::Email(p)], visitor.locale))?;
    let ip = visitor.client_ip.clone().unwrap_or_default();
    let hour = Duration::from_secs(3600);
    let by_address = services.limits.allow(&format!("reset:ip:{ip}"), 10, hour).await;
    let by_account = services.limits.allow(&format!("reset:account:{}", email.as_str()), 3, hour).await;
    if !(by_address && by_account) {
        return Err(AppError::RateLimited);
    }
    let found = services
        .store
        .find_credentials(email.as_str())
        .await
        .map_err(|e| internal(&visitor, "reading credentials", e))?;
    // The same answer whether or not there is an account, so the form cannot be used to find out.
    if let Some(credentials) = found {
        let account = credentials.account;
        let code = services.digests.new_code();
        let now = services.clock.now();
        let expires = now + chrono::Duration::minutes(RESET_LINK_MINUTES);
        services
            .store
            .create_password_reset(&services.digests.digest(&code), account.id, now, expires)
            .await
            .map_err(|e| internal(&visitor, "saving a reset code", e))?;
        let locale = account.locale;
        let link = format!("{}/password-reset/{code}", services.public_url);
        let body = locale.fill(
            Text::ResetEmailBody,
            &[("name", &account.display_name), ("link", &link), ("minutes", &RESET_LINK_MINUTES.to_string())],
        );
        let email = Email { to: account.email.clone(), subject: locale.text(Text::ResetEmailSubject).to_owned(), body };
        services.mailer.send(&email).await.map_err(|e| internal(&visitor, "sending a reset email", e))?;
        audit(&services, &visitor, None, "password reset requested", Some(account.id), None).await?;
    }
    leptos_axum::redirect("/password-reset/sent");
    Ok(())
}

#[server(prefix = "/api", endpoint = "account/reset-password")]
pub async fn reset_password(#[server(default)] code: String, #[server(default)] password: String) -> Result<(), AppError> {
    use crate::domain::account::{AccountProblem, NewPassword};
    use crate::backend::cx::{audit, internal, services, session};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    // Check the new password first, so a refused one does not use up the link.
    let password = NewPassword::parse(&password, None)
        .map_err(|p| AppError::invalid(&[AccountProblem::Password(p)], visitor.locale))?;
    let digest = services.digests.digest(code.trim());
    let user_id = services
        .store
        .use_password_reset(&digest, services.clock.now())
        .await
        .map_err(|e| internal(&visitor, "using a reset code", e))?
        .ok_or_else(|| AppError::invalid(&[AccountProblem::ResetLinkInvalid], visitor.locale))?;
    let hash = services.passwords.hash(password.expose()).await.map_err(|e| internal(&visitor, "hashing", e))?;
    services.store.set_password_hash(user_id, &hash).await.map_err(|e| internal(&visitor, "saving a password", e))?;
    // Anyone signed in with the old password is signed out.
    services.store.delete_sessions_of(user_id).await.map_err(|e| internal(&visitor, "ending sessions", e))?;
    audit(&services, &visitor, Some(user_id), "password reset", Some(user_id), None).await?;
    session()?.renew(None);
    leptos_axum::redirect("/sign-in?reset=1");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_pages_are_followed_after_signing_in() {
        assert_eq!(safe_next("/contact"), "/contact");
        assert_eq!(safe_next("//evil.example"), "/home");
        assert_eq!(safe_next("https://evil.example"), "/home");
        assert_eq!(safe_next("/\\evil.example"), "/home");
        assert_eq!(safe_next(""), "/home");
    }
}
