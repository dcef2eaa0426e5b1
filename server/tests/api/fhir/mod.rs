//! The HL7 FHIR R4 exports, checked against HL7's own resource definitions (`fhir/definitions/`)
//! by the validator in `fhir/validator.rs`: a signed-off plan as a Bundle of a CarePlan, its
//! Goals and the Patient; a sent assessment as a QuestionnaireResponse that fits the portal's
//! Questionnaire; only for the practitioner with the person in their caseload.

mod definitions;
mod questionnaire_fit;
mod validator;

use crate::helpers::{spawn, TestPortal, PASSWORD};
use app::backend::ports::{PlanVersion, SubmittedAssessment};
use app::domain::account::Role;
use app::domain::assessment::Answers;
use app::domain::plan::record::{CareAndSupportPlan, StatutoryWords};
use app::domain::plan::{ContributionKind, PlanSection, SentContribution};
use app::kit::i18n::Locale;
use chrono::{NaiveDate, TimeZone, Utc};
use definitions::definitions;
use questionnaire_fit::answers_fit;
use serde_json::{json, Value};
use server::routes::fhir::care_plan::{self, PlanHistory, SignedOffPlan};
use server::routes::fhir::Portal;

fn words(id: i64, section: PlanSection, body: &str) -> SentContribution {
    SentContribution {
        contribution_id: id,
        section,
        kind: ContributionKind::Words,
        body: body.to_owned(),
        caption: None,
        alt_text: None,
        media_type: None,
    }
}

/// Pat's plan, version 2, signed off by Lee.
fn signed_off_version() -> PlanVersion {
    let fields: StatutoryWords = [
        ("needs", "Help with washing and meals"),
        ("eligibility", "Eligible: two outcomes cannot be achieved"),
        ("needs_met", "Home care each morning"),
        ("outcomes", "- Stay at home with my wife\n- Get back to the choir"),
        ("advice", "Carers FIRST can help with benefits"),
        ("direct_payment", ""),
        ("carer", "Sam cooks the evening meal"),
        ("contingency", "The emergency plan is with CERS"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let mut picture = words(3, PlanSection::ImportantToMe, "");
    picture.kind = ContributionKind::Picture;
    picture.alt_text = Some("Tibbles asleep on the garden bench".to_owned());
    PlanVersion {
        id: 12,
        person_id: 7,
        person_name: "Pat Customer".to_owned(),
        version: 2,
        submitted_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap(),
        contributions: vec![
            words(1, PlanSection::AboutMe, "I live with my husband Sam in Lincoln."),
            words(2, PlanSection::WantToAchieve, "Walk to the shops on my own"),
            picture,
        ],
        record: Some(CareAndSupportPlan { fields, review_date: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() }),
        signed_off_by: Some("Lee Practitioner".to_owned()),
        signed_off_at: Some(Utc.with_ymd_and_hms(2026, 11, 20, 14, 5, 0).unwrap()),
    }
}

fn bundle_of(version: &PlanVersion, history: PlanHistory) -> Value {
    let plan = SignedOffPlan::of(version).expect("signed off");
    care_plan::bundle(&Portal::new("https://carers.council.example"), plan, history, Locale::En, Utc::now())
}

fn resources<'a>(bundle: &'a Value, resource_type: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == resource_type)
        .collect()
}

fn assert_valid(resource: &Value) {
    let problems = definitions().validate(resource);
    assert!(problems.is_empty(), "{problems:#?}\n{}", serde_json::to_string_pretty(resource).unwrap());
}

