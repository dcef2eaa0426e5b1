//! The SQLite store: the adapter behind `app::ports::Store`. One file per aggregate.
mod accounts;
mod assessments;
mod audit;
mod budgets;
mod contact;
pub mod data_rights;
mod directory;
mod emergency;
mod family;
mod group_commit;
mod plan;
mod reviews;
mod sessions;

use std::{str::FromStr, time::Duration};

use anyhow::Context;
use app::ports::{StoreError, StoreResult};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

/// The portal's records in one SQLite file, written durably (WAL, `synchronous=FULL`).
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// Autosaves, committed together (see `group_commit`).
    saves: group_commit::Saves,
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
        let saves = group_commit::Saves::start(pool.clone());
        Ok(SqliteStore { pool, saves })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Keeps the driver's error for the log; the rest of the app sees only what kind it was.
pub(crate) fn store_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        other => StoreError::Unavailable(Box::new(other)),
    }
}

/// An update or delete meant to change a row: `otherwise` when none matched (gone, or already
/// changed by someone else).
pub(crate) fn changed(done: &sqlx::sqlite::SqliteQueryResult, otherwise: StoreError) -> StoreResult<()> {
    if done.rows_affected() == 0 { Err(otherwise) } else { Ok(()) }
}

/// A JSON column that no longer reads as the type it was written from.
pub(crate) fn unreadable(what: &str, error: serde_json::Error) -> StoreError {
    StoreError::Unavailable(format!("unreadable {what}: {error}").into())
}
