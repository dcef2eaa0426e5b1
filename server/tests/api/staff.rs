//! Admins add council staff in the app: the new person sets their own password from an
//! emailed link; nobody else may add staff.

use crate::helpers::{location, spawn};
use app::domain::account::Role;

const PASSWORD: &str = "a long enough password";

#[tokio::test]
async fn an_admin_adds_a_practitioner_who_sets_their_own_password() {
    let portal = spawn().await;
    portal.add_account("admin@council.example", Role::Admin, PASSWORD).await;
    portal.sign_in("admin@council.example", PASSWORD).await;

    let response = portal
        .post_form(
            "/api/staff/users/add",
            "/staff/users",
            &[("name", "Pat Practitioner"), ("email", "pat@council.example"), ("role", "practitioner")],
        )
        .await;
    let id = portal.user_id("pat@council.example").await;
    assert_eq!(location(&response), format!("/staff/users?added={id}"));
    let page = portal.page(&location(&response)).await;
    assert!(page.contains("We have added Pat Practitioner"), "{page}");
    assert!(portal.audit_actions().await.contains(&"staff account created".to_owned()));

    // Until they set a password, nothing signs them in.
    portal.sign_out().await;
    assert_eq!(location(&portal.sign_in("pat@council.example", "!").await), "/sign-in");
    let link = portal.latest_emailed_link();
    let code = link.trim_start_matches("/password-reset/").to_owned();
    portal
        .post_form("/api/account/reset-password", &link, &[("code", &code), ("password", "my own new password")])
        .await;
    assert_eq!(location(&portal.sign_in("pat@council.example", "my own new password").await), "/home");
}

#[tokio::test]
async fn adding_staff_checks_every_field_and_keeps_what_was_typed() {
    let portal = spawn().await;
    portal.add_account("admin@council.example", Role::Admin, PASSWORD).await;
    portal.sign_in("admin@council.example", PASSWORD).await;
    let response = portal
        .post_form("/api/staff/users/add", "/staff/users", &[("name", "Pat"), ("email", "pat@"), ("role", "carer")])
        .await;
    assert_eq!(location(&response), "/staff/users");
    let page = portal.page("/staff/users").await;
    assert!(page.contains("Enter an email address in the correct format"), "{page}");
    assert!(page.contains(r#"value="Pat""#), "{page}");
    assert!(page.contains("Choose"), "{page}");
}

#[tokio::test]
async fn only_an_admin_may_see_or_add_staff() {
    let portal = spawn().await;
    portal.add_account("practitioner@council.example", Role::Practitioner, PASSWORD).await;
    portal.sign_in("practitioner@council.example", PASSWORD).await;
    let response = portal
        .post_json("/api/staff/users/add", &[("name", "Eve"), ("email", "eve@example.org"), ("role", "admin")])
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(portal.post_json("/api/staff/users", &[]).await.status(), 404);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'eve@example.org'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(count, 0);
    assert!(portal.audit_actions().await.contains(&"permission refused".to_owned()));
}
