//! Server functions for the person's own plan and its agreement. Carers and the people they
//! care for each have one and change only their own: contribution ids are looked up within the
//! signed-in person's plan, so someone else's id is simply "not found". A practitioner signs a
//! version off; a later send makes the next one.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::wire::{AddWordsForm, ChangeItemForm, SignOffForm};
pub use super::wire::{OwnWords, PlanItem, PlanVersionView};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "plan/mine")]
pub async fn my_plan() -> Result<Vec<PlanItem>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let found = cx.store().contributions(cx.me().id).await?;
    Ok(found.into_iter().map(PlanItem::from).collect())
}

#[server(prefix = "/api", endpoint = "plan/add")]
pub async fn add_to_plan(#[server(flatten)] form: AddWordsForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::plan::WrittenContribution;

    let cx = Cx::plan_holder()?;
    let written = WrittenContribution::try_from(form).map_err(|problems| cx.invalid(&problems))?;
    let items = [(written.section, written.text.into_inner())];
    cx.store().add_contributions(cx.me().id, cx.me().id, &items, cx.now()).await?;
    leptos_axum::redirect(&format!("/plan?added=1#{}", written.section.code()));
    Ok(())
}

/// Moves a contribution up or down within its section.
#[server(prefix = "/api", endpoint = "plan/move")]
pub async fn move_in_plan(#[server(default)] id: i64, #[server(default)] direction: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    cx.store().move_contribution(cx.me().id, id, direction == "up").await?;
    leptos_axum::redirect(&format!("/plan#item-{id}"));
    Ok(())
}

/// New words for something already in the plan, or a new caption and description for a
/// picture or clip.
#[server(prefix = "/api", endpoint = "plan/change")]
pub async fn change_in_plan(
    #[server(default)] id: i64,
    #[server(flatten)] form: ChangeItemForm,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let mine = cx.store().find_contribution(id).await?.filter(|c| c.person_id == cx.me().id);
    let found = mine.ok_or(AppError::NotFound)?;
    let change = form.into_change(found.kind).map_err(|problems| cx.invalid(&problems))?;
    cx.store().change_contribution(cx.me().id, id, &change, cx.now()).await?;
    leptos_axum::redirect(&format!("/plan?changed=1#item-{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "plan/remove")]
pub async fn remove_from_plan(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    cx.store().remove_contribution(cx.me().id, id, cx.now()).await?;
    leptos_axum::redirect("/plan");
    Ok(())
}

/// Keeps the person's long text, then shows where each part could go.
#[server(prefix = "/api", endpoint = "plan/own-words")]
pub async fn save_own_words(#[server(default)] words: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::plan::{PlanProblem, WrittenContribution};
    use crate::domain::text::BoundedText;

    let cx = Cx::plan_holder()?;
    let words = BoundedText::required(&words, WrittenContribution::TEXT_MAX * 4)
        .map_err(|problem| cx.invalid(&[PlanProblem::OwnWords(problem)]))?;
    cx.store().save_own_words(cx.me().id, Some(words.as_str()), cx.now()).await?;
    leptos_axum::redirect("/plan/own-words/sections");
    Ok(())
}

/// The kept text split into parts, each with a proposed section and the reason for it.
#[server(prefix = "/api", endpoint = "plan/own-words/proposals")]
pub async fn own_words_proposals() -> Result<OwnWords, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::plan::words::propose_sections;

    let cx = Cx::plan_holder()?;
    let words = cx.store().own_words(cx.me().id).await?.unwrap_or_default();
    Ok(OwnWords { parts: propose_sections(&words), words })
}

/// Adds the parts of the kept text to the plan, each in the section the person chose
/// (`section-0`, `section-1`…). The parts come from the kept text, not from the form.
#[server(prefix = "/api", endpoint = "plan/own-words/accept")]
pub async fn accept_own_words(
    #[server(flatten)]
    #[server(default)]
    choices: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::plan::words::propose_sections;
    use crate::domain::plan::PlanSection;

    let cx = Cx::plan_holder()?;
    let me = cx.me().id;
    let words = cx.store().own_words(me).await?.ok_or(AppError::NotFound)?;
    let items: Vec<(PlanSection, String)> = propose_sections(&words)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let chosen = choices.get(&format!("section-{i}")).and_then(|c| PlanSection::parse(c));
            (chosen.unwrap_or(part.section), part.text)
        })
        .collect();
    let now = cx.now();
    cx.store().add_contributions(me, me, &items, now).await?;
    cx.store().save_own_words(me, None, now).await?;
    leptos_axum::redirect(&format!("/plan?accepted={}", items.len()));
    Ok(())
}

