//! Server functions for emergency plans. A carer writes, confirms and prints theirs; a
//! responder looks one up by card code and a reason (rate limited, audited, shown to the
//! carer); the cared-for person's plan shows that their carer has one.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::emergency::{Freshness, LookupReason};
use crate::error::AppError;

/// How long a responder can read the plan they looked up before looking it up again.
pub const LOOKUP_MINUTES: i64 = 120;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub agreed_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupView {
    pub id: i64,
    pub at: String,
    pub by: String,
    pub reason: LookupReason,
    pub note: Option<String>,
}

/// A carer's emergency plan as their own page shows it (how to get in is never part of it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyPlanView {
    pub words: BTreeMap<String, String>,
    pub contacts: Vec<ContactView>,
    pub home_access_saved_on: Option<String>,
    pub updated_on: String,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
    pub due_on: Option<String>,
    /// The card's code, grouped for reading.
    pub card: Option<String>,
    pub lookups: Vec<LookupView>,
}

/// What a responder sees for one look-up: the plan, the contacts and how to get in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResult {
    pub lookup: LookupView,
    pub carer_name: String,
    pub words: BTreeMap<String, String>,
    pub contacts: Vec<ContactView>,
    pub home_access: Option<String>,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
}

/// A carer's plan as it shows in the cared-for person's Care and Support Plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarerPlanNotice {
    pub carer_name: String,
    pub confirmed_on: Option<String>,
    pub freshness: Freshness,
}

#[cfg(feature = "ssr")]
mod convert {
    use super::*;
    use crate::domain::emergency::freshness;
    use crate::kit::i18n::Locale;
    use crate::backend::ports::{EmergencyPlan, Lookup};

    pub fn contacts(plan: &EmergencyPlan, locale: Locale) -> Vec<ContactView> {
        plan.contacts
            .iter()
            .map(|c| ContactView {
                name: c.name.clone(),
                relationship: c.relationship.clone(),
                phone: c.phone.clone(),
                agreed_on: c.agreed_on.map(|d| locale.long_date(d)),
            })
            .collect()
    }

    pub fn lookup(lookup: Lookup, locale: Locale) -> LookupView {
        LookupView {
            id: lookup.id,
            at: locale.date_time(lookup.at),
            by: lookup.responder_name,
            reason: lookup.reason,
            note: lookup.note,
        }
    }

    pub fn freshness_of(plan: &EmergencyPlan, today: chrono::NaiveDate) -> Freshness {
        freshness(plan.confirmed_at.map(|c| c.date_naive()), today)
    }
}

/// The signed-in carer. Emergency plans are the carer's: other roles have none.
#[cfg(feature = "ssr")]
fn carer(visitor: &crate::kit::visitor::Visitor) -> Result<crate::kit::visitor::SignedInUser, AppError> {
    let me = crate::backend::cx::signed_in(visitor)?;
    if me.role != crate::domain::account::Role::Carer {
        return Err(AppError::NotFound);
    }
    Ok(me)
}

#[server(prefix = "/api", endpoint = "emergency/mine")]
pub async fn my_emergency_plan() -> Result<Option<EmergencyPlanView>, AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = carer(&visitor)?;
    let services = services()?;
    let Some(plan) = services.store.emergency_plan(me.id).await.map_err(|e| store_failure(&visitor, "reading an emergency plan", e))?
    else {
        return Ok(None);
    };
    let lookups = services.store.lookups_of(me.id).await.map_err(|e| store_failure(&visitor, "reading look-ups", e))?;
    let locale = visitor.locale;
    let freshness = convert::freshness_of(&plan, services.clock.now().date_naive());
    let due_on = match freshness {
        Freshness::Current { due } | Freshness::DueSoon { due } | Freshness::Overdue { due } => Some(locale.long_date(due)),
        Freshness::NotConfirmed => None,
    };
    Ok(Some(EmergencyPlanView {
        contacts: convert::contacts(&plan, locale),
        words: plan.details.words,
        home_access_saved_on: plan.home_access_updated_at.map(|d| locale.long_date(d.date_naive())),
        updated_on: locale.long_date(plan.updated_at.date_naive()),
        confirmed_on: plan.confirmed_at.map(|d| locale.long_date(d.date_naive())),
        freshness,
        due_on,
        card: plan.card.map(|c| c.grouped()),
        lookups: lookups.into_iter().map(|l| convert::lookup(l, locale)).collect(),
    }))
}

