//! A real OpenID Connect provider for a test (panva's certified `oidc-provider`, started from
//! `scripts/oidc-provider.mjs`) on a free port, the portal's settings for it, and a person
//! signing in at it the way a browser would: the provider's login form, then back to the portal.
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use secrecy::SecretString;
use server::config::Settings;

use super::{location, TestPortal};

/// The portal's client at the test provider (`scripts/oidc-provider.mjs`).
const CLIENT_ID: &str = "carer-portal";
const CLIENT_SECRET: &str = "a-test-secret-the-portal-is-given";

/// An identity provider for one test, stopped when dropped.
pub struct OidcProvider {
    child: Child,
    pub issuer: String,
}

impl Drop for OidcProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn oidc_provider() -> OidcProvider {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/oidc-provider.mjs");
    let modules = concat!(env!("CARGO_MANIFEST_DIR"), "/../node_modules/oidc-provider");
    assert!(std::path::Path::new(modules).exists(), "oidc-provider is missing: run `make deps` (npm ci) first");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new("node")
        .args([script, &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts the identity provider");
    let provider = OidcProvider { child, issuer: format!("http://127.0.0.1:{port}") };
    let discovery = format!("{}/.well-known/openid-configuration", provider.issuer);
    for _ in 0..100 {
        if reqwest::get(&discovery).await.is_ok_and(|r| r.status().is_success()) {
            return provider;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the identity provider did not start on port {port}");
}

impl OidcProvider {
    /// Points a portal's staff sign-in at this provider.
    pub fn configure(&self, settings: &mut Settings) {
        settings.oidc_issuer = Some(self.issuer.clone());
        settings.oidc_client_id = Some(CLIENT_ID.to_owned());
        settings.oidc_client_secret = Some(SecretString::from(CLIENT_SECRET));
    }
}

/// Starts the council's sign-in at `start` (e.g. `/auth/council?next=/staff`), signs in at the
/// provider as `login` and follows it back to the portal: the portal's answer to the callback.
pub async fn sign_in_through(portal: &TestPortal, start: &str, login: &str) -> reqwest::Response {
    let (answer, _) = sign_in_keeping_callback(portal, start, login).await;
    answer
}

/// As `sign_in_through`, also giving the callback's path and query (to try it again).
pub async fn sign_in_keeping_callback(portal: &TestPortal, start: &str, login: &str) -> (reqwest::Response, String) {
    let to_provider = portal.client.get(portal.at(start)).send().await.unwrap();
    assert_eq!(to_provider.status(), 303, "the portal sends the browser to the provider");
    let mut next = location(&to_provider);
    // The provider's own pages: its login form (any password), then back to the portal. Its
    // cookies are kept apart (cookies do not tell ports apart), and each sign-in starts without
    // the provider's session of the one before, as someone else at another computer would.
    let client = portal.another_browser();
    for _ in 0..10 {
        if let Some(callback) = callback_path(&next) {
            let answer = portal.client.get(portal.at(&callback)).send().await.unwrap();
            return (answer, callback);
        }
        let response = client.get(&next).send().await.unwrap();
        if response.status().is_redirection() {
            next = absolute(&next, &location(&response));
            continue;
        }
        let page = response.text().await.unwrap();
        let action = page.split("action=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a login form");
        let form = [("prompt", "login"), ("login", login), ("password", "any password")];
        let submitted = client.post(absolute(&next, action)).form(&form).send().await.unwrap();
        next = absolute(&next, &location(&submitted));
    }
    panic!("the provider never sent the browser back to the portal");
}

/// The portal path the provider sends the browser back to (its callback), if `url` is it.
fn callback_path(url: &str) -> Option<String> {
    let start = url.find("/auth/council/callback")?;
    url.starts_with("http://127.0.0.1").then(|| url[start..].to_owned())
}

fn absolute(base: &str, target: &str) -> String {
    if target.starts_with("http") {
        return target.to_owned();
    }
    let origin: String = base.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    format!("{origin}{target}")
}