#[test]
fn a_signed_off_plan_is_a_valid_bundle_of_a_care_plan_its_goals_and_the_patient() {
    let bundle = bundle_of(&signed_off_version(), PlanHistory::default());
    assert_valid(&bundle);
    assert_eq!(bundle["type"], "collection");

    let plan = resources(&bundle, "CarePlan")[0];
    assert_eq!((&plan["status"], &plan["intent"]), (&json!("active"), &json!("plan")));
    assert_eq!(plan["subject"]["reference"], "Patient/7");
    assert_eq!(plan["author"]["display"], "Lee Practitioner");
    assert_eq!(plan["period"]["start"], "2026-11-20T14:05:00Z");
    assert_eq!(plan["category"][0]["text"], "Care and Support Plan (Care Act 2014)");
    let notes: Vec<&str> = plan["note"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap()).collect();
    assert!(notes.contains(&"The needs the council will meet, and how: Home care each morning"), "{notes:#?}");
    assert!(
        notes.iter().any(|n| n.starts_with("Anticipated review date") && n.ends_with("4 January 2027")),
        "{notes:#?}"
    );
    assert!(notes.iter().any(|n| n.ends_with("I live with my husband Sam in Lincoln.")), "the person's own words");
    assert!(notes.iter().any(|n| n.contains("Tibbles asleep on the garden bench")), "a picture by its description");
    assert!(!notes.iter().any(|n| n.starts_with("Needs met by a Direct Payment")), "an empty section is left out");

    let goals = resources(&bundle, "Goal");
    let described: Vec<&str> = goals.iter().map(|g| g["description"]["text"].as_str().unwrap()).collect();
    assert_eq!(described, ["Stay at home with my wife", "Get back to the choir", "Walk to the shops on my own"]);
    assert!(goals.iter().all(|g| g["lifecycleStatus"] == "active" && g["subject"]["reference"] == "Patient/7"));
    assert_eq!(goals[2]["expressedBy"]["reference"], "Patient/7", "the person's own goal is theirs");
    assert_eq!(plan["goal"].as_array().unwrap().len(), 3);

    let patient = resources(&bundle, "Patient")[0];
    assert_eq!(patient["meta"]["profile"][0], "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
    assert_eq!(patient["identifier"][0]["system"], "https://carers.council.example/fhir/person");
    assert_eq!(patient["identifier"][0]["value"], "7");
}

#[test]
fn a_replaced_version_names_what_it_replaced_and_is_no_longer_active() {
    let history = PlanHistory { replaces: Some((9, 1)), superseded: true };
    let bundle = bundle_of(&signed_off_version(), history);
    assert_valid(&bundle);
    let plan = resources(&bundle, "CarePlan")[0];
    assert_eq!(plan["status"], "revoked");
    assert_eq!(plan["replaces"][0]["identifier"]["value"], "9");
    assert!(resources(&bundle, "Goal").iter().all(|g| g["lifecycleStatus"] == "cancelled"));
    let mut unsigned = signed_off_version();
    unsigned.signed_off_at = None;
    assert!(SignedOffPlan::of(&unsigned).is_none(), "an unsigned version cannot be exported");
}

/// The validator can fail: each deliberate break of a valid bundle is reported.
#[test]
fn the_validator_rejects_resources_that_break_the_definitions() {
    let valid = bundle_of(&signed_off_version(), PlanHistory::default());
    let broken = |change: &dyn Fn(&mut Value), expected: &str| {
        let mut bundle = valid.clone();
        change(&mut bundle);
        let problems = definitions().validate(&bundle);
        assert!(problems.iter().any(|p| p.contains(expected)), "expected `{expected}` in {problems:#?}");
    };
    broken(
        &|b| care_plan(b)["status"] = json!("finished"),
        "not in the value set http://hl7.org/fhir/ValueSet/request-status",
    );
    broken(&|b| care_plan(b)["intent"] = json!("maybe"), "care-plan-intent");
    broken(&|b| drop(care_plan(b).as_object_mut().unwrap().remove("intent")), "CarePlan.intent is required");
    broken(&|b| care_plan(b)["mood"] = json!("hopeful"), "CarePlan has no element `mood`");
    broken(&|b| care_plan(b)["subject"] = json!([{ "reference": "Patient/7" }]), "repeats at most once");
    broken(&|b| care_plan(b)["note"] = json!({ "text": "one" }), "can repeat: it must be an array");
    broken(&|b| care_plan(b)["goal"] = json!([]), "arrays may not be empty");
    broken(&|b| care_plan(b)["created"] = json!("20/11/2026"), "is not a valid dateTime");
    broken(&|b| care_plan(b)["title"] = json!(42), "must be a JSON string");
    broken(&|b| care_plan(b)["subject"]["reference"] = json!("Patient/"), "not a well-formed reference");
    broken(&|b| care_plan(b)["subject"]["reference"] = json!("Practitioner/3"), "may not refer to a Practitioner");
    broken(&|b| care_plan(b)["goal"][0]["reference"] = json!("Goal/404"), "resolves to no entry");
    broken(&|b| care_plan(b)["category"][0]["coding"][0]["userSelected"] = json!("yes"), "must be a JSON boolean");
    broken(&|b| b["type"] = json!("bag"), "bundle-type");
    broken(&|b| b["entry"][1]["resource"]["lifecycleStatus"] = json!("done"), "goal-status");
    broken(
        &|b| drop(b["entry"][1]["resource"].as_object_mut().unwrap().remove("description")),
        "Goal.description is required",
    );
    broken(
        &|b| b["entry"][1]["fullUrl"] = json!("https://carers.council.example/fhir/Goal/1"),
        "disagrees with the resource",
    );
}

fn care_plan(bundle: &mut Value) -> &mut Value {
    &mut bundle["entry"][0]["resource"]
}

fn submitted_assessment() -> SubmittedAssessment {
    let answers = [
        ("live_together", "no"),
        ("tasks", "meals"),
        ("task_meals_willing", "not_sure"),
        ("working", "My sister visits"),
    ];
    SubmittedAssessment {
        filled_in_by: None,
        confirmed_at: None,
        id: 4,
        carer_id: 3,
        carer_name: "Sam Carer".to_owned(),
        version: 1,
        submitted_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap(),
        answers: Answers::from_stored(answers.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned()))),
        decision: None,
    }
}

