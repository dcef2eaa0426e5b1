//! Admins add council staff in the app: the new person sets their own password from an
//! emailed link; nobody else may add staff.

use crate::helpers::{location, spawn, PASSWORD};
use app::domain::account::Role;

/// How many carers' assessments nobody is allocated to, as the signed-in practitioner's queue says.
async fn unallocated(portal: &crate::helpers::TestPortal) -> usize {
    let queue: serde_json::Value = portal.post_json("/api/assessment/queue", &[]).await.json().await.unwrap();
    queue["unallocated"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn an_admin_adds_a_practitioner_who_sets_their_own_password() {
    let portal = spawn().await;
    portal.signed_in_as("admin@council.example", Role::Admin).await;

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
    let link = portal.emailed_link("pat@council.example", "/password-reset/");
    let code = link.trim_start_matches("/password-reset/").to_owned();
    portal
        .post_form("/api/account/reset-password", &link, &[("code", &code), ("password", "my own new password")])
        .await;
    assert_eq!(location(&portal.sign_in("pat@council.example", "my own new password").await), "/home");
}

#[tokio::test]
async fn adding_staff_checks_every_field_and_keeps_what_was_typed() {
    let portal = spawn().await;
    portal.signed_in_as("admin@council.example", Role::Admin).await;
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
    portal.signed_in_as("practitioner@council.example", Role::Practitioner).await;
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

#[tokio::test]
async fn an_admin_switches_off_a_leaver_whose_sessions_end_and_whose_people_need_a_new_worker() {
    let portal = spawn().await;
    portal.add_account("admin@council.example", Role::Admin, PASSWORD).await;
    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    let sam = portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    sqlx::query("UPDATE users SET display_name = 'Lee Practitioner' WHERE id = $1")
        .bind(lee)
        .execute(&portal.db)
        .await
        .unwrap();
    portal.sign_in("sam@example.org", PASSWORD).await;
    assert!(portal.page("/home").await.contains("You do not have a named worker at the council yet"));
    portal.sign_out().await;
    portal.allocate(lee, sam).await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    assert!(portal.page("/home").await.contains("Lee Practitioner works with you"));
    portal.sign_out().await;
    let answers = app::domain::assessment::Answers::from_stored([("working".to_owned(), "Part time".to_owned())]);
    portal.store.submit_assessment(sam, &answers, false, chrono::Utc::now()).await.unwrap();
    let kim = portal.add_account("kim@council.example", Role::Practitioner, PASSWORD).await;
    // Kim works in the team that receives Sam's intake (the one `allocate` made).
    let team = portal.store.teams().await.unwrap()[0].id;
    portal.store.set_team_place(team, kim, Some(false), chrono::Utc::now()).await.unwrap();

    // Lee is signed in on another computer.
    let lees = portal.another_browser();
    let signed_in = lees
        .post(portal.at("/api/account/sign-in"))
        .header("Origin", &portal.url)
        .form(&[("email", "lee@council.example"), ("password", PASSWORD), ("next", "/home")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&signed_in), "/home");
    portal.as_if_codes_were_typed().await;
    assert_eq!(lees.get(portal.at("/home")).send().await.unwrap().status(), 200);

    portal.sign_in("kim@council.example", PASSWORD).await;
    assert_eq!(unallocated(&portal).await, 0, "Sam has a worker: Lee");
    portal.sign_out().await;

    portal.sign_in("admin@council.example", PASSWORD).await;
    let page = portal.page(&format!("/staff/users/{lee}")).await;
    assert!(page.contains("Switch off account") && page.contains("Can sign in"), "{page}");
    let switched = portal
        .post_form(
            "/api/staff/users/switch",
            &format!("/staff/users/{lee}"),
            &[("id", &lee.to_string()), ("switch", "off")],
        )
        .await;
    assert_eq!(location(&switched), format!("/staff/users/{lee}?switched=off"));
    assert!(portal.page(&location(&switched)).await.contains("Their sessions have ended"));
    let list = portal.page("/staff/users").await;
    assert!(list.contains("Switched off on") && list.contains("1 need a new worker"), "{list}");
    assert!(portal.audit_actions().await.contains(&"staff account switched off".to_owned()));
    // Sam, whose worker Lee was, is back among the carers nobody is allocated to.
    portal.sign_out().await;
    portal.sign_in("kim@council.example", PASSWORD).await;
    assert_eq!(unallocated(&portal).await, 1);
    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    assert!(portal.page("/home").await.contains("You do not have a named worker at the council yet"));

    // Lee's open session has ended, and the right password no longer signs Lee in.
    let home = lees.get(portal.at("/home")).send().await.unwrap();
    assert_eq!(location(&home), "/sign-in?next=/home");
    portal.sign_out().await;
    assert_eq!(location(&portal.sign_in("lee@council.example", PASSWORD).await), "/sign-in");

    // Switched back on (they came back), Lee signs in again.
    portal.sign_in("admin@council.example", PASSWORD).await;
    portal
        .post_form(
            "/api/staff/users/switch",
            &format!("/staff/users/{lee}"),
            &[("id", &lee.to_string()), ("switch", "on")],
        )
        .await;
    portal.sign_out().await;
    assert_eq!(location(&portal.sign_in("lee@council.example", PASSWORD).await), "/home");
}

#[tokio::test]
async fn an_admin_cannot_switch_off_their_own_account_nor_a_carers() {
    let portal = spawn().await;
    let admin = portal.add_account("admin@council.example", Role::Admin, PASSWORD).await;
    let sam = portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    portal.sign_in("admin@council.example", PASSWORD).await;
    let own = format!("/staff/users/{admin}");
    let admin_id = admin.to_string();
    let page = portal.refused_form("/api/staff/users/switch", &own, &[("id", &admin_id), ("switch", "off")]).await;
    assert!(page.contains("You cannot switch off your own account"));
    let carer = portal.post_json("/api/staff/users/switch", &[("id", &sam.to_string()), ("switch", "off")]).await;
    assert_eq!(carer.status(), 404, "only staff accounts are switched off here");
    portal.sign_out().await;
    assert_eq!(location(&portal.sign_in("admin@council.example", PASSWORD).await), "/home");
}

#[tokio::test]
async fn a_practitioner_reads_the_audit_log_of_their_own_people_only() {
    let portal = spawn().await;
    let alex = portal.add_account("alex@example.org", Role::Practitioner, PASSWORD).await;
    portal.add_account("admin@example.org", Role::Admin, PASSWORD).await;
    let mine = portal.add_account("mine@example.org", Role::Carer, PASSWORD).await;
    let other = portal.add_account("other@example.org", Role::Carer, PASSWORD).await;
    portal.allocate(alex, mine).await;
    for (email, password) in
        [("mine@example.org", PASSWORD), ("other@example.org", PASSWORD), ("nobody@example.org", "x")]
    {
        let browser = portal.another_browser();
        let fields = [("email", email), ("password", password), ("next", "")];
        browser
            .post(portal.at("/api/account/sign-in"))
            .header("Origin", &portal.url)
            .form(&fields)
            .send()
            .await
            .unwrap();
    }
    let portal = &portal;
    let read = |email: &'static str| async move {
        portal.sign_in(email, PASSWORD).await;
        let response = portal.post_json("/api/staff/audit-log", &[]).await;
        assert_eq!(response.status(), 200);
        let lines: Vec<serde_json::Value> = response.json().await.unwrap();
        portal.sign_out().await;
        lines
    };
    let about =
        |lines: &[serde_json::Value], id: i64| lines.iter().any(|l| l["subject_id"] == id || l["actor_id"] == id);
    let practitioners = read("alex@example.org").await;
    assert!(about(&practitioners, mine), "{practitioners:?}");
    assert!(!about(&practitioners, other), "another person's events: {practitioners:?}");
    assert!(practitioners.iter().all(|l| l["action"] != "sign-in failed"), "{practitioners:?}");
    let admins = read("admin@example.org").await;
    assert!(about(&admins, mine) && about(&admins, other), "{admins:?}");
    assert!(admins.iter().any(|l| l["action"] == "sign-in failed"), "{admins:?}");
}
