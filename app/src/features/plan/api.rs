//! Server functions for the person's own plan. Carers and the people they care for each have
//! one and change only their own: contribution ids are looked up within the signed-in
//! person's plan, so someone else's id is simply "not found".
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::plan::words::ProposedPart;
use crate::domain::plan::{ContributionKind, PlanSection};
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: i64,
    pub section: PlanSection,
    pub kind: ContributionKind,
    pub body: String,
    pub caption: Option<String>,
    pub alt_text: Option<String>,
    pub media_type: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnWords {
    pub words: String,
    pub parts: Vec<ProposedPart>,
}

#[server(prefix = "/api", endpoint = "plan/mine")]
pub async fn my_plan() -> Result<Vec<PlanItem>, AppError> {
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let found = services()?.store.contributions(me.id).await.map_err(|e| crate::backend::cx::store_failure(&visitor, "reading a plan", e))?;
    Ok(found
        .into_iter()
        .map(|c| PlanItem {
            id: c.id,
            section: c.section,
            kind: c.kind,
            body: c.body,
            caption: c.caption,
            alt_text: c.alt_text,
            media_type: c.media_type,
        })
        .collect())
}

#[server(prefix = "/api", endpoint = "plan/add")]
pub async fn add_to_plan(#[server(default)] section: String, #[server(default)] text: String) -> Result<(), AppError> {
    use crate::domain::plan::WrittenContribution;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let written = WrittenContribution::parse(&section, &text).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let items = [(written.section, written.text.as_str().to_owned())];
    services
        .store
        .add_contributions(me.id, me.id, &items, services.clock.now())
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "adding to a plan", e))?;
    leptos_axum::redirect(&format!("/plan?added=1#{}", written.section.code()));
    Ok(())
}

/// Moves a contribution up or down within its section.
#[server(prefix = "/api", endpoint = "plan/move")]
pub async fn move_in_plan(#[server(default)] id: i64, #[server(default)] direction: String) -> Result<(), AppError> {
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    services()?
        .store
        .move_contribution(me.id, id, direction == "up")
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "moving a contribution", e))?;
    leptos_axum::redirect(&format!("/plan#item-{id}"));
    Ok(())
}

/// New words for something already in the plan, or a new caption and description for a
/// picture or clip.
#[server(prefix = "/api", endpoint = "plan/change")]
pub async fn change_in_plan(
    #[server(default)] id: i64,
    #[server(default)] text: String,
    #[server(default)] caption: String,
    #[server(default)] alt_text: String,
) -> Result<(), AppError> {
    use crate::domain::plan::ContributionChange;
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let found = services
        .store
        .find_contribution(id)
        .await
        .map_err(|e| store_failure(&visitor, "finding a contribution", e))?
        .filter(|c| c.person_id == me.id)
        .ok_or(AppError::NotFound)?;
    let change =
        ContributionChange::parse(found.kind, &text, &caption, &alt_text).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    services
        .store
        .change_contribution(me.id, id, &change, services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "changing a contribution", e))?;
    leptos_axum::redirect(&format!("/plan?changed=1#item-{id}"));
    Ok(())
}

#[server(prefix = "/api", endpoint = "plan/remove")]
pub async fn remove_from_plan(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    services
        .store
        .remove_contribution(me.id, id, services.clock.now())
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "removing a contribution", e))?;
    leptos_axum::redirect("/plan");
    Ok(())
}

/// Keeps the person's long text, then shows where each part could go.
#[server(prefix = "/api", endpoint = "plan/own-words")]
pub async fn save_own_words(#[server(default)] words: String) -> Result<(), AppError> {
    use crate::domain::plan::{PlanProblem, WrittenContribution};
    use crate::domain::text::BoundedText;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let words = BoundedText::required(&words, WrittenContribution::TEXT_MAX * 4)
        .map_err(|p| AppError::invalid(&[PlanProblem::OwnWords(p)], visitor.locale))?;
    services
        .store
        .save_own_words(me.id, Some(words.as_str()), services.clock.now())
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "keeping own words", e))?;
    leptos_axum::redirect("/plan/own-words/sections");
    Ok(())
}

/// The kept text split into parts, each with a proposed section and the reason for it.
#[server(prefix = "/api", endpoint = "plan/own-words/proposals")]
pub async fn own_words_proposals() -> Result<OwnWords, AppError> {
    use crate::domain::plan::words::propose_sections;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let words = services()?
        .store
        .own_words(me.id)
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "reading own words", e))?
        .unwrap_or_default();
    Ok(OwnWords { parts: propose_sections(&words), words })
}

/// Adds the parts of the kept text to the plan, each in the section the person chose
/// (`section-0`, `section-1`…). The parts come from the kept text, not from the form.
#[server(prefix = "/api", endpoint = "plan/own-words/accept")]
pub async fn accept_own_words(
    #[server(flatten)]
    #[server(default)]
    choices: std::collections::BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::plan::words::propose_sections;
    use crate::backend::cx::services;
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let words = services
        .store
        .own_words(me.id)
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "reading own words", e))?
        .ok_or(AppError::NotFound)?;
    let items: Vec<(PlanSection, String)> = propose_sections(&words)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let chosen = choices.get(&format!("section-{i}")).and_then(|c| PlanSection::parse(c));
            (chosen.unwrap_or(part.section), part.text)
        })
        .collect();
    let now = services.clock.now();
    services
        .store
        .add_contributions(me.id, me.id, &items, now)
        .await
        .map_err(|e| crate::backend::cx::store_failure(&visitor, "adding own words", e))?;
    services.store.save_own_words(me.id, None, now).await.map_err(|e| crate::backend::cx::store_failure(&visitor, "clearing own words", e))?;
    leptos_axum::redirect(&format!("/plan?accepted={}", items.len()));
    Ok(())
}
