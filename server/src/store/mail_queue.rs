//! The mail queue: emails kept until sent, claimed by one server at a time.
for_each_backend! {
    use app::backend::ports::{Email, MailQueueStore, QueuedEmail, StoreError, StoreResult};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct Row {
        id: i64,
        to_address: String,
        subject: String,
        body: String,
        queued_at: DateTime<Utc>,
        attempts: i32,
        last_error: Option<String>,
    }

    impl From<Row> for QueuedEmail {
        fn from(row: Row) -> QueuedEmail {
            QueuedEmail {
                id: row.id,
                email: Email { to: row.to_address, subject: row.subject, body: row.body },
                queued_at: row.queued_at,
                attempts: row.attempts.max(0) as u32,
                last_error: row.last_error,
            }
        }
    }

    const COLUMNS: &str = "id, to_address, subject, body, queued_at, attempts, last_error";

    #[async_trait]
    impl MailQueueStore for DbStore {
        async fn queue_email(&self, email: &Email, at: DateTime<Utc>, claimed_until: DateTime<Utc>) -> StoreResult<i64> {
            let query = sqlx::query_scalar(
                "INSERT INTO mail_queue (to_address, subject, body, queued_at, next_attempt_at, claimed_until)
                 VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
            )
            .bind(&email.to)
            .bind(&email.subject)
            .bind(&email.body)
            .bind(at)
            .bind(claimed_until);
            self.value(query).await
        }

        async fn claim_due_emails(
            &self,
            now: DateTime<Utc>,
            claimed_until: DateTime<Utc>,
            limit: u32,
        ) -> StoreResult<Vec<QueuedEmail>> {
            let sql = format!(
                "UPDATE mail_queue SET claimed_until = $1
                 WHERE id IN (
                     SELECT id FROM mail_queue
                     WHERE gave_up_at IS NULL AND next_attempt_at <= $2 AND (claimed_until IS NULL OR claimed_until <= $2)
                     ORDER BY id LIMIT $3 {}
                 )
                 RETURNING {COLUMNS}",
                dialect::SKIP_LOCKED
            );
            let query = sqlx::query_as(&sql).bind(claimed_until).bind(now).bind(i64::from(limit));
            let mut rows: Vec<Row> = self.all(query).await?;
            rows.sort_by_key(|row| row.id);
            Ok(rows.into_iter().map(QueuedEmail::from).collect())
        }

        async fn email_sent(&self, id: i64) -> StoreResult<()> {
            self.run(sqlx::query("DELETE FROM mail_queue WHERE id = $1").bind(id)).await
        }

        async fn email_failed(
            &self,
            id: i64,
            error: &str,
            retry_at: Option<DateTime<Utc>>,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE mail_queue SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
                 next_attempt_at = COALESCE($3, next_attempt_at),
                 gave_up_at = CASE WHEN $3 IS NULL THEN $4 ELSE NULL END
                 WHERE id = $1",
            )
            .bind(id)
            .bind(error)
            .bind(retry_at)
            .bind(at);
            self.run(query).await
        }

        async fn undelivered_emails(&self) -> StoreResult<Vec<QueuedEmail>> {
            let sql = format!("SELECT {COLUMNS} FROM mail_queue WHERE gave_up_at IS NOT NULL ORDER BY id");
            let rows: Vec<Row> = self.all(sqlx::query_as(&sql)).await?;
            Ok(rows.into_iter().map(QueuedEmail::from).collect())
        }

        async fn send_again(&self, id: i64, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query(
                "UPDATE mail_queue SET gave_up_at = NULL, attempts = 0, next_attempt_at = $2, claimed_until = NULL
                 WHERE id = $1 AND gave_up_at IS NOT NULL",
            )
            .bind(id)
            .bind(at);
            self.change_one(query, StoreError::NotFound).await
        }
    }
}
