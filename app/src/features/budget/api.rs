//! Server functions for personal budgets: the practitioner sets one for a signed-off plan; the
//! person sees it against what they have spent and records spending.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::budget::{BudgetSummary, PersonalBudget, Spend};
use crate::error::AppError;

/// A budget with its spending and the sums, for the pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    pub plan_version_id: i64,
    pub plan_version: i64,
    pub person_name: String,
    pub budget: PersonalBudget,
    pub summary: BudgetSummary,
    pub spends: Vec<Spend>,
    /// Dates in the reader's language: first payment, next payment, set on.
    pub starts_on: Option<String>,
    pub next_payment: Option<String>,
    pub set_on: String,
}

#[cfg(feature = "ssr")]
pub async fn view_of(
    services: &crate::backend::ports::Services,
    visitor: &crate::kit::visitor::Visitor,
    set: crate::backend::ports::SetBudget,
) -> Result<BudgetView, AppError> {
    use crate::domain::budget::summarise;
    let spends: Vec<Spend> = services
        .store
        .spends(set.id)
        .await
        .map_err(|e| crate::backend::cx::store_failure(visitor, "reading spending", e))?
        .into_iter()
        .map(|s| s.spend)
        .collect();
    let locale = visitor.locale;
    let summary = summarise(&set.budget, &spends, services.clock.now().date_naive());
    Ok(BudgetView {
        plan_version_id: set.plan_version_id,
        plan_version: set.plan_version,
        person_name: set.person_name,
        starts_on: set.budget.direct_payment.as_ref().map(|dp| locale.long_date(dp.starts_on)),
        next_payment: summary.next_payment.map(|d| locale.long_date(d)),
        set_on: locale.long_date(set.set_at.date_naive()),
        budget: set.budget,
        summary,
        spends,
    })
}

/// The signed-in person's current budget, if one has been set.
#[server(prefix = "/api", endpoint = "budget/mine")]
pub async fn my_budget() -> Result<Option<BudgetView>, AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let set = services.store.current_budget(me.id).await.map_err(|e| store_failure(&visitor, "reading a budget", e))?;
    match set {
        Some(set) => Ok(Some(view_of(&services, &visitor, set).await?)),
        None => Ok(None),
    }
}

/// Records something the person paid for from their current budget.
#[server(prefix = "/api", endpoint = "budget/spend")]
pub async fn record_spend(
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = crate::backend::cx::plan_holder(&visitor)?;
    let services = services()?;
    let now = services.clock.now();
    let set = services
        .store
        .current_budget(me.id)
        .await
        .map_err(|e| store_failure(&visitor, "reading a budget", e))?
        .ok_or(AppError::NotFound)?;
    let spend = Spend::parse(&fields, now.date_naive()).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    services
        .store
        .record_spend(set.id, me.id, me.id, &spend, now)
        .await
        .map_err(|e| store_failure(&visitor, "recording spending", e))?;
    leptos_axum::redirect("/budget?recorded=1#spending");
    Ok(())
}

/// The budget set for one plan version, for anyone allowed to see that plan.
#[server(prefix = "/api", endpoint = "budget/for-plan")]
pub async fn plan_budget(#[server(default)] id: i64) -> Result<Option<BudgetView>, AppError> {
    use crate::policy::Access;
    use crate::backend::cx::{authorise_person, services, signed_in, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let version =
        services.store.plan_version(id).await.map_err(|e| store_failure(&visitor, "reading a plan", e))?.ok_or(AppError::NotFound)?;
    authorise_person(&services, &visitor, &me.actor(), version.person_id, crate::policy::Record::Budget, Access::View, "viewed personal budget").await?;
    match services.store.budget_for_plan(id).await.map_err(|e| store_failure(&visitor, "reading a budget", e))? {
        Some(set) => Ok(Some(view_of(&services, &visitor, set).await?)),
        None => Ok(None),
    }
}

/// The practitioner sets the budget for a signed-off plan version (once per version). A Direct
/// Payment gets its review planned within six months of the first payment.
#[server(prefix = "/api", endpoint = "budget/set")]
pub async fn set_budget(
    #[server(default)] id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::domain::reviews::direct_payment_review;
    use crate::policy::Access;
    use crate::backend::cx::{audit, authorise_record, services, signed_in, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let me = signed_in(&visitor)?;
    let services = services()?;
    let version =
        services.store.plan_version(id).await.map_err(|e| store_failure(&visitor, "reading a plan", e))?.ok_or(AppError::NotFound)?;
    authorise_record(&services, &visitor, &me, version.person_id, crate::policy::Record::Budget, Access::Edit, "set personal budget").await?;
    if version.signed_off_at.is_none() {
        return Err(AppError::NotFound);
    }
    let budget = PersonalBudget::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let review = budget.direct_payment.as_ref().map(|dp| direct_payment_review(dp.starts_on));
    services
        .store
        .set_budget(id, version.person_id, me.id, &budget, review.as_ref(), services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "setting a budget", e))?;
    audit(&services, &visitor, Some(me.id), "personal budget set", Some(version.person_id), Some(&id.to_string())).await?;
    leptos_axum::redirect(&format!("/plan/versions/{id}?budget=1"));
    Ok(())
}
