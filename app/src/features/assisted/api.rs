//! Server functions for records started with a carer who has no account or email: starting one
//! (practitioners and trusted assessors), the letter and a new code for it, filling in the assessment with the carer,
//! and the carer taking the account over with the code. Every step is audited.
use leptos::prelude::*;

use super::wire::{AssistedLetter, TakeOverForm};
use crate::error::AppError;

/// Starts a record: an account with no email or password and a letter with a code for the
/// carer. A practitioner's record is allocated to them; a trusted assessor's waits in intake
/// for the council, which decides the assessment they fill in.
#[server(prefix = "/api", endpoint = "assisted/start")]
pub async fn start_assisted_record(
    #[server(default)] name: String,
    #[server(default)] postcode: String,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::{letter_code, NewAccount, NO_PASSWORD_YET};
    use crate::domain::account::Role;
    use crate::domain::assisted::parse_carer;
    use crate::kit::i18n::Locale;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::StartAssistedRecords, "start a record for a carer").await?;
    let (name, postcode) = parse_carer(&name, &postcode).map_err(|p| cx.invalid(&p))?;
    let (me, now) = (cx.me().id, cx.now());
    // An address that can never receive mail or be guessed, until the carer gives their own.
    let placeholder = format!("no-email-{}@invalid", cx.services().digests.new_code());
    let account = NewAccount {
        email: &placeholder,
        display_name: name.as_str(),
        role: Role::Carer,
        password_hash: NO_PASSWORD_YET,
        locale: Locale::En,
        created_by: Some(me),
        postcode: postcode.as_ref(),
    };
    let id = cx.store().create_account(account, now).await?;
    if cx.me().role == Role::Practitioner {
        cx.store().allocate(id, me, me, None, now).await?;
    }
    let code = letter_code(&cx, id).await?;
    cx.audit("assisted record started", Some(id), None).await?;
    leptos_axum::redirect(&format!("/staff/assisted/{id}/letter?code={}", code.as_str()));
    Ok(())
}

/// The letter's page for a carer in the practitioner's caseload, or whose record the trusted
/// assessor started.
#[server(prefix = "/api", endpoint = "assisted/letter")]
pub async fn letter_for(#[server(default)] person_id: i64) -> Result<AssistedLetter, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::assisted::LETTER_DAYS;
    use crate::policy::{Access, Capability, Record};

    let what = "viewed a carer's letter";
    let cx = Cx::with(Capability::StartAssistedRecords, what).await?;
    cx.authorise(person_id, Record::Profile, Access::View, what).await?;
    let account = cx.store().find_account(person_id).await?.ok_or(AppError::NotFound)?;
    Ok(AssistedLetter {
        person_id,
        name: account.display_name,
        waiting: cx.store().awaiting_take_over(person_id).await?,
        address: format!("{}/take-over", cx.services().public_url),
        valid_days: LETTER_DAYS,
    })
}

/// A new code for a carer who lost their letter (while the account waits to be taken over).
#[server(prefix = "/api", endpoint = "assisted/new-code")]
pub async fn new_letter_code(#[server(default)] person_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::letter_code;
    use crate::policy::{Access, Capability, Record};

    let what = "made a new letter code";
    let cx = Cx::with(Capability::StartAssistedRecords, what).await?;
    cx.authorise(person_id, Record::Profile, Access::Edit, what).await?;
    if !cx.store().awaiting_take_over(person_id).await? {
        return Err(AppError::NotFound);
    }
    let code = letter_code(&cx, person_id).await?;
    leptos_axum::redirect(&format!("/staff/assisted/{person_id}/letter?code={}", code.as_str()));
    Ok(())
}

/// The practitioner starts filling in the carer's assessment with them: the assessment pages
/// are theirs until "Stop" (the choice is a cookie; every request is authorised again).
#[server(prefix = "/api", endpoint = "assisted/fill-in")]
pub async fn fill_in_with(#[server(default)] person_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::set_assisting;
    use crate::policy::{Access, Capability, Record};

    let what = "started filling in an assessment with a carer";
    let cx = Cx::with(Capability::StartAssistedRecords, what).await?;
    cx.authorise_record(person_id, Record::Assessment, Access::Edit, what).await?;
    set_assisting(&cx, Some(person_id))?;
    leptos_axum::redirect("/assessment");
    Ok(())
}

/// Stops filling in someone's assessment.
#[server(prefix = "/api", endpoint = "assisted/stop")]
pub async fn stop_filling_in() -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::set_assisting;

    let cx = Cx::signed_in()?;
    set_assisting(&cx, None)?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// The carer takes over the account with the code in their letter, their email and a
/// password, and is signed in. Codes are rate limited per address, like invitations.
#[server(prefix = "/api", endpoint = "assisted/take-over")]
pub async fn take_over_account(#[server(flatten)] form: TakeOverForm) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::account::AccountProblem;
    use crate::domain::assisted::{TakeOver, TakeOverProblem};

    let cx = Cx::anyone()?;
    let taking = TakeOver::try_from(form).map_err(|p| cx.invalid(&p))?;
    let key = format!("take-over:ip:{}", cx.visitor().client_ip.as_deref().unwrap_or("unknown"));
    let limits = &cx.services().limits;
    if !limits.allow(&key, 20, Duration::from_secs(15 * 60)).await {
        return Err(AppError::RateLimited);
    }
    let services = cx.services();
    let hash = services.passwords.hash(taking.password.expose()).await.map_err(|e| cx.internal("hashing", e))?;
    let digest = services.digests.digest(taking.code.as_str());
    let id = match cx.store().take_over_account(&digest, taking.email.as_str(), &hash, cx.now()).await {
        Ok(Some(id)) => id,
        Ok(None) => return Err(cx.invalid(&[TakeOverProblem::CodeUnknown])),
        Err(StoreError::Conflict) => return Err(cx.invalid(&[TakeOverProblem::Account(AccountProblem::EmailTaken)])),
        Err(e) => return Err(e.into()),
    };
    limits.forgive(&key).await;
    cx.audit_as(Some(id), "account taken over", Some(id), None).await?;
    cx.session()?.renew(Some(id));
    leptos_axum::redirect("/home");
    Ok(())
}
