//! The FHIR downloads: a signed-off plan version as a `Bundle` and a sent assessment as a
//! `QuestionnaireResponse`, for the practitioner who has the person in their caseload (the
//! policy decides; everyone else gets "not found" and the refusal is audited); and the
//! assessment's `Questionnaire` at its canonical URL, for anyone.
use app::backend::cx::Cx;
use app::backend::ports::PlanVersion;
use app::kit::i18n::{Locale, Text};
use app::kit::visitor::{SignedInUser, Visitor};
use app::policy::{Access, Capability, Record};
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use http::{header, HeaderValue, StatusCode};

use crate::http::AppState;
use crate::routes::fhir::care_plan::{self, PlanHistory, SignedOffPlan};
use crate::routes::fhir::{assessment, questionnaire, Portal, MEDIA_TYPE};
use crate::routes::{allowed, failed, found, not_found};

pub const PLAN_PATH: &str = "/staff/plans/{id}/fhir";
pub const ASSESSMENT_PATH: &str = "/staff/assessments/{id}/fhir";
pub const QUESTIONNAIRE_PATH: &str = "/fhir/Questionnaire/carers-assessment";

pub async fn plan(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<i64>,
) -> Result<Response, Response> {
    let services = &state.services;
    let what = "exported support plan as FHIR";
    let me = practitioner(&state, &visitor, what).await.ok_or_else(not_found)?;
    let version = found(&visitor, "reading a plan version", services.store.plan_version(id).await)?;
    let decision = me.authorise(version.person_id, Record::Plan, Access::View, what).await;
    allowed(&visitor, "authorising a FHIR copy", decision)?;
    let Some(signed_off) = SignedOffPlan::of(&version) else { return Ok(not_signed_off(visitor.locale, id)) };
    let versions = services
        .store
        .plan_versions(version.person_id)
        .await
        .map_err(|error| failed(&visitor, "reading plan versions", error))?;
    let portal = Portal::new(&state.settings.public_url());
    let bundle =
        care_plan::bundle(&portal, signed_off, history(&version, &versions), visitor.locale, services.clock.now());
    let filename = format!("care-plan-{}-version-{}.json", version.person_id, version.version);
    Ok(fhir_response(&bundle, Some(&filename)))
}

pub async fn assessment(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<i64>,
) -> Result<Response, Response> {
    let services = &state.services;
    let what = "exported carer's assessment as FHIR";
    let me = practitioner(&state, &visitor, what).await.ok_or_else(not_found)?;
    let version = found(&visitor, "reading an assessment", services.store.assessment_version(id).await)?;
    let decision = me.authorise(version.carer_id, Record::Assessment, Access::View, what).await;
    allowed(&visitor, "authorising a FHIR copy", decision)?;
    let portal = Portal::new(&state.settings.public_url());
    let response = assessment::questionnaire_response(&portal, &version, visitor.locale);
    let filename = format!("carers-assessment-{}.json", app::features::assessment::api::reference(version.id));
    Ok(fhir_response(&response, Some(&filename)))
}

/// The questionnaire every exported response names: public, it holds no one's answers.
pub async fn questionnaire(State(state): State<AppState>, Extension(visitor): Extension<Visitor>) -> Response {
    let portal = Portal::new(&state.settings.public_url());
    fhir_response(&questionnaire::questionnaire(&portal, visitor.locale), None)
}

/// The signed-in practitioner. Anyone else is refused (the refusal is audited).
async fn practitioner(state: &AppState, visitor: &Visitor, what: &str) -> Option<Cx<SignedInUser>> {
    Cx::of(state.services.clone(), visitor.clone()).require(Capability::ViewCaseload, what).await.ok()
}

/// Which signed-off version this one replaced, and whether a later one replaced it.
fn history(version: &PlanVersion, all: &[PlanVersion]) -> PlanHistory {
    let signed: Vec<&PlanVersion> = all.iter().filter(|v| v.signed_off_at.is_some() && v.id != version.id).collect();
    PlanHistory {
        replaces: signed
            .iter()
            .filter(|v| v.version < version.version)
            .max_by_key(|v| v.version)
            .map(|v| (v.id, v.version)),
        superseded: signed.iter().any(|v| v.version > version.version),
    }
}

fn fhir_response(resource: &serde_json::Value, filename: Option<&str>) -> Response {
    let mut response = crate::routes::fhir::to_json(resource).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
    if let Some(value) = filename.and_then(|f| HeaderValue::from_str(&format!("attachment; filename=\"{f}\"")).ok()) {
        headers.insert(header::CONTENT_DISPOSITION, value);
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}

/// A plan still waiting to be signed off cannot be exported: say so, and where to sign it off.
fn not_signed_off(locale: Locale, id: i64) -> Response {
    let t = |text| locale.text(text);
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} – {service}</title>\
         <link rel=\"stylesheet\" href=\"{css}\"></head><body class=\"govuk-template__body\">\
         <div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">\
         <h1 class=\"govuk-heading-l\">{title}</h1><p class=\"govuk-body\">{body}</p>\
         <p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/staff/plans/{id}\">{link}</a></p>\
         </main></div></body></html>",
        lang = locale.tag(),
        title = t(Text::FhirNotSignedOffTitle),
        service = t(Text::LayoutServiceName),
        body = t(Text::FhirNotSignedOff),
        link = t(Text::FhirSignOffLink),
        css = app::kit::assets::stylesheet_href(),
    );
    (StatusCode::CONFLICT, Html(page)).into_response()
}
