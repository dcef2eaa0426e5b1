//! The store's side of the local support directory.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::directory::{ListedService, ServiceEntry};

#[async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Every entry, retired ones included when asked, by name.
    async fn services(&self, include_retired: bool) -> StoreResult<Vec<ListedService>>;
    async fn service(&self, id: i64) -> StoreResult<Option<ListedService>>;
    async fn add_service(&self, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<i64>;
    async fn update_service(&self, id: i64, entry: &ServiceEntry, at: DateTime<Utc>) -> StoreResult<()>;
    /// Retires (or, with `retired` false, brings back) an entry.
    async fn retire_service(&self, id: i64, retired: bool, at: DateTime<Utc>) -> StoreResult<()>;
}
