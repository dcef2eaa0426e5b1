//! Helpers for server functions (server side only): the injected services and safe errors.
use leptos::prelude::use_context;

use crate::error::AppError;
use crate::ports::Services;
use crate::visitor::{use_visitor, Visitor};

/// The store, clock and council settings for this request.
pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| {
        tracing::error!("server function called without Services in context");
        AppError::Internal { request_id: use_visitor().request_id }
    })
}

/// Logs an internal failure with the request id and returns an error that says nothing more.
pub fn internal(visitor: &Visitor, context: &str, error: impl std::fmt::Display) -> AppError {
    tracing::error!(request_id = %visitor.request_id, "{context}: {error}");
    AppError::Internal { request_id: visitor.request_id.clone() }
}

/// Sets the page's Content-Security-Policy: scripts only from the portal itself or carrying
/// this response's nonce (the islands' loader), wasm allowed to compile, nothing framed.
pub fn set_content_security_policy() {
    use leptos::nonce::use_nonce;
    use leptos_axum::ResponseOptions;

    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
