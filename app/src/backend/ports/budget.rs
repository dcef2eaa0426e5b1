//! The store's side of personal budgets and the spending recorded against them.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::budget::{PersonalBudget, RecordedSpend, SetBudget, Spend};
use crate::domain::reviews::PlannedReview;
use crate::error::AppError;

impl SetBudget {
    /// The spending from the budget, oldest first, for its pages and its letter.
    pub async fn spends<Who>(&self, cx: &Cx<Who>) -> Result<Vec<Spend>, AppError> {
        Ok(cx.store().spends(self.id).await?.into_iter().map(|s| s.spend).collect())
    }
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
