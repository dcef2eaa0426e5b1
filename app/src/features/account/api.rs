//! Server functions for accounts. Each checks its own inputs and limits: they are a public API.
use leptos::prelude::*;

use super::wire::{RegisterForm, ResetPasswordForm, ResetRequestForm, SignInForm};
use crate::error::AppError;

/// Failed sign-ins one address may make in 15 minutes, across every account.
pub const SIGN_IN_FAILURES_PER_ADDRESS: u32 = 100;

/// How long a password reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;

/// Starts an account: what was typed is kept, and the link that makes it is emailed to the
/// address (or, when the address has an account, a note to its owner: the same answer here).
#[server(prefix = "/api", endpoint = "account/register")]
pub async fn register(#[server(flatten)] form: RegisterForm) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::backend::ports::{start_registration, NewAccount};
    use crate::domain::account::Registration;

    let cx = Cx::anyone()?;
    let ip = cx.visitor().client_ip.clone().unwrap_or_default();
    let per_hour = cx.services().council.registrations_per_hour;
    if !cx.services().limits.allow(&format!("register:{ip}"), per_hour, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let registration = Registration::try_from(form).map_err(|p| cx.invalid(&p))?;
    // Hashed whether or not the address has an account, so the time taken does not tell.
    let password = registration.password.expose();
    let hash = cx.services().passwords.hash(password).await.map_err(|e| cx.internal("hashing", e))?;
    let account = NewAccount {
        email: registration.email.as_str(),
        display_name: registration.name.as_str(),
        role: registration.role,
        password_hash: &hash,
        locale: cx.locale(),
        created_by: None,
        postcode: registration.postcode.as_ref(),
    };
    start_registration(&cx, account, None).await?;
    leptos_axum::redirect("/register/check-email");
    Ok(())
}

/// Finishes a registration from its emailed link, and signs the person in.
#[server(prefix = "/api", endpoint = "account/confirm-registration")]
pub async fn confirm_registration(
    #[server(default)] code: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use std::time::Duration;

    use super::wire::safe_next;
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::account::AccountProblem;

    let cx = Cx::anyone()?;
    let ip = cx.visitor().client_ip.clone().unwrap_or_default();
    if !cx.services().limits.allow(&format!("register:code:{ip}"), 30, Duration::from_secs(3600)).await {
        return Err(AppError::RateLimited);
    }
    let digest = cx.services().digests.digest(code.trim());
    let id = match cx.store().complete_registration(&digest, cx.now()).await {
        Ok(Some(id)) => id,
        // Someone made an account with the address since: the link is no longer any use.
        Ok(None) | Err(StoreError::Conflict) => return Err(cx.invalid(&[AccountProblem::RegistrationLinkInvalid])),
        Err(e) => return Err(e.into()),
    };
    let role = cx.store().find_account(id).await?.map(|a| a.role.as_str());
    cx.audit_as(Some(id), "account created", Some(id), role).await?;
    cx.session()?.renew(Some(id));
    leptos_axum::redirect(&safe_next(&next));
    Ok(())
}

#[server(prefix = "/api", endpoint = "account/sign-in")]
pub async fn sign_in(#[server(flatten)] form: SignInForm) -> Result<(), AppError> {
    use std::time::Duration;

    use super::wire::safe_next;
    use crate::backend::cx::Cx;
    use crate::backend::ports::ask_for_code;
    use crate::domain::account::{AccountProblem, SignIn};
    use crate::policy::{may_sign_in, SignInMethod};

    let cx = Cx::anyone()?;
    let next = safe_next(&form.next);
    let SignIn { email, password } = SignIn::try_from(form).map_err(|p| cx.invalid(&p))?;
    let limits = &cx.services().limits;
    let window = Duration::from_secs(15 * 60);
    let ip = cx.visitor().client_ip.clone().unwrap_or_default();
    // Five failures lock one account for a while. An address may fail far more often: a council
    // office, a carers' centre or a care home signs many people in from one address, and one
    // person's forgotten password must not lock out the rest.
    let by_address = limits.allow(&format!("sign-in:ip:{ip}"), SIGN_IN_FAILURES_PER_ADDRESS, window).await;
    let by_account = limits.allow(&format!("sign-in:account:{email}"), 5, window).await;
    // The audit log, which practitioners read, never holds what was typed into the sign-in form
    // (a password typed into the wrong box, someone else's address): only which account, if any.
    if !(by_address && by_account) {
        cx.audit_as(None, "sign-in rate limited", None, None).await?;
        return Err(AppError::RateLimited);
    }
    let credentials = cx.store().find_credentials(&email).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.as_str());
    let verified = cx.services().passwords.verify(&password, hash).await;
    let tried = credentials.as_ref().map(|c| c.account.id);
    let Some(account) = credentials.filter(|_| verified).map(|c| c.account) else {
        cx.audit_as(None, "sign-in failed", tried, None).await?;
        return Err(cx.invalid(&[AccountProblem::WrongCredentials]));
    };
    if !may_sign_in(account.role, SignInMethod::Password, cx.services().council.staff_sign_in) {
        cx.audit_as(None, "password refused: council sign-in only", Some(account.id), None).await?;
        return Err(cx.invalid(&[AccountProblem::CouncilSignInOnly]));
    }
    // Only failed attempts count towards the limits.
    limits.forgive(&format!("sign-in:ip:{ip}")).await;
    limits.forgive(&format!("sign-in:account:{email}")).await;
    // With two-factor on, the password only earns the page that asks for the code.
    if let Some(code_page) = ask_for_code(&cx, account.id, &next).await? {
        cx.audit_as(None, "password accepted, code asked", Some(account.id), None).await?;
        leptos_axum::redirect(&code_page);
        return Ok(());
    }
    cx.audit_as(Some(account.id), "signed in", Some(account.id), None).await?;
    cx.session()?.renew(Some(account.id));
    leptos_axum::redirect(&next);
    Ok(())
}

