//! What every PDF download shares: the document laid out off the async threads, sent as an
//! attachment only its reader may cache, in the reader's language.
use app::kit::i18n::Locale;
use app::kit::visitor::Visitor;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue};
use pdf::Document;

use super::failed;

/// Lays the document out off the async threads (it is CPU work) and answers with it as a
/// download only the asker can cache.
pub async fn pdf_response(visitor: &Visitor, document: Document, filename: &str) -> Response {
    let pdf = match tokio::task::spawn_blocking(move || pdf::render(&document)).await {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => return failed(visitor, "writing a PDF", error),
        Err(error) => return failed(visitor, "writing a PDF", error),
    };
    let mut response = pdf.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// The PDF's language tag for the reader's language.
pub fn language(locale: Locale) -> String {
    if locale == Locale::En {
        "en-GB".to_owned()
    } else {
        locale.tag().to_owned()
    }
}
