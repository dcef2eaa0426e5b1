//! The baseline every feature relies on: cross-site posts refused on every route that changes
//! state, security headers, no internal text on failures, and a panic does not stop the server.

use crate::helpers::{spawn, spawn_with};
use axum::routing::get;

/// Every server function (they are the portal's public API) and every other POST route.
fn mutating_routes() -> Vec<String> {
    let mut routes: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_ne!(method, http::Method::GET, "{path} changes state and must not accept GET");
            path.to_owned()
        })
        .collect();
    routes.sort();
    assert!(!routes.is_empty(), "no server functions were registered");
    routes
}

#[tokio::test]
async fn cross_site_posts_are_refused_on_every_mutating_route() {
    let portal = spawn().await;
    for route in mutating_routes() {
        for (name, value) in [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site")] {
            let response = portal
                .client
                .post(portal.at(&route))
                .header(name, value)
                .form(&[("message", "hello")])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 403, "{route} accepted a post with {name}: {value}");
        }
        let response = portal.client.post(portal.at(&route)).form(&[("message", "x")]).send().await.unwrap();
        assert_eq!(response.status(), 403, "{route} accepted a post with no origin at all");
    }
    let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM contact_messages").fetch_one(&portal.db).await.unwrap();
    assert_eq!(count.0, 0);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let portal = spawn().await;
    for path in ["/", "/contact", "/no-such-page", "/healthz"] {
        let response = portal.client.get(portal.at(path)).send().await.unwrap();
        let headers = response.headers();
        let expected = [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "same-origin"),
            ("x-frame-options", "DENY"),
            ("cross-origin-opener-policy", "same-origin"),
        ];
        for (name, value) in expected {
            assert_eq!(headers.get(name).map(|v| v.to_str().unwrap()), Some(value), "{path}: {name}");
        }
        assert!(headers["permissions-policy"].to_str().unwrap().contains("geolocation=()"), "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
    }
    // A page can hold someone's records: never kept by a shared computer's browser.
    portal.signed_in_as("sam@example.org", app::domain::account::Role::Carer).await;
    let home = portal.client.get(portal.at("/home")).send().await.unwrap();
    assert_eq!(home.headers()["cache-control"], "no-store");
    let page = portal.client.get(portal.at("/")).send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a script nonce");
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the islands' loader does not carry the nonce");
}

#[tokio::test]
async fn a_store_failure_gives_a_plain_message_and_keeps_what_was_typed() {
    let portal = spawn().await;
    // A store failure: the table the message goes into is gone.
    sqlx::query("DROP TABLE contact_replies").execute(&portal.db).await.unwrap();
    sqlx::query("DROP TABLE contact_messages").execute(&portal.db).await.unwrap();
    let response = portal.post_json("/api/contact", &[("message", "Please ring me")]).await;
    assert_eq!(response.status(), 500);
    let body = response.text().await.unwrap();
    assert!(body.starts_with(r#"{"kind":"internal","request_id":""#), "{body}");
    for leak in ["sqlx", "pool", "closed", "database", "SQLite"] {
        assert!(!body.contains(leak), "internal text in the answer: {body}");
    }

    // Without JavaScript the person is sent back to the form with their words and a reference.
    let response = portal.post_form("/api/contact", "/contact", &[("message", "Please ring me")]).await;
    assert_eq!(response.status(), 303);
}

#[tokio::test]
async fn a_panicking_handler_gets_a_plain_500_and_the_server_keeps_serving() {
    async fn boom() -> &'static str {
        panic!("an internal detail that must not be shown")
    }
    let portal = spawn_with(|routes| routes.route("/boom", get(boom))).await;
    let response = portal.client.get(portal.at("/boom")).send().await.unwrap();
    assert_eq!(response.status(), 500);
    let body = response.text().await.unwrap();
    assert!(body.contains("Sorry, there is a problem with the service"));
    assert!(!body.contains("internal detail"));
    let health = portal.client.get(portal.at("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
}
