//! Accounts a practitioner or trusted assessor starts for a carer with no account or email, and
//! taking them over.

/// An assisted account (`u`) still waiting for its owner: made by staff, with no real email.
pub(super) const WAITING: &str = "u.created_by IS NOT NULL AND u.email LIKE 'no-email-%@invalid'";

for_each_backend! {
    use super::WAITING;
    use app::backend::ports::{AssistedStore, StoreResult};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};

    #[async_trait]
    impl AssistedStore for DbStore {
        async fn awaiting_take_over(&self, user_id: i64) -> StoreResult<bool> {
            let found: Option<i64> = sqlx::query_scalar(&format!("SELECT u.id FROM users u WHERE u.id = $1 AND {WAITING}"))
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(store_error)?;
            Ok(found.is_some())
        }

        async fn take_over_account(
            &self,
            digest: &str,
            email: &str,
            password_hash: &str,
            now: DateTime<Utc>,
        ) -> StoreResult<Option<i64>> {
            // One statement claims the code and returns its owner, so two take-overs cannot both
            // win; an address already in use rolls the claim back and the code still works.
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let user: Option<i64> = sqlx::query_scalar(&format!(
                "UPDATE password_resets SET used_at = $2
                 WHERE digest = $1 AND used_at IS NULL AND expires_at > $2
                   AND user_id IN (SELECT u.id FROM users u WHERE {WAITING})
                 RETURNING user_id"
            ))
            .bind(digest)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await
            .map_err(store_error)?;
            let Some(user) = user else { return Ok(None) };
            sqlx::query("UPDATE users SET email = $1, password_hash = $2 WHERE id = $3")
                .bind(email.trim().to_lowercase())
                .bind(password_hash)
                .bind(user)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(user)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            tx.commit().await.map_err(store_error)?;
            Ok(Some(user))
        }
    }
}
