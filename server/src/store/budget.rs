//! Personal budgets (one per signed-off plan version, kept as JSON) and the spending recorded
//! against them (one row each, amounts in whole pence).
for_each_backend! {
    use app::backend::ports::{BudgetStore, RecordedSpend, SetBudget, StoreError, StoreResult};
    use app::domain::assessment::CarerOutcome;
    use app::domain::budget::{PersonalBudget, Spend};
    use app::domain::money::Money;
    use app::domain::reviews::PlannedReview;
    use async_trait::async_trait;
    use chrono::{DateTime, NaiveDate, Utc};

    const SELECT: &str =
        "SELECT b.id, b.plan_version_id, v.version AS plan_version, b.person_id, u.display_name AS person_name,
            b.budget, b.set_at
        FROM budgets b JOIN plan_versions v ON v.id = b.plan_version_id JOIN users u ON u.id = b.person_id";

    #[derive(sqlx::FromRow)]
    struct BudgetRow {
        id: i64,
        plan_version_id: i64,
        plan_version: i64,
        person_id: i64,
        person_name: String,
        budget: String,
        set_at: DateTime<Utc>,
    }

    impl BudgetRow {
        fn into_budget(self) -> StoreResult<SetBudget> {
            Ok(SetBudget {
                id: self.id,
                plan_version_id: self.plan_version_id,
                plan_version: self.plan_version,
                person_id: self.person_id,
                person_name: self.person_name,
                budget: serde_json::from_str(&self.budget).map_err(|e| unreadable("budget", e))?,
                set_at: self.set_at,
            })
        }
    }

    #[derive(sqlx::FromRow)]
    struct SpendRow {
        id: i64,
        spent_on: NaiveDate,
        amount_pence: i64,
        what_for: String,
        outcome: Option<String>,
        recorded_at: DateTime<Utc>,
    }

    impl DbStore {
        async fn one_budget(&self, condition: &str, id: i64) -> StoreResult<Option<SetBudget>> {
            let sql = format!("{SELECT} WHERE {condition} ORDER BY v.version DESC LIMIT 1");
            let row: Option<BudgetRow> = self.optional(sqlx::query_as(&sql).bind(id)).await?;
            row.map(BudgetRow::into_budget).transpose()
        }
    }

    #[async_trait]
    impl BudgetStore for DbStore {
        async fn set_budget(
            &self,
            plan_version_id: i64,
            person_id: i64,
            set_by: i64,
            budget: &PersonalBudget,
            review: Option<&PlannedReview>,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            let json = serde_json::to_string(budget).map_err(|e| unreadable("budget", e))?;
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO budgets (plan_version_id, person_id, budget, set_by, set_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(plan_version_id)
            .bind(person_id)
            .bind(json)
            .bind(set_by)
            .bind(at)
            .fetch_one(&mut *tx)
            .await
            .map_err(store_error)?;
            if let Some(review) = review {
                reviews::plan_review(&mut tx, person_id, Some(plan_version_id), review, at).await?;
            }
            tx.commit().await.map_err(store_error)?;
            Ok(id)
        }

        async fn current_budget(&self, person_id: i64) -> StoreResult<Option<SetBudget>> {
            self.one_budget("b.person_id = $1", person_id).await
        }

        async fn budget_for_plan(&self, plan_version_id: i64) -> StoreResult<Option<SetBudget>> {
            self.one_budget("b.plan_version_id = $1", plan_version_id).await
        }

        async fn spends(&self, budget_id: i64) -> StoreResult<Vec<RecordedSpend>> {
            let query = sqlx::query_as::<_, SpendRow>(
                "SELECT id, spent_on, amount_pence, what_for, outcome, recorded_at FROM spends WHERE budget_id = $1 ORDER BY spent_on, id",
            )
            .bind(budget_id);
            let rows = self.all(query).await?;
            rows.into_iter()
                .map(|row| {
                    let outcome = match row.outcome.as_deref() {
                        None => None,
                        Some(code) => Some(
                            CarerOutcome::parse(code).ok_or_else(|| unknown("outcome", code))?,
                        ),
                    };
                    Ok(RecordedSpend {
                        id: row.id,
                        spend: Spend {
                            on: row.spent_on,
                            amount: Money::from_pence(row.amount_pence),
                            what_for: row.what_for,
                            outcome,
                        },
                        recorded_at: row.recorded_at,
                    })
                })
                .collect()
        }

        async fn record_spend(
            &self,
            budget_id: i64,
            person_id: i64,
            by: i64,
            spend: &Spend,
            at: DateTime<Utc>,
        ) -> StoreResult<i64> {
            sqlx::query_scalar(
                "INSERT INTO spends (budget_id, person_id, spent_on, amount_pence, what_for, outcome, recorded_by, recorded_at)
                 SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM budgets WHERE id = $1 AND person_id = $2 RETURNING id",
            )
            .bind(budget_id)
            .bind(person_id)
            .bind(spend.on)
            .bind(spend.amount.pence())
            .bind(&spend.what_for)
            .bind(spend.outcome.map(|o| o.code()))
            .bind(by)
            .bind(at)
            .fetch_optional(&self.pool)
            .await
            .map_err(store_error)?
            .ok_or(StoreError::NotFound)
        }
    }
}
