//! The store's side of the whole family: sharing choices, invitations, helpers.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::family::{InvitationKind, InvitationStatus};
use crate::policy::{Record, Scope};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub kind: InvitationKind,
    pub from_id: i64,
    pub from_name: String,
    pub helper_name: Option<String>,
    pub helper_email: Option<String>,
    pub scope: Option<Scope>,
    /// What the inviter shares from the start (care links).
    pub shares: Vec<Record>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub status: InvitationStatus,
    pub answered_at: Option<DateTime<Utc>>,
}

pub struct NewInvitation<'a> {
    pub digest: &'a str,
    pub kind: InvitationKind,
    pub from_id: i64,
    pub helper_name: Option<&'a str>,
    pub helper_email: Option<&'a str>,
    pub scope: Option<Scope>,
    pub shares: &'a [Record],
    pub expires_at: DateTime<Utc>,
}

/// Someone who may act for a person, as that person sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helper {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub scope: Scope,
    pub granted_at: DateTime<Utc>,
}

#[async_trait]
pub trait FamilyStore: Send + Sync {
    async fn create_invitation(&self, invitation: NewInvitation<'_>, at: DateTime<Utc>) -> StoreResult<i64>;
    /// An open, unexpired invitation with this code's digest.
    async fn open_invitation(&self, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<Invitation>>;
    /// The invitations a person has sent, newest first.
    async fn invitations_from(&self, person_id: i64) -> StoreResult<Vec<Invitation>>;
    /// Accepts a care link: links the carer (the inviter) and `customer_id`, records what the
    /// carer shares from the start and what the customer chose to share back. All or nothing;
    /// `Conflict` when the invitation is no longer open.
    async fn accept_care_link(
        &self,
        invitation_id: i64,
        customer_id: i64,
        answered_by: i64,
        customer_shares: &[Record],
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Accepts a helper invitation: `helper_id` may act for the inviter to its scope.
    async fn accept_helper(&self, invitation_id: i64, helper_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Declines (by the invited person) or withdraws (by the inviter) an open invitation.
    async fn close_invitation(&self, invitation_id: i64, by: i64, status: InvitationStatus, at: DateTime<Utc>) -> StoreResult<()>;
    /// What `owner_id` shares with `viewer_id`.
    async fn shares(&self, owner_id: i64, viewer_id: i64) -> StoreResult<Vec<Record>>;
    async fn set_shares(&self, owner_id: i64, viewer_id: i64, records: &[Record]) -> StoreResult<()>;
    /// Ends a care link (either side may) and every share between the two.
    async fn unlink(&self, carer_id: i64, customer_id: i64) -> StoreResult<()>;
    /// The helpers who may act for a person.
    async fn helpers_of(&self, principal_id: i64) -> StoreResult<Vec<Helper>>;
    /// Takes a helper's access away.
    async fn remove_helper(&self, principal_id: i64, helper_id: i64) -> StoreResult<()>;
}
