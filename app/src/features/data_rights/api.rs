//! Server functions for data rights requests handled by staff: what is held about a person
//! (a copy to download), erasing it (admins only), and finding a person by email (admins).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::features::people::api::PersonSummary;
use crate::error::AppError;

/// The person whose data a staff member is handling, and what they may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataRightsView {
    pub person: PersonSummary,
    pub may_erase: bool,
}

#[server(prefix = "/api", endpoint = "people/data")]
pub async fn person_data_rights(person_id: i64) -> Result<DataRightsView, AppError> {
    use crate::policy::Decision;
    use crate::backend::cx::{audit, internal, services, signed_in};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = signed_in(&visitor)?;
    let relations = services.store.relations(me.id).await.map_err(|e| internal(&visitor, "reading relations", e))?;
    let account = services.store.find_account(person_id).await.map_err(|e| internal(&visitor, "reading an account", e))?;
    let (Decision::Allowed { basis }, Some(account)) = (me.actor().may_export_data(&relations, person_id), account) else {
        audit(&services, &visitor, Some(me.id), "permission refused", Some(person_id), Some("data rights page")).await?;
        return Err(AppError::NotFound);
    };
    audit(&services, &visitor, Some(me.id), "viewed data rights page", Some(person_id), Some(basis.as_str())).await?;
    Ok(DataRightsView {
        person: PersonSummary { id: account.id, name: account.display_name, email: account.email, role: account.role },
        may_erase: me.actor().may_erase_data(person_id),
    })
}

/// Erases a person's data under the retention rules (`docs/RETENTION.md`): the store deletes,
/// anonymises or keeps each table's rows and records the audit event in the same transaction;
/// then their files are deleted from the file store.
#[server(prefix = "/api", endpoint = "people/data/erase")]
pub async fn erase_person_data(
    #[server(default)] person_id: i64,
    #[server(default)] confirm_name: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::data_rights::ErasureRequest;
    use crate::backend::ports::{person_file_keys, AuditEvent};
    use crate::backend::cx::{audit, internal, services, signed_in, store_failure};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = signed_in(&visitor)?;
    if !me.actor().may_erase_data(person_id) {
        audit(&services, &visitor, Some(me.id), "permission refused", Some(person_id), Some("erase personal data")).await?;
        return Err(AppError::NotFound);
    }
    let account = services
        .store
        .find_account(person_id)
        .await
        .map_err(|e| internal(&visitor, "reading an account", e))?
        .ok_or(AppError::NotFound)?;
    let request = ErasureRequest::parse(&confirm_name, &account.display_name, &reason)
        .map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let event = AuditEvent {
        at: services.clock.now(),
        actor_id: Some(me.id),
        action: "erased personal data".to_owned(),
        subject_id: Some(person_id),
        reason: Some(request.reason),
        detail: Some(format!("request {}", visitor.request_id)),
        client_ip: visitor.client_ip.clone(),
    };
    let erased = services.store.erase_person(person_id, &event).await.map_err(|e| store_failure(&visitor, "erasing a person", e))?;
    // The records are gone first: a file left behind by a fault is named by nothing and is
    // removed by asking again (erasure can be repeated).
    let keys = person_file_keys(services.files.as_ref(), person_id, &erased.file_keys)
        .await
        .map_err(|e| internal(&visitor, "listing a person's files", e))?;
    for key in &keys {
        services.files.delete(key).await.map_err(|e| internal(&visitor, "deleting a person's file", e))?;
    }
    let detail = format!("{} files deleted", keys.len());
    audit(&services, &visitor, Some(me.id), "erased personal files", Some(person_id), Some(&detail)).await?;
    leptos_axum::redirect(&format!("/people/{person_id}/data?erased=1"));
    Ok(())
}

/// An admin finds anyone's account by email address, to handle a data rights request.
#[server(prefix = "/api", endpoint = "people/data/find")]
pub async fn find_person_by_email(email: String) -> Result<Option<PersonSummary>, AppError> {
    use crate::policy::Capability;
    use crate::backend::cx::{audit, internal, require, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let me = require(&services, &visitor, Capability::HandleDataRequests, "find a person for a data request").await?;
    if email.trim().is_empty() {
        return Ok(None);
    }
    let found = services.store.find_credentials(&email).await.map_err(|e| internal(&visitor, "finding an account", e))?;
    let Some(found) = found else { return Ok(None) };
    let account = found.account;
    audit(&services, &visitor, Some(me.id), "found person for data request", Some(account.id), None).await?;
    Ok(Some(PersonSummary { id: account.id, name: account.display_name, email: account.email, role: account.role }))
}
