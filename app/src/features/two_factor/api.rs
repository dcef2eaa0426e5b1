//! Server functions for two-factor sign-in. Setting up and confirming are the signed-in
//! person's own; the code after the password is for someone whose password was right, with the
//! one-use token that says so. Wrong codes are limited per account; every step is audited.
use leptos::prelude::*;

use super::wire::TwoFactorView;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "two-factor/status")]
pub async fn two_factor_status() -> Result<TwoFactorView, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::two_factor::{otpauth_uri, show_recovery_code, show_secret};

    let cx = Cx::signed_in()?;
    Ok(match cx.store().two_factor(cx.me().id).await? {
        None => TwoFactorView::Off,
        Some(set) if set.confirmed_at.is_some() => TwoFactorView::On { codes_left: set.codes_left },
        Some(set) => {
            let uri = otpauth_uri(&cx.services().council.name, &cx.me().email, &set.secret);
            TwoFactorView::SettingUp {
                qr_svg: cx.services().codes.qr_svg(&uri),
                secret: show_secret(&set.secret),
                recovery_codes: set.pending_codes.unwrap_or_default().iter().map(|c| show_recovery_code(c)).collect(),
            }
        }
    })
}

/// Starts setting up (or starts again, with a new secret, until a code confirms it).
#[server(prefix = "/api", endpoint = "two-factor/start")]
pub async fn start_two_factor() -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::two_factor::RECOVERY_CODES;
    use crate::kit::i18n::Text;

    let cx = Cx::signed_in()?;
    let secret = cx.services().codes.new_secret();
    let codes: Vec<(String, String)> = (0..RECOVERY_CODES)
        .map(|_| {
            // Ten letters and digits from a 256-bit random code, lower case, easy to read out.
            let code: String =
                cx.services().digests.new_code().chars().filter(char::is_ascii_alphanumeric).take(10).collect();
            let code = code.to_lowercase();
            let digest = cx.services().digests.digest(&code);
            (code, digest)
        })
        .collect();
    match cx.store().start_two_factor(cx.me().id, &secret, &codes, cx.now()).await {
        Ok(()) => {}
        Err(StoreError::Conflict) => return Err(cx.field_error("code", Text::TwoFactorAlreadyOn)),
        Err(e) => return Err(e.into()),
    }
    cx.audit("two-factor set-up started", Some(cx.me().id), None).await?;
    // A query as well as the anchor: from the same page, an anchor alone would only scroll.
    leptos_axum::redirect("/account/two-factor?step=confirm#confirm");
    Ok(())
}

/// The first code from the app: two-factor is on from now.
#[server(prefix = "/api", endpoint = "two-factor/confirm")]
pub async fn confirm_two_factor(#[server(default)] code: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::code_matches;
    use crate::domain::two_factor::{TwoFactorProblem, TypedCode};

    let cx = Cx::signed_in()?;
    let me = cx.me().id;
    let Some(set) = cx.store().two_factor(me).await?.filter(|s| s.confirmed_at.is_none()) else {
        return Err(AppError::NotFound);
    };
    let typed = match TypedCode::parse(&code) {
        Ok(TypedCode::App(typed)) => typed,
        Ok(TypedCode::Recovery(_)) => return Err(cx.invalid(&[TwoFactorProblem::Format])),
        Err(problem) => return Err(cx.invalid(&[problem])),
    };
    if !code_matches(&cx, me, &set.secret, &typed).await? {
        cx.audit("two-factor code refused", Some(me), None).await?;
        return Err(cx.invalid(&[TwoFactorProblem::Wrong]));
    }
    cx.audit("two-factor turned on", Some(me), None).await?;
    cx.session()?.confirm_second_factor();
    leptos_axum::redirect("/account/two-factor?on=1");
    Ok(())
}

/// The code after a right password: signs in as the person the token names.
#[server(prefix = "/api", endpoint = "account/sign-in-code")]
pub async fn sign_in_code(#[server(default)] token: String, #[server(default)] code: String) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::backend::ports::code_matches;
    use crate::domain::two_factor::{TwoFactorProblem, TypedCode, CHALLENGE_MINUTES, CODE_ATTEMPTS};

    let cx = Cx::anyone()?;
    let digest = cx.services().digests.digest(&token);
    let fresh = chrono::Duration::minutes(CHALLENGE_MINUTES);
    let Some(challenge) = cx.store().find_sign_in_challenge(&digest).await?.filter(|c| cx.now() - c.created_at < fresh)
    else {
        // Gone, used or too old: start again from the password.
        return Err(cx.invalid(&[TwoFactorProblem::Wrong]));
    };
    let user = challenge.user_id;
    let typed = TypedCode::parse(&code).map_err(|p| cx.invalid(&[p]))?;
    let limits = &cx.services().limits;
    if !limits.allow(&format!("two-factor:{user}"), CODE_ATTEMPTS, Duration::from_secs(15 * 60)).await {
        cx.audit_as(None, "two-factor rate limited", Some(user), None).await?;
        return Err(AppError::RateLimited);
    }
    let Some(set) = cx.store().two_factor(user).await?.filter(|s| s.confirmed_at.is_some()) else {
        return Err(cx.invalid(&[TwoFactorProblem::Wrong]));
    };
    let right = match &typed {
        TypedCode::App(typed) => code_matches(&cx, user, &set.secret, typed).await?,
        TypedCode::Recovery(typed) => {
            let digest = cx.services().digests.digest(typed);
            cx.store().use_recovery_code(user, &digest, cx.now()).await?
        }
    };
    if !right {
        cx.audit_as(None, "two-factor code refused", Some(user), None).await?;
        return Err(cx.invalid(&[TwoFactorProblem::Wrong]));
    }
    limits.forgive(&format!("two-factor:{user}")).await;
    cx.store().delete_sign_in_challenge(&digest).await?;
    let how = if matches!(typed, TypedCode::Recovery(_)) { "with a recovery code" } else { "with a code" };
    cx.audit_as(Some(user), "signed in", Some(user), Some(how)).await?;
    cx.session()?.renew_with_second_factor(user);
    leptos_axum::redirect(&challenge.next);
    Ok(())
}
