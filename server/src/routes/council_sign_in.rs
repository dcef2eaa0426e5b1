//! Council staff signing in through the council's identity provider (OpenID Connect): the
//! start, which sends the browser to the provider, and the callback it comes back to. A member
//! of staff is matched to the account an admin made for them by the provider's verified email
//! address, then by the provider's own permanent name for them (recorded at that first sign-in);
//! the sign-in never creates an account. Refusals go back to the sign-in page, which says why.
use app::backend::cx::Cx;
use app::backend::ports::{Account, Digests, Services, StoreError};
use app::backend::session::SessionHandle;
use app::features::account::wire::safe_next;
use app::kit::visitor::Visitor;
use app::policy::{may_sign_in, SignInMethod};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use http::{header, HeaderMap, HeaderValue};
use serde::Deserialize;

use super::not_found;
use crate::council_sign_in::{Failure, Identity, Pending, FRESH_FOR, PENDING_SECONDS};
use crate::http::{cookie, AppState};

pub const START_PATH: &str = "/auth/council";
pub use crate::council_sign_in::CALLBACK_PATH;

/// The cookie that carries a sign-in to the provider and back, sealed with the session key.
/// Sent only to the callback; `SameSite=Lax`, as the provider sends the browser back with a
/// top-level GET from its own site.
fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Secure-portal_council_sign_in"
    } else {
        "portal_council_sign_in"
    }
}

/// The `Set-Cookie` value that keeps `value` for `seconds` (0 and nothing: forget it).
fn pending_cookie(secure: bool, value: &str, seconds: u32) -> String {
    let name = cookie_name(secure);
    let flag = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path={CALLBACK_PATH}; Max-Age={seconds}; HttpOnly; SameSite=Lax{flag}")
}

#[derive(Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    next: String,
    /// Present when a fresh sign-in is needed before something that needs one.
    again: Option<String>,
}

