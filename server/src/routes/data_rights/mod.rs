//! Downloads of a person's data as a ZIP (UK GDPR right of access): their own from their
//! account, or a person's for staff allowed to handle it. Every copy is audited.
pub mod export;
mod readme;
use app::backend::cx::Cx;
use app::backend::session::SessionHandle;
use app::domain::data_rights::Audience;
use app::kit::visitor::Visitor;
use app::policy::Decision;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use http::{HeaderValue, StatusCode};

use crate::http::AppState;

pub const MY_DATA_PATH: &str = "/account/my-data";
pub const PERSON_DATA_PATH: &str = "/people/{id}/data.zip";

/// The signed-in person's own data.
pub async fn my_data(State(state): State<AppState>, Extension(visitor): Extension<Visitor>) -> Response {
    let Some(me) = visitor.user.clone() else {
        return Redirect::to(&format!("/sign-in?next={MY_DATA_PATH}")).into_response();
    };
    if let Err(error) = Cx::of(state.services.clone(), visitor.clone())
        .audit_as(Some(me.id), "downloaded own data", Some(me.id), None)
        .await
    {
        return failed(&visitor, error);
    }
    download(&state, &visitor, me.id, Audience::Themselves).await
}

/// A person's data, for a practitioner with them in their caseload or an admin: asked for with
/// a form (a POST, so the cross-site check applies and no link or prefetch writes an audit row).
pub async fn person_data(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Extension(session): Extension<SessionHandle>,
    Path(id): Path<i64>,
) -> Response {
    let services = &state.services;
    let Some(me) = visitor.user.clone() else { return StatusCode::NOT_FOUND.into_response() };
    let relations = match services.store.relations(me.id).await {
        Ok(relations) => relations,
        Err(error) => return failed(&visitor, error),
    };
    let basis = match me.actor().may_export_data(&relations, id) {
        Decision::Allowed { basis } => Some(basis),
        Decision::Denied => None,
    };
    let exists = match services.store.find_account(id).await {
        Ok(found) => found.is_some(),
        Err(error) => return failed(&visitor, error),
    };
    // A copy of someone's data needs a recent sign-in, not only a session kept alive.
    let fresh = session.is_fresh(services.clock.now());
    let (action, reason) = match basis {
        Some(_) if exists && !fresh => ("fresh sign-in asked", "exported personal data"),
        Some(basis) if exists => ("exported personal data", basis.as_str()),
        _ => ("permission refused", "exported personal data"),
    };
    if let Err(error) =
        Cx::of(services.clone(), visitor.clone()).audit_as(Some(me.id), action, Some(id), Some(reason)).await
    {
        return failed(&visitor, error);
    }
    if basis.is_none() || !exists {
        return StatusCode::NOT_FOUND.into_response();
    }
    if !fresh {
        return Redirect::to(&format!("/sign-in?again=1&next=/people/{id}/data")).into_response();
    }
    download(&state, &visitor, id, Audience::Staff).await
}

async fn download(state: &AppState, visitor: &Visitor, person_id: i64, audience: Audience) -> Response {
    let services = &state.services;
    let zip = match crate::routes::data_rights::export::personal_zip(services, person_id, audience).await {
        Ok(zip) => zip,
        Err(app::backend::ports::StoreError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return failed(visitor, error),
    };
    let name = crate::routes::data_rights::export::file_name(person_id, services.clock.now());
    crate::routes::private_file(
        zip,
        HeaderValue::from_static("application/zip"),
        &format!("attachment; filename=\"{name}\""),
    )
}

/// A plain page for a fault: the cause goes to the log with the request id, never to the page.
fn failed(visitor: &Visitor, error: impl std::fmt::Display) -> Response {
    tracing::error!(request_id = %visitor.request_id, "making a copy of a person's data: {error}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        crate::http::headers::plain_page(
            "Sorry, there is a problem with the service",
            &format!(
                "Your copy could not be made. Try again later. If it keeps happening, quote {}.",
                visitor.request_id
            ),
        ),
    )
        .into_response()
}
