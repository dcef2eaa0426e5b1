//! Emails about reviews, to the person the review is about, in their language. They carry only
//! the first name, dates and the reference (never what changed or why), and say how to stop
//! them. A person who said no gets none.
use chrono::Days;

use crate::backend::cx::Cx;
use crate::backend::ports::{Email, Review, Services, StoreError};
use crate::domain::reviews::reference;
use crate::kit::i18n::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Received,
    Arranged,
    Done,
    /// Two weeks before a planned review is due.
    Reminder,
}

pub async fn notify(services: &Services, review: &Review, notice: Notice) -> Result<(), StoreError> {
    if !services.store.review_emails(review.person_id).await? {
        return Ok(());
    }
    let Some(account) = services.store.find_account(review.person_id).await? else { return Ok(()) };
    let locale = account.locale;
    let first_name = account.display_name.split_whitespace().next().unwrap_or_default();
    let reference = reference(review.id);
    let date = |d: chrono::NaiveDate| locale.long_date(d);
    let (subject, body) = match notice {
        Notice::Received => (
            Text::ReviewMailReceivedSubject,
            locale.fill(
                Text::ReviewMailReceivedBody,
                &[("date", &date(review.created_at.date_naive())), ("reference", &reference)],
            ),
        ),
        Notice::Arranged => {
            let Some(arranged) = review.arrangement else { return Ok(()) };
            let method = arranged.method.name(locale);
            let body = locale.fill(
                Text::ReviewMailArrangedBody,
                &[("reference", &reference), ("date", &date(arranged.on)), ("method", method)],
            );
            (Text::ReviewMailArrangedSubject, body)
        }
        Notice::Done => {
            let done = review.done_at.map(|d| d.date_naive()).unwrap_or_else(|| services.clock.now().date_naive());
            (
                Text::ReviewMailDoneSubject,
                locale.fill(Text::ReviewMailDoneBody, &[("reference", &reference), ("date", &date(done))]),
            )
        }
        Notice::Reminder => {
            let Some((from, by)) = review.due else { return Ok(()) };
            (
                Text::ReviewMailReminderSubject,
                locale.fill(Text::ReviewMailReminderBody, &[("from", &date(from)), ("by", &date(by))]),
            )
        }
    };
    let link = match notice {
        Notice::Reminder => format!("{}/reviews", services.public_url),
        _ => format!("{}/reviews/{}", services.public_url, review.id),
    };
    let body = [
        locale.fill(Text::ReviewMailGreeting, &[("name", first_name)]),
        body,
        locale.fill(Text::ReviewMailSignIn, &[("link", &link)]),
        locale.fill(Text::ReviewMailFooter, &[("link", &format!("{}/account/emails", services.public_url))]),
    ]
    .join("\n\n");
    services.mailer.send(&Email { to: account.email, subject: locale.text(subject).to_owned(), body }).await
}

/// Reminds people of planned reviews due to start within two weeks, once each. Returns how
/// many reminders went out.
pub async fn send_reminders(services: &Services) -> Result<usize, StoreError> {
    let now = services.clock.now();
    let due = services.store.reviews_to_remind(now.date_naive() + Days::new(14)).await?;
    for review in &due {
        notify(services, review, Notice::Reminder).await?;
        services.store.mark_reminded(review.id, now).await?;
    }
    Ok(due.len())
}

/// Sends a notice after a change the person has already been shown: a mail that cannot go out
/// is logged (with the request id) rather than undoing what they did.
pub async fn notify_after<Who>(cx: &Cx<Who>, id: i64, notice: Notice) {
    let sent = match cx.store().review(id).await {
        Ok(Some(review)) => notify(cx.services(), &review, notice).await,
        Ok(None) => Ok(()),
        Err(error) => Err(error),
    };
    if let Err(error) = sent {
        tracing::warn!(request_id = %cx.visitor().request_id, "review {id}: the email did not go out: {error}");
    }
}
