//! Server-side sessions. The cookie holds a random token; the store holds only a keyed digest
//! of it. A session ends after 30 minutes without a request or 12 hours after it began, and
//! gets a new token whenever someone signs in or out.
use std::sync::Arc;

use app::backend::ports::{Digests, Services, SessionRecord};
use app::backend::session::SessionHandle;
use app::kit::forms::FormFlash;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use super::{cookie, AppState};

pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// Touching the session on every request would write on every page view; once a minute is
/// close enough for a 30-minute timeout.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The key that turns cookie tokens into stored digests.
#[derive(Clone)]
pub struct SessionKeys {
    secret: Arc<SecretString>,
    cookie_name: &'static str,
    secure: bool,
}

impl SessionKeys {
    pub fn new(secret: SecretString, secure: bool) -> SessionKeys {
        // `__Host-` cookies must be Secure; on plain-HTTP development servers use a plain name.
        let cookie_name = if secure { "__Host-portal_session" } else { "portal_session" };
        SessionKeys { secret: Arc::new(secret), cookie_name, secure }
    }

    pub fn cookie_name(&self) -> &'static str {
        self.cookie_name
    }

    fn digest(&self, token: &str) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(self.secret.expose_secret().as_bytes()).expect("HMAC takes any key length");
        mac.update(token.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    fn new_token() -> String {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    fn set_cookie(&self, token: &str) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        format!("{}={token}; Path=/; HttpOnly; SameSite=Lax{secure}", self.cookie_name)
    }

    fn clear_cookie(&self) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        format!("{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}", self.cookie_name)
    }
}

/// Reset codes are kept the way session tokens are: only their keyed digest is stored.
impl Digests for SessionKeys {
    fn digest(&self, code: &str) -> String {
        SessionKeys::digest(self, code)
    }

    fn new_code(&self) -> String {
        SessionKeys::new_token()
    }

    fn new_typeable_code(&self) -> app::domain::emergency::CardCode {
        use rand::RngCore;
        let mut bytes = [0u8; 8];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        app::domain::emergency::CardCode::from_random(bytes)
    }
}

/// Whether a session has run out at `now`.
pub fn has_expired(session: &SessionRecord, now: DateTime<Utc>) -> bool {
    now - session.last_seen_at > IDLE_TIMEOUT || now - session.created_at > ABSOLUTE_TIMEOUT
}

pub async fn middleware(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let keys = &state.session_keys;
    let services = &state.services;
    let now = services.clock.now();
    let digest = cookie(request.headers(), keys.cookie_name()).map(|token| keys.digest(token));
    let mut record = None;
    let mut timed_out_user = None;
    if let Some(digest) = &digest {
        match services.store.find_session(digest).await {
            Ok(Some(found)) if has_expired(&found, now) => {
                timed_out_user = found.user_id;
                let _ = services.store.delete_session(digest).await;
            }
            Ok(found) => record = found,
            // Going on as if signed out would send a half-filled form to the sign-in page and
            // lose it; the browser still has it if the answer is a plain "try again later".
            Err(error) => {
                tracing::error!("reading a session: {error:#}");
                return unavailable();
            }
        }
    }
    let handle = SessionHandle::new(record, timed_out_user);
    request.extensions_mut().insert(handle.clone());
    let mut response = next.run(request).await;
    if let Some(cookie) = apply(services, keys, &handle, now).await {
        if let Ok(value) = http::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(http::header::SET_COOKIE, value);
        }
    }
    response
}

/// The answer when the session cannot be read: nothing was done, and nothing typed is lost.
fn unavailable() -> Response {
    use axum::response::IntoResponse;
    (
        http::StatusCode::SERVICE_UNAVAILABLE,
        [(http::header::RETRY_AFTER, "60")],
        crate::http::headers::plain_page(
            "Sorry, there is a problem with the service",
            "Nothing has been sent or changed. If you were filling in a form, go back: what you typed is still there. Try again in a few minutes.",
        ),
    )
        .into_response()
}

