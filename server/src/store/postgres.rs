//! The PostgreSQL backend: one database shared by every server process behind a load balancer.
//! Sessions live here too, so a person can be served by any of them.

use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;

/// The names every query file's `postgres` module is compiled against (see `for_each_backend!`).
pub(crate) mod backend {
    pub type DbStore = super::PgStore;
    pub type Db = sqlx::Postgres;
    pub type DbPool = sqlx::PgPool;
    pub type DbConnection = sqlx::PgConnection;
    pub(crate) use super::dialect;
    pub(crate) use crate::store::audit::postgres as audit;
    pub(crate) use crate::store::group_commit::postgres as group_commit;
    pub(crate) use crate::store::reviews::postgres as reviews;
    pub(crate) use crate::store::{changed, store_error, unknown, unreadable};
}

/// What PostgreSQL spells its own way.
pub(crate) mod dialect {
    use app::backend::ports::StoreResult;
    use chrono::{DateTime, NaiveDate, Utc};
    use serde_json::Value;
    use sqlx::postgres::PgRow;
    use sqlx::Row;

    use crate::store::text_value;

    /// After a SELECT that picks rows to claim for work (queued emails). Rows another server is claiming are skipped, not waited for.
    pub const SKIP_LOCKED: &str = "FOR UPDATE SKIP LOCKED";

    /// The day of a stored time, comparable with a stored date.
    pub fn date_of(column: &str) -> String {
        format!("CAST({column} AS DATE)")
    }

    /// A row as a JSON object, leaving out `hidden` columns; times in RFC 3339, as on SQLite.
    pub fn json_row(row: &PgRow, hidden: &[&str]) -> StoreResult<Value> {
        crate::store::json_row(row, hidden, |row, i, type_name| {
            Ok(match type_name {
                "INT8" => Value::from(row.try_get::<i64, _>(i)?),
                "INT4" => Value::from(row.try_get::<i32, _>(i)?),
                "BOOL" => Value::from(row.try_get::<bool, _>(i)?),
                "FLOAT8" => Value::from(row.try_get::<f64, _>(i)?),
                "TIMESTAMPTZ" => Value::from(row.try_get::<DateTime<Utc>, _>(i)?.to_rfc3339()),
                "DATE" => Value::from(row.try_get::<NaiveDate, _>(i)?.to_string()),
                "BYTEA" => Value::from(format!("({} bytes)", row.try_get::<Vec<u8>, _>(i)?.len())),
                _ => text_value(row.try_get::<String, _>(i)?),
            })
        })
    }
}

/// The portal's records in a PostgreSQL database.
#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: backend::DbPool,
    /// Autosaves, committed together (see `group_commit`).
    pub(crate) saves: crate::store::group_commit::postgres::Saves,
}

impl PgStore {
    /// Connects and brings the schema up to date (migrations take a lock, so several servers
    /// starting at once apply each migration once).
    pub async fn connect(url: &str) -> anyhow::Result<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .context("connecting to the PostgreSQL database")?;
        sqlx::migrate!("../migrations/postgres").run(&pool).await.context("running migrations")?;
        let saves = crate::store::group_commit::postgres::Saves::start(pool.clone());
        Ok(PgStore { pool, saves })
    }

    pub fn pool(&self) -> &backend::DbPool {
        &self.pool
    }
}
