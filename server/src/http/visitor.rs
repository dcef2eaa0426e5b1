//! Works out who is asking and how to answer: the request id, the language (from `?lang=`,
//! then the `portal_lang` cookie, then the browser's `Accept-Language`) and any refused form
//! waiting to be shown. The result goes into the request as an `app::kit::visitor::Visitor`.
use app::kit::i18n::Locale;
use app::kit::visitor::{Visitor, ASSISTING_COOKIE};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::{header, HeaderValue, Method};
use tracing::Instrument;

use app::backend::ports::read_assisting;
use app::backend::session::SessionHandle;

use super::session::IDLE_TIMEOUT;
use super::{cookie, AppState};

pub const LANGUAGE_COOKIE: &str = "portal_lang";

fn language_from_query(query: Option<&str>) -> Option<Locale> {
    form_urlencoded::parse(query?.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Locale::parse(&v))
}

/// The client's address: the connection's, or behind a trusted proxy the last hop it added.
fn client_ip(request: &Request, trust_forwarded_for: bool) -> Option<String> {
    if trust_forwarded_for {
        let forwarded = request.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
        if let Some(last) = forwarded.and_then(|v| v.rsplit(',').next()) {
            return Some(last.trim().to_owned());
        }
    }
    request.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|info| info.0.ip().to_string())
}

/// Where staff who signed in with a password alone are sent until two-factor is set up.
pub const TWO_FACTOR_REQUIRED: &str = "/account/two-factor?required=1";

/// What staff signed in with a password alone may still reach: setting up two-factor, signing
/// out or in again (with the council's sign-in, say), and keeping the session alive meanwhile.
fn allowed_before_two_factor(path: &str) -> bool {
    const PATHS: [&str; 5] = [
        "/account/two-factor",
        "/api/two-factor/start",
        "/api/two-factor/confirm",
        "/api/account/sign-out",
        "/api/account/stay-signed-in",
    ];
    PATHS.contains(&path) || path.starts_with("/sign-in") || path.starts_with("/auth/council")
}

pub async fn middleware(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let request_id = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
    let chosen = language_from_query(request.uri().query());
    let locale = chosen
        .or_else(|| cookie(request.headers(), LANGUAGE_COOKIE).and_then(Locale::parse))
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default();
    let session = request.extensions().get::<SessionHandle>().cloned();
    let path = request.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
    // A refused form is shown once, when the page it came from is shown again (and kept if the
    // page could not be shown, so what was typed is not lost to a fault).
    let flash = match (&session, request.method()) {
        (Some(session), &Method::GET) => session.flash().filter(|f| f.page == request.uri().path()),
        _ => None,
    };
    let shows_flash = flash.is_some();
    let user = session.as_ref().and_then(|s| s.record()).and_then(|record| record.user.clone());
    let client_ip = client_ip(&request, state.settings.trust_forwarded_for);
    // Staff only (anyone else's requests are always about themselves), and only in the session
    // it was chosen in.
    let session_digest = session.as_ref().and_then(|s| s.record()).map(|r| r.digest.as_str());
    let assisting = cookie(request.headers(), ASSISTING_COOKIE)
        .zip(session_digest)
        .and_then(|(value, digest)| read_assisting(state.services.digests.as_ref(), digest, value))
        .filter(|_| user.as_ref().is_some_and(|u| u.role.is_staff()));
    let visitor = Visitor {
        locale,
        path,
        flash,
        request_id: request_id.clone(),
        council: state.services.council.clone(),
        user,
        second_factor: session.as_ref().and_then(|s| s.record()).is_some_and(|r| r.second_factor),
        timed_out: session.as_ref().is_some_and(|s| s.timed_out_user().is_some()),
        client_ip,
        idle_seconds: IDLE_TIMEOUT.num_seconds(),
        assisting,
    };
    let span = tracing::info_span!(
        "request",
        id = %request_id,
        method = %request.method(),
        path = %logged_path(request.uri().path()),
        actor = tracing::field::Empty,
        role = tracing::field::Empty,
    );
    // Staff signed in with a password alone set up two-factor sign-in before anything else.
    if visitor.must_set_up_two_factor() && !allowed_before_two_factor(request.uri().path()) {
        return Redirect::to(TWO_FACTOR_REQUIRED).into_response();
    }
    request.extensions_mut().insert(visitor);
    let mut response = next.run(request).instrument(span).await;
    if let (true, Some(session)) = (shows_flash && response.status().is_success(), &session) {
        session.set_flash(None);
    }
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&request_id) {
        headers.insert("x-request-id", id);
    }
    if let Some(locale) = chosen {
        let value = format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The path as the log shows it: a one-time code in it (a password reset link, which also sets
/// a new staff member's first password) is left out, so the log cannot be used to take over an
/// account. Other codes (invitations, emergency cards) travel in forms and queries, never logged.
fn logged_path(path: &str) -> &str {
    match path.strip_prefix("/password-reset/") {
        Some(code) if !code.is_empty() && code != "sent" => "/password-reset/{code}",
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reset_code_never_reaches_the_log() {
        assert_eq!(
            logged_path("/password-reset/0h_gGObtvRw6oW4YuaZYjgqhHP2P2LOIo43n68908Sk"),
            "/password-reset/{code}"
        );
        assert_eq!(logged_path("/password-reset/sent"), "/password-reset/sent");
        assert_eq!(logged_path("/password-reset"), "/password-reset");
        assert_eq!(logged_path("/plan"), "/plan");
    }

    #[test]
    fn the_language_comes_from_the_query_when_given() {
        assert_eq!(language_from_query(Some("lang=pl")), Some(Locale::Pl));
        assert_eq!(language_from_query(Some("reference=CM-1&lang=en")), Some(Locale::En));
        assert_eq!(language_from_query(Some("lang=xx")), None);
        assert_eq!(language_from_query(None), None);
    }
}