#[test]
fn the_validator_rejects_a_broken_questionnaire_response_and_questionnaire() {
    let portal = Portal::new("https://carers.council.example");
    let valid = server::routes::fhir::assessment::questionnaire_response(&portal, &submitted_assessment(), Locale::En);
    assert_valid(&valid);
    assert_valid(&server::routes::fhir::questionnaire::questionnaire(&portal, Locale::Pl));
    let questionnaire = server::routes::fhir::questionnaire::questionnaire(&portal, Locale::En);
    assert!(answers_fit(&valid, &questionnaire).is_empty());
    // In another language the words differ, and that is caught.
    let polish = server::routes::fhir::assessment::questionnaire_response(&portal, &submitted_assessment(), Locale::Pl);
    assert!(answers_fit(&polish, &questionnaire).iter().any(|p| p.contains("differs from the questionnaire")));
    let broken = |change: &dyn Fn(&mut Value), expected: &str| {
        let mut response = valid.clone();
        change(&mut response);
        let mut problems = definitions().validate(&response);
        problems.extend(answers_fit(&response, &questionnaire));
        assert!(problems.iter().any(|p| p.contains(expected)), "expected `{expected}` in {problems:#?}");
    };
    broken(&|r| r["status"] = json!("done"), "questionnaire-answers-status");
    broken(&|r| r["identifier"]["use"] = json!("primary"), "identifier-use");
    broken(&|r| r["subject"]["identifier"]["period"] = json!({ "start": "yesterday" }), "is not a valid dateTime");
    broken(
        &|r| drop(r["item"][0].as_object_mut().unwrap().remove("linkId")),
        "QuestionnaireResponse.item.linkId is required",
    );
    broken(&|r| r["item"][0]["item"][0]["answer"][0] = json!({ "valueString": 7 }), "must be a JSON string");
    broken(&|r| r["item"][0]["item"][0]["answer"][0] = json!({ "valueText": "no" }), "has no element `valueText`");
    broken(&|r| r["item"][0]["answer"] = json!([{ "valueBoolean": true }]), "qrs-1");
    broken(&|r| r["item"][0]["item"][0]["linkId"] = json!("favourite_colour"), "not defined by the questionnaire");
    broken(
        &|r| r["item"][0]["item"][0]["answer"][0] = json!({ "valueString": "no" }),
        "does not fit a \"boolean\" question",
    );
    let mut twice = questionnaire.clone();
    twice["item"][1]["linkId"] = twice["item"][0]["linkId"].clone();
    assert!(definitions().validate(&twice).iter().any(|p| p.contains("que-2")));
}

/// Pat's plan sent and signed off by Lee (who has Pat in their caseload). Returns its id.
async fn signed_off_plan(portal: &TestPortal) -> i64 {
    let id = sent_plan(portal).await;
    crate::helpers::plans::sign_off_as(portal, "lee@council.example", id).await;
    id
}

async fn sent_plan(portal: &TestPortal) -> i64 {
    crate::helpers::plans::pat_and_lee(portal, PASSWORD).await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    portal
        .post_form("/api/plan/add", "/plan", &[("section", "achieve"), ("text", "Walk to the shops on my own")])
        .await;
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    portal.sign_out().await;
    sqlx::query_scalar("SELECT id FROM plan_versions").fetch_one(&portal.db).await.unwrap()
}

