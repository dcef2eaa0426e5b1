//! Server functions for the local support directory. Searching is open to everyone; changing
//! the directory is for admins, and audited.
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::directory::ServiceEntry;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceView {
    pub id: i64,
    pub entry: ServiceEntry,
    pub updated_on: String,
    pub retired: bool,
}

#[cfg(feature = "ssr")]
fn view_of(service: crate::backend::ports::ListedService, locale: crate::kit::i18n::Locale) -> ServiceView {
    ServiceView {
        id: service.id,
        entry: service.entry,
        updated_on: locale.long_date(service.updated_at.date_naive()),
        retired: service.retired_at.is_some(),
    }
}

/// Services matching every word of `q` (best first) in `category` (any when empty).
#[server(prefix = "/api", endpoint = "support/search")]
pub async fn search_services(#[server(default)] q: String, #[server(default)] category: String) -> Result<Vec<ServiceView>, AppError> {
    use crate::domain::directory::{search_words, Category};
    use crate::backend::cx::{services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let words = search_words(&q);
    let category = Category::parse(&category);
    let listed = services.store.services(false).await.map_err(|e| store_failure(&visitor, "reading the directory", e))?;
    let mut found: Vec<(u32, ServiceView)> = listed
        .into_iter()
        .filter(|s| category.is_none_or(|c| s.entry.category == c))
        .filter_map(|s| {
            let score = s.entry.relevance(&words, super::words::category(visitor.locale, s.entry.category));
            (score > 0).then(|| (score, view_of(s, visitor.locale)))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.entry.name.cmp(&b.1.entry.name)));
    Ok(found.into_iter().map(|(_, s)| s).collect())
}

/// Every entry, retired ones too, for the staff page.
#[server(prefix = "/api", endpoint = "support/all")]
pub async fn all_services() -> Result<Vec<ServiceView>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    require(&services, &visitor, Capability::ManageDirectory, "directory").await?;
    let listed = services.store.services(true).await.map_err(|e| store_failure(&visitor, "reading the directory", e))?;
    Ok(listed.into_iter().map(|s| view_of(s, visitor.locale)).collect())
}

#[server(prefix = "/api", endpoint = "support/service")]
pub async fn service_detail(#[server(default)] id: i64) -> Result<ServiceView, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    require(&services, &visitor, Capability::ManageDirectory, "directory").await?;
    let found = services.store.service(id).await.map_err(|e| store_failure(&visitor, "reading the directory", e))?;
    found.map(|s| view_of(s, visitor.locale)).ok_or(AppError::NotFound)
}

/// Adds an entry (`id` 0) or changes one.
#[server(prefix = "/api", endpoint = "support/save")]
pub async fn save_service(
    #[server(default)] id: i64,
    #[server(flatten)]
    #[server(default)]
    fields: BTreeMap<String, String>,
) -> Result<(), AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ManageDirectory, "directory").await?;
    let entry = ServiceEntry::parse(&fields).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let now = services.clock.now();
    let id = if id == 0 {
        services.store.add_service(&entry, now).await.map_err(|e| store_failure(&visitor, "adding a service", e))?
    } else {
        services.store.update_service(id, &entry, now).await.map_err(|e| store_failure(&visitor, "changing a service", e))?;
        id
    };
    audit(&services, &visitor, Some(me.id), "directory entry saved", None, Some(&format!("service {id}: {}", entry.name))).await?;
    leptos_axum::redirect("/staff/support?saved=1");
    Ok(())
}

/// Retires an entry (it stops showing in searches but stays on record), or brings it back.
#[server(prefix = "/api", endpoint = "support/retire")]
pub async fn retire_service(#[server(default)] id: i64, #[server(default)] retire: String) -> Result<(), AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, require, services, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::ManageDirectory, "directory").await?;
    let retired = retire != "no";
    services
        .store
        .retire_service(id, retired, services.clock.now())
        .await
        .map_err(|e| store_failure(&visitor, "retiring a service", e))?;
    let action = if retired { "directory entry retired" } else { "directory entry restored" };
    audit(&services, &visitor, Some(me.id), action, None, Some(&format!("service {id}"))).await?;
    leptos_axum::redirect("/staff/support?saved=1");
    Ok(())
}
