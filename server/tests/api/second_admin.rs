//! One admin may not erase another admin's information, or switch their account off, alone:
//! the first asks, and only a second admin (not the one asking, not the one it is about)
//! approves it, after a fresh sign-in. People and other staff are erased and switched off by
//! one admin as before.
use app::domain::account::Role;

use crate::helpers::{location, spawn, TestPortal, PASSWORD};

const ADA: &str = "ada@council.example";
const BO: &str = "bo@council.example";
const CY: &str = "cy@council.example";

async fn admins(portal: &TestPortal) -> (i64, i64, i64) {
    let ada = portal.add_account(ADA, Role::Admin, PASSWORD).await;
    let bo = portal.add_account(BO, Role::Admin, PASSWORD).await;
    let cy = portal.add_account(CY, Role::Admin, PASSWORD).await;
    (ada, bo, cy)
}

async fn approve(portal: &TestPortal, action: &str, subject: i64, page: &str) -> reqwest::Response {
    let subject = subject.to_string();
    portal.post_form("/api/approvals/approve", page, &[("action", action), ("subject_id", &subject)]).await
}

#[tokio::test]
async fn switching_an_admin_off_waits_for_a_second_admin() {
    let portal = spawn().await;
    let (_, bo, _) = admins(&portal).await;
    let page = format!("/staff/users/{bo}");
    let is_off = || async { portal.store.find_account(bo).await.unwrap().unwrap().disabled_at.is_some() };

    portal.sign_in(ADA, PASSWORD).await;
    let asked = portal.post_form("/api/staff/users/switch", &page, &[("id", &bo.to_string()), ("switch", "off")]).await;
    assert_eq!(location(&asked), format!("{page}?switched=asked#approval"));
    assert!(!is_off().await, "not switched off by one admin");
    let shown = portal.page(&format!("{page}?switched=asked")).await;
    assert!(shown.contains("Switching off waiting for a second admin") && shown.contains("Another admin must approve"));
    // Ada cannot approve her own request; Bo cannot approve one about himself.
    assert_eq!(approve(&portal, "switch off", bo, &page).await.status(), 303);
    assert!(!is_off().await);
    portal.sign_out().await;
    portal.sign_in(BO, PASSWORD).await;
    approve(&portal, "switch off", bo, &page).await;
    assert!(!is_off().await);
    portal.sign_out().await;

    // Cy sees who asked and approves it.
    portal.sign_in(CY, PASSWORD).await;
    let shown = portal.page(&page).await;
    assert!(shown.contains("Someone asked for this on") && shown.contains("Approve switching off"), "{shown}");
    assert_eq!(location(&approve(&portal, "switch off", bo, &page).await), format!("{page}?switched=off"));
    assert!(is_off().await);
    let actions = portal.audit_actions().await;
    for action in ["switch-off asked, second admin needed", "permission refused", "staff account switched off"] {
        assert!(actions.contains(&action.to_owned()), "{action}: {actions:?}");
    }
    // Nothing is waiting any more.
    assert_eq!(approve(&portal, "switch off", bo, &page).await.status(), 303);
    let approvals: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM admin_approvals WHERE approved_at IS NULL")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(approvals, 0);
}

#[tokio::test]
async fn erasing_an_admins_information_waits_for_a_second_admin_with_the_reason_given() {
    let portal = spawn().await;
    let (_, bo, _) = admins(&portal).await;
    let page = format!("/people/{bo}/data");
    let bo_text = bo.to_string();
    let erase = [("person_id", bo_text.as_str()), ("confirm_name", "Someone"), ("reason", "Left in 2024, DR-9")];
    let still_there = || async { portal.store.find_account(bo).await.unwrap().unwrap().display_name == "Someone" };

    portal.sign_in(ADA, PASSWORD).await;
    assert_eq!(
        location(&portal.post_form("/api/people/data/erase", &page, &erase).await),
        format!("{page}?asked=1#approval")
    );
    assert!(still_there().await, "not erased by one admin");
    // Asking twice does not ask twice.
    portal.post_form("/api/people/data/erase", &page, &erase).await;
    portal.sign_out().await;

    portal.sign_in(CY, PASSWORD).await;
    let shown = portal.page(&page).await;
    assert!(shown.contains("Erasure waiting for a second admin") && shown.contains("Reason given: Left in 2024, DR-9"));
    assert!(!shown.contains("Type their full name to confirm"), "the form gives way to the approval");
    assert_eq!(location(&approve(&portal, "erase", bo, &page).await), format!("{page}?erased=1"));
    assert!(!still_there().await, "erased once approved");
    let reason: String =
        sqlx::query_scalar("SELECT reason FROM audit_events WHERE action = 'erased personal data' AND subject_id = $1")
            .bind(bo)
            .fetch_one(&portal.db)
            .await
            .unwrap();
    assert_eq!(reason, "Left in 2024, DR-9");

    // A practitioner is still switched off by one admin.
    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    let lee_page = format!("/staff/users/{lee}");
    let off =
        portal.post_form("/api/staff/users/switch", &lee_page, &[("id", &lee.to_string()), ("switch", "off")]).await;
    assert_eq!(location(&off), format!("{lee_page}?switched=off"));
}
