//! Server functions for the local support directory. Searching is open to everyone; changing
//! the directory is for admins, and audited.
use leptos::prelude::*;

use super::wire::{ServiceForm, ServiceView};
use crate::error::AppError;

/// Services matching every word of `q` (best first) in `category` (any when empty).
#[server(prefix = "/api", endpoint = "support/search")]
pub async fn search_services(
    #[server(default)] q: String,
    #[server(default)] category: String,
) -> Result<Vec<ServiceView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::directory::{search_words, Category, ListedService};

    let cx = Cx::anyone()?;
    let listed = cx.store().services(false).await?;
    let found = ListedService::search(listed, &search_words(&q), Category::parse(&category), cx.locale());
    Ok(found.into_iter().map(|s| ServiceView::from_record(s, cx.locale())).collect())
}

/// Every entry, retired ones too, for the staff page.
#[server(prefix = "/api", endpoint = "support/all")]
pub async fn all_services() -> Result<Vec<ServiceView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageDirectory, "directory").await?;
    let listed = cx.store().services(true).await?;
    Ok(listed.into_iter().map(|s| ServiceView::from_record(s, cx.locale())).collect())
}

#[server(prefix = "/api", endpoint = "support/service")]
pub async fn service_detail(#[server(default)] id: i64) -> Result<ServiceView, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageDirectory, "directory").await?;
    let service = cx.store().service(id).await?.ok_or(AppError::NotFound)?;
    Ok(ServiceView::from_record(service, cx.locale()))
}

/// Adds an entry (`id` 0) or changes one.
#[server(prefix = "/api", endpoint = "support/save")]
pub async fn save_service(#[server(default)] id: i64, #[server(flatten)] form: ServiceForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::directory::ServiceEntry;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageDirectory, "directory").await?;
    let entry = ServiceEntry::try_from(form).map_err(|p| cx.invalid(&p))?;
    let id = if id == 0 {
        cx.store().add_service(&entry, cx.now()).await?
    } else {
        cx.store().update_service(id, &entry, cx.now()).await?;
        id
    };
    cx.audit("directory entry saved", None, Some(&format!("service {id}: {}", entry.name))).await?;
    leptos_axum::redirect("/staff/support?saved=1");
    Ok(())
}

/// Retires an entry (it stops showing in searches but stays on record), or brings it back.
#[server(prefix = "/api", endpoint = "support/retire")]
pub async fn retire_service(#[server(default)] id: i64, #[server(default)] retire: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ManageDirectory, "directory").await?;
    let retired = retire != "no";
    cx.store().retire_service(id, retired, cx.now()).await?;
    let action = if retired { "directory entry retired" } else { "directory entry restored" };
    cx.audit(action, None, Some(&format!("service {id}"))).await?;
    leptos_axum::redirect("/staff/support?saved=1");
    Ok(())
}
