//! Forms never lose what was typed: the no-JavaScript round trip and the script's JSON answers.

use crate::helpers::{location, spawn};

#[tokio::test]
async fn a_refused_form_without_javascript_comes_back_with_values_and_messages() {
    let portal = spawn().await;
    let long_name = "N".repeat(101);
    let response = portal
        .post_form("/api/contact", "/contact", &[("name", &long_name), ("email", "ann@example.org"), ("message", "")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/contact");

    let page = portal.page("/contact").await;
    assert!(page.contains("Enter your message"), "message error missing");
    assert!(page.contains("Name must be 100 characters or fewer"), "name error missing");
    assert!(page.contains(&format!("value=\"{long_name}\"")), "typed name not kept");
    assert!(page.contains("value=\"ann@example.org\""), "typed email not kept");
    assert!(page.contains("govuk-error-summary"));
    assert!(page.contains("<title>Error: "));

    // Shown once: a fresh visit to the form starts clean.
    let again = portal.page("/contact").await;
    assert!(!again.contains("Enter your message"));
}

#[tokio::test]
async fn an_accepted_form_redirects_to_its_confirmation_and_is_stored() {
    let portal = spawn().await;
    let response =
        portal.post_form("/api/contact", "/contact", &[("name", ""), ("email", ""), ("message", "Call me")]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/contact/sent?reference=CM-000001");
    let stored: (String,) = sqlx::query_as("SELECT body FROM contact_messages").fetch_one(&portal.db).await.unwrap();
    assert_eq!(stored.0, "Call me");
    let page = portal.page("/contact/sent?reference=CM-000001").await;
    assert!(page.contains("CM-000001"));
}

#[tokio::test]
async fn the_script_gets_field_messages_with_a_422() {
    let portal = spawn().await;
    let response = portal.post_json("/api/contact", &[("message", &"x".repeat(1201))]).await;
    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["kind"], "validation");
    assert_eq!(body["fields"]["message"], "Message must be 1200 characters or fewer");
}

#[tokio::test]
async fn messages_are_in_the_persons_language() {
    let portal = spawn().await;
    portal.page("/?lang=pl").await;
    let response = portal.post_json("/api/contact", &[("message", "")]).await;
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["fields"]["message"], "Wpisz swoją wiadomość");
}

#[tokio::test]
async fn a_form_that_does_not_decode_is_a_plain_bad_request() {
    let portal = spawn().await;
    let response = portal
        .client
        .post(portal.at("/api/contact"))
        .header("Origin", &portal.url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("message[a][b][c][d][e][f]=1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert_eq!(body, r#"{"kind":"bad_request"}"#);
}