/// Saves the plan; with `confirm=yes` also confirms it is right, which needs the essentials
/// (what was typed is saved either way).
#[server(prefix = "/api", endpoint = "emergency/save")]
pub async fn save_emergency_plan(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::emergency::{missing_for_confirmation, EmergencyPlanForm};
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = carer(&visitor)?;
    let services = services()?;
    let now = services.clock.now();
    let saved = services.store.emergency_plan(me.id).await.map_err(|e| store_failure(&visitor, "reading an emergency plan", e))?;
    let previous = saved.as_ref().map(|p| p.contacts.clone()).unwrap_or_default();
    let plan = EmergencyPlanForm::parse(&fields, &previous, now.date_naive()).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let card = services.digests.new_typeable_code();
    services
        .store
        .save_emergency_plan(me.id, &plan, &card, now)
        .await
        .map_err(|e| store_failure(&visitor, "saving an emergency plan", e))?;
    audit(&services, &visitor, Some(me.id), "emergency plan saved", Some(me.id), None).await?;
    if fields.get("confirm").is_some_and(|c| c == "yes") {
        let has_home_access = plan.home_access.is_some() || saved.as_ref().is_some_and(|p| p.home_access_updated_at.is_some());
        let missing = missing_for_confirmation(&plan.details, &plan.contacts, has_home_access);
        if !missing.is_empty() {
            return Err(AppError::invalid(&missing, visitor.locale));
        }
        services
            .store
            .confirm_emergency_plan(me.id, now)
            .await
            .map_err(|e| store_failure(&visitor, "confirming an emergency plan", e))?;
        audit(&services, &visitor, Some(me.id), "emergency plan confirmed", Some(me.id), None).await?;
        leptos_axum::redirect("/emergency?confirmed=1");
    } else {
        leptos_axum::redirect("/emergency?saved=1");
    }
    Ok(())
}

/// A lost card: the old code stops working and a new one is issued.
#[server(prefix = "/api", endpoint = "emergency/new-card")]
pub async fn replace_card() -> Result<(), AppError> {
    use crate::backend::cx::{audit, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = carer(&visitor)?;
    let services = services()?;
    let code = services.digests.new_typeable_code();
    services
        .store
        .replace_card(me.id, &code, services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "replacing a card", e))?;
    audit(&services, &visitor, Some(me.id), "emergency card replaced", Some(me.id), None).await?;
    leptos_axum::redirect("/emergency/card?replaced=1");
    Ok(())
}

/// A responder looks a plan up by card code and says why. Wrong codes are limited to five in
/// fifteen minutes per responder (and twenty per address); every look-up is audited and shown
/// to the carer.
#[server(prefix = "/api", endpoint = "emergency/look-up")]
pub async fn look_up(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::domain::emergency::{EmergencyProblem, LookupRequest};
    use crate::policy::Capability;
    use crate::backend::cx::{audit, require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::LookUpEmergencyPlans, "emergency look-up").await?;
    let request = LookupRequest::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let window = Duration::from_secs(15 * 60);
    let by_responder = format!("card:responder:{}", me.id);
    let by_address = format!("card:ip:{}", visitor.client_ip.as_deref().unwrap_or("unknown"));
    let allowed = services.limits.allow(&by_responder, 5, window).await & services.limits.allow(&by_address, 20, window).await;
    if !allowed {
        audit(&services, &visitor, Some(me.id), "emergency look-up refused: too many attempts", None, None).await?;
        return Err(AppError::RateLimited);
    }
    let carer = services.store.carer_with_card(&request.code).await.map_err(|e| store_failure(&visitor, "finding a card", e))?;
    let Some(carer_id) = carer else {
        audit(&services, &visitor, Some(me.id), "emergency look-up: no such card", None, None).await?;
        return Err(AppError::invalid(&[EmergencyProblem::unknown_code()], visitor.locale));
    };
    // A right code does not count against the responder.
    services.limits.forgive(&by_responder).await;
    services.limits.forgive(&by_address).await;
    let id = services
        .store
        .record_lookup(carer_id, me.id, request.reason, request.note.as_deref(), services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "recording a look-up", e))?;
    audit(&services, &visitor, Some(me.id), "emergency plan looked up", Some(carer_id), Some(request.reason.code())).await?;
    leptos_axum::redirect(&format!("/responder/look-ups/{id}"));
    Ok(())
}

