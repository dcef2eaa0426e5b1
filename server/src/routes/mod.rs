//! Plain routes (not server functions), by feature: the plan's copy and files, the budget
//! letter, the emergency card, FHIR records and people's copies of their data. Each one
//! authorises through `app::policy` like a server function does.
#[cfg(feature = "pdf")]
pub mod budget;
pub mod data_rights;
#[cfg(feature = "pdf")]
pub mod documents;
#[cfg(feature = "pdf")]
pub mod emergency;
pub mod fhir;
pub mod plan;

use app::kit::visitor::Visitor;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::StatusCode;

use crate::http::AppState;

/// Every plain route. Start-up wraps them in the session and visitor middleware and gives them
/// the upload body limit.
pub fn plain() -> Router<AppState> {
    let router = Router::new()
        .route(plan::files::UPLOAD_PATH, axum::routing::post(plan::files::upload))
        .route("/plan/files/{id}/{variant}", get(plan::files::file))
        .route(fhir::export::PLAN_PATH, get(fhir::export::plan))
        .route(fhir::export::ASSESSMENT_PATH, get(fhir::export::assessment))
        .route(fhir::export::QUESTIONNAIRE_PATH, get(fhir::export::questionnaire))
        .route(data_rights::MY_DATA_PATH, get(data_rights::my_data))
        .route(data_rights::PERSON_DATA_PATH, get(data_rights::person_data));
    with_documents(router)
}

/// The PDF downloads, when the portal is built with them (the `pdf` feature).
#[cfg(feature = "pdf")]
fn with_documents(router: Router<AppState>) -> Router<AppState> {
    router
        .route(plan::copy::PATH, get(plan::copy::download))
        .route(budget::PATH, get(budget::download))
        .route(emergency::PATH, get(emergency::download))
}

#[cfg(not(feature = "pdf"))]
fn with_documents(router: Router<AppState>) -> Router<AppState> {
    router
}

/// A plain page for a fault: the cause goes to the log with the request id, never to the page.
pub fn failed(visitor: &Visitor, context: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(request_id = %visitor.request_id, "{context}: {error}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        crate::http::headers::plain_page(
            "Sorry, there is a problem with the service",
            &format!(
                "Your plan has not changed. Go back and try again later. If it keeps happening, quote {}.",
                visitor.request_id
            ),
        ),
    )
        .into_response()
}
