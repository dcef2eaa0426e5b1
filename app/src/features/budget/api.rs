//! Server functions for personal budgets: the practitioner sets one for a signed-off plan; the
//! person sees it against what they have spent and records spending.
use leptos::prelude::*;

pub use super::wire::BudgetView;
use super::wire::{SetBudgetForm, SpendForm};
use crate::error::AppError;

/// The signed-in person's current budget, if one has been set.
#[server(prefix = "/api", endpoint = "budget/mine")]
pub async fn my_budget() -> Result<Option<BudgetView>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let Some(set) = cx.store().current_budget(cx.me().id).await? else { return Ok(None) };
    let spends = set.spends(&cx).await?;
    Ok(Some(BudgetView::from_record(set, spends, cx.locale(), cx.today())))
}

/// Records something the person paid for from their current budget.
#[server(prefix = "/api", endpoint = "budget/spend")]
pub async fn record_spend(#[server(flatten)] form: SpendForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let me = cx.me().id;
    let set = cx.store().current_budget(me).await?.ok_or(AppError::NotFound)?;
    let spend = form.into_spend(cx.today()).map_err(|p| cx.invalid(&p))?;
    cx.store().record_spend(set.id, me, me, &spend, cx.now()).await?;
    leptos_axum::redirect("/budget?recorded=1#spending");
    Ok(())
}

/// The budget set for one plan version, for anyone allowed to see that plan.
#[server(prefix = "/api", endpoint = "budget/for-plan")]
pub async fn plan_budget(#[server(default)] id: i64) -> Result<Option<BudgetView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    cx.authorised(cx.store().plan_version(id).await, Record::Budget, Access::View, "viewed personal budget").await?;
    let Some(set) = cx.store().budget_for_plan(id).await? else { return Ok(None) };
    let spends = set.spends(&cx).await?;
    Ok(Some(BudgetView::from_record(set, spends, cx.locale(), cx.today())))
}

/// The practitioner sets the budget for a signed-off plan version (once per version). A Direct
/// Payment gets its review planned within six months of the first payment.
#[server(prefix = "/api", endpoint = "budget/set")]
pub async fn set_budget(#[server(default)] id: i64, #[server(flatten)] form: SetBudgetForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::budget::PersonalBudget;
    use crate::domain::reviews::direct_payment_review;
    use crate::policy::{Access, Record};

    let cx = Cx::signed_in()?;
    let version =
        cx.authorised(cx.store().plan_version(id).await, Record::Budget, Access::Edit, "set personal budget").await?;
    if version.signed_off_at.is_none() {
        return Err(AppError::NotFound);
    }
    let budget = PersonalBudget::try_from(form).map_err(|p| cx.invalid(&p))?;
    let review = budget.direct_payment.as_ref().map(|dp| direct_payment_review(dp.starts_on));
    cx.store().set_budget(id, version.person_id, cx.me().id, &budget, review.as_ref(), cx.now()).await?;
    cx.audit("personal budget set", Some(version.person_id), Some(&id.to_string())).await?;
    leptos_axum::redirect(&format!("/plan/versions/{id}?budget=1"));
    Ok(())
}
