//! Email that is never lost: each one is written to the queue in the store before anything is
//! sent. The server that wrote it tries at once (so a working relay delivers during the
//! request, as before); when the relay is down the email waits, and the delivery round that
//! every server runs tries again with growing waits. A server claims an email before sending
//! it, so with any number of servers each email goes once.
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use crate::backend::ports::{Clock, Email, Mailer, QueuedEmail, Store, StoreError};

/// How long a claim lasts: longer than any relay takes to answer, so no other server sends it
/// meanwhile; a server that stopped mid-send frees it when this runs out.
const CLAIM: Duration = Duration::minutes(5);

/// Tries before an email is given up on (and waits for an admin): over about a day.
pub const MOST_ATTEMPTS: u32 = 8;

/// Emails one delivery round takes on.
const ROUND: u32 = 50;

/// The wait after the `attempts`th failed try: 1, 4, 16, 64 minutes…, at most six hours.
pub fn wait_after(attempts: u32) -> Duration {
    let minutes = 4_i64.saturating_pow(attempts.saturating_sub(1)).min(6 * 60);
    Duration::minutes(minutes)
}

/// The queue in front of the relay: `Services::mailer` is this, and `transport` the relay.
pub struct MailQueue {
    store: Arc<dyn Store>,
    transport: Arc<dyn Mailer>,
    clock: Arc<dyn Clock>,
}

impl MailQueue {
    pub fn new(store: Arc<dyn Store>, transport: Arc<dyn Mailer>, clock: Arc<dyn Clock>) -> MailQueue {
        MailQueue { store, transport, clock }
    }

    /// One delivery round: sends every email that is due and no server holds. How many went.
    pub async fn deliver_due(&self) -> Result<usize, StoreError> {
        let now = self.clock.now();
        let due = self.store.claim_due_emails(now, now + CLAIM, ROUND).await?;
        let mut sent = 0;
        for queued in due {
            sent += usize::from(self.deliver(&queued).await?);
        }
        Ok(sent)
    }

    /// Emails given up on, for an admin.
    pub async fn undelivered(&self) -> Result<Vec<QueuedEmail>, StoreError> {
        self.store.undelivered_emails().await
    }

    /// Tries one claimed email: forgotten once sent, else tried again later (or given up on).
    async fn deliver(&self, queued: &QueuedEmail) -> Result<bool, StoreError> {
        match self.transport.send(&queued.email).await {
            Ok(()) => self.store.email_sent(queued.id).await.map(|()| true),
            Err(error) => {
                let attempts = queued.attempts + 1;
                let now = self.clock.now();
                let retry_at = (attempts < MOST_ATTEMPTS).then(|| now + wait_after(attempts));
                tracing::warn!(email = queued.id, attempts, "the mail relay did not take an email: {error}");
                if retry_at.is_none() {
                    tracing::error!(email = queued.id, "an email could not be sent after {attempts} tries");
                }
                let reason = "The mail relay could not be reached or refused the message.";
                self.store.email_failed(queued.id, reason, retry_at, now).await.map(|()| false)
            }
        }
    }
}

#[async_trait]
impl Mailer for MailQueue {
    /// Kept first, then tried at once; a relay that is down does not fail the request, since
    /// the email will go when it is back.
    async fn send(&self, email: &Email) -> Result<(), StoreError> {
        let now: DateTime<Utc> = self.clock.now();
        let id = self.store.queue_email(email, now, now + CLAIM).await?;
        let queued = QueuedEmail { id, email: email.clone(), queued_at: now, attempts: 0, last_error: None };
        if let Err(error) = self.deliver(&queued).await {
            // Kept all the same: the next round after the claim runs out sends it.
            tracing::error!(email = id, "recording a try at sending an email: {error}");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_stop_growing_at_six_hours() {
        let waits: Vec<i64> = (1..=MOST_ATTEMPTS).map(|n| wait_after(n).num_minutes()).collect();
        assert_eq!(waits, [1, 4, 16, 64, 256, 360, 360, 360]);
    }
}
