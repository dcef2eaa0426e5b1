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
    pub(crate) use crate::store::group_commit::postgres as group_commit;
    pub(crate) use crate::store::reviews::postgres as reviews;
    pub(crate) use crate::store::{changed, store_error, unknown, unreadable};
}

/// What PostgreSQL spells its own way.
pub(crate) mod dialect {
    use app::backend::ports::StoreResult;
    use chrono::{DateTime, NaiveDate, Utc};
    use serde_json::{Map, Value};
    use sqlx::postgres::PgRow;
    use sqlx::{Column, Row, TypeInfo, ValueRef};

    use crate::store::{store_error, text_value};

    /// The day of a stored time, comparable with a stored date.
    pub fn date_of(column: &str) -> String {
        format!("CAST({column} AS DATE)")
    }

    /// A row as a JSON object, leaving out `hidden` columns; times in RFC 3339, as on SQLite.
    pub fn json_row(row: &PgRow, hidden: &[&str]) -> StoreResult<Value> {
        let mut object = Map::new();
        for column in row.columns().iter().filter(|c| !hidden.contains(&c.name())) {
            let i = column.ordinal();
            let raw = row.try_get_raw(i).map_err(store_error)?;
            let value = if raw.is_null() {
                Value::Null
            } else {
                match raw.type_info().name() {
                    "INT8" => Value::from(row.try_get::<i64, _>(i).map_err(store_error)?),
                    "INT4" => Value::from(row.try_get::<i32, _>(i).map_err(store_error)?),
                    "BOOL" => Value::from(row.try_get::<bool, _>(i).map_err(store_error)?),
                    "FLOAT8" => Value::from(row.try_get::<f64, _>(i).map_err(store_error)?),
                    "TIMESTAMPTZ" => Value::from(row.try_get::<DateTime<Utc>, _>(i).map_err(store_error)?.to_rfc3339()),
                    "DATE" => Value::from(row.try_get::<NaiveDate, _>(i).map_err(store_error)?.to_string()),
                    "BYTEA" => {
                        Value::from(format!("({} bytes)", row.try_get::<Vec<u8>, _>(i).map_err(store_error)?.len()))
                    }
                    _ => text_value(row.try_get::<String, _>(i).map_err(store_error)?),
                }
            };
            object.insert(column.name().to_owned(), value);
        }
        Ok(Value::Object(object))
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
