//! Creating an account: a message per field, an emailed link that proves the address and makes
//! the account (once, within a day), the same answer for an address that has an account (its
//! owner is told instead), and a limit on the emails one address is sent.

use crate::helpers::{location, spawn, PASSWORD};

#[tokio::test]
async fn registration_with_bad_input_gets_a_message_per_field_and_keeps_the_rest() {
    let portal = spawn().await;
    let response = portal
        .post_form(
            "/api/account/register",
            "/register",
            &[("role", "admin"), ("name", ""), ("email", "not-an-email"), ("password", "short")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let page = portal.page("/register").await;
    for message in [
        "Select whether you are a carer or the person being cared for",
        "Enter your full name",
        "Enter an email address in the correct format",
        "Password must be 10 characters or more",
    ] {
        assert!(page.contains(message), "missing: {message}");
    }
    assert!(page.contains("value=\"not-an-email\""), "typed email was lost");
    assert!(!page.contains("value=\"short\""), "a password must never be sent back");
}

#[tokio::test]
async fn registering_with_an_address_that_has_an_account_answers_the_same_and_tells_its_owner() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    portal.sign_out().await;
    let fields = |email| {
        [("role", "customer"), ("name", "Someone Else"), ("email", email), ("password", "another long password")]
    };
    let taken = portal.post_form("/api/account/register", "/register", &fields("Sam@example.org")).await;
    let free = portal.post_form("/api/account/register", "/register", &fields("new@example.org")).await;
    // The same answer, and the same page: nothing says which address has an account.
    assert_eq!(location(&taken), "/register/check-email");
    assert_eq!(location(&free), "/register/check-email");
    let page = portal.page("/register/check-email").await;
    assert!(page.contains("We have sent an email to the address you gave"), "{page}");
    assert!(!page.contains("There is already an account"), "{page}");

    // The owner is told, and given the way in; nothing was kept to make a second account.
    let told = portal.emails_to("sam@example.org");
    let note = told.last().expect("an email to the owner");
    assert!(note.contains("there is already an account with it: yours"), "{note}");
    assert!(note.contains("/sign-in") && note.contains("/password-reset") && !note.contains("/register/confirm/"));
    let waiting: Vec<String> =
        sqlx::query_scalar("SELECT email FROM pending_registrations").fetch_all(&portal.db).await.unwrap();
    assert_eq!(waiting, ["new@example.org"]);
    assert_eq!(location(&portal.sign_in("sam@example.org", "another long password").await), "/sign-in");
    assert!(portal.audit_actions().await.contains(&"registration tried with an account's address".to_owned()));
}

#[tokio::test]
async fn an_account_is_made_only_from_the_emailed_link_once_and_before_it_expires() {
    let portal = spawn().await;
    let fields = [("role", "carer"), ("name", "Sam Carer"), ("email", "sam@example.org"), ("password", PASSWORD)];
    portal.post_form("/api/account/register", "/register", &fields).await;
    // Nothing signs in until the link is used.
    assert_eq!(location(&portal.sign_in("sam@example.org", PASSWORD).await), "/sign-in");
    assert_eq!(portal.audit_actions().await, ["sign-in failed"]);

    // Opening the link (as a mail scanner would) makes nothing; its button does.
    let link = portal.emailed_link("sam@example.org", "/register/confirm/");
    assert!(portal.page(&link).await.contains("Create my account"));
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&portal.db).await.unwrap();
    assert_eq!(users, 0);
    let made = portal.confirm_registration(&portal.client, "sam@example.org").await;
    assert_eq!(location(&made), "/home");
    assert!(portal.page("/home").await.contains("Hello, Sam Carer"));
    portal.sign_out().await;

    // Used once: the second time it says so, with the way to start again.
    let again = portal.confirm_registration(&portal.client, "sam@example.org").await;
    assert_eq!(location(&again), link);
    let page = portal.page(&link).await;
    assert!(page.contains("This link has expired or has already been used"), "{page}");
    assert!(page.contains("href=\"/register\""), "{page}");

    // A link past its day makes nothing.
    let fields = [("role", "carer"), ("name", "Lee Late"), ("email", "lee@example.org"), ("password", PASSWORD)];
    portal.post_form("/api/account/register", "/register", &fields).await;
    sqlx::query(&format!("UPDATE pending_registrations SET expires_at = {}", portal.ago("1 minute")))
        .execute(&portal.db)
        .await
        .unwrap();
    let late = portal.confirm_registration(&portal.client, "lee@example.org").await;
    assert_ne!(location(&late), "/home");
    assert_eq!(portal.store.delete_expired_registrations(chrono::Utc::now()).await.unwrap(), 1);
    let lee: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'lee@example.org'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(lee, 0);
}

#[tokio::test]
async fn of_two_registrations_for_one_address_the_first_link_used_wins_and_the_other_is_spent() {
    let portal = spawn().await;
    for name in ["First Try", "Second Try"] {
        let fields = [("role", "carer"), ("name", name), ("email", "sam@example.org"), ("password", PASSWORD)];
        portal.post_form("/api/account/register", "/register", &fields).await;
    }
    let mails = portal.emails_to("sam@example.org");
    let links: Vec<String> =
        mails.iter().filter_map(|m| crate::helpers::mail::link_in(m, "/register/confirm/")).collect();
    assert_eq!(links.len(), 2);
    let press = |link: &String| {
        let code = link.trim_start_matches("/register/confirm/").to_owned();
        let link = link.clone();
        let portal = &portal;
        async move { location(&portal.post_form("/api/account/confirm-registration", &link, &[("code", &code)]).await) }
    };
    assert_eq!(press(&links[1]).await, "/home");
    portal.sign_out().await;
    assert_eq!(press(&links[0]).await, links[0], "the other registration was forgotten");
    let names: Vec<String> = sqlx::query_scalar("SELECT display_name FROM users").fetch_all(&portal.db).await.unwrap();
    assert_eq!(names, ["Second Try"]);
}

#[tokio::test]
async fn one_address_is_sent_a_few_registration_emails_an_hour_whoever_asks() {
    let portal = spawn().await;
    for n in 0..5 {
        let fields = [("role", "carer"), ("name", "Flood"), ("email", "target@example.org"), ("password", PASSWORD)];
        let answer =
            portal.script_post(&portal.another_browser(), "/api/account/register").form(&fields).send().await.unwrap();
        assert_eq!(answer.status().as_u16(), if n < 3 { 200 } else { 429 }, "attempt {n}");
    }
    assert_eq!(portal.emails_to("target@example.org").len(), 3);
}