/// Writes the session's changes to the store; returns the cookie to set, if it changed.
async fn apply(services: &Services, keys: &SessionKeys, handle: &SessionHandle, now: DateTime<Utc>) -> Option<String> {
    let mut changes = handle.take_changes();
    let store = &services.store;
    let current = handle.record();
    if let Some(Some(flash)) = changes.flash.as_mut() {
        flash.typed_by = current.and_then(|c| c.user_id).or(handle.timed_out_user());
    }
    if let Some(user_id) = changes.renew {
        if let Some(old) = current {
            let _ = store.delete_session(&old.digest).await;
        }
        // A refused form survives the change of session (e.g. typed, timed out, signed in).
        let flash = match changes.flash {
            Some(flash) => flash,
            None => current.and_then(|c| c.flash.clone()),
        }
        // Only to the person who typed it (what was typed before signing in goes with them).
        .filter(|flash| flash.typed_by.is_none() || flash.typed_by == user_id);
        if user_id.is_none() && flash.is_none() {
            return Some(keys.clear_cookie());
        }
        return start(services, keys, user_id, changes.second_factor, flash, now).await;
    }
    if let (Some(session), true) = (current, changes.second_factor) {
        if let Err(error) = store.mark_second_factor(&session.digest).await {
            tracing::error!("recording a second factor: {error:#}");
        }
    }
    match (current, changes.flash) {
        (Some(session), Some(flash)) => {
            if let Err(error) = store.set_flash(&session.digest, flash.as_ref()).await {
                tracing::error!("keeping a refused form: {error:#}");
            }
            None
        }
        (None, Some(Some(flash))) => start(services, keys, None, false, Some(flash), now).await,
        (Some(session), None) => {
            if now - session.last_seen_at > TOUCH_EVERY {
                let _ = store.touch_session(&session.digest, now).await;
            }
            None
        }
        (None, _) if handle.timed_out_user().is_some() => Some(keys.clear_cookie()),
        (None, _) => None,
    }
}

async fn start(
    services: &Services,
    keys: &SessionKeys,
    user_id: Option<i64>,
    second_factor: bool,
    flash: Option<FormFlash>,
    now: DateTime<Utc>,
) -> Option<String> {
    let token = SessionKeys::new_token();
    let digest = keys.digest(&token);
    if let Err(error) = services.store.create_session(&digest, user_id, second_factor, now).await {
        tracing::error!("starting a session: {error:#}");
        return None;
    }
    if let Some(flash) = flash {
        if let Err(error) = services.store.set_flash(&digest, Some(&flash)).await {
            tracing::error!("keeping a refused form: {error:#}");
        }
    }
    Some(keys.set_cookie(&token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_digest_depends_on_the_secret() {
        let a = SessionKeys::new(SecretString::from("a".repeat(32)), false);
        let b = SessionKeys::new(SecretString::from("b".repeat(32)), false);
        assert_ne!(a.digest("token"), b.digest("token"));
        assert_ne!(a.digest("token"), "token");
    }

    #[test]
    fn sessions_end_after_thirty_idle_minutes_or_twelve_hours() {
        let start = Utc::now();
        let session = SessionRecord {
            digest: String::new(),
            user_id: Some(1),
            created_at: start,
            last_seen_at: start,
            flash: None,
            second_factor: false,
            user: None,
        };
        assert!(!has_expired(&session, start + Duration::minutes(29)));
        assert!(has_expired(&session, start + Duration::minutes(31)));
        let busy = SessionRecord { last_seen_at: start + Duration::hours(12), ..session };
        assert!(has_expired(&busy, start + Duration::hours(12) + Duration::minutes(1)));
    }

    #[test]
    fn cookies_are_http_only_and_same_site() {
        let keys = SessionKeys::new(SecretString::from("k".repeat(32)), true);
        let cookie = keys.set_cookie("t");
        assert!(cookie.starts_with("__Host-portal_session=t;"));
        for part in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
            assert!(cookie.contains(part), "{cookie}");
        }
    }
}
