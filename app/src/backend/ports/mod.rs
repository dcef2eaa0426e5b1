//! The ports the server functions and the server's middleware call. The `server` crate
//! implements them (SQLite now; PostgreSQL can follow behind the same traits). They take and
//! return the domain's records; each feature's file adds what needs the request (loading,
//! authorising, mailing). The pages' views are built from those records in `features`, which
//! nothing here imports.
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::account::Role;
use crate::domain::council::Council;
use crate::kit::forms::FormFlash;
use crate::kit::i18n::Locale;
use crate::policy::{Relations, Scope};

mod advocacy;
mod approvals;
mod assessment;
mod assisted;
mod budget;
mod contact;
mod data_rights;
mod directory;
mod emergency;
mod family;
mod mail_queue;
mod plan;
mod registration;
mod reviews;
mod teams;
mod two_factor;

pub use crate::domain::contact::{ContactReference, ReceivedMessage};
pub use advocacy::{email_invitation as email_advocate_invitation, send_plan_copy, AdvocacyStore};
pub use approvals::ApprovalStore;
pub use assessment::{AssessmentStore, QueuedAssessment, RecordedDecision, SubmittedAssessment};
pub use assisted::{assessment_subject, assisting_name, letter_code, read_assisting, set_assisting, AssistedStore};
pub use budget::BudgetStore;
pub use contact::{email_to, own_message, ContactStore};
pub use data_rights::{files_folder, person_file_keys, DataRightsStore};
pub use directory::DirectoryStore;
pub use emergency::EmergencyStore;
pub use family::FamilyStore;
pub use mail_queue::{MailQueueStore, QueuedEmail};
pub use plan::{FileReader, FileStore, PlanStore};
pub use registration::start_registration;
pub use reviews::ReviewStore;
pub use teams::{intake, open_work, Allocatable, AllocationStore, TeamStore};
pub use two_factor::{ask_for_code, code_matches, OneTimeCodes, SignInChallenge, TwoFactor, TwoFactorStore};

// The records the ports take and give are the domain's; named here too for the adapters.
pub use crate::domain::budget::{RecordedSpend, SetBudget};
pub use crate::domain::data_rights::{Erasure, PersonalData, TableRows};
pub use crate::domain::directory::ListedService;
pub use crate::domain::emergency::{EmergencyPlan, Lookup};
pub use crate::domain::family::{Helper, Invitation, NewInvitation};
pub use crate::domain::plan::{Contribution, NewFileContribution, PlanVersion};
pub use crate::domain::reviews::Review;

pub type StoreResult<T> = Result<T, StoreError>;

/// The one mapping from a store error to what the person hears: a record that is missing (or
/// not theirs) is "not found", a change already made is a conflict, anything else is a fault,
/// logged with the request id and never shown.
impl From<StoreError> for crate::error::AppError {
    fn from(error: StoreError) -> Self {
        use crate::error::AppError;
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict,
            StoreError::Unavailable(cause) => {
                let request_id = crate::kit::visitor::use_visitor().request_id;
                tracing::error!(request_id = %request_id, "store: {cause}");
                AppError::Internal { request_id }
            }
        }
    }
}

/// What can go wrong in the store, without the driver's words (those go to the log only).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("record not found")]
    NotFound,
    #[error("the record conflicts with one that exists")]
    Conflict,
    #[error("the store is unavailable: {0}")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// A server-side session, found by the keyed digest of the token in the person's cookie.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub digest: String,
    pub user_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub flash: Option<FormFlash>,
    /// Begun with a second factor (a code from the person's app, or the council's sign-in).
    pub second_factor: bool,
    /// The signed-in person, read with the session (one query instead of two on every page).
    pub user: Option<crate::kit::visitor::SignedInUser>,
}

