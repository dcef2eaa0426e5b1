//! Security headers on every response, and the plain pages the server answers with when the
//! app itself cannot (a refused cross-site post, a crash).
use std::any::Any;

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};

/// Used where a page has not set its own policy (pages set one with a script nonce).
const DEFAULT_CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub async fn middleware(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let (is_asset, is_public) =
        (path.starts_with("/pkg/"), matches!(path, "/favicon.svg" | "/robots.txt" | "/islands.js"));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, DEFAULT_CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "geolocation=(), microphone=(self), camera=(self), payment=()",
    );
    if is_asset {
        // Built files are named after a hash of their contents: a change gets a new name.
        set(header::CACHE_CONTROL, "public, max-age=31536000, immutable");
    } else if is_public {
        set(header::CACHE_CONTROL, "public, max-age=86400");
    } else {
        // Pages can hold personal records: never keep them in shared or back-button caches.
        set(header::CACHE_CONTROL, "no-store");
    }
    response
}

/// Strict-Transport-Security, for portals served over HTTPS.
pub async fn hsts(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    response
}

/// A self-contained page in the portal's style, for when the app cannot render one.
pub fn plain_page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} – Carer portal</title>\
         <link rel=\"stylesheet\" href=\"{css}\"></head><body class=\"govuk-template__body\">\
         <div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">\
         <h1 class=\"govuk-heading-l\">{title}</h1><p class=\"govuk-body\">{body}</p>\
         <p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to the carer portal home page</a></p>\
         </main></div></body></html>",
        css = app::kit::assets::stylesheet_href()
    ))
}

/// A handler that panicked: log it, answer with a plain page, keep serving.
pub fn panic_page(payload: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!("a request handler panicked: {detail}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        plain_page(
            "Sorry, there is a problem with the service",
            "Try again later. What you typed before this page has been kept where it was saved.",
        ),
    )
        .into_response()
}
