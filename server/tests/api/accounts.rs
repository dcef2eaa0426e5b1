//! Accounts against a real SQLite file: registration, signing in and out, session rotation and
//! expiry, bursts, password resets, and the audit log.

use crate::helpers::{leave_idle, location, session_cookie, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;

#[tokio::test]
async fn a_carer_registers_signs_out_and_signs_in_again() {
    let portal = spawn().await;
    let response = portal.register("Sam@Example.org", "carer").await;
    assert_eq!(location(&response), "/home");
    assert!(portal.page("/home").await.contains("Hello, Test Person"));

    let response = portal.sign_out().await;
    assert_eq!(response.status(), 303);
    let home = portal.client.get(portal.at("/home")).send().await.unwrap();
    assert_eq!(location(&home), "/sign-in?next=/home");

    let response = portal.sign_in("sam@example.org", "a long enough password").await;
    assert_eq!(location(&response), "/home");
    assert!(portal.page("/home").await.contains("sam@example.org"));
    assert_eq!(portal.audit_actions().await, ["account created", "signed out", "signed in"]);
}

#[tokio::test]
async fn signing_in_never_leads_to_another_site_whatever_the_next_page_holds() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    // Browsers drop tabs and line breaks inside an address, so each of these would otherwise
    // become `//evil.example`: another site, after a genuine sign-in.
    for next in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", " //evil.example", "//evil.example"] {
        let fields = [("email", "sam@example.org"), ("password", PASSWORD), ("next", next)];
        let response = portal.post_form("/api/account/sign-in", "/sign-in", &fields).await;
        assert_eq!(location(&response), "/home", "next = {next:?}");
        portal.sign_out().await;
    }
    let fields = [("email", "sam@example.org"), ("password", PASSWORD), ("next", "/plan")];
    assert_eq!(location(&portal.post_form("/api/account/sign-in", "/sign-in", &fields).await), "/plan");
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    portal.sign_in("sam@example.org", "the wrong password").await;
    let page = portal.page("/sign-in").await;
    assert!(page.contains("They did not match"));
    assert!(page.contains("value=\"sam@example.org\""));
    assert!(portal.audit_actions().await.contains(&"sign-in failed".to_owned()));

    // The audit log says which account was tried, never what was typed.
    portal.sign_in("nobody@example.org", "a password typed by mistake").await;
    let failed: Vec<(Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT subject_id, reason FROM audit_events WHERE action = 'sign-in failed' ORDER BY id")
            .fetch_all(&portal.db)
            .await
            .unwrap();
    assert_eq!(failed, vec![(Some(portal.user_id("sam@example.org").await), None), (None, None)]);
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in_and_sign_out() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    // A refused form gives the visitor an anonymous session first.
    portal.sign_in("sam@example.org", "").await;
    let before: Vec<String> = sqlx::query_scalar("SELECT digest FROM sessions").fetch_all(&portal.db).await.unwrap();
    assert_eq!(before.len(), 1);
    let response = portal.sign_in("sam@example.org", "a long enough password").await;
    let cookie = session_cookie(&response).expect("a new session cookie at sign-in");
    let after: Vec<String> = sqlx::query_scalar("SELECT digest FROM sessions").fetch_all(&portal.db).await.unwrap();
    assert_eq!(after.len(), 1);
    assert_ne!(before, after, "the old session must not survive sign-in");
    let response = portal.sign_out().await;
    assert_ne!(session_cookie(&response), Some(cookie));
}

#[tokio::test]
async fn an_idle_session_ends_after_thirty_minutes_and_a_long_one_after_twelve_hours() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    leave_idle(&portal).await;
    let home = portal.client.get(portal.at("/home")).send().await.unwrap();
    assert_eq!(home.status(), 302, "an idle session must end");

    portal.sign_in("sam@example.org", "a long enough password").await;
    assert_eq!(portal.client.get(portal.at("/home")).send().await.unwrap().status(), 200);
    sqlx::query(&format!("UPDATE sessions SET created_at = {}", portal.ago("721 minutes")))
        .execute(&portal.db)
        .await
        .unwrap();
    let home = portal.client.get(portal.at("/home")).send().await.unwrap();
    assert_eq!(home.status(), 302, "a session older than twelve hours must end");
}

#[tokio::test]
async fn what_was_typed_after_the_session_ended_is_kept_through_signing_in_again() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    leave_idle(&portal).await;
    // A form that needs a signed-in person, posted after expiry: the person is asked to sign
    // in, and what they sent stays with their new session, waiting for the page it came from.
    let response = portal.post_form("/api/account/stay-signed-in", "/home", &[("note", "my words")]).await;
    assert_eq!(location(&response), "/sign-in?next=%2Fhome");
    assert!(portal.page("/sign-in?next=/home").await.contains("what you typed has been kept"));
    portal.sign_in("sam@example.org", "a long enough password").await;
    let flash: Option<String> =
        sqlx::query_scalar("SELECT flash FROM sessions WHERE user_id IS NOT NULL").fetch_one(&portal.db).await.unwrap();
    let flash = flash.expect("the refused form survives signing in");
    assert!(flash.contains("my words") && flash.contains("\"page\":\"/home\""), "{flash}");
}

