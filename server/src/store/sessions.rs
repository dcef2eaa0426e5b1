//! Server-side sessions.
for_each_backend! {
    use app::backend::ports::{SessionRecord, SessionStore, StoreError, StoreResult};
    use app::domain::account::Role;
    use app::kit::forms::FormFlash;
    use app::kit::visitor::SignedInUser;
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};
    use sqlx::FromRow;

    #[derive(FromRow)]
    struct SessionRow {
        digest: String,
        user_id: Option<i64>,
        created_at: DateTime<Utc>,
        last_seen_at: DateTime<Utc>,
        flash: Option<String>,
        second_factor: bool,
        email: Option<String>,
        display_name: Option<String>,
        role: Option<String>,
    }

    #[async_trait]
    impl SessionStore for DbStore {
        async fn create_session(
            &self,
            digest: &str,
            user_id: Option<i64>,
            second_factor: bool,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO sessions (digest, user_id, second_factor, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)",
            )
            .bind(digest)
            .bind(user_id)
            .bind(second_factor)
            .bind(at);
            self.run(query).await
        }

        async fn find_session(&self, digest: &str) -> StoreResult<Option<SessionRecord>> {
            let query = sqlx::query_as(
                "SELECT s.digest, s.user_id, s.created_at, s.last_seen_at, s.flash, s.second_factor, u.email, u.display_name, u.role
                 FROM sessions s LEFT JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL WHERE s.digest = $1",
            )
            .bind(digest);
            let row: Option<SessionRow> = self.optional(query).await?;
            row.map(|row| {
                // A flash that no longer parses (after an upgrade) is dropped, not an error.
                let flash = row.flash.and_then(|json| serde_json::from_str(&json).ok());
                let user = match (row.user_id, row.email, row.display_name, row.role) {
                    (Some(id), Some(email), Some(name), Some(role)) => Some(SignedInUser {
                        id,
                        name,
                        email,
                        role: Role::parse(&role)
                            .ok_or_else(|| StoreError::Unavailable(format!("unknown role {role:?}").into()))?,
                    }),
                    _ => None,
                };
                Ok(SessionRecord {
                    digest: row.digest,
                    user_id: row.user_id,
                    created_at: row.created_at,
                    last_seen_at: row.last_seen_at,
                    flash,
                    second_factor: row.second_factor,
                    user,
                })
            })
            .transpose()
        }

        async fn mark_second_factor(&self, digest: &str) -> StoreResult<()> {
            let query = sqlx::query("UPDATE sessions SET second_factor = $1 WHERE digest = $2")
                .bind(true)
                .bind(digest);
            self.run(query).await
        }

        async fn touch_session(&self, digest: &str, at: DateTime<Utc>) -> StoreResult<()> {
            let query = sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE digest = $2")
                .bind(at)
                .bind(digest);
            self.run(query).await
        }

        async fn set_flash(&self, digest: &str, flash: Option<&FormFlash>) -> StoreResult<()> {
            let json =
                flash.map(serde_json::to_string).transpose().map_err(|e| StoreError::Unavailable(Box::new(e)))?;
            let query = sqlx::query("UPDATE sessions SET flash = $1 WHERE digest = $2")
                .bind(json)
                .bind(digest);
            self.run(query).await
        }

        async fn delete_session(&self, digest: &str) -> StoreResult<()> {
            let query = sqlx::query("DELETE FROM sessions WHERE digest = $1").bind(digest);
            self.run(query).await
        }

        async fn delete_sessions_of(&self, user_id: i64) -> StoreResult<()> {
            let query = sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id);
            self.run(query).await
        }

        async fn delete_expired_sessions(
            &self,
            idle_before: DateTime<Utc>,
            created_before: DateTime<Utc>,
        ) -> StoreResult<u64> {
            let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(&self.pool)
                .await
                .map_err(store_error)?;
            Ok(done.rows_affected())
        }
    }
}