/// The plan behind one look-up, for the responder who made it, for two hours.
#[server(prefix = "/api", endpoint = "emergency/look-up/result")]
pub async fn look_up_result(#[server(default)] id: i64) -> Result<LookupResult, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::LookUpEmergencyPlans, "emergency look-up").await?;
    let now = services.clock.now();
    let lookup = services
        .store
        .lookup(id)
        .await
        .map_err(|e| store_failure(&visitor, "reading a look-up", e))?
        .filter(|l| l.responder_id == me.id && now - l.at <= chrono::Duration::minutes(LOOKUP_MINUTES))
        .ok_or(AppError::NotFound)?;
    let carer_id = lookup.carer_id;
    let plan = services
        .store
        .emergency_plan(carer_id)
        .await
        .map_err(|e| store_failure(&visitor, "reading an emergency plan", e))?
        .ok_or(AppError::NotFound)?;
    let home_access = services.store.home_access(carer_id).await.map_err(|e| store_failure(&visitor, "reading home access", e))?;
    audit(&services, &visitor, Some(me.id), "emergency plan read by responder", Some(carer_id), Some(&format!("look-up {id}"))).await?;
    let locale = visitor.locale;
    Ok(LookupResult {
        freshness: convert::freshness_of(&plan, now.date_naive()),
        confirmed_on: plan.confirmed_at.map(|d| locale.long_date(d.date_naive())),
        contacts: convert::contacts(&plan, locale),
        carer_name: plan.carer_name,
        words: plan.details.words,
        home_access,
        lookup: convert::lookup(lookup, locale),
    })
}

/// The emergency plans of the carers of `person_id`, for that person's Care and Support Plan
/// (the procedure asks for them to be highlighted there and checked for being up to date):
/// who has one and when it was last confirmed, nothing of what it says.
#[server(prefix = "/api", endpoint = "emergency/carers-plans")]
pub async fn carers_emergency_plans(#[server(default)] person: i64) -> Result<Vec<CarerPlanNotice>, AppError> {
    use crate::policy::{Access, Record};
    use crate::backend::cx::{authorise_person, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    authorise_person(&services, &visitor, &me.actor(), person, Record::Plan, Access::View, "viewed carers' emergency plans").await?;
    carer_plan_notices(&services, &visitor, person).await
}

/// The notices for `person`'s plan. The caller has checked that the reader may see that plan.
#[cfg(feature = "ssr")]
pub async fn carer_plan_notices(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    person: i64,
) -> Result<Vec<CarerPlanNotice>, AppError> {
    use crate::backend::cx::store_failure;

    let relations = services.store.relations(person).await.map_err(|e| store_failure(visitor, "reading relations", e))?;
    let today = services.clock.now().date_naive();
    let mut notices = Vec::new();
    for carer in relations.cared_for_by {
        let plan = services.store.emergency_plan(carer).await.map_err(|e| store_failure(visitor, "reading an emergency plan", e))?;
        if let Some(plan) = plan {
            notices.push(CarerPlanNotice {
                freshness: convert::freshness_of(&plan, today),
                confirmed_on: plan.confirmed_at.map(|d| visitor.locale.long_date(d.date_naive())),
                carer_name: plan.carer_name,
            });
        }
    }
    Ok(notices)
}