#[tokio::test]
async fn what_one_person_typed_is_never_shown_to_the_next_on_a_shared_computer() {
    let portal = spawn().await;
    portal.register("pat@example.org", "customer").await;
    portal.sign_out().await;
    portal.register("sam@example.org", "carer").await;
    leave_idle(&portal).await;
    // Sam's session ends with words typed; Pat sits down next and signs in.
    portal.post_form("/api/account/stay-signed-in", "/home", &[("note", "Sam's private words")]).await;
    portal.sign_in("pat@example.org", "a long enough password").await;
    let flashes: Vec<Option<String>> =
        sqlx::query_scalar("SELECT flash FROM sessions").fetch_all(&portal.db).await.unwrap();
    assert!(flashes.iter().flatten().all(|f| !f.contains("Sam's private words")), "{flashes:?}");
    assert!(!portal.page("/home").await.contains("Sam's private words"));

    // A form refused while signed in is dropped when its writer signs out.
    let refused = portal.post_form("/api/contact", "/contact", &[("name", "Pat"), ("message", "")]).await;
    assert_eq!(location(&refused), "/contact");
    portal.sign_out().await;
    let flashes: Vec<Option<String>> =
        sqlx::query_scalar("SELECT flash FROM sessions").fetch_all(&portal.db).await.unwrap();
    assert!(flashes.iter().all(Option::is_none), "{flashes:?}");
    assert!(!portal.page("/contact").await.contains(r#"value="Pat""#));
}

/// What the sign-in page says after a form posted without JavaScript was refused.
async fn sign_in_page_after(portal: &TestPortal, response: reqwest::Response) -> String {
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sign-in");
    portal.page("/sign-in").await
}

const TOO_MANY: &str = "There have been too many attempts";

#[tokio::test]
async fn a_burst_of_sign_in_attempts_is_refused_inside_the_portal_page() {
    let portal = spawn().await;
    for _ in 0..5 {
        let page = sign_in_page_after(&portal, portal.sign_in("victim@example.org", "guess guess guess").await).await;
        assert!(!page.contains(TOO_MANY));
    }
    // The sixth is refused on the sign-in page itself: the portal's layout, the language
    // switch, the email as typed, and the reason in the error summary.
    let page = sign_in_page_after(&portal, portal.sign_in("victim@example.org", "guess").await).await;
    assert!(page.contains(TOO_MANY), "{page}");
    assert!(page.contains("govuk-error-summary") && page.contains("govuk-language-navigation"), "{page}");
    assert!(page.contains(r#"value="victim@example.org""#), "{page}");
    // The script gets the status that says so.
    let json = portal
        .post_json("/api/account/sign-in", &[("email", "victim@example.org"), ("password", "guess"), ("next", "")])
        .await;
    assert_eq!(json.status(), 429);
}

#[tokio::test]
async fn an_office_behind_one_address_is_not_locked_out_by_its_colleagues_mistakes() {
    let portal = spawn().await;
    portal.add_account("late@example.org", Role::Carer, PASSWORD).await;
    // Twenty people in one carers' centre each get their password wrong four times: eighty
    // failures from one address, none of them enough to lock an account.
    for person in 0..20 {
        for _ in 0..4 {
            let page =
                sign_in_page_after(&portal, portal.sign_in(&format!("p{person}@example.org"), "wrong guess").await)
                    .await;
            assert!(!page.contains(TOO_MANY), "person {person} was locked out by someone else's mistakes");
        }
    }
    let response = portal.sign_in("late@example.org", PASSWORD).await;
    assert_eq!(location(&response), "/home");
}

#[tokio::test]
async fn only_failed_sign_ins_count_so_a_household_sharing_an_address_is_not_locked_out() {
    let portal = spawn().await;
    for n in 0..4 {
        portal.add_account(&format!("person{n}@example.org"), Role::Carer, PASSWORD).await;
    }
    // Thirty successful sign-ins from one address: well past the 20 an address may fail.
    for round in 0..30 {
        let email = format!("person{}@example.org", round % 4);
        let response = portal.sign_in(&email, PASSWORD).await;
        assert_eq!(location(&response), "/home", "sign-in {round} went through");
        portal.sign_out().await;
    }
    // Failures still count.
    for attempt in 0..6 {
        let page = sign_in_page_after(&portal, portal.sign_in("person0@example.org", "not the password").await).await;
        assert_eq!(page.contains(TOO_MANY), attempt == 5, "attempt {attempt}");
    }
}

#[tokio::test]
async fn a_reset_link_works_once_and_only_after_a_post() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    let response =
        portal.post_form("/api/account/forgotten-password", "/password-reset", &[("email", "sam@example.org")]).await;
    assert_eq!(location(&response), "/password-reset/sent");
    let link = portal.emailed_link("sam@example.org", "/password-reset/");
    let code = link.trim_start_matches("/password-reset/").to_owned();

    // Opening the link (as a mail scanner would) does not use it up.
    assert!(portal.page(&link).await.contains("Set a new password"));
    assert!(portal.page(&link).await.contains("Set a new password"));

    let response = portal
        .post_form("/api/account/reset-password", &link, &[("code", &code), ("password", "a brand new password")])
        .await;
    assert_eq!(location(&response), "/sign-in?reset=1");
    assert_eq!(location(&portal.sign_in("sam@example.org", "a brand new password").await), "/home");

    portal.sign_out().await;
    portal
        .post_form("/api/account/reset-password", &link, &[("code", &code), ("password", "another new password")])
        .await;
    assert!(portal.page(&link).await.contains("has expired or has already been used"));
}

#[tokio::test]
async fn using_one_reset_link_uses_up_every_other_link_sent_before() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    for _ in 0..2 {
        portal.post_form("/api/account/forgotten-password", "/password-reset", &[("email", "sam@example.org")]).await;
    }
    let links: Vec<String> = std::fs::read_dir(portal.data.path().join("outbox"))
        .unwrap()
        .map(|mail| std::fs::read_to_string(mail.unwrap().path()).unwrap())
        .filter_map(|mail| Some(mail[mail.find("/password-reset/")?..].split_whitespace().next()?.to_owned()))
        .collect();
    assert_eq!(links.len(), 2, "two emails, two links");
    let portal = &portal;
    let use_link = |link: &str, password: &'static str| {
        let code = link.trim_start_matches("/password-reset/").to_owned();
        let link = link.to_owned();
        async move {
            let fields = [("code", code.as_str()), ("password", password)];
            location(&portal.post_form("/api/account/reset-password", &link, &fields).await)
        }
    };
    assert_eq!(use_link(&links[1], "the newest new password").await, "/sign-in?reset=1");
    assert_ne!(use_link(&links[0], "an older new password").await, "/sign-in?reset=1");
    assert_eq!(location(&portal.sign_in("sam@example.org", "the newest new password").await), "/home");
}

#[tokio::test]
async fn a_reset_link_expires() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    portal.post_form("/api/account/forgotten-password", "/password-reset", &[("email", "sam@example.org")]).await;
    let link = portal.emailed_link("sam@example.org", "/password-reset/");
    let code = link.trim_start_matches("/password-reset/").to_owned();
    sqlx::query(&format!("UPDATE password_resets SET expires_at = {}", portal.ago("1 minute")))
        .execute(&portal.db)
        .await
        .unwrap();
    portal
        .post_form("/api/account/reset-password", &link, &[("code", &code), ("password", "a brand new password")])
        .await;
    assert!(portal.page(&link).await.contains("has expired or has already been used"));
}