#[server(prefix = "/api", endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::anyone()?;
    if let Some(user) = &cx.visitor().user {
        // Signing out works even when the audit log cannot be written (the failure is logged):
        // on a shared computer, staying signed in is the greater harm.
        let _ = cx.audit_as(Some(user.id), "signed out", Some(user.id), None).await;
    }
    cx.session()?.renew(None);
    leptos_axum::redirect("/?signed-out=1");
    Ok(())
}

/// Keeps the session alive (the timeout warning's "Stay signed in").
#[server(prefix = "/api", endpoint = "account/stay-signed-in")]
pub async fn stay_signed_in() -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    Cx::signed_in().map(|_| ())
}

#[server(prefix = "/api", endpoint = "account/forgotten-password")]
pub async fn request_password_reset(#[server(flatten)] form: ResetRequestForm) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::backend::ports::Email;
    use crate::domain::text::EmailAddress;
    use crate::kit::i18n::Text;

    let cx = Cx::anyone()?;
    let email = EmailAddress::try_from(form).map_err(|p| cx.invalid(&p))?;
    let ip = cx.visitor().client_ip.clone().unwrap_or_default();
    let hour = Duration::from_secs(3600);
    let by_address = cx.services().limits.allow(&format!("reset:ip:{ip}"), 10, hour).await;
    let by_account = cx.services().limits.allow(&format!("reset:account:{}", email.as_str()), 3, hour).await;
    if !(by_address && by_account) {
        return Err(AppError::RateLimited);
    }
    // The same answer whether or not there is an account, so the form cannot be used to find out.
    if let Some(credentials) = cx.store().find_credentials(email.as_str()).await? {
        let account = credentials.account;
        let services = cx.services();
        let code = services.digests.new_code();
        let now = cx.now();
        let expires = now + chrono::Duration::minutes(RESET_LINK_MINUTES);
        cx.store().create_password_reset(&services.digests.digest(&code), account.id, now, expires).await?;
        let locale = account.locale;
        let link = format!("{}/password-reset/{code}", services.public_url);
        let minutes = RESET_LINK_MINUTES.to_string();
        let body = locale
            .fill(Text::ResetEmailBody, &[("name", &account.display_name), ("link", &link), ("minutes", &minutes)]);
        let subject = locale.text(Text::ResetEmailSubject).to_owned();
        let email = Email { to: account.email.clone(), subject, body };
        services.mailer.send(&email).await.map_err(|e| cx.internal("sending a reset email", e))?;
        cx.audit_as(None, "password reset requested", Some(account.id), None).await?;
    }
    leptos_axum::redirect("/password-reset/sent");
    Ok(())
}

#[server(prefix = "/api", endpoint = "account/reset-password")]
pub async fn reset_password(#[server(flatten)] form: ResetPasswordForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::account::{AccountProblem, PasswordReset};

    let cx = Cx::anyone()?;
    // Check the new password first, so a refused one does not use up the link.
    let reset = PasswordReset::try_from(form).map_err(|p| cx.invalid(&p))?;
    let digest = cx.services().digests.digest(&reset.code);
    let Some(user_id) = cx.store().use_password_reset(&digest, cx.now()).await? else {
        return Err(cx.invalid(&[AccountProblem::ResetLinkInvalid]));
    };
    let hash = cx.services().passwords.hash(reset.password.expose()).await.map_err(|e| cx.internal("hashing", e))?;
    cx.store().set_password_hash(user_id, &hash).await?;
    // Anyone signed in with the old password is signed out.
    cx.store().delete_sessions_of(user_id).await?;
    cx.audit_as(Some(user_id), "password reset", Some(user_id), None).await?;
    cx.session()?.renew(None);
    leptos_axum::redirect("/sign-in?reset=1");
    Ok(())
}
