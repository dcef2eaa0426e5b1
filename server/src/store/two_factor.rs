//! Two-factor sign-in: each person's authenticator secret and recovery codes, and sign-ins
//! waiting for their code.
for_each_backend! {
    use app::backend::ports::{SignInChallenge, StoreError, StoreResult, TwoFactor, TwoFactorStore};
    use async_trait::async_trait;
    use chrono::{DateTime, Utc};

    #[async_trait]
    impl TwoFactorStore for DbStore {
        async fn two_factor(&self, user_id: i64) -> StoreResult<Option<TwoFactor>> {
            let query = sqlx::query_as(
                "SELECT t.secret, t.pending_codes, t.confirmed_at,
                        (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = t.user_id AND r.used_at IS NULL)
                 FROM two_factor t WHERE t.user_id = $1",
            )
            .bind(user_id);
            let row: Option<(String, Option<String>, Option<DateTime<Utc>>, i64)> = self.optional(query).await?;
            Ok(row.map(|(secret, pending, confirmed_at, left)| TwoFactor {
                secret,
                pending_codes: pending.map(|codes| codes.split(' ').map(str::to_owned).collect()),
                confirmed_at,
                codes_left: usize::try_from(left).unwrap_or_default(),
            }))
        }

        async fn start_two_factor(
            &self,
            user_id: i64,
            secret: &str,
            codes: &[(String, String)],
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            let shown = codes.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>().join(" ");
            let done = sqlx::query(
                "INSERT INTO two_factor (user_id, secret, pending_codes, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, pending_codes = excluded.pending_codes,
                     created_at = excluded.created_at
                 WHERE two_factor.confirmed_at IS NULL",
            )
            .bind(user_id)
            .bind(secret)
            .bind(shown)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::Conflict)?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            for (_, digest) in codes {
                sqlx::query("INSERT INTO recovery_codes (user_id, digest) VALUES ($1, $2)")
                    .bind(user_id)
                    .bind(digest)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            }
            tx.commit().await.map_err(store_error)
        }

        async fn use_code_step(&self, user_id: i64, step: u64, at: DateTime<Utc>) -> StoreResult<bool> {
            let step = i64::try_from(step).map_err(|e| StoreError::Unavailable(Box::new(e)))?;
            // One statement: two sign-ins racing with the same code cannot both win.
            let done = sqlx::query(
                "UPDATE two_factor SET last_step = $1, pending_codes = NULL, confirmed_at = COALESCE(confirmed_at, $2)
                 WHERE user_id = $3 AND last_step < $1",
            )
            .bind(step)
            .bind(at)
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(done.rows_affected() == 1)
        }

        async fn use_recovery_code(&self, user_id: i64, digest: &str, at: DateTime<Utc>) -> StoreResult<bool> {
            let done = sqlx::query(
                "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND digest = $3 AND used_at IS NULL
                 AND EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = $2 AND t.confirmed_at IS NOT NULL)",
            )
            .bind(at)
            .bind(user_id)
            .bind(digest)
            .execute(&self.pool)
            .await
            .map_err(store_error)?;
            Ok(done.rows_affected() == 1)
        }

        async fn remove_two_factor(&self, user_id: i64) -> StoreResult<()> {
            let mut tx = self.pool.begin().await.map_err(store_error)?;
            for table in ["sign_in_challenges", "recovery_codes"] {
                sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1"))
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(store_error)?;
            }
            let done = sqlx::query("DELETE FROM two_factor WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(store_error)?;
            changed(done.rows_affected(), StoreError::NotFound)?;
            tx.commit().await.map_err(store_error)
        }

        async fn create_sign_in_challenge(&self, digest: &str, challenge: &SignInChallenge) -> StoreResult<()> {
            let query = sqlx::query(
                "INSERT INTO sign_in_challenges (digest, user_id, next, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(digest)
            .bind(challenge.user_id)
            .bind(&challenge.next)
            .bind(challenge.created_at);
            self.run(query).await
        }

        async fn find_sign_in_challenge(&self, digest: &str) -> StoreResult<Option<SignInChallenge>> {
            let query =
                sqlx::query_as("SELECT user_id, next, created_at FROM sign_in_challenges WHERE digest = $1")
                    .bind(digest);
            let row: Option<(i64, String, DateTime<Utc>)> = self.optional(query).await?;
            Ok(row.map(|(user_id, next, created_at)| SignInChallenge { user_id, next, created_at }))
        }

        async fn delete_sign_in_challenge(&self, digest: &str) -> StoreResult<()> {
            let query = sqlx::query("DELETE FROM sign_in_challenges WHERE digest = $1").bind(digest);
            self.run(query).await
        }
    }
}
