//! Every request body is bounded here, whoever reads it and however.
//!
//! `DefaultBodyLimit` binds only axum's own extractors; a handler or server function that reads
//! its body another way would read without end. This middleware wraps every body in a counter
//! that fails once the endpoint's limit is passed, whatever reads it (chunked bodies included),
//! and refuses a body whose declared length is over the limit before anything is read. Whatever
//! the reader then answered, the person gets 413 and a plain message: HTML for a browser, the
//! wire error for the script.
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use app::error::AppError;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use http_body::{Frame, SizeHint};

use crate::http::headers::plain_page;

/// The most a request to this part of the router may send.
#[derive(Clone, Copy, Debug)]
pub struct BodyLimit {
    pub bytes: usize,
    /// The handler explains a refusal itself, next to the field (the plan's upload form): its
    /// body still fails at the limit, and what it answers is passed on.
    pub answers_itself: bool,
}

impl BodyLimit {
    pub const fn of(bytes: usize) -> BodyLimit {
        BodyLimit { bytes, answers_itself: false }
    }
}

/// Reads a request's declared length, if it has one.
pub fn declared_length(headers: &http::HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok()).and_then(|value| value.parse().ok())
}

pub async fn middleware(
    State(BodyLimit { bytes: limit, answers_itself }): State<BodyLimit>,
    request: Request,
    next: Next,
) -> Response {
    // Nothing answers a GET or HEAD from its body, so they take none: a body on them is refused
    // here rather than left unread.
    let takes_none = matches!(*request.method(), http::Method::GET | http::Method::HEAD);
    let limit = if takes_none { 0 } else { limit };
    let declared = declared_length(request.headers());
    let wants_json = wants_json(&request);
    let chunked = request.headers().contains_key(header::TRANSFER_ENCODING);
    let over = declared.is_some_and(|length| length > limit as u64) || (takes_none && chunked);
    // A handler that answers for itself is left to (a GET never is: nothing reads its body).
    if over && (takes_none || !answers_itself) {
        return too_large(wants_json);
    }
    let passed = Arc::new(AtomicBool::new(false));
    let (parts, body) = request.into_parts();
    let body = Body::new(Counted { inner: body, left: limit, passed: passed.clone() });
    let response = next.run(Request::from_parts(parts, body)).await;
    if passed.load(Ordering::Acquire) && !answers_itself {
        return too_large(wants_json);
    }
    response
}

fn wants_json(request: &Request) -> bool {
    let header = |name| request.headers().get(name).and_then(|v: &http::HeaderValue| v.to_str().ok()).unwrap_or("");
    header(header::ACCEPT).contains("application/json") || header(header::CONTENT_TYPE).contains("json")
}

fn too_large(wants_json: bool) -> Response {
    if wants_json {
        let mut response = axum::Json(AppError::TooLarge).into_response();
        *response.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        return response;
    }
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        plain_page(
            "What you sent is too large",
            "Go back, make your answers shorter or the file smaller, and try again. What you typed before has been kept.",
        ),
    )
        .into_response()
}

/// A body that fails, and says so, once more than `left` bytes have come through.
struct Counted {
    inner: Body,
    left: usize,
    passed: Arc<AtomicBool>,
}

#[derive(Debug, thiserror::Error)]
#[error("the request body is larger than this endpoint takes")]
struct TooLong;

impl http_body::Body for Counted {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.passed.load(Ordering::Relaxed) {
            return Poll::Ready(Some(Err(TooLong.into())));
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let length = frame.data_ref().map_or(0, Bytes::len);
                if length > self.left {
                    self.passed.store(true, Ordering::Release);
                    return Poll::Ready(Some(Err(TooLong.into())));
                }
                self.left -= length;
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error.into()))),
            other => other.map_err(Into::into),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let mut hint = self.inner.size_hint();
        if hint.lower() > self.left as u64 {
            // Readers that trust the hint (axum's `to_bytes`) stop at once.
            return SizeHint::with_exact(self.left as u64 + 1);
        }
        if hint.upper().is_none_or(|upper| upper > self.left as u64 + 1) {
            hint.set_upper(self.left as u64 + 1);
        }
        hint
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::post;
    use tower::ServiceExt;

    fn app(limit: usize) -> axum::Router {
        // A handler that reads its body without any extractor's limit.
        async fn read_all(request: Request) -> StatusCode {
            match axum::body::to_bytes(request.into_body(), usize::MAX).await {
                Ok(_) => StatusCode::OK,
                Err(_) => StatusCode::BAD_REQUEST,
            }
        }
        axum::Router::new()
            .route("/", post(read_all))
            .layer(axum::middleware::from_fn_with_state(BodyLimit::of(limit), middleware))
    }

    fn chunked(total: usize) -> Body {
        let chunks =
            futures::stream::iter((0..total.div_ceil(1024)).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 1024])));
        Body::from_stream(chunks)
    }

    #[tokio::test]
    async fn a_body_within_the_limit_is_read() {
        let response = app(4096).oneshot(Request::post("/").body(chunked(4096)).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_chunked_body_over_the_limit_gets_413_whatever_the_reader_answered() {
        let response = app(4096).oneshot(Request::post("/").body(chunked(10_000)).unwrap()).await.unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    }

    #[tokio::test]
    async fn a_declared_length_over_the_limit_is_refused_before_reading() {
        let request = Request::post("/")
            .header(header::CONTENT_LENGTH, "1000000000")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        let response = app(4096).oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let bytes = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(serde_json::from_slice::<AppError>(&bytes).unwrap(), AppError::TooLarge);
    }
}
