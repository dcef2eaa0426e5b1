//! Rate limits counted in the database, so every server behind a load balancer counts the same
//! attempts. Keys hold email and IP addresses, so only their SHA-256 digests are stored; an
//! attempt is forgotten a day later whatever its window.
for_each_backend! {
    use std::time::Duration;

    use app::backend::ports::RateLimiter;
    use async_trait::async_trait;
    use chrono::Utc;
    use sha2::{Digest, Sha256};

    /// The longest window any limit uses; older attempts are deleted.
    const KEPT_FOR: chrono::Duration = chrono::Duration::days(1);

    fn digest(key: &str) -> String {
        Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
    }

    impl DbStore {
        async fn count_attempt(&self, key: &str, max: u32, window: Duration) -> sqlx::Result<bool> {
            let now = Utc::now();
            let since = now - chrono::Duration::from_std(window).unwrap_or(KEPT_FOR).min(KEPT_FOR);
            let key = digest(key);
            let mut tx = self.pool.begin().await?;
            sqlx::query("DELETE FROM rate_limit_attempts WHERE at < $1").bind(now - KEPT_FOR).execute(&mut *tx).await?;
            let recent: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM rate_limit_attempts WHERE key = $1 AND at >= $2")
                    .bind(&key)
                    .bind(since)
                    .fetch_one(&mut *tx)
                    .await?;
            let allowed = recent < i64::from(max);
            if allowed {
                sqlx::query("INSERT INTO rate_limit_attempts (key, at) VALUES ($1, $2)")
                    .bind(&key)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(allowed)
        }
    }

    #[async_trait]
    impl RateLimiter for DbStore {
        /// A store that cannot count refuses the attempt (and logs why): a limit that lapses
        /// whenever the database is slow or failing is no limit.
        async fn allow(&self, key: &str, max: u32, window: Duration) -> bool {
            self.count_attempt(key, max, window).await.unwrap_or_else(|error| {
                tracing::error!("counting an attempt towards a rate limit: {error}");
                false
            })
        }

        async fn forgive(&self, key: &str) {
            let forgiven = sqlx::query(
                "DELETE FROM rate_limit_attempts WHERE id = (SELECT MAX(id) FROM rate_limit_attempts WHERE key = $1)",
            )
            .bind(digest(key))
            .execute(&self.pool)
            .await;
            if let Err(error) = forgiven {
                tracing::error!("forgiving an attempt: {error}");
            }
        }
    }
}
