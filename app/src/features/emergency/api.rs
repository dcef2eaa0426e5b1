//! Server functions for emergency plans. A carer writes, confirms and prints theirs; a
//! responder looks one up by card code and a reason (rate limited, audited, shown to the
//! carer); the cared-for person's plan shows that their carer has one.
use leptos::prelude::*;

/// Other features (the plan's version page) show the notice.
pub use super::wire::CarerPlanNotice;
use super::wire::{EmergencyPlanFields, EmergencyPlanView, LookupForm, LookupResult};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "emergency/mine")]
pub async fn my_emergency_plan() -> Result<Option<EmergencyPlanView>, AppError> {
    use crate::domain::emergency::EmergencyPlan;

    let cx = EmergencyPlan::carer()?;
    let Some(plan) = cx.store().emergency_plan(cx.me().id).await? else { return Ok(None) };
    let lookups = cx.store().lookups_of(cx.me().id).await?;
    Ok(Some(EmergencyPlanView::from_record(plan, lookups, cx.locale(), cx.today())))
}

/// Saves the plan; with `confirm=yes` also confirms it is right, which needs the essentials
/// (what was typed is saved either way).
#[server(prefix = "/api", endpoint = "emergency/save")]
pub async fn save_emergency_plan(#[server(flatten)] form: EmergencyPlanFields) -> Result<(), AppError> {
    use crate::domain::emergency::EmergencyPlan;
    use crate::domain::emergency::EmergencyPlanEntry;

    let cx = EmergencyPlan::carer()?;
    let (me, now, confirms) = (cx.me().id, cx.now(), form.confirms());
    let saved = cx.store().emergency_plan(me).await?;
    let entry = EmergencyPlanEntry::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    let plan = entry.dated(saved.as_ref().map_or(&[], |p| p.contacts.as_slice()), now.date_naive());
    let card = cx.services().digests.new_typeable_code();
    cx.store().save_emergency_plan(me, &plan, &card, now).await?;
    cx.audit("emergency plan saved", Some(me), None).await?;
    if !confirms {
        leptos_axum::redirect("/emergency?saved=1");
        return Ok(());
    }
    let missing = plan.missing_for_confirmation(saved.is_some_and(|p| p.home_access_updated_at.is_some()));
    if !missing.is_empty() {
        return Err(cx.invalid(&missing));
    }
    cx.store().confirm_emergency_plan(me, now).await?;
    cx.audit("emergency plan confirmed", Some(me), None).await?;
    leptos_axum::redirect("/emergency?confirmed=1");
    Ok(())
}

/// A lost card: the old code stops working and a new one is issued.
#[server(prefix = "/api", endpoint = "emergency/new-card")]
pub async fn replace_card() -> Result<(), AppError> {
    use crate::domain::emergency::EmergencyPlan;

    let cx = EmergencyPlan::carer()?;
    let code = cx.services().digests.new_typeable_code();
    cx.store().replace_card(cx.me().id, &code, cx.now()).await?;
    cx.audit("emergency card replaced", Some(cx.me().id), None).await?;
    leptos_axum::redirect("/emergency/card?replaced=1");
    Ok(())
}

/// A responder looks a plan up by card code and says why. Wrong codes are limited to five in
/// fifteen minutes per responder (and twenty per address); every look-up is audited and shown
/// to the carer.
#[server(prefix = "/api", endpoint = "emergency/look-up")]
pub async fn look_up(#[server(flatten)] form: LookupForm) -> Result<(), AppError> {
    use std::time::Duration;

    use crate::backend::cx::Cx;
    use crate::domain::emergency::{EmergencyProblem, LookupRequest};
    use crate::policy::Capability;

    let cx = Cx::with(Capability::LookUpEmergencyPlans, "emergency look-up").await?;
    let request = LookupRequest::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    let limits = &cx.services().limits;
    let window = Duration::from_secs(15 * 60);
    let by_responder = format!("card:responder:{}", cx.me().id);
    let by_address = format!("card:ip:{}", cx.visitor().client_ip.as_deref().unwrap_or("unknown"));
    let allowed = limits.allow(&by_responder, 5, window).await & limits.allow(&by_address, 20, window).await;
    if !allowed {
        cx.audit("emergency look-up refused: too many attempts", None, None).await?;
        return Err(AppError::RateLimited);
    }
    let Some(carer) = cx.store().carer_with_card(&request.code).await? else {
        cx.audit("emergency look-up: no such card", None, None).await?;
        return Err(cx.invalid(&[EmergencyProblem::unknown_code()]));
    };
    // A right code does not count against the responder.
    limits.forgive(&by_responder).await;
    limits.forgive(&by_address).await;
    let id = cx.store().record_lookup(carer, cx.me().id, request.reason, request.note.as_deref(), cx.now()).await?;
    cx.audit("emergency plan looked up", Some(carer), Some(request.reason.code())).await?;
    leptos_axum::redirect(&format!("/responder/look-ups/{id}"));
    Ok(())
}

/// The plan behind one look-up, for the responder who made it, for two hours.
#[server(prefix = "/api", endpoint = "emergency/look-up/result")]
pub async fn look_up_result(#[server(default)] id: i64) -> Result<LookupResult, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::LookUpEmergencyPlans, "emergency look-up").await?;
    let lookup = cx.store().lookup(id).await?.filter(|l| l.open_to(cx.me().id, cx.now())).ok_or(AppError::NotFound)?;
    let carer = lookup.carer_id;
    let plan = cx.store().emergency_plan(carer).await?.ok_or(AppError::NotFound)?;
    let home_access = cx.store().home_access(carer).await?;
    cx.audit("emergency plan read by responder", Some(carer), Some(&format!("look-up {id}"))).await?;
    Ok(LookupResult::from_record(plan, lookup, home_access, cx.locale(), cx.today()))
}

/// The emergency plans of the carers of `person_id`, for that person's Care and Support Plan
/// (the procedure asks for them to be highlighted there and checked for being up to date):
/// who has one and when it was last confirmed, nothing of what it says.
#[server(prefix = "/api", endpoint = "emergency/carers-plans")]
pub async fn carers_emergency_plans(#[server(default)] person: i64) -> Result<Vec<CarerPlanNotice>, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::emergency::EmergencyPlan;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    cx.authorise(person, Record::Plan, Access::View, "viewed carers' emergency plans").await?;
    let plans = EmergencyPlan::of_carers_of(&cx, person).await?;
    Ok(plans.into_iter().map(|plan| CarerPlanNotice::from_record(plan, cx.locale(), cx.today())).collect())
}
