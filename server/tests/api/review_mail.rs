//! Emails about reviews, sent over SMTP to a real local mail server (Debian's aiosmtpd, which
//! `make deps` installs) and read from the mailbox it writes: what they say, what they never
//! say, reminders two weeks ahead, and a person who asked for none gets none.

use std::time::Duration;

use crate::helpers::smtp::{mail_sink, mails, MailSink};
use crate::helpers::{spawn_configured, TestPortal, PASSWORD};
use chrono::{Days, Utc};
use secrecy::SecretString;

async fn portal_sending_to(sink: &MailSink) -> TestPortal {
    let url = format!("smtp://127.0.0.1:{}", sink.port);
    spawn_configured(move |settings| settings.smtp_url = Some(SecretString::from(url)), |routes| routes).await
}

#[tokio::test]
async fn the_person_is_told_when_a_request_is_received_arranged_and_done_with_no_details() {
    let sink = mail_sink().await;
    let portal = portal_sending_to(&sink).await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    portal.ask_for_review("less_able", "My arthritis is worse").await;
    portal.sign_out().await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM reviews").fetch_one(&portal.db).await.unwrap();

    portal.sign_in("lee@council.example", PASSWORD).await;
    let on = Utc::now().date_naive() + Days::new(7);
    portal.arrange_review(id, on, "telephone").await;
    let id_text = id.to_string();
    let done = [("id", id_text.as_str()), ("outcome", "no_change"), ("summary", "Arthritis support in place")];
    portal.post_form("/api/reviews/outcome", &format!("/staff/reviews/{id}"), &done).await;

    let mails = mails(&sink, 3).await;
    let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["We have received your request for a review", "Your review is arranged", "Your review is done"]
    );
    for mail in &mails {
        assert!(mail.to.contains("pat@example.org"), "{mail:?}");
        assert!(mail.body.starts_with("Hello Someone,"), "first name only: {mail:?}");
        assert!(mail.body.contains(&format!("RV-{id:06}")), "{mail:?}");
        assert!(mail.body.contains("/account/emails"), "how to stop them: {mail:?}");
        // Never what changed, or what the review found.
        assert!(!mail.body.contains("arthritis") && !mail.body.contains("Arthritis"), "{mail:?}");
    }
    assert!(
        mails[1].body.contains(&app::kit::i18n::Locale::En.long_date(on)) && mails[1].body.contains("By telephone")
    );
}

#[tokio::test]
async fn a_planned_review_is_reminded_two_weeks_ahead_once_unless_the_person_said_no() {
    let sink = mail_sink().await;
    let portal = portal_sending_to(&sink).await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    let pat: i64 = portal.user_id("pat@example.org").await;
    let now = Utc::now();
    let planned = app::domain::reviews::planned_after_sign_off(now.date_naive());
    let version = portal.store.send_plan(pat, &[], now).await.unwrap();
    let record = app::domain::plan::record::CareAndSupportPlan {
        fields: Default::default(),
        review_date: now.date_naive() + Days::new(365),
    };
    let lee = portal.user_id("lee@council.example").await;
    portal.store.sign_off_plan(version, lee, &record, &planned, now).await.unwrap();

    let reminders = app::backend::jobs::reviews::send_reminders;
    assert_eq!(reminders(&portal.services).await.unwrap(), 0, "six weeks ahead: not yet");
    portal.clock.advance(chrono::Duration::days(29));
    assert_eq!(reminders(&portal.services).await.unwrap(), 1);
    assert_eq!(reminders(&portal.services).await.unwrap(), 0, "once");
    let mail = mails(&sink, 1).await.remove(0);
    assert_eq!(mail.subject, "Your plan is due to be reviewed");
    let window = app::kit::i18n::Locale::En.long_date(planned[0].due_from);
    assert!(mail.body.contains(&window), "{mail:?}");

    // Pat says no more emails: the annual reminder does not go out, but is not owed either.
    portal.store.set_review_emails(pat, false).await.unwrap();
    portal.clock.advance(chrono::Duration::days(330));
    assert_eq!(reminders(&portal.services).await.unwrap(), 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(std::fs::read_dir(sink.mailbox.join("new")).unwrap().count(), 1);
}

#[tokio::test]
async fn the_choice_of_emails_is_made_on_its_own_page() {
    let sink = mail_sink().await;
    let portal = portal_sending_to(&sink).await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    assert!(portal.page("/account/emails").await.contains("checked"));
    let response = portal.post_form("/api/reviews/emails/set", "/account/emails", &[("wanted", "no")]).await;
    assert_eq!(crate::helpers::location(&response), "/account/emails?saved=1");
    let request = [("reason", "other"), ("what_changed", "x"), ("method", "video"), ("urgency", "routine")];
    portal.post_form("/api/reviews/request", "/reviews/request", &request).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(std::fs::read_dir(sink.mailbox.join("new")).map(|d| d.count()).unwrap_or(0) == 0);
}
