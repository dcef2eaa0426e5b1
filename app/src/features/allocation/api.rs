//! Server functions for intake and allocation. Practitioners see their teams' intake (and
//! anyone no team covers) and take people on; team managers allocate, reallocate with a
//! handover note, and end allocations. Every read of a person and every change is audited.
use leptos::prelude::*;

use super::wire::{AllocateForm, AllocationView, Intake};
use crate::error::AppError;

/// The people waiting for a worker whom the visitor's teams receive, oldest wait first.
#[server(prefix = "/api", endpoint = "allocation/intake")]
pub async fn intake_queue() -> Result<Intake, AppError> {
    use super::wire::IntakeLine;
    use crate::backend::cx::Cx;
    use crate::backend::ports::intake;
    use crate::domain::teams::Team;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::SeeIntake, "intake").await?;
    let membership = cx.store().membership(cx.me().id).await?;
    let teams = cx.store().teams().await?;
    let target_days = cx.services().council.intake_target_days;
    let entries = intake(&cx).await?;
    let actor = cx.actor();
    let waiting = entries
        .iter()
        .filter_map(|entry| {
            let covering = Team::covering(&teams, entry.role, entry.postcode.as_ref());
            if !actor.sees_intake(&membership, &covering) {
                return None;
            }
            let names = teams.iter().filter(|t| covering.contains(&t.id)).map(|t| t.name.clone()).collect();
            let may_open = actor.may_take_on(&membership, &covering) || actor.may_allocate(&membership, &covering);
            Some(IntakeLine::from_entry(entry, names, may_open, cx.locale()))
        })
        .collect();
    Ok(Intake { waiting, target_days })
}

/// One person's allocation: what they sent while waiting, their worker now and before, and
/// who the visitor may allocate them to.
#[server(prefix = "/api", endpoint = "allocation/person")]
pub async fn allocation(#[server(default)] person_id: i64) -> Result<AllocationView, AppError> {
    use super::wire::{AllocationLine, IntakeLine};
    use crate::backend::cx::Cx;
    use crate::backend::ports::{intake, Allocatable};

    let cx = Cx::signed_in()?;
    let found = Allocatable::load(&cx, person_id, "viewed allocation").await?;
    cx.audit("viewed allocation", Some(person_id), None).await?;
    let locale = cx.locale();
    let waiting = match found.live_worker() {
        Some(_) => None,
        None => intake(&cx)
            .await?
            .iter()
            .find(|e| e.person_id == person_id)
            .map(|e| IntakeLine::from_entry(e, Vec::new(), true, locale)),
    };
    let open = found.open();
    Ok(AllocationView {
        person_id,
        name: found.person.display_name.clone(),
        role: found.person.role.name(locale).to_owned(),
        postcode: found.person.postcode.as_ref().map(|p| p.as_str().to_owned()),
        waiting,
        current: open.map(|a| AllocationLine::from_record(a, locale)),
        history: found
            .allocations
            .iter()
            .filter(|a| a.ended_at.is_some())
            .map(|a| AllocationLine::from_record(a, locale))
            .collect(),
        candidates: found.candidates(&cx).await?,
        may_allocate: found.may_allocate(&cx),
        may_take_on: found.may_take_on(&cx),
        may_end: found.may_end(&cx),
    })
}

/// A team manager allocates the person to a practitioner (ending their allocation now, if
/// any), with a note the new worker reads.
#[server(prefix = "/api", endpoint = "allocation/allocate")]
pub async fn allocate_worker(
    #[server(default)] person_id: i64,
    #[server(flatten)] form: AllocateForm,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::Allocatable;
    use crate::domain::allocation::{Allocate, AllocationProblem};

    let cx = Cx::signed_in()?;
    let found = Allocatable::load_for(&cx, person_id, "allocated a worker", Allocatable::may_allocate).await?;
    let allocate = Allocate::try_from(form).map_err(|p| cx.invalid(&p))?;
    if !found.candidates(&cx).await?.iter().any(|(id, _)| *id == allocate.practitioner_id) {
        return Err(cx.invalid(&[AllocationProblem::WorkerNotAvailable]));
    }
    let note = allocate.handover_note.as_ref().map(|n| n.as_str());
    cx.store().allocate(person_id, allocate.practitioner_id, cx.me().id, note, cx.now()).await?;
    let reason = format!("to account {}", allocate.practitioner_id);
    let action = if found.open().is_some() { "worker reallocated" } else { "worker allocated" };
    cx.audit(action, Some(person_id), Some(&reason)).await?;
    leptos_axum::redirect(&format!("/staff/allocations/{person_id}?done=allocated"));
    Ok(())
}

/// A practitioner takes on someone waiting in their team's intake.
#[server(prefix = "/api", endpoint = "allocation/take")]
pub async fn take_on(#[server(default)] person_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::Allocatable;

    let cx = Cx::signed_in()?;
    Allocatable::load_for(&cx, person_id, "took on a person", Allocatable::may_take_on).await?;
    cx.store().allocate(person_id, cx.me().id, cx.me().id, None, cx.now()).await?;
    cx.audit("worker allocated", Some(person_id), Some("took them on from intake")).await?;
    leptos_axum::redirect(&format!("/staff/allocations/{person_id}?done=taken"));
    Ok(())
}

/// A team manager ends the person's allocation: they go back to their team's intake.
#[server(prefix = "/api", endpoint = "allocation/end")]
pub async fn end_allocation(#[server(default)] person_id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::Allocatable;

    let cx = Cx::signed_in()?;
    Allocatable::load_for(&cx, person_id, "ended an allocation", Allocatable::may_end).await?;
    cx.store().end_allocation(person_id, cx.me().id, cx.now()).await?;
    cx.audit("allocation ended", Some(person_id), None).await?;
    leptos_axum::redirect(&format!("/staff/allocations/{person_id}?done=ended"));
    Ok(())
}
