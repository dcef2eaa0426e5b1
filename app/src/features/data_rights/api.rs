//! Server functions for data rights requests handled by staff: what is held about a person
//! (a copy to download), erasing it (admins only), and finding a person by email (admins).
use leptos::prelude::*;

use super::wire::DataRightsView;
use crate::error::AppError;
use crate::features::people::wire::PersonSummary;

#[server(prefix = "/api", endpoint = "people/data")]
pub async fn person_data_rights(person_id: i64) -> Result<DataRightsView, AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::approvals::TwoAdminAction;
    use crate::features::approvals::wire::ApprovalView;
    use crate::policy::{needs_second_admin, Decision};

    let cx = Cx::signed_in()?;
    let relations = cx.relations().await?;
    let account = cx.store().find_account(person_id).await?;
    let (Decision::Allowed { basis }, Some(a)) = (cx.actor().may_export_data(&relations, person_id), account) else {
        cx.audit("permission refused", Some(person_id), Some("data rights page")).await?;
        return Err(AppError::NotFound);
    };
    cx.audit("viewed data rights page", Some(person_id), Some(basis.as_str())).await?;
    let pending = cx.store().pending_approval(TwoAdminAction::Erase, person_id).await?;
    Ok(DataRightsView {
        needs_second_admin: needs_second_admin(a.role),
        person: PersonSummary { id: a.id, name: a.display_name, email: a.email, role: a.role },
        may_erase: cx.actor().may_erase_data(person_id),
        pending_erasure: pending.map(|p| ApprovalView::of(p, &cx.actor(), cx.locale())),
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
    use crate::backend::cx::Cx;
    use crate::backend::ports::StoreError;
    use crate::domain::approvals::TwoAdminAction;
    use crate::domain::data_rights::{Erasure, ErasureRequest};
    use crate::policy::needs_second_admin;

    let cx = Cx::signed_in()?;
    if !cx.actor().may_erase_data(person_id) {
        cx.audit("permission refused", Some(person_id), Some("erase personal data")).await?;
        return Err(AppError::NotFound);
    }
    cx.require_fresh_sign_in("erase personal data").await?;
    let account = cx.store().find_account(person_id).await?.ok_or(AppError::NotFound)?;
    let request = ErasureRequest::parse(&confirm_name, &account.display_name, &reason).map_err(|p| cx.invalid(&p))?;
    // An admin's information: asked for now, erased when a second admin approves.
    if needs_second_admin(account.role) {
        match cx.store().ask_approval(TwoAdminAction::Erase, person_id, cx.me().id, &request.reason, cx.now()).await {
            Ok(()) => cx.audit("erasure asked, second admin needed", Some(person_id), Some(&request.reason)).await?,
            Err(StoreError::Conflict) => {}
            Err(e) => return Err(e.into()),
        }
        leptos_axum::redirect(&format!("/people/{person_id}/data?asked=1#approval"));
        return Ok(());
    }
    let files = Erasure::carry_out(&cx, person_id, request.reason).await?;
    cx.audit("erased personal files", Some(person_id), Some(&format!("{files} files deleted"))).await?;
    leptos_axum::redirect(&format!("/people/{person_id}/data?erased=1"));
    Ok(())
}

/// An admin finds anyone's account by email address, to handle a data rights request.
#[server(prefix = "/api", endpoint = "people/data/find")]
pub async fn find_person_by_email(email: String) -> Result<Option<PersonSummary>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::HandleDataRequests, "find a person for a data request").await?;
    if email.trim().is_empty() {
        return Ok(None);
    }
    let Some(found) = cx.store().find_credentials(&email).await? else { return Ok(None) };
    let a = found.account;
    cx.audit("found person for data request", Some(a.id), None).await?;
    Ok(Some(PersonSummary { id: a.id, name: a.display_name, email: a.email, role: a.role }))
}
