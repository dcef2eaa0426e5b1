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

    #[async_trait]
    impl AuditLog for DbStore {
        async fn record(&self, event: &AuditEvent) -> StoreResult<()> {
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
            .execute(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(())
        }

        async fn recent(&self, limit: u32, about: Option<(i64, &[i64])>) -> StoreResult<Vec<AuditEvent>> {
            // Only numbers are written into the statement (the placeholders); every value is bound.
            let filter = match about {
                None => String::new(),
                Some((_, people)) => {
                    let placeholders: Vec<String> = (0..people.len()).map(|n| format!("${}", n + 3)).collect();
                    let people = if people.is_empty() { String::new() } else { format!(" OR subject_id IN ({})", placeholders.join(", ")) };
                    format!("WHERE (actor_id = $2{people})")
                }
            };
            let sql = format!(
                "SELECT at, actor_id, action, subject_id, reason, detail, client_ip FROM audit_events
                 {filter} ORDER BY id DESC LIMIT $1"
            );
            let mut query = sqlx::query_as::<_, AuditRow>(&sql).bind(i64::from(limit));
            if let Some((actor, people)) = about {
                query = query.bind(actor);
                for person in people {
                    query = query.bind(*person);
                }
            }
            let rows: Vec<AuditRow> = query.fetch_all(&self.pool).await.map_err(store_error)?;
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
