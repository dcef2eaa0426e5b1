//! Cross-site request forgery protection. Leptos has none of its own, so every request that
//! could change something (anything but GET, HEAD and OPTIONS) must come from the portal's own
//! pages: the browser's `Sec-Fetch-Site` must say `same-origin`, or, from browsers that do not
//! send it, the `Origin` (or failing that the `Referer`) must be the portal's own address.
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, Method, StatusCode};

use crate::http::headers::plain_page;
use crate::http::AppState;

/// Whether a state-changing request comes from the portal's own pages.
pub fn is_same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let get = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get(header::HeaderName::from_static("sec-fetch-site")) {
        return site == "same-origin";
    }
    // Without Sec-Fetch-Site, the request's own Host (which a browser sets to the site it is
    // sending to) or the configured public address must match where the request came from.
    let own: Vec<String> = [
        Some(public_url.to_owned()),
        get(header::HOST).map(|h| format!("http://{h}")),
        get(header::HOST).map(|h| format!("https://{h}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(origin) = get(header::ORIGIN) {
        return own.iter().any(|o| o == origin);
    }
    if let Some(referer) = get(header::REFERER) {
        return own.iter().any(|o| referer.strip_prefix(o.as_str()).is_some_and(|rest| rest.starts_with('/')));
    }
    false
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(request.headers(), &state.settings.public_url()) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
    (StatusCode::FORBIDDEN, plain_page("This form was not sent from the carer portal", "For your safety we only accept forms sent from the carer portal's own pages. Go back to the portal and try again.")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(is_same_origin(&headers(&[("sec-fetch-site", "same-origin")]), "https://p.example"));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site"), ("origin", "https://p.example")]),
            "https://p.example"
        ));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "same-site")]), "https://p.example"));
    }

    #[test]
    fn origin_must_be_the_portal() {
        assert!(is_same_origin(&headers(&[("origin", "https://p.example")]), "https://p.example"));
        assert!(is_same_origin(
            &headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")]),
            "https://p.example"
        ));
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example"), ("host", "p.example")]),
            "https://p.example"
        ));
        assert!(!is_same_origin(&headers(&[("origin", "null")]), "https://p.example"));
    }

    #[test]
    fn a_request_with_no_evidence_is_refused() {
        assert!(!is_same_origin(&headers(&[]), "https://p.example"));
        assert!(is_same_origin(&headers(&[("referer", "https://p.example/contact")]), "https://p.example"));
        assert!(!is_same_origin(&headers(&[("referer", "https://p.example.evil.com/x")]), "https://p.example"));
    }
}
