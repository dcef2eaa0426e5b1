//! The store's side of personal budgets and the spending recorded against them.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::budget::{summarise, PersonalBudget, Spend};
use crate::domain::reviews::PlannedReview;
use crate::error::AppError;
use crate::features::budget::wire::BudgetView;

/// A budget as set for one signed-off plan version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetBudget {
    pub id: i64,
    pub plan_version_id: i64,
    pub plan_version: i64,
    pub person_id: i64,
    pub person_name: String,
    pub budget: PersonalBudget,
    pub set_at: DateTime<Utc>,
}

impl SetBudget {
    /// The budget as the pages show it: with its spending, the sums as of today, and dates in
    /// the reader's language.
    pub async fn view<Who>(self, cx: &Cx<Who>) -> Result<BudgetView, AppError> {
        let spends: Vec<Spend> = cx.store().spends(self.id).await?.into_iter().map(|s| s.spend).collect();
        let locale = cx.locale();
        let summary = summarise(&self.budget, &spends, cx.today());
        Ok(BudgetView {
            plan_version_id: self.plan_version_id,
            plan_version: self.plan_version,
            person_name: self.person_name,
            starts_on: self.budget.direct_payment.as_ref().map(|dp| locale.long_date(dp.starts_on)),
            next_payment: summary.next_payment.map(|d| locale.long_date(d)),
            set_on: locale.long_date(self.set_at.date_naive()),
            budget: self.budget,
            summary,
            spends,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedSpend {
    pub id: i64,
    pub spend: Spend,
    pub recorded_at: DateTime<Utc>,
}

#[async_trait]
pub trait BudgetStore: Send + Sync {
    /// Sets the budget for a plan version, and plans the Direct Payment review if there is one,
    /// all or nothing. `Conflict` if that version already has a budget.
    async fn set_budget(
        &self,
        plan_version_id: i64,
        person_id: i64,
        set_by: i64,
        budget: &PersonalBudget,
        review: Option<&PlannedReview>,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// The budget of the person's latest plan version that has one.
    async fn current_budget(&self, person_id: i64) -> StoreResult<Option<SetBudget>>;
    async fn budget_for_plan(&self, plan_version_id: i64) -> StoreResult<Option<SetBudget>>;
    /// Spending from a budget, oldest first.
    async fn spends(&self, budget_id: i64) -> StoreResult<Vec<RecordedSpend>>;
    async fn record_spend(
        &self,
        budget_id: i64,
        person_id: i64,
        by: i64,
        spend: &Spend,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
}