/// Sends the browser to the provider, with the state, nonce and PKCE challenge of this sign-in.
pub async fn start(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<StartQuery>,
) -> Response {
    let Some(provider) = &state.council_sign_in else { return not_found() };
    let now = state.services.clock.now().timestamp();
    let next = safe_next(&query.next);
    match provider.begin(next, query.again.is_some(), now).await {
        Ok((address, pending)) => {
            let sealed = seal(state.services.digests.as_ref(), &pending);
            let cookie = pending_cookie(state.settings.secure_cookies(), &sealed, PENDING_SECONDS);
            with_cookie(Redirect::to(&address).into_response(), &cookie)
        }
        Err(failure) => refused(&visitor, &failure.to_string(), "unavailable"),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Where the provider sends the browser back: checks it is the sign-in this browser started,
/// verifies the ID token, finds the staff account and signs in.
pub async fn callback(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(session): Extension<SessionHandle>,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let Some(provider) = &state.council_sign_in else { return not_found() };
    let services = &state.services;
    let secure = state.settings.secure_cookies();
    let clear = pending_cookie(secure, "", 0);
    let now = services.clock.now();
    let pending = cookie(&headers, cookie_name(secure))
        .and_then(|sealed| open(services.digests.as_ref(), sealed))
        .filter(|pending| pending.expires > now.timestamp());
    // Only the browser that started this sign-in may finish it (no one else's code is taken).
    let Some(pending) = pending.filter(|p| query.state.as_deref() == Some(p.state.as_str())) else {
        return with_cookie(refused(&visitor, "no sign-in waiting for this answer", "cancelled"), &clear);
    };
    let (Some(code), None) = (&query.code, &query.error) else {
        return with_cookie(refused(&visitor, "the provider did not sign them in", "cancelled"), &clear);
    };
    let identity = match provider.finish(code, &pending).await {
        Ok(identity) => identity,
        Err(failure @ Failure::Unavailable(_)) => {
            return with_cookie(refused(&visitor, &failure.to_string(), "unavailable"), &clear)
        }
        Err(failure @ Failure::Rejected(_)) => {
            return with_cookie(refused(&visitor, &failure.to_string(), "cancelled"), &clear)
        }
    };
    let fresh_enough = !pending.fresh || identity.authenticated_at.is_some_and(|at| now - at <= FRESH_FOR);
    let cx = Cx::of(services.clone(), visitor.clone());
    let answer = match account_for(services, &identity).await {
        Ok(account) if fresh_enough => {
            match cx.audit_as(Some(account.id), "signed in with council account", Some(account.id), None).await {
                Ok(()) => {
                    session.renew_with_second_factor(account.id);
                    Redirect::to(&pending.next).into_response()
                }
                Err(error) => super::failed(&visitor, "auditing a council sign-in", error),
            }
        }
        Ok(account) => {
            let _ = cx.audit_as(None, "council sign-in refused", Some(account.id), Some("not a fresh sign-in")).await;
            refused(&visitor, "the provider did not sign them in again", "cancelled")
        }
        Err(Refusal::Store(error)) => super::failed(&visitor, "matching a council sign-in", error),
        Err(refusal) => {
            let _ = cx.audit_as(None, "council sign-in refused", refusal.account(), Some(refusal.code())).await;
            refused(&visitor, refusal.code(), refusal.code())
        }
    };
    with_cookie(answer, &clear)
}

enum Refusal {
    /// No staff account has this address (or the account may not sign in this way).
    NotLinked,
    /// The provider does not vouch for the address.
    Unverified,
    /// The account is linked to another of the provider's people.
    Another(i64),
    Store(StoreError),
}

impl Refusal {
    fn code(&self) -> &'static str {
        match self {
            Refusal::NotLinked => "not-linked",
            Refusal::Unverified => "unverified",
            Refusal::Another(_) => "another",
            Refusal::Store(_) => "unavailable",
        }
    }

    fn account(&self) -> Option<i64> {
        match self {
            Refusal::Another(id) => Some(*id),
            _ => None,
        }
    }
}

impl From<StoreError> for Refusal {
    fn from(error: StoreError) -> Self {
        Refusal::Store(error)
    }
}

/// The staff account this identity signs in as: the one linked to it, or else the one with its
/// verified address, which is then linked to it for good.
async fn account_for(services: &Services, identity: &Identity) -> Result<Account, Refusal> {
    let staff = services.council.staff_sign_in;
    let allowed = |account: &Account| may_sign_in(account.role, SignInMethod::Council, staff);
    if let Some(account) = services.store.find_by_council_subject(&identity.subject).await? {
        return if allowed(&account) { Ok(account) } else { Err(Refusal::NotLinked) };
    }
    let email = identity.email.as_deref().ok_or(Refusal::Unverified)?;
    let account = services.store.find_credentials(email).await?.map(|c| c.account);
    let account = account.filter(allowed).ok_or(Refusal::NotLinked)?;
    match services.store.link_council_subject(account.id, &identity.subject).await {
        Ok(true) => Ok(account),
        Ok(false) | Err(StoreError::Conflict) => Err(Refusal::Another(account.id)),
        Err(error) => Err(Refusal::Store(error)),
    }
}

/// Back to the sign-in page, which says why (the cause, if any, goes to the log).
fn refused(visitor: &Visitor, cause: &str, code: &str) -> Response {
    tracing::info!(request_id = %visitor.request_id, "council sign-in not completed: {cause}");
    Redirect::to(&format!("/sign-in?council={code}")).into_response()
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The pending sign-in as a cookie value: its JSON and a keyed digest of it.
fn seal(digests: &dyn Digests, pending: &Pending) -> String {
    let json = URL_SAFE_NO_PAD.encode(serde_json::to_vec(pending).unwrap_or_default());
    let tag = digests.digest(&format!("council sign-in {json}"));
    format!("{json}.{tag}")
}

fn open(digests: &dyn Digests, sealed: &str) -> Option<Pending> {
    let (json, tag) = sealed.split_once('.')?;
    let expected = digests.digest(&format!("council sign-in {json}"));
    if !constant_time_eq(expected.as_bytes(), tag.as_bytes()) {
        return None;
    }
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(json).ok()?).ok()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}
