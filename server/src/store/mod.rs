//! The store: the adapter behind `app::backend::ports::Store`, on SQLite (one file, the default) or
//! PostgreSQL (several servers sharing one database), chosen by the database URL.
//!
//! Each query is written once, in the file of the feature it serves (`reviews.rs`, `plan.rs`…),
//! inside `for_each_backend! { … }`: the macro compiles it once as a `sqlite` module and once
//! as a `postgres` module, where `DbStore`, `Db`, `DbPool` and `dialect` (the few SQL fragments
//! the two databases spell differently) name that backend's types (`sqlite::backend`,
//! `postgres::backend`). Each backend has its own migrations.

/// Compiles the queries inside it for each backend: `sqlite::…` against `SqliteStore` and
/// `postgres::…` against `PgStore`.
macro_rules! for_each_backend {
    ($($queries:tt)*) => {
        pub(crate) mod sqlite {
            #[allow(unused_imports)]
            use crate::store::sqlite::backend::*;
            $($queries)*
        }
        pub(crate) mod postgres {
            #[allow(unused_imports)]
            use crate::store::postgres::backend::*;
            $($queries)*
        }
    };
}

mod postgres;
mod sqlite;

mod account;
mod advocacy;
mod allocation;
mod approvals;
mod assessment;
mod assisted;
mod audit;
mod budget;
mod contact;
/// Data rights: what each table holds about a person and what erasure does to it, the same on
/// both backends (`docs/RETENTION.md` says it in words).
pub mod data_rights;
mod directory;
mod emergency;
mod family;
mod group_commit;
mod mail_queue;
mod plan;
mod pool;
mod rate_limits;
mod reviews;
mod sessions;
mod teams;
mod two_factor;

use std::sync::Arc;

use app::backend::ports::{RateLimiter, Store, StoreError};

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

/// The database a URL names (`postgres://…`, `postgresql://…` or `sqlite://…`): the store, and
/// the rate limits it counts for every server that shares it.
pub struct Connected {
    pub store: Arc<dyn Store>,
    pub limits: Arc<dyn RateLimiter>,
}

pub async fn connect(url: &str) -> anyhow::Result<Connected> {
    Ok(if is_postgres(url) {
        let store = Arc::new(PgStore::connect(url).await?);
        Connected { store: store.clone(), limits: store }
    } else {
        let store = Arc::new(SqliteStore::connect(url).await?);
        Connected { store: store.clone(), limits: store }
    })
}

pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
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
pub(crate) fn changed(rows_affected: u64, otherwise: StoreError) -> app::backend::ports::StoreResult<()> {
    if rows_affected == 0 {
        Err(otherwise)
    } else {
        Ok(())
    }
}

/// A code column holding a value the portal no longer knows (a role, a kind, a status…).
pub(crate) fn unknown(what: &str, value: &str) -> StoreError {
    StoreError::Unavailable(format!("unknown {what}: {value:?}").into())
}

/// A JSON column that no longer reads as the type it was written from.
pub(crate) fn unreadable(what: &str, error: serde_json::Error) -> StoreError {
    StoreError::Unavailable(format!("unreadable {what}: {error}").into())
}

/// A row as a JSON object for a person's copy of their data, leaving out `hidden` columns; a
/// backend's `dialect::json_row` reads each value that is not null by its database's type name.
pub(crate) fn json_row<R: sqlx::Row>(
    row: &R,
    hidden: &[&str],
    value: impl Fn(&R, usize, &str) -> Result<serde_json::Value, sqlx::Error>,
) -> app::backend::ports::StoreResult<serde_json::Value>
where
    usize: sqlx::ColumnIndex<R>,
{
    use sqlx::{Column, TypeInfo, ValueRef};
    let mut object = serde_json::Map::new();
    for column in row.columns().iter().filter(|c| !hidden.contains(&c.name())) {
        let i = column.ordinal();
        let raw = row.try_get_raw(i).map_err(store_error)?;
        let found = if raw.is_null() {
            serde_json::Value::Null
        } else {
            value(row, i, raw.type_info().name()).map_err(store_error)?
        };
        object.insert(column.name().to_owned(), found);
    }
    Ok(serde_json::Value::Object(object))
}

/// A text column as JSON for a person's copy of their data: text holding JSON (the answers of an
/// assessment, a plan's record) is nested as JSON so the copy reads as one document.
pub(crate) fn text_value(text: String) -> serde_json::Value {
    if text.starts_with('{') || text.starts_with('[') {
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) {
            return json;
        }
    }
    serde_json::Value::String(text)
}
