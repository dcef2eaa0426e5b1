//! The store's side of records a practitioner starts for a carer with no account or email, and
//! what the server functions share: which account is being filled in, and the letter's code.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Digests, StoreResult};
use crate::backend::cx::Cx;
use crate::domain::account::Role;
use crate::domain::assisted::LETTER_DAYS;
use crate::domain::emergency::CardCode;
use crate::error::AppError;
use crate::kit::visitor::SignedInUser;
use crate::policy::{Access, Record};

#[async_trait]
pub trait AssistedStore: Send + Sync {
    /// Made by staff and not yet taken over by its owner.
    async fn awaiting_take_over(&self, user_id: i64) -> StoreResult<bool>;
    /// Takes an assisted account over with its letter's code (the code's keyed digest): sets
    /// the email and password and uses up every code for it, in one transaction. `None` when
    /// the code is unknown, used, expired or not for such an account; `Conflict` when the
    /// email is already used (the code stays usable).
    async fn take_over_account(
        &self,
        digest: &str,
        email: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<i64>>;
}

/// The carer whose assessment a request is about: the signed-in carer, or the carer a
/// practitioner is filling it in with (chosen with "Fill in their assessment with them", kept
/// in the visitor's `assisting`), checked through the policy on every request.
pub async fn assessment_subject(what: &str) -> Result<(Cx<SignedInUser>, i64), AppError> {
    let cx = Cx::signed_in()?;
    if cx.me().role == Role::Carer {
        let me = cx.me().id;
        return Ok((cx, me));
    }
    let Some(carer) = cx.visitor().assisting else { return Err(AppError::NotFound) };
    let is_carer = cx.store().find_account(carer).await?.is_some_and(|a| a.role == Role::Carer);
    if !is_carer {
        return Err(AppError::NotFound);
    }
    cx.authorise_record(carer, Record::Assessment, Access::Edit, what).await?;
    Ok((cx, carer))
}

/// The name of the carer a practitioner is filling in with, when that is who `carer` is.
pub async fn assisting_name(cx: &Cx<SignedInUser>, carer: i64) -> Result<Option<String>, AppError> {
    if carer == cx.me().id {
        return Ok(None);
    }
    Ok(cx.store().find_account(carer).await?.map(|a| a.display_name))
}

/// A new code for the carer's letter (any earlier one stops working once it is used): stored as
/// a one-time reset code that works for `LETTER_DAYS`.
pub async fn letter_code(cx: &Cx<SignedInUser>, carer: i64) -> Result<CardCode, AppError> {
    let services = cx.services();
    let code = services.digests.new_typeable_code();
    let now = cx.now();
    let expires = now + chrono::Duration::days(LETTER_DAYS);
    cx.store().create_password_reset(&services.digests.digest(code.as_str()), carer, now, expires).await?;
    Ok(code)
}

/// The cookie's value for `person` in the session whose token digest is `session`: the id and
/// a keyed digest of both, so the cookie means nothing in any other session (after signing out,
/// or to the next member of staff on a shared computer).
fn assisting_value(digests: &dyn Digests, session: &str, person: i64) -> String {
    format!("{person}.{}", digests.digest(&format!("assisting {session} {person}")))
}

/// Whom a practitioner is filling in with, from the cookie, if it was set in this session.
pub fn read_assisting(digests: &dyn Digests, session: &str, value: &str) -> Option<i64> {
    let person: i64 = value.split_once('.')?.0.parse().ok()?;
    (assisting_value(digests, session, person) == value).then_some(person)
}

/// Sets (or clears) the cookie that says whose assessment a practitioner is filling in: for
/// the portal's own pages only, never sent with another site's request, and only in this
/// session.
pub fn set_assisting<W>(cx: &Cx<W>, person: Option<i64>) -> Result<(), AppError> {
    use crate::kit::visitor::ASSISTING_COOKIE;

    let secure = if cx.services().public_url.starts_with("https://") { "; Secure" } else { "" };
    let session = cx.session()?;
    let value = match (person, session.record()) {
        (Some(id), Some(record)) => {
            let value = assisting_value(cx.services().digests.as_ref(), &record.digest, id);
            format!("{ASSISTING_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict{secure}")
        }
        _ => format!("{ASSISTING_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}"),
    };
    let response = leptos::prelude::use_context::<leptos_axum::ResponseOptions>();
    if let (Some(response), Ok(value)) = (response, http::HeaderValue::from_str(&value)) {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}
