//! Server functions for the emails not sent: admins only, through the policy.
use leptos::prelude::*;

use super::wire::UndeliveredEmail;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "mail/undelivered")]
pub async fn undelivered_emails() -> Result<Vec<UndeliveredEmail>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageMail, "see emails not sent").await?;
    let locale = cx.locale();
    let emails = cx.store().undelivered_emails().await?;
    Ok(emails
        .into_iter()
        .map(|queued| UndeliveredEmail {
            id: queued.id,
            to: queued.email.to,
            subject: queued.email.subject,
            queued_on: locale.long_date(queued.queued_at.date_naive()),
            attempts: queued.attempts,
            reason: queued.last_error.unwrap_or_default(),
        })
        .collect())
}

/// Puts an email given up on back in the queue: the next delivery round (within a minute) sends it.
#[server(prefix = "/api", endpoint = "mail/send-again")]
pub async fn send_again(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageMail, "send an email again").await?;
    cx.store().send_again(id, cx.now()).await?;
    cx.audit("email sent again", None, Some(&format!("email {id}"))).await?;
    leptos_axum::redirect("/staff/mail?again=1");
    Ok(())
}