#[async_trait]
pub trait SessionStore: Send + Sync {
    /// `second_factor`: begun with a code or the council's sign-in, not a password alone.
    async fn create_session(
        &self,
        digest: &str,
        user_id: Option<i64>,
        second_factor: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Records that the session's person has just proved a second factor (set it up).
    async fn mark_second_factor(&self, digest: &str) -> StoreResult<()>;
    async fn find_session(&self, digest: &str) -> StoreResult<Option<SessionRecord>>;
    async fn touch_session(&self, digest: &str, at: DateTime<Utc>) -> StoreResult<()>;
    async fn set_flash(&self, digest: &str, flash: Option<&FormFlash>) -> StoreResult<()>;
    async fn delete_session(&self, digest: &str) -> StoreResult<()>;
    /// Ends every session of one person (after a password change).
    async fn delete_sessions_of(&self, user_id: i64) -> StoreResult<()>;
    /// Removes sessions idle since `idle_before` or created before `created_before`.
    async fn delete_expired_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> StoreResult<u64>;
}

pub use crate::domain::account::Account;

/// What signing in needs: the account and its password hash.
#[derive(Clone)]
pub struct Credentials {
    pub account: Account,
    pub password_hash: String,
}

/// The password hash of an account whose owner has not set a password yet: it matches nothing.
pub const NO_PASSWORD_YET: &str = "!";

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub locale: Locale,
    /// The member of staff who started it for someone with no account or email (an assisted
    /// record), if anyone.
    pub created_by: Option<i64>,
    /// Where a carer or cared-for person lives, if they said (which teams cover them).
    pub postcode: Option<&'a crate::domain::area::Postcode>,
}

