//! The SQLite backend: one database file, written durably (WAL, `synchronous=FULL`).

use std::{str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// The names every query file's `sqlite` module is compiled against (see `for_each_backend!`).
pub(crate) mod backend {
    pub type DbStore = super::SqliteStore;
    pub type Db = sqlx::Sqlite;
    pub type DbPool = sqlx::SqlitePool;
    pub type DbConnection = sqlx::SqliteConnection;
    pub(crate) use super::dialect;
    pub(crate) use crate::store::audit::sqlite as audit;
    pub(crate) use crate::store::group_commit::sqlite as group_commit;
    pub(crate) use crate::store::reviews::sqlite as reviews;
    pub(crate) use crate::store::{changed, store_error, unknown, unreadable};
}

/// What SQLite spells its own way.
pub(crate) mod dialect {
    use app::backend::ports::StoreResult;
    use serde_json::Value;
    use sqlx::sqlite::SqliteRow;
    use sqlx::Row;

    use crate::store::text_value;

    /// After a SELECT that picks rows to claim for work (queued emails). SQLite has one writer at a time: a claim is one statement, so nothing to lock.
    pub const SKIP_LOCKED: &str = "";

    /// The day of a stored time, comparable with a stored date.
    pub fn date_of(column: &str) -> String {
        format!("date({column})")
    }

    /// A row as a JSON object, leaving out `hidden` columns (SQLite stores times as text).
    pub fn json_row(row: &SqliteRow, hidden: &[&str]) -> StoreResult<Value> {
        crate::store::json_row(row, hidden, |row, i, type_name| {
            Ok(match type_name {
                "INTEGER" => Value::from(row.try_get::<i64, _>(i)?),
                "REAL" => Value::from(row.try_get::<f64, _>(i)?),
                "BLOB" => Value::from(format!("({} bytes)", row.try_get::<Vec<u8>, _>(i)?.len())),
                _ => text_value(row.try_get::<String, _>(i)?),
            })
        })
    }
}

/// The portal's records in one SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    pub(crate) pool: backend::DbPool,
    /// Autosaves, committed together (see `group_commit`).
    pub(crate) saves: crate::store::group_commit::sqlite::Saves,
}

impl SqliteStore {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("parsing database URL {url}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .context("opening the SQLite database")?;
        sqlx::migrate!("../migrations/sqlite").run(&pool).await.context("running migrations")?;
        let saves = crate::store::group_commit::sqlite::Saves::start(pool.clone());
        Ok(SqliteStore { pool, saves })
    }

    pub fn pool(&self) -> &backend::DbPool {
        &self.pool
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use app::backend::ports::RateLimiter;

    use super::SqliteStore;

    async fn store() -> (SqliteStore, tempfile::TempDir) {
        let folder = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", folder.path().join("portal.db").display());
        (SqliteStore::connect(&url).await.unwrap(), folder)
    }

    #[tokio::test]
    async fn a_burst_beyond_the_limit_is_refused_per_key() {
        let (limits, _folder) = store().await;
        let minute = Duration::from_secs(60);
        for _ in 0..5 {
            assert!(limits.allow("a", 5, minute).await);
        }
        assert!(!limits.allow("a", 5, minute).await);
        assert!(limits.allow("b", 5, minute).await);
    }

    #[tokio::test]
    async fn a_forgiven_attempt_does_not_count() {
        let (limits, _folder) = store().await;
        let minute = Duration::from_secs(60);
        for _ in 0..10 {
            assert!(limits.allow("a", 2, minute).await);
            limits.forgive("a").await;
        }
    }

    #[tokio::test]
    async fn attempts_older_than_the_window_no_longer_count_and_keys_are_not_kept() {
        let (limits, _folder) = store().await;
        assert!(limits.allow("sign-in:account:sam@example.org", 1, Duration::from_millis(50)).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(limits.allow("sign-in:account:sam@example.org", 1, Duration::from_millis(50)).await);
        let keys: Vec<String> =
            sqlx::query_scalar("SELECT key FROM rate_limit_attempts").fetch_all(limits.pool()).await.unwrap();
        assert!(keys.iter().all(|k| k.len() == 64 && !k.contains('@')), "{keys:?}");
    }
}
