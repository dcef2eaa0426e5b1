//! The store's side of the local support directory, and a listed service as the pages show it.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::domain::directory::{Category, ServiceEntry};
use crate::features::directory::wire::ServiceView;
use crate::features::directory::words;
use crate::kit::i18n::Locale;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedService {
    pub id: i64,
    pub entry: ServiceEntry,
    pub updated_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

impl ListedService {
    /// The service as the pages show it, its last change dated in `locale`.
    pub fn view(self, locale: Locale) -> ServiceView {
        ServiceView {
            id: self.id,
            entry: self.entry,
            updated_on: locale.long_date(self.updated_at.date_naive()),
            retired: self.retired_at.is_some(),
        }
    }

    /// Those of `listed` that match every one of the search's `terms` (best first, then by
    /// name), in `category` when one is given. Category names match in the reader's language.
    pub fn search(
        listed: Vec<ListedService>,
        terms: &[String],
        category: Option<Category>,
        locale: Locale,
    ) -> Vec<ServiceView> {
        let mut found: Vec<(u32, ServiceView)> = listed
            .into_iter()
            .filter(|s| category.is_none_or(|c| s.entry.category == c))
            .filter_map(|s| {
                let score = s.entry.relevance(terms, words::category(locale, s.entry.category));
                (score > 0).then(|| (score, s.view(locale)))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.entry.name.cmp(&b.1.entry.name)));
        found.into_iter().map(|(_, s)| s).collect()
    }
}

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
