//! The ports the server functions and the server's middleware call. The `server` crate
//! implements them (SQLite now; PostgreSQL can follow behind the same traits).
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::contact::ContactMessage;
use crate::domain::council::Council;
use crate::forms::FormFlash;
use crate::i18n::Locale;

pub type StoreResult<T> = Result<T, StoreError>;

/// What can go wrong in the store, without the driver's words (those go to the log only).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("record not found")]
    NotFound,
    #[error("the record conflicts with one that exists")]
    Conflict,
    #[error("the store is unavailable")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// A reference a person can quote, e.g. `CM-000042`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactReference(pub i64);

impl std::fmt::Display for ContactReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CM-{:06}", self.0)
    }
}

#[async_trait]
pub trait ContactStore: Send + Sync {
    async fn add_contact_message(
        &self,
        message: &ContactMessage,
        locale: Locale,
        received_at: DateTime<Utc>,
    ) -> StoreResult<ContactReference>;
}

/// A server-side session, found by the keyed digest of the token in the person's cookie.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub digest: String,
    pub user_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub flash: Option<FormFlash>,
}

#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, digest: &str, user_id: Option<i64>, at: DateTime<Utc>) -> StoreResult<()>;
    async fn find_session(&self, digest: &str) -> StoreResult<Option<SessionRecord>>;
    async fn touch_session(&self, digest: &str, at: DateTime<Utc>) -> StoreResult<()>;
    async fn set_flash(&self, digest: &str, flash: Option<&FormFlash>) -> StoreResult<()>;
    async fn delete_session(&self, digest: &str) -> StoreResult<()>;
    /// Removes sessions idle since `idle_before` or created before `created_before`.
    async fn delete_expired_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> StoreResult<u64>;
}

/// Everything the portal keeps, behind one handle.
pub trait Store: ContactStore + SessionStore {}
impl<T: ContactStore + SessionStore> Store for T {}

/// The time, injected so tests can move it (sessions expire, reviews fall due).
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// What server functions are given to do their work, provided as Leptos context per request.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub council: Council,
}
