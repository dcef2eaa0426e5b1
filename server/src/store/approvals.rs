//! Actions on an admin's account waiting for a second admin.
for_each_backend! {
    use app::backend::ports::{ApprovalStore, StoreError, StoreResult};
    use app::domain::approvals::{PendingApproval, TwoAdminAction};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct PendingRow {
        id: i64,
        action: String,
        subject_id: i64,
        asked_by: i64,
        asked_by_name: String,
        reason: String,
        asked_at: DateTime<Utc>,
    }

    #[async_trait]
    impl ApprovalStore for DbStore {
        async fn ask_approval(
            &self,
            action: TwoAdminAction,
            subject_id: i64,
            asked_by: i64,
            reason: &str,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            if self.pending_approval(action, subject_id).await?.is_some() {
                return Err(StoreError::Conflict);
            }
            self.run(
                sqlx::query(
                    "INSERT INTO admin_approvals (action, subject_id, asked_by, reason, asked_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(action.as_str())
                .bind(subject_id)
                .bind(asked_by)
                .bind(reason)
                .bind(at),
            )
            .await
        }

        async fn pending_approval(
            &self,
            action: TwoAdminAction,
            subject_id: i64,
        ) -> StoreResult<Option<PendingApproval>> {
            let row: Option<PendingRow> = self
                .optional(
                    sqlx::query_as(
                        "SELECT a.id, a.action, a.subject_id, a.asked_by, u.display_name AS asked_by_name, a.reason, a.asked_at
                         FROM admin_approvals a JOIN users u ON u.id = a.asked_by
                         WHERE a.action = $1 AND a.subject_id = $2 AND a.approved_at IS NULL ORDER BY a.id LIMIT 1",
                    )
                    .bind(action.as_str())
                    .bind(subject_id),
                )
                .await?;
            row.map(|row| {
                Ok(PendingApproval {
                    id: row.id,
                    action: TwoAdminAction::parse(&row.action).ok_or_else(|| unknown("approval action", &row.action))?,
                    subject_id: row.subject_id,
                    asked_by: row.asked_by,
                    asked_by_name: row.asked_by_name,
                    reason: row.reason,
                    asked_at: row.asked_at,
                })
            })
            .transpose()
        }

        async fn approve(&self, id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<bool> {
            let done = sqlx::query(
                "UPDATE admin_approvals SET approved_by = $1, approved_at = $2
                 WHERE id = $3 AND approved_at IS NULL AND asked_by <> $1 AND subject_id <> $1",
            )
            .bind(by)
            .bind(at)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(done.rows_affected() == 1)
        }
    }
}
