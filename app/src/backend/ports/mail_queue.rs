//! The store's side of the mail queue: every email is kept until it has been sent.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Email, StoreResult};

/// An email waiting to be sent (or given up on), as the queue keeps it.
#[derive(Clone, Debug)]
pub struct QueuedEmail {
    pub id: i64,
    pub email: Email,
    pub queued_at: DateTime<Utc>,
    /// Tries made so far.
    pub attempts: u32,
    /// What went wrong last time, in words fit for an admin (never the relay's own text).
    pub last_error: Option<String>,
}

#[async_trait]
pub trait MailQueueStore: Send + Sync {
    /// Keeps an email, claimed until `claimed_until` by the server that will try it at once.
    async fn queue_email(&self, email: &Email, at: DateTime<Utc>, claimed_until: DateTime<Utc>) -> StoreResult<i64>;
    /// Claims up to `limit` emails due by `now` that no server holds, until `claimed_until`;
    /// a claimed email is not given to any other server until then.
    async fn claim_due_emails(
        &self,
        now: DateTime<Utc>,
        claimed_until: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<QueuedEmail>>;
    /// Forgets a sent email.
    async fn email_sent(&self, id: i64) -> StoreResult<()>;
    /// Records a failed try: tried again from `retry_at`, or given up on (`None`) at `at`.
    async fn email_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Emails given up on, oldest first.
    async fn undelivered_emails(&self) -> StoreResult<Vec<QueuedEmail>>;
    /// Puts an email given up on back in the queue, due at `at` with its tries counted afresh.
    /// `NotFound` unless it was given up on.
    async fn send_again(&self, id: i64, at: DateTime<Utc>) -> StoreResult<()>;
}