#[tokio::test]
async fn asking_for_a_reset_says_the_same_whether_or_not_there_is_an_account() {
    let portal = spawn().await;
    let response = portal
        .post_form("/api/account/forgotten-password", "/password-reset", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(location(&response), "/password-reset/sent");
    assert_eq!(std::fs::read_dir(portal.data.path().join("outbox")).unwrap().count(), 0);
}

#[tokio::test]
async fn the_audit_log_cannot_be_changed() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    let update = sqlx::query("UPDATE audit_events SET action = 'nothing'").execute(&portal.db).await;
    assert!(update.is_err());
    let delete = sqlx::query("DELETE FROM audit_events").execute(&portal.db).await;
    assert!(delete.is_err());
}

#[tokio::test]
async fn a_rate_limit_that_cannot_be_counted_refuses() {
    let portal = spawn().await;
    portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    let window = std::time::Duration::from_secs(900);
    assert!(portal.services.limits.allow("probe", 10, window).await);
    // The attempts can no longer be counted (as when the database fails).
    sqlx::query("DROP TABLE rate_limit_attempts").execute(&portal.db).await.unwrap();
    assert!(!portal.services.limits.allow("probe", 10, window).await, "the limit let an uncounted attempt through");
    let json = portal
        .post_json("/api/account/sign-in", &[("email", "sam@example.org"), ("password", PASSWORD), ("next", "")])
        .await;
    assert_eq!(json.status(), 429);
}

#[tokio::test]
async fn a_name_with_a_line_break_is_refused_next_to_the_field() {
    let portal = spawn().await;
    let fields = [
        ("role", "carer"),
        ("name", "Sam\r\nBcc: everyone@evil.example"),
        ("email", "sam@example.org"),
        ("password", PASSWORD),
    ];
    let refused = portal.post_form("/api/account/register", "/register", &fields).await;
    assert_eq!(location(&refused), "/register");
    let page = portal.page("/register").await;
    assert!(page.contains("Write the name on one line"), "{page}");
    assert!(page.contains(r#"value="sam@example.org""#), "{page}");
}
