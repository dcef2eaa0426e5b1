//! The store's side of emergency plans: the plan, its contacts, how to get into the home (kept
//! apart), the card and every responder look-up.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::emergency::{CardCode, EmergencyContact, EmergencyDetails, EmergencyPlanForm, LookupReason};

/// A carer's emergency plan, without how to get in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmergencyPlan {
    pub carer_id: i64,
    pub carer_name: String,
    pub details: EmergencyDetails,
    pub contacts: Vec<EmergencyContact>,
    /// When how to get in was last written (the words themselves are not here).
    pub home_access_updated_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The card in use.
    pub card: Option<CardCode>,
}

/// One look-up by a responder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    pub id: i64,
    pub carer_id: i64,
    pub responder_id: i64,
    pub responder_name: String,
    pub at: DateTime<Utc>,
    pub reason: LookupReason,
    pub note: Option<String>,
}

#[async_trait]
pub trait EmergencyStore: Send + Sync {
    async fn emergency_plan(&self, carer_id: i64) -> StoreResult<Option<EmergencyPlan>>;
    /// Saves the plan (and how to get in, when the form has it). The first save issues a card
    /// with `new_card`. Saving does not confirm: the carer does that.
    async fn save_emergency_plan(
        &self,
        carer_id: i64,
        plan: &EmergencyPlanForm,
        new_card: &CardCode,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn confirm_emergency_plan(&self, carer_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
    /// Withdraws the card in use and issues `code` instead (a lost card).
    async fn replace_card(&self, carer_id: i64, code: &CardCode, at: DateTime<Utc>) -> StoreResult<()>;
    /// The carer whose live card has this code.
    async fn carer_with_card(&self, code: &CardCode) -> StoreResult<Option<i64>>;
    async fn record_lookup(
        &self,
        carer_id: i64,
        responder_id: i64,
        reason: LookupReason,
        note: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    async fn lookup(&self, id: i64) -> StoreResult<Option<Lookup>>;
    /// A carer's look-ups, newest first.
    async fn lookups_of(&self, carer_id: i64) -> StoreResult<Vec<Lookup>>;
    /// How to get into the home: only for a responder's look-up.
    async fn home_access(&self, carer_id: i64) -> StoreResult<Option<String>>;
    /// Plans confirmed on or before `confirmed_by` whose yearly reminder has not gone out.
    async fn plans_to_reconfirm(&self, confirmed_by: DateTime<Utc>) -> StoreResult<Vec<EmergencyPlan>>;
    async fn mark_reconfirm_reminded(&self, carer_id: i64, at: DateTime<Utc>) -> StoreResult<()>;
}
