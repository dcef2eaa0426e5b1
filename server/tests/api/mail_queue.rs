//! Email is never lost: with the mail relay down, what a person asked for still succeeds, the
//! email waits in the queue, and it goes once the relay is back (a real SMTP server, started
//! late on the port the portal was given); several servers delivering at once send each email
//! once; an email that cannot go after every try waits for an admin.

use app::backend::jobs::mail::MOST_ATTEMPTS;
use app::backend::ports::Email;
use app::domain::account::Role;
use chrono::{Duration, Utc};
use secrecy::SecretString;

use crate::helpers::smtp::{free_port, mail_sink_on, mails};
use crate::helpers::{location, spawn_configured, TestPortal, PASSWORD};

async fn portal_with_relay_on(port: u16) -> TestPortal {
    let url = format!("smtp://127.0.0.1:{port}");
    spawn_configured(move |settings| settings.smtp_url = Some(SecretString::from(url)), |routes| routes).await
}

/// Sam asks for a password reset while the relay is down, and it stays down through every try.
async fn reset_email_given_up_on(portal: &TestPortal) {
    portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    let fields = [("email", "sam@example.org")];
    portal.post_form("/api/account/forgotten-password", "/password-reset", &fields).await;
    for _ in 1..MOST_ATTEMPTS {
        portal.clock.advance(Duration::hours(7));
        portal.mail.deliver_due().await.unwrap();
    }
}

async fn waiting(portal: &TestPortal) -> Vec<(i64, i32)> {
    sqlx::query_as("SELECT id, attempts FROM mail_queue ORDER BY id").fetch_all(&portal.db).await.unwrap()
}

#[tokio::test]
async fn an_email_waits_while_the_relay_is_down_and_goes_once_it_is_back() {
    let port = free_port();
    let portal = portal_with_relay_on(port).await;
    portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;

    // Nothing listens on the relay's port: asking for a reset still works, and the email waits.
    let fields = [("email", "sam@example.org")];
    let asked = portal.post_form("/api/account/forgotten-password", "/password-reset", &fields).await;
    assert_eq!(location(&asked), "/password-reset/sent");
    let queued = waiting(&portal).await;
    assert_eq!(queued.iter().map(|(_, tries)| *tries).collect::<Vec<_>>(), [1], "tried once, at once");

    // The relay comes back. Before the wait after the first try is over, nothing goes…
    let sink = mail_sink_on(port).await;
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 0);
    // …and after it, the email goes, once, and leaves the queue.
    portal.clock.advance(Duration::minutes(2));
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 1);
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 0);
    let received = mails(&sink, 1).await;
    assert_eq!(received.len(), 1);
    assert!(received[0].to.contains("sam@example.org") && received[0].body.contains("/password-reset/"));
    assert!(waiting(&portal).await.is_empty());

    // With the relay up, an email goes during the request and never waits.
    portal.post_form("/api/account/forgotten-password", "/password-reset", &fields).await;
    assert_eq!(mails(&sink, 2).await.len(), 2);
    assert!(waiting(&portal).await.is_empty());
}

#[tokio::test]
async fn servers_delivering_at_the_same_time_send_each_email_once() {
    let port = free_port();
    let portal = portal_with_relay_on(port).await;
    let now = Utc::now();
    for n in 0..30 {
        let email = Email { to: format!("person{n}@example.org"), subject: format!("Email {n}"), body: "Hello".into() };
        // As if the server that wrote it stopped before trying: its claim has run out.
        portal.store.queue_email(&email, now, now).await.unwrap();
    }
    let sink = mail_sink_on(port).await;
    // Three delivery rounds at once, as three servers would run them.
    let (a, b, c) = tokio::join!(portal.mail.deliver_due(), portal.mail.deliver_due(), portal.mail.deliver_due());
    assert_eq!(a.unwrap() + b.unwrap() + c.unwrap(), 30);
    let received = mails(&sink, 30).await;
    let mut subjects: Vec<String> = received.iter().map(|m| m.subject.clone()).collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(subjects.len(), 30, "each email once");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(mails(&sink, 30).await.len(), 30, "and no more");
}

#[tokio::test]
async fn an_email_that_cannot_go_after_every_try_waits_for_an_admin() {
    let portal = portal_with_relay_on(free_port()).await;
    reset_email_given_up_on(&portal).await;
    let given_up = portal.mail.undelivered().await.unwrap();
    assert_eq!(given_up.len(), 1);
    assert_eq!(given_up[0].attempts, MOST_ATTEMPTS);
    assert_eq!(given_up[0].email.to, "sam@example.org");
    assert!(given_up[0].last_error.as_deref().is_some_and(|e| !e.contains("127.0.0.1")), "no relay's own text");
    // No more tries after that.
    portal.clock.advance(Duration::days(2));
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 0);
    assert_eq!(waiting(&portal).await[0].1, MOST_ATTEMPTS as i32);
}

#[tokio::test]
async fn an_admin_sees_the_emails_given_up_on_and_sends_one_again_and_nobody_else_may() {
    let port = free_port();
    let portal = portal_with_relay_on(port).await;
    reset_email_given_up_on(&portal).await;
    let id = waiting(&portal).await[0].0.to_string();

    // Nobody but an admin sees the list or sends again: the same 404 as a wrong address.
    portal.signed_in_as("pat@council.example", Role::Practitioner).await;
    assert_eq!(portal.post_json("/api/mail/undelivered", &[]).await.status(), 404);
    assert_eq!(portal.post_json("/api/mail/send-again", &[("id", &id)]).await.status(), 404);
    portal.sign_out().await;

    portal.signed_in_as("admin@council.example", Role::Admin).await;
    let page = portal.page("/staff/mail").await;
    assert!(page.contains("sam@example.org") && page.contains("Reset your carer portal password"), "{page}");
    assert!(!page.contains("/password-reset/"), "never what the email said");
    let again = portal.post_form("/api/mail/send-again", "/staff/mail", &[("id", &id)]).await;
    assert_eq!(location(&again), "/staff/mail?again=1");
    assert!(portal.page("/staff/mail?again=1").await.contains("Every email has been sent"));
    assert!(portal.audit_actions().await.contains(&"email sent again".to_owned()));
    // An email not given up on cannot be "sent again".
    assert_eq!(portal.post_json("/api/mail/send-again", &[("id", &id)]).await.status(), 404);

    // The relay is back: the next round sends it.
    let sink = mail_sink_on(port).await;
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 1);
    assert_eq!(mails(&sink, 1).await.len(), 1);
}