async fn get(portal: &TestPortal, path: &str) -> reqwest::Response {
    portal.client.get(portal.at(path)).send().await.unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_practitioner_downloads_a_signed_off_plan_as_a_valid_fhir_bundle() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    let page = portal.page(&format!("/plan/versions/{id}")).await;
    assert!(
        page.contains(&format!("href=\"/staff/plans/{id}/fhir\"")) && page.contains("Download as FHIR (JSON)"),
        "{page}"
    );

    let response = get(&portal, &format!("/staff/plans/{id}/fhir")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/fhir+json");
    let pat: i64 = portal.user_id("pat@example.org").await;
    assert_eq!(
        header(&response, "content-disposition"),
        format!("attachment; filename=\"care-plan-{pat}-version-1.json\"")
    );
    let written = response.text().await.unwrap();
    assert!(written.starts_with("{\n  \"resourceType\": \"Bundle\","), "{written}");
    let bundle: Value = serde_json::from_str(&written).unwrap();
    assert_valid(&bundle);
    let goals: Vec<&str> =
        resources(&bundle, "Goal").iter().map(|g| g["description"]["text"].as_str().unwrap()).collect();
    assert_eq!(goals, ["Stay at home with my cat", "Walk to the shops on my own"]);
    assert_eq!(resources(&bundle, "CarePlan")[0]["subject"]["reference"], format!("Patient/{pat}"));
    assert!(portal.audit_actions().await.contains(&"exported support plan as FHIR".to_owned()));
}

#[tokio::test]
async fn only_a_practitioner_with_the_person_in_their_caseload_may_download_the_plan() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    let path = format!("/staff/plans/{id}/fhir");
    assert_eq!(get(&portal, &path).await.status(), 404, "signed out");
    portal.sign_in("pat@example.org", PASSWORD).await;
    assert_eq!(get(&portal, &path).await.status(), 404, "the person themselves is not staff");
    assert!(!portal.page(&format!("/plan/versions/{id}")).await.contains("/fhir"), "and is offered no link");
    portal.sign_out().await;
    portal.signed_in_as("kim@council.example", Role::Practitioner).await;
    assert_eq!(get(&portal, &path).await.status(), 404, "a practitioner without the person in their caseload");
    assert!(portal.audit_actions().await.contains(&"permission refused".to_owned()));
}

#[tokio::test]
async fn a_plan_not_yet_signed_off_is_refused_with_a_message() {
    let portal = spawn().await;
    let id = sent_plan(&portal).await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    let response = get(&portal, &format!("/staff/plans/{id}/fhir")).await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.unwrap();
    assert!(page.contains("This plan cannot be downloaded as FHIR yet"), "{page}");
    assert!(page.contains(&format!("href=\"/staff/plans/{id}\"")), "{page}");
}

#[tokio::test]
async fn a_sent_assessment_exports_as_a_questionnaire_response_with_the_carers_answers() {
    let portal = spawn().await;
    let sam = portal.signed_in_as("sam@example.org", Role::Carer).await;
    let save = |page: &'static str, fields: Vec<(&'static str, &'static str)>| {
        let mut all = vec![("page", page), ("intent", "continue")];
        all.extend(fields);
        let portal = &portal;
        async move { portal.post_form("/api/assessment/save", &format!("/assessment/questions/{page}"), &all).await }
    };
    save("age-band", vec![("age_band", "25_64")]).await;
    save("live-together", vec![("live_together", "yes")]).await;
    save("tasks", vec![("tasks-meals", "yes"), ("tasks-night_care", "yes")]).await;
    save(
        "task-meals",
        vec![("task_meals_often", "daily"), ("task_meals_willing", "yes"), ("task_meals_able", "with_help")],
    )
    .await;
    save(
        "outcome-recreation",
        vec![("outcome_recreation_achieve", "no"), ("outcome_recreation_affect", "I have not sung in a year")],
    )
    .await;
    portal.post_form("/api/assessment/send", "/assessment/check", &[]).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM assessment_versions").fetch_one(&portal.db).await.unwrap();
    let path = format!("/staff/assessments/{id}/fhir");
    assert_eq!(get(&portal, &path).await.status(), 404, "the carer is not staff");
    portal.sign_out().await;

    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(lee, sam).await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page(&format!("/staff/assessments/{id}")).await.contains(&format!("href=\"{path}\"")));
    let response = get(&portal, &path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        header(&response, "content-disposition"),
        format!("attachment; filename=\"carers-assessment-CA-{id:06}.json\"")
    );
    let answers: Value = response.json().await.unwrap();
    assert_valid(&answers);
    assert_eq!(
        (&answers["status"], &answers["subject"]["identifier"]["value"]),
        (&json!("completed"), &json!(sam.to_string()))
    );

    // It answers the questionnaire served at its canonical URL, which is itself valid.
    let path = "/fhir/Questionnaire/carers-assessment";
    assert!(answers["questionnaire"].as_str().unwrap().ends_with(path));
    let questionnaire: Value = get(&portal, path).await.json().await.unwrap();
    assert_valid(&questionnaire);
    let problems = answers_fit(&answers, &questionnaire);
    assert!(problems.is_empty(), "{problems:#?}");

    let linked = questionnaire_fit::link_ids(&answers);
    for expected in [
        "age_band",
        "live_together",
        "tasks",
        "task-meals",
        "task_meals_able",
        "outcome-recreation",
        "outcome_recreation_affect",
    ] {
        assert!(linked.contains(&expected.to_owned()), "{expected} in {linked:?}");
    }
    assert!(!linked.contains(&"task-night-care".to_owned()), "a task with no answers is left out");
    let text = answers.to_string();
    assert!(text.contains(r#""valueBoolean":true"#) && text.contains("I have not sung in a year"), "{text}");
    assert!(text.contains(r#""code":"with_help","display":"Only with help""#), "{text}");
}
