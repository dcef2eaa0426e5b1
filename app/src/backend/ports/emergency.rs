//! The store's side of emergency plans: the plan, its contacts, how to get into the home (kept
//! apart), the card and every responder look-up; and how each shows on the pages.
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::account::Role;
use crate::domain::emergency::{
    freshness, CardCode, EmergencyContact, EmergencyDetails, EmergencyPlanForm, Freshness, LookupReason, LOOKUP_MINUTES,
};
use crate::error::AppError;
use crate::features::emergency::wire::{CarerPlanNotice, ContactView, EmergencyPlanView, LookupResult, LookupView};
use crate::kit::i18n::Locale;
use crate::kit::visitor::SignedInUser;

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

    /// The notices of the plans of `person`'s carers, for `person`'s Care and Support Plan. The
    /// caller has checked that the reader may see that plan.
    pub async fn notices_for(cx: &Cx<SignedInUser>, person: i64) -> Result<Vec<CarerPlanNotice>, AppError> {
        let relations = cx.store().relations(person).await?;
        let mut notices = Vec::new();
        for carer in relations.cared_for_by {
            if let Some(plan) = cx.store().emergency_plan(carer).await? {
                notices.push(plan.notice(cx.locale(), cx.today()));
            }
        }
        Ok(notices)
    }

    pub fn freshness(&self, today: NaiveDate) -> Freshness {
        freshness(self.confirmed_at.map(|c| c.date_naive()), today)
    }

    /// The plan as the carer's own page shows it, with who has looked it up.
    pub fn view(self, lookups: Vec<Lookup>, locale: Locale, today: NaiveDate) -> EmergencyPlanView {
        let freshness = self.freshness(today);
        let due_on = match freshness {
            Freshness::Current { due } | Freshness::DueSoon { due } | Freshness::Overdue { due } => {
                Some(locale.long_date(due))
            }
            Freshness::NotConfirmed => None,
        };
        EmergencyPlanView {
            contacts: self.contact_views(locale),
            home_access_saved_on: self.home_access_updated_at.map(|d| locale.long_date(d.date_naive())),
            updated_on: locale.long_date(self.updated_at.date_naive()),
            confirmed_on: self.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            freshness,
            due_on,
            card: self.card.map(|c| c.grouped()),
            lookups: lookups.into_iter().map(|l| l.view(locale)).collect(),
            details: self.details,
        }
    }

    /// The plan as the responder behind `lookup` reads it, with how to get in.
    pub fn for_responder(
        self,
        lookup: Lookup,
        home_access: Option<String>,
        locale: Locale,
        today: NaiveDate,
    ) -> LookupResult {
        LookupResult {
            freshness: self.freshness(today),
            confirmed_on: self.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            contacts: self.contact_views(locale),
            carer_name: self.carer_name,
            details: self.details,
            home_access,
            lookup: lookup.view(locale),
        }
    }

    /// That the carer has a plan and when they confirmed it, nothing of what it says.
    pub fn notice(self, locale: Locale, today: NaiveDate) -> CarerPlanNotice {
        CarerPlanNotice {
            freshness: self.freshness(today),
            confirmed_on: self.confirmed_at.map(|d| locale.long_date(d.date_naive())),
            carer_name: self.carer_name,
        }
    }

    fn contact_views(&self, locale: Locale) -> Vec<ContactView> {
        self.contacts
            .iter()
            .map(|c| ContactView {
                name: c.name.clone(),
                relationship: c.relationship.clone(),
                phone: c.phone.clone(),
                agreed_on: c.agreed_on.map(|d| locale.long_date(d)),
            })
            .collect()
    }
}

impl Lookup {
    /// Whether `responder` may still read the plan behind this look-up at `now`: their own, for
    /// `LOOKUP_MINUTES`.
    pub fn open_to(&self, responder: i64, now: DateTime<Utc>) -> bool {
        self.responder_id == responder && now - self.at <= chrono::Duration::minutes(LOOKUP_MINUTES)
    }

    pub fn view(self, locale: Locale) -> LookupView {
        LookupView {
            id: self.id,
            at: locale.date_time(self.at),
            by: self.responder_name,
            reason: self.reason,
            note: self.note,
        }
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