/// Sends the person's plan, as it is now, for a practitioner to agree.
#[server(prefix = "/api", endpoint = "plan/send")]
pub async fn send_plan() -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::plan::SentContribution;

    let cx = Cx::plan_holder()?;
    let me = cx.me().id;
    let contributions = cx.store().contributions(me).await?;
    let sent: Vec<SentContribution> = contributions.into_iter().map(SentContribution::from).collect();
    let id = cx.store().send_plan(me, &sent, cx.now()).await?;
    cx.audit("plan sent for agreement", Some(me), Some(&id.to_string())).await?;
    leptos_axum::redirect("/plan?sent=1");
    Ok(())
}

/// The person's own plan versions, newest first.
#[server(prefix = "/api", endpoint = "plan/versions")]
pub async fn my_plan_versions() -> Result<Vec<PlanVersionView>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let versions = cx.store().plan_versions(cx.me().id).await?;
    Ok(versions.into_iter().map(|v| PlanVersionView::from_record(v, cx.locale())).collect())
}

/// Plans waiting for sign-off from people in the practitioner's caseload.
#[server(prefix = "/api", endpoint = "plan/awaiting-sign-off")]
pub async fn plans_awaiting_sign_off() -> Result<Vec<PlanVersionView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ViewCaseload, "plans awaiting sign-off").await?;
    let caseload = cx.relations().await?.caseload;
    let waiting = cx.store().plans_awaiting_sign_off().await?;
    Ok(waiting
        .into_iter()
        .filter(|v| caseload.contains(&v.person_id))
        .map(|v| PlanVersionView::from_record(v, cx.locale()))
        .collect())
}

/// One version of a plan, for the person, those they share it with, or their practitioner.
#[server(prefix = "/api", endpoint = "plan/version")]
pub async fn plan_version(#[server(default)] id: i64) -> Result<PlanVersionView, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::emergency::EmergencyPlan;
    use crate::features::emergency::wire::CarerPlanNotice;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let found = cx.store().plan_version(id).await;
    let found = cx.authorised(found, Record::Plan, Access::View, "viewed support plan").await?;
    let (locale, today) = (cx.locale(), cx.today());
    let carers_plans = EmergencyPlan::of_carers_of(&cx, found.person_id).await?;
    let carers_plans = carers_plans.into_iter().map(|p| CarerPlanNotice::from_record(p, locale, today)).collect();
    Ok(PlanVersionView { carers_plans, ..PlanVersionView::from_record(found, locale) })
}

/// The practitioner completes the statutory fields and signs the plan off.
#[server(prefix = "/api", endpoint = "plan/sign-off")]
pub async fn sign_off_plan(#[server(default)] id: i64, #[server(flatten)] form: SignOffForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::send_plan_copy;
    use crate::domain::reviews::planned_after_sign_off;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let found = cx.store().plan_version(id).await;
    let found = cx.authorised(found, Record::Plan, Access::Edit, "signed off support plan").await?;
    let now = cx.now();
    let today = now.date_naive();
    let record = form.into_record(today).map_err(|problems| cx.invalid(&problems))?;
    cx.store().sign_off_plan(found.id, cx.me().id, &record, &planned_after_sign_off(today), now).await?;
    cx.audit("support plan signed off", Some(found.person_id), Some(&found.id.to_string())).await?;
    send_plan_copy(&cx, &found).await;
    leptos_axum::redirect(&format!("/plan/versions/{}", found.id));
    Ok(())
}
