//! The append-only audit log (the database refuses updates and deletes).
for_each_backend! {
    use app::backend::ports::{AuditEvent, AuditLog, StoreResult};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct AuditRow {
        at: DateTime<Utc>,
        actor_id: Option<i64>,
        action: String,
        subject_id: Option<i64>,
        reason: Option<String>,
        detail: Option<String>,
        client_ip: Option<String>,
    }

    /// The statement that appends `event` to the log: on the pool, or in the transaction of
    /// the change it records.
    pub(crate) fn appending(event: &AuditEvent) -> sqlx::query::Query<'_, Db, <Db as sqlx::Database>::Arguments<'_>> {
        sqlx::query(
            "INSERT INTO audit_events (at, actor_id, action, subject_id, reason, detail, client_ip)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(event.at)
        .bind(event.actor_id)
        .bind(&event.action)
        .bind(event.subject_id)
        .bind(&event.reason)
        .bind(&event.detail)
        .bind(&event.client_ip)
    }

    #[async_trait]
    impl AuditLog for DbStore {
        async fn record(&self, event: &AuditEvent) -> StoreResult<()> {
            self.run(appending(event)).await
        }

        async fn recent(&self, limit: u32, practitioner: Option<i64>) -> StoreResult<Vec<AuditEvent>> {
            // A practitioner's people are their open allocations (as `relations` reads them); the
            // limit is bound last.
            let query = match practitioner {
                None => sqlx::query_as::<_, AuditRow>(
                    "SELECT at, actor_id, action, subject_id, reason, detail, client_ip FROM audit_events
                     ORDER BY id DESC LIMIT $1",
                ),
                Some(practitioner) => sqlx::query_as::<_, AuditRow>(
                    "SELECT at, actor_id, action, subject_id, reason, detail, client_ip FROM audit_events
                     WHERE actor_id = $1 OR subject_id IN
                       (SELECT person_id FROM allocations WHERE practitioner_id = $1 AND ended_at IS NULL)
                     ORDER BY id DESC LIMIT $2",
                )
                .bind(practitioner),
            };
            let rows: Vec<AuditRow> = self.all(query.bind(i64::from(limit))).await?;
            Ok(rows
                .into_iter()
                .map(|r| AuditEvent {
                    at: r.at,
                    actor_id: r.actor_id,
                    action: r.action,
                    subject_id: r.subject_id,
                    reason: r.reason,
                    detail: r.detail,
                    client_ip: r.client_ip,
                })
                .collect())
        }
    }
}
