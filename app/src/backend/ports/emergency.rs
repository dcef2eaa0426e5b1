//! The store's side of emergency plans: the plan, its contacts, how to get into the home (kept
//! apart), the card and every responder look-up; and whose plans a reader is shown.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::account::Role;
use crate::domain::emergency::{CardCode, EmergencyPlan, EmergencyPlanForm, Lookup, LookupReason};
use crate::error::AppError;
use crate::kit::visitor::SignedInUser;

impl EmergencyPlan {
    /// The signed-in carer's context. Emergency plans are the carer's: for anyone else there is
    /// none ("not found").
    pub fn carer() -> Result<Cx<SignedInUser>, AppError> {
        let cx = Cx::signed_in()?;
        if cx.me().role != Role::Carer {
            return Err(AppError::NotFound);
        }
        Ok(cx)
    }

    /// The plans of `person`'s carers, for the notices in `person`'s Care and Support Plan. The
    /// caller has checked that the reader may see that plan.
    pub async fn of_carers_of(cx: &Cx<SignedInUser>, person: i64) -> Result<Vec<EmergencyPlan>, AppError> {
        let relations = cx.store().relations(person).await?;
        let mut plans = Vec::new();
        for carer in relations.cared_for_by {
            if let Some(plan) = cx.store().emergency_plan(carer).await? {
                plans.push(plan);
            }
        }
        Ok(plans)
    }
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
