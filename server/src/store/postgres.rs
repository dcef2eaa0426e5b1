//! The PostgreSQL backend: one database shared by every server process behind a load balancer.
//! Sessions live here too, so a person can be served by any of them.
#[path = "queries/accounts.rs"]
mod accounts;
#[path = "queries/assessments.rs"]
mod assessments;
#[path = "queries/audit.rs"]
mod audit;
#[path = "queries/budgets.rs"]
mod budgets;
#[path = "queries/contact.rs"]
mod contact;
#[path = "queries/data_rights.rs"]
mod data_rights;
#[path = "queries/directory.rs"]
mod directory;
#[path = "queries/emergency.rs"]
mod emergency;
#[path = "queries/family.rs"]
mod family;
#[path = "queries/group_commit.rs"]
mod group_commit;
#[path = "queries/plan.rs"]
mod plan;
#[path = "queries/rate_limits.rs"]
mod rate_limits;
#[path = "queries/reviews.rs"]
mod reviews;
#[path = "queries/sessions.rs"]
mod sessions;

use std::time::Duration;

use anyhow::Context;
use sqlx::postgres::PgPoolOptions;

use super::{changed, store_error, unreadable};

type DbStore = PgStore;
type Db = sqlx::Postgres;
type DbPool = sqlx::PgPool;
type DbConnection = sqlx::PgConnection;

/// What PostgreSQL spells its own way.
mod dialect {
    use app::ports::StoreResult;
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
                    "BYTEA" => Value::from(format!("({} bytes)", row.try_get::<Vec<u8>, _>(i).map_err(store_error)?.len())),
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
    pool: DbPool,
    /// Autosaves, committed together (see `group_commit`).
    saves: group_commit::Saves,
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
        sqlx::migrate!("../migrations/postgres")
            .run(&pool)
            .await
            .context("running migrations")?;
        let saves = group_commit::Saves::start(pool.clone());
        Ok(PgStore { pool, saves })
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }
}
