//! Intake and allocation: who is waiting for a worker with what they sent, and who works with
//! whom (the caseloads every practitioner's queues filter on).
for_each_backend! {
    use app::backend::ports::{AllocationStore, StoreError, StoreResult};
    use app::domain::account::Role;
    use app::domain::allocation::{Allocation, Submission, Waiting};
    use app::domain::area::Postcode;
    use app::domain::teams::OpenAllocation;
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    /// Carers and cared-for people with no live worker, with when their last worker stopped.
    /// Erased accounts (see `data_rights::tables`) wait for nobody.
    const WITHOUT_A_WORKER: &str = "
        WITH people AS (
            SELECT u.id, u.display_name, u.role, u.postcode, u.created_at,
                   (SELECT MAX(COALESCE(a.ended_at, p.disabled_at)) FROM allocations a
                    JOIN users p ON p.id = a.practitioner_id WHERE a.person_id = u.id) AS last_worker_until
            FROM users u
            WHERE u.role IN ('carer', 'customer') AND u.email NOT LIKE 'erased-%@invalid'
              AND NOT EXISTS (SELECT 1 FROM allocations a JOIN users p ON p.id = a.practitioner_id
                              WHERE a.person_id = u.id AND a.ended_at IS NULL AND p.disabled_at IS NULL)
        )";

    #[derive(FromRow)]
    struct WaitingRow {
        id: i64,
        display_name: String,
        role: String,
        postcode: Option<String>,
        kind: String,
        at: DateTime<Utc>,
        last_worker_until: Option<DateTime<Utc>>,
    }

    #[derive(FromRow)]
    struct AllocationRow {
        practitioner_id: i64,
        practitioner_name: String,
        practitioner_disabled: bool,
        started_at: DateTime<Utc>,
        started_by: Option<String>,
        handover_note: Option<String>,
        ended_at: Option<DateTime<Utc>>,
    }

    #[async_trait]
    impl AllocationStore for DbStore {
        async fn waiting_for_a_worker(&self) -> StoreResult<Vec<Waiting>> {
            let sql = format!(
                "{WITHOUT_A_WORKER}
                 SELECT id, display_name, role, postcode, 'registered' AS kind, created_at AS at, last_worker_until FROM people
                 UNION ALL
                 SELECT p.id, p.display_name, p.role, p.postcode, 'assessment', v.submitted_at, p.last_worker_until
                 FROM people p JOIN assessment_versions v ON v.carer_id = p.id
                 UNION ALL
                 SELECT p.id, p.display_name, p.role, p.postcode, 'plan', v.submitted_at, p.last_worker_until
                 FROM people p JOIN plan_versions v ON v.person_id = p.id
                 UNION ALL
                 SELECT p.id, p.display_name, p.role, p.postcode, 'review_request', r.created_at, p.last_worker_until
                 FROM people p JOIN reviews r ON r.person_id = p.id AND r.kind = 'requested'
                 UNION ALL
                 SELECT p.id, p.display_name, p.role, p.postcode, 'message', m.received_at, p.last_worker_until
                 FROM people p JOIN contact_messages m ON m.person_id = p.id
                 UNION ALL
                 SELECT p.id, p.display_name, p.role, p.postcode, 'message', r.sent_at, p.last_worker_until
                 FROM people p JOIN contact_messages m ON m.person_id = p.id
                 JOIN contact_replies r ON r.message_id = m.id AND NOT r.from_staff"
            );
            let rows: Vec<WaitingRow> = self.all(sqlx::query_as(&sql)).await?;
            rows.into_iter()
                .map(|row| {
                    Ok(Waiting {
                        person_id: row.id,
                        role: Role::parse(&row.role).ok_or_else(|| unknown("role", &row.role))?,
                        postcode: row.postcode.as_deref().and_then(Postcode::parse),
                        kind: Submission::parse(&row.kind).ok_or_else(|| unknown("submission", &row.kind))?,
                        name: row.display_name,
                        at: row.at,
                        last_worker_until: row.last_worker_until,
                    })
                })
                .collect()
        }

        async fn allocations_of(&self, person_id: i64) -> StoreResult<Vec<Allocation>> {
            let query = sqlx::query_as(
                "SELECT a.practitioner_id, p.display_name AS practitioner_name,
                        p.disabled_at IS NOT NULL AS practitioner_disabled, a.started_at,
                        s.display_name AS started_by, a.handover_note, a.ended_at
                 FROM allocations a
                 JOIN users p ON p.id = a.practitioner_id
                 LEFT JOIN users s ON s.id = a.started_by
                 WHERE a.person_id = $1
                 ORDER BY a.started_at DESC, a.id DESC",
            )
            .bind(person_id);
            let rows: Vec<AllocationRow> = self.all(query).await?;
            Ok(rows
                .into_iter()
                .map(|r| Allocation {
                    practitioner_id: r.practitioner_id,
                    practitioner_name: r.practitioner_name,
                    practitioner_disabled: r.practitioner_disabled,
                    started_at: r.started_at,
                    started_by: r.started_by,
                    handover_note: r.handover_note,
                    ended_at: r.ended_at,
                })
                .collect())
        }

        async fn open_allocations(&self) -> StoreResult<Vec<OpenAllocation>> {
            let query = sqlx::query_as(
                "SELECT a.person_id, u.role, u.postcode, a.practitioner_id FROM allocations a JOIN users u ON u.id = a.person_id
                 WHERE a.ended_at IS NULL ORDER BY a.person_id",
            );
            let rows: Vec<(i64, String, Option<String>, i64)> = self.all(query).await?;
            rows.into_iter()
                .map(|(person_id, role, postcode, practitioner_id)| {
                    let role = Role::parse(&role).ok_or_else(|| unknown("role", &role))?;
                    let postcode = postcode.as_deref().and_then(Postcode::parse);
                    Ok(OpenAllocation { person_id, role, postcode, practitioner_id })
                })
                .collect()
        }

        async fn allocate(
            &self,
            person_id: i64,
            practitioner_id: i64,
            by: i64,
            handover_note: Option<&str>,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            sqlx::query("UPDATE allocations SET ended_at = $1, ended_by = $2 WHERE person_id = $3 AND ended_at IS NULL")
                .bind(at)
                .bind(by)
                .bind(person_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            sqlx::query(
                "INSERT INTO allocations (person_id, practitioner_id, started_at, started_by, handover_note)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(person_id)
            .bind(practitioner_id)
            .bind(at)
            .bind(by)
            .bind(handover_note)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            tx.commit().await.map_err(store_error)
        }

        async fn end_allocation(&self, person_id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE allocations SET ended_at = $1, ended_by = $2 WHERE person_id = $3 AND ended_at IS NULL",
            )
            .bind(at)
            .bind(by)
            .bind(person_id);
            self.change_one(query, StoreError::NotFound).await
        }
    }
}
