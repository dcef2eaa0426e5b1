//! Plain routes (not server functions), by feature: the plan's copy and files, the budget
//! letter, the emergency card, FHIR records and people's copies of their data. Each one
//! authorises through `app::policy` like a server function does.
#[cfg(feature = "pdf")]
pub mod budget;
pub mod council_sign_in;
pub mod data_rights;
#[cfg(feature = "pdf")]
pub mod documents;
#[cfg(feature = "pdf")]
pub mod emergency;
pub mod fhir;
pub mod plan;

use app::backend::ports::StoreError;
use app::error::AppError;
use app::kit::visitor::Visitor;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::{header, HeaderValue, StatusCode};

use crate::http::AppState;

/// Every plain route. Start-up wraps them in the session and visitor middleware and gives them
/// the upload body limit.
pub fn plain() -> Router<AppState> {
    plain_routes().router
}

/// Every plain route's method and path, as `plain` serves them (the access test checks each is
/// classified, so a new route cannot be forgotten).
pub fn plain_paths() -> Vec<(&'static str, &'static str)> {
    plain_routes().paths
}

/// A router that remembers what it routes.
struct Routes {
    router: Router<AppState>,
    paths: Vec<(&'static str, &'static str)>,
}

impl Routes {
    fn get<H: axum::handler::Handler<T, AppState>, T: 'static>(mut self, path: &'static str, handler: H) -> Self {
        self.paths.push(("GET", path));
        self.router = self.router.route(path, get(handler));
        self
    }

    fn post<H: axum::handler::Handler<T, AppState>, T: 'static>(mut self, path: &'static str, handler: H) -> Self {
        self.paths.push(("POST", path));
        self.router = self.router.route(path, axum::routing::post(handler));
        self
    }
}

fn plain_routes() -> Routes {
    let routes = Routes { router: Router::new(), paths: Vec::new() }
        .post(plan::files::UPLOAD_PATH, plan::files::upload)
        .get(plan::files::FILE_PATH, plan::files::file)
        .get(fhir::export::PLAN_PATH, fhir::export::plan)
        .get(fhir::export::ASSESSMENT_PATH, fhir::export::assessment)
        .get(fhir::export::QUESTIONNAIRE_PATH, fhir::export::questionnaire)
        .get(data_rights::MY_DATA_PATH, data_rights::my_data)
        .post(data_rights::PERSON_DATA_PATH, data_rights::person_data)
        .get(council_sign_in::START_PATH, council_sign_in::start)
        .get(council_sign_in::CALLBACK_PATH, council_sign_in::callback);
    with_documents(routes)
}

/// The PDF downloads, when the portal is built with them (the `pdf` feature).
#[cfg(feature = "pdf")]
fn with_documents(routes: Routes) -> Routes {
    routes
        .get(plan::copy::PATH, plan::copy::download)
        .get(budget::PATH, budget::download)
        .get(emergency::PATH, emergency::download)
}

#[cfg(not(feature = "pdf"))]
fn with_documents(routes: Routes) -> Routes {
    routes
}

/// "Not found": for a record that is not there, and for one the asker may not see.
pub fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// The record a route reads, or what it answers instead: "not found" when it is not there, the
/// fault page (`context` in the log) when it could not be read.
// The early answer is a whole response, as in axum's `Result<Response, Response>` handlers.
#[allow(clippy::result_large_err)]
pub fn found<T>(visitor: &Visitor, context: &str, read: Result<Option<T>, StoreError>) -> Result<T, Response> {
    match read {
        Ok(Some(found)) => Ok(found),
        Ok(None) => Err(not_found()),
        Err(error) => Err(failed(visitor, context, error)),
    }
}

/// The policy's answer as a route gives it: a refusal (already audited) is "not found", a fault
/// the fault page (`context` in the log).
// The early answer is a whole response, as in axum's `Result<Response, Response>` handlers.
#[allow(clippy::result_large_err)]
pub fn allowed<T>(visitor: &Visitor, context: &str, decision: Result<T, AppError>) -> Result<T, Response> {
    decision.map_err(|error| match error {
        AppError::Internal { .. } => failed(visitor, context, error),
        _ => not_found(),
    })
}

/// A file for the asker only: its type, how the browser should take it (`attachment; filename=…`
/// to save, `inline; …` to show), no type sniffing, and never kept in the cache of a shared
/// computer (a removed picture or a share taken back must not stay readable there).
pub fn private_file(body: impl IntoResponse, content_type: HeaderValue, disposition: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, content_type);
    if let Ok(value) = HeaderValue::from_str(disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
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
