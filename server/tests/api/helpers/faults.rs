//! Checking answers given while the store or file store fails: plain words, nothing internal.
use http::HeaderMap;
use server::testing::faults::FAULT_MARKER;

use super::TestPortal;

/// Words that say something about the inside of the portal; no answer may contain them.
const INTERNAL_WORDS: &[&str] = &[
    FAULT_MARKER,
    "disk I/O",
    "sqlx",
    "sqlite",
    "database",
    "/var/lib",
    "portal.db",
    "panicked",
    "object_store",
    "StoreError",
    "Unavailable(",
    // The panic page: a fault must be handled, not crash the handler.
    "What you typed before this page has been kept where it was saved",
];

/// A response read whole, so it can be checked and then looked at.
pub struct Answer {
    pub what: String,
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub async fn read(what: impl Into<String>, response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("a whole body");
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let answer = Answer { what: what.into(), status, headers, body };
        answer.assert_leaks_nothing();
        answer
    }

    pub fn location(&self) -> Option<String> {
        self.headers.get("location").and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    /// No internal words in the body or any header; a body unless it is a redirect; no panic.
    pub fn assert_leaks_nothing(&self) {
        let what = &self.what;
        for word in INTERNAL_WORDS {
            let word = word.to_lowercase();
            assert!(!self.body.to_lowercase().contains(&word), "{what}: the body says {word:?}: {}", self.body);
            for (name, value) in &self.headers {
                let value = String::from_utf8_lossy(value.as_bytes()).to_lowercase();
                assert!(!value.contains(&word), "{what}: header {name} says {word:?}: {value}");
            }
        }
        if (300..400).contains(&self.status) {
            assert!(self.location().is_some(), "{what}: a redirect without a location");
        } else {
            assert!(!self.body.trim().is_empty(), "{what}: an empty {} answer", self.status);
        }
    }

    /// The portal's own words for a fault, with a 500 (or 503) status.
    pub fn assert_plain_fault(&self) {
        let what = &self.what;
        assert!(matches!(self.status, 500 | 503), "{what}: expected a fault, got {}: {}", self.status, self.body);
        let json_fault = self.body.starts_with(r#"{"kind":"internal""#);
        let page_fault = self.body.contains("Sorry, there is a problem with the service");
        assert!(json_fault || page_fault, "{what}: not the portal's words for a fault: {}", self.body);
    }
}

/// A browser signed in as `email` (with the demo password), or signed out for "".
pub async fn browser(portal: &TestPortal, email: &str) -> reqwest::Client {
    let client = portal.another_browser();
    if !email.is_empty() {
        let signed_in = client
            .post(portal.at("/api/account/sign-in"))
            .header("Origin", &portal.url)
            .header("Accept", "application/json")
            .form(&[("email", email), ("password", server::testing::demo::DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert!(signed_in.status().is_success(), "{email} could not sign in");
        portal.as_if_codes_were_typed().await;
    }
    client
}

/// Posts as the portal's script does.
pub async fn post_json(portal: &TestPortal, client: &reqwest::Client, path: &str, fields: &[(&str, String)]) -> Answer {
    let response =
        portal.script_post(client, path).form(fields).send().await.unwrap_or_else(|e| panic!("{path}: no answer: {e}"));
    Answer::read(format!("{path} (script)"), response).await
}

/// Posts as a browser without JavaScript does, from `page`.
pub async fn post_form(
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    page: &str,
    fields: &[(&str, String)],
) -> Answer {
    let response = portal
        .form_post(client, path, page)
        .form(fields)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: no answer: {e}"));
    Answer::read(format!("{path} (form from {page})"), response).await
}

pub async fn get(portal: &TestPortal, client: &reqwest::Client, path: &str) -> Answer {
    let response = client.get(portal.at(path)).send().await.unwrap_or_else(|e| panic!("{path}: no answer: {e}"));
    Answer::read(format!("GET {path}"), response).await
}