#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Fails with `Conflict` when the email address is already used.
    async fn create_account(&self, account: NewAccount<'_>, at: DateTime<Utc>) -> StoreResult<i64>;
    async fn find_account(&self, id: i64) -> StoreResult<Option<Account>>;
    /// A council staff account (practitioner, responder, admin); anyone else's id finds nothing.
    async fn find_staff_account(&self, id: i64) -> StoreResult<Option<Account>> {
        Ok(self.find_account(id).await?.filter(|a| a.role.is_staff()))
    }
    /// The account that may sign in with this email: none for an account switched off.
    async fn find_credentials(&self, email: &str) -> StoreResult<Option<Credentials>>;
    /// The staff account linked to this council sign-in (`issuer subject`), if it is not
    /// switched off.
    async fn find_by_council_subject(&self, subject: &str) -> StoreResult<Option<Account>>;
    /// Links a council sign-in to an account that has none: `false` when the account is linked
    /// to another one already (or the sign-in to another account).
    async fn link_council_subject(&self, user_id: i64, subject: &str) -> StoreResult<bool>;
    /// Council staff accounts (practitioners, responders, admins), by name.
    async fn staff_accounts(&self) -> StoreResult<Vec<Account>>;
    /// Switches a staff account off (`Some(when)`), ending all its sessions in the same
    /// transaction, or back on (`None`). `NotFound` unless it is a staff account.
    async fn set_staff_disabled(&self, user_id: i64, disabled_at: Option<DateTime<Utc>>) -> StoreResult<()>;
    async fn set_password_hash(&self, user_id: i64, hash: &str) -> StoreResult<()>;
    async fn relations(&self, user_id: i64) -> StoreResult<Relations>;
    /// The names of the practitioners working with a person now (not those switched off).
    async fn workers_of(&self, person_id: i64) -> StoreResult<Vec<String>>;
    async fn link_carer(&self, carer_id: i64, customer_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    async fn add_representation(
        &self,
        representative_id: i64,
        principal_id: i64,
        scope: Scope,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Keeps a password reset code (its keyed digest) until `expires_at`.
    async fn create_password_reset(
        &self,
        digest: &str,
        user_id: i64,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Uses up a reset code: the person it belongs to, if it exists, is unused and unexpired.
    async fn use_password_reset(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>>;
    /// The account with this email address, switched off or not.
    async fn find_by_email(&self, email: &str) -> StoreResult<Option<Account>>;
    /// Keeps a registration until its emailed link (`digest`, keyed) is used or `expires_at`.
    async fn create_pending_registration(
        &self,
        digest: &str,
        account: NewAccount<'_>,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Turns a pending registration into the account, in one transaction, and forgets every
    /// other registration for its address: the new account's id, or `None` when the link is
    /// unknown, used or expired. `Conflict` when the address has an account by now.
    async fn complete_registration(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<i64>>;
    /// Forgets registrations whose link has expired; how many.
    async fn delete_expired_registrations(&self, now: DateTime<Utc>) -> StoreResult<u64>;
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEvent {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub subject_id: Option<i64>,
    pub reason: Option<String>,
    pub detail: Option<String>,
    pub client_ip: Option<String>,
}

#[async_trait]
pub trait AuditLog: Send + Sync {
    async fn record(&self, event: &AuditEvent) -> StoreResult<()>;
    /// The latest events, newest first: all of them, or for a practitioner only those they did
    /// and those about people allocated to them.
    async fn recent(&self, limit: u32, practitioner: Option<i64>) -> StoreResult<Vec<AuditEvent>>;
}

/// Everything the portal keeps, behind one handle: every store trait, named once (`Store` is
/// all of them, and whatever implements all of them is a `Store`).
macro_rules! store {
    ($($part:ident),+ $(,)?) => {
        pub trait Store: $($part +)+ {}
        impl<T> Store for T where T: $($part +)+ {}
    };
}

store!(
    ContactStore,
    SessionStore,
    AccountStore,
    AuditLog,
    AssessmentStore,
    PlanStore,
    ReviewStore,
    BudgetStore,
    EmergencyStore,
    FamilyStore,
    DirectoryStore,
    DataRightsStore,
    TeamStore,
    AllocationStore,
    AssistedStore,
    AdvocacyStore,
    TwoFactorStore,
    ApprovalStore,
    MailQueueStore,
);

/// The time, injected so tests can move it (sessions expire, reviews fall due).
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// Password hashing (argon2 on the server), off the async threads.
#[async_trait]
pub trait Passwords: Send + Sync {
    async fn hash(&self, password: &str) -> Result<String, StoreError>;
    /// Whether `password` matches `hash`. With no hash (no such account) it spends the same
    /// time on a check that fails, so timing does not tell which emails have accounts.
    async fn verify(&self, password: &str, hash: Option<&str>) -> bool;
}

/// An email to send.
#[derive(Clone, Debug)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, email: &Email) -> Result<(), StoreError>;
}

/// Counts attempts so bursts can be refused (sign-in, password resets).
#[async_trait]
pub trait RateLimiter: Send + Sync {
    /// Records an attempt under `key`; false when there have been `max` already in `window`.
    async fn allow(&self, key: &str, max: u32, window: Duration) -> bool;
    /// Takes back the latest attempt under `key` (it succeeded, so it should not count).
    async fn forgive(&self, key: &str);
}

/// Turns one-time codes (reset links) into keyed digests, as sessions are.
pub trait Digests: Send + Sync {
    fn digest(&self, code: &str) -> String;
    fn new_code(&self) -> String;
    /// A short random code a person can read out and type (cards, invitations).
    fn new_typeable_code(&self) -> crate::domain::emergency::CardCode;
}

/// What server functions are given to do their work, provided as Leptos context per request.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    pub files: Arc<dyn FileStore>,
    pub clock: Arc<dyn Clock>,
    pub passwords: Arc<dyn Passwords>,
    pub mailer: Arc<dyn Mailer>,
    pub limits: Arc<dyn RateLimiter>,
    pub digests: Arc<dyn Digests>,
    pub codes: Arc<dyn OneTimeCodes>,
    pub council: Council,
    /// The portal's public address, for links in emails.
    pub public_url: String,
}
