//! Server functions answer plain HTML form posts as well as the browser script.
//!
//! A form posted without JavaScript arrives URL-encoded and asking for HTML. This middleware
//! runs the server function as if the script had called it, then answers with a redirect
//! (post/redirect/get): on success to where the server function said (or back), on refusal
//! back to the form, with what was typed and the messages kept in the session, so the page
//! draws the form exactly as it was sent. Requests from the script get the server function's
//! JSON answer with a status that says what kind of error it is.
use std::collections::BTreeMap;

use app::error::AppError;
use app::kit::forms::FormFlash;
use app::kit::visitor::Visitor;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::{header, HeaderValue, StatusCode};

use crate::http::headers::plain_page;
use app::backend::session::SessionHandle;

/// Largest form (URL-encoded) accepted; file uploads have their own route and limit.
pub const FORM_LIMIT: usize = 256 * 1024;
/// Error answers from server functions are short JSON documents.
const ERROR_LIMIT: usize = 64 * 1024;

fn wants_html(request: &Request) -> bool {
    let header = |name| request.headers().get(name).and_then(|v: &HeaderValue| v.to_str().ok()).unwrap_or("");
    header(header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
        && !header(header::ACCEPT).contains("application/json")
}

/// The page to send someone back to: the same-origin path they posted from.
fn back_path(request: &Request) -> String {
    request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| {
            let after_scheme = referer.split_once("://")?.1;
            let path = &after_scheme[after_scheme.find('/')?..];
            Some(path.to_owned())
        })
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

/// Only local paths are followed, never another site.
fn local(location: &str) -> Option<String> {
    (location.starts_with('/') && !location.starts_with("//")).then(|| location.to_owned())
}

pub async fn middleware(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    if !wants_html(&request) {
        return with_error_status(next.run(request).await).await;
    }
    let action = request.uri().path().to_owned();
    let back = back_path(&request);
    let session = request.extensions().get::<SessionHandle>().cloned();
    let locale = request.extensions().get::<Visitor>().map(|v| v.locale).unwrap_or_default();
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            plain_page("Your answers are too long to send", "Go back, shorten your answers and try again."),
        )
            .into_response();
    };
    let values: BTreeMap<String, String> = form_urlencoded::parse(&bytes)
        .filter(|(name, _)| !FormFlash::is_secret_field(name))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    parts.headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;

    if response.status().is_success() {
        let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).and_then(local);
        let mut redirect = Redirect::to(&location.unwrap_or(back)).into_response();
        // Cookies the server function set (e.g. a new session) must reach the browser.
        for cookie in response.headers().get_all(header::SET_COOKIE) {
            redirect.headers_mut().append(header::SET_COOKIE, cookie.clone());
        }
        return redirect;
    }
    let error = read_error(response).await;
    let page = back.split('?').next().unwrap_or("/").to_owned();
    let signed_out = matches!(error, AppError::Unauthenticated | AppError::SignInAgain);
    if let Some(session) = session {
        session.set_flash(Some(FormFlash {
            action,
            page,
            values,
            errors: error.field_messages(),
            // After signing in again the form is shown as it was; the sign-in page explains.
            summary: if signed_out { None } else { error.summary(locale) },
            typed_by: None,
        }));
    }
    match error {
        AppError::Unauthenticated => {
            let next: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
            Redirect::to(&format!("/sign-in?next={next}")).into_response()
        }
        AppError::SignInAgain => {
            let next: String = form_urlencoded::byte_serialize(back.as_bytes()).collect();
            Redirect::to(&format!("/sign-in?again=1&next={next}")).into_response()
        }
        _ => Redirect::to(&back).into_response(),
    }
}

async fn read_error(response: Response) -> AppError {
    let is_server_fn_error = response.headers().contains_key("serverfnerror");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), ERROR_LIMIT).await.unwrap_or_default();
    match serde_json::from_slice::<AppError>(&bytes) {
        Ok(error) if is_server_fn_error => error,
        _ if status == StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        _ => AppError::Internal { request_id: "-".into() },
    }
}

/// Server functions answer every error with 500; give script callers the status that fits.
async fn with_error_status(response: Response) -> Response {
    if !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, ERROR_LIMIT).await.unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_redirects_are_followed() {
        assert_eq!(local("/contact/sent"), Some("/contact/sent".into()));
        assert_eq!(local("//evil.example/x"), None);
        assert_eq!(local("https://evil.example/"), None);
    }

    #[test]
    fn the_way_back_is_the_path_of_the_referring_page() {
        let request = Request::builder()
            .header(header::REFERER, "http://127.0.0.1:3000/contact?lang=pl")
            .body(Body::empty())
            .unwrap();
        assert_eq!(back_path(&request), "/contact?lang=pl");
        let request = Request::builder().body(Body::empty()).unwrap();
        assert_eq!(back_path(&request), "/");
    }
}
