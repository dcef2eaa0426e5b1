//! The carer's self-assessment against a real SQLite file: saving as they go (with and without
//! JavaScript), refused answers, an expired session, versions, the practitioner's decision,
//! and nobody else reaching it.

use crate::helpers::{leave_idle, location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;

async fn carer(portal: &TestPortal, email: &str) -> i64 {
    let id = portal.signed_in_as(email, Role::Carer).await;
    id
}

async fn save(portal: &TestPortal, page: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut all = vec![("page", page), ("intent", "continue")];
    all.extend_from_slice(fields);
    portal.post_form("/api/assessment/save", &format!("/assessment/questions/{page}"), &all).await
}

#[tokio::test]
async fn answers_are_saved_page_by_page_and_continue_leads_through_the_section() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    let response = save(&portal, "age-band", &[("age_band", "25_64")]).await;
    assert_eq!(location(&response), "/assessment/questions/work");
    let response = save(&portal, "work", &[("work-part_time", "yes"), ("work-studying", "yes")]).await;
    assert_eq!(location(&response), "/assessment/questions/own-health");
    let response = save(&portal, "own-health", &[("own_health", "Bad back\nPoor sleep")]).await;
    assert_eq!(location(&response), "/assessment");

    let list = portal.page("/assessment").await;
    assert!(list.contains("You have completed 1 of 9 sections."), "{list}");
    let page = portal.page("/assessment/questions/work").await;
    assert!(page.contains(r#"name="work-part_time" type="checkbox" value="yes" checked"#), "{page}");
    let check = portal.page("/assessment/check").await;
    assert!(check.contains("25 to 64") && check.contains("Bad back") && check.contains("Not provided"), "{check}");
}

#[tokio::test]
async fn choosing_tasks_adds_a_willing_and_able_page_for_each() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    save(&portal, "tasks", &[("tasks-meals", "yes"), ("tasks-night_care", "yes")]).await;
    let page = portal.page("/assessment/questions/task-night-care").await;
    assert!(page.contains("Are you willing to keep doing this?"), "{page}");
    let response = save(&portal, "task-meals", &[("task_meals_willing", "no"), ("task_meals_able", "with_help")]).await;
    assert_eq!(location(&response), "/assessment/questions/task-night-care");
    assert_eq!(
        portal.post_form("/api/assessment/save", "/assessment", &[("page", "task-transport")]).await.status(),
        303
    );
    assert!(portal.page("/assessment/questions/task-transport").await.contains("Page not found"));
}

#[tokio::test]
async fn save_and_come_back_later_goes_to_the_task_list_and_the_script_can_save_in_place() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    let response = portal
        .post_form(
            "/api/assessment/save",
            "/assessment/questions/working",
            &[("page", "working"), ("intent", "later"), ("working", "My sister helps")],
        )
        .await;
    assert_eq!(location(&response), "/assessment?saved=1");
    assert!(portal.page("/assessment?saved=1").await.contains("Your answers have been saved"));
    let response = portal
        .post_json(
            "/api/assessment/save",
            &[("page", "working"), ("intent", "stay"), ("working", "Sister and day centre")],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(portal.page("/assessment/questions/working").await.contains("Sister and day centre"));
}

#[tokio::test]
async fn an_over_long_answer_is_refused_with_its_count_and_kept() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    let long = "a".repeat(2005);
    let response = save(&portal, "not-working", &[("not_working", &long)]).await;
    assert_eq!(location(&response), "/assessment/questions/not-working");
    let page = portal.page("/assessment/questions/not-working").await;
    assert!(page.contains("Your answer must be 2000 characters or fewer. You have 2005."), "{page}");
    assert!(page.contains(&long), "the typed answer was lost");
    let json = portal.post_json("/api/assessment/save", &[("page", "not-working"), ("not_working", &long)]).await;
    assert_eq!(json.status(), 422);
}

#[tokio::test]
async fn an_answer_typed_after_the_session_ended_comes_back_after_signing_in() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    leave_idle(&portal).await;
    let response = save(&portal, "working", &[("working", "Typed while the kettle boiled")]).await;
    assert_eq!(location(&response), "/sign-in?next=%2Fassessment%2Fquestions%2Fworking");
    let response = portal
        .post_form(
            "/api/account/sign-in",
            "/sign-in?next=/assessment/questions/working",
            &[("email", "sam@example.org"), ("password", PASSWORD), ("next", "/assessment/questions/working")],
        )
        .await;
    assert_eq!(location(&response), "/assessment/questions/working");
    let page = portal.page("/assessment/questions/working").await;
    assert!(page.contains("Typed while the kettle boiled"), "{page}");
}

#[tokio::test]
async fn each_send_is_a_new_version_and_the_decision_reaches_the_carer() {
    let portal = spawn().await;
    let carer_id = carer(&portal, "sam@example.org").await;
    save(&portal, "age-band", &[("age_band", "16_17")]).await;
    save(&portal, "outcome-nutrition", &[("outcome_nutrition_achieve", "with_distress")]).await;
    let response = portal.post_form("/api/assessment/send", "/assessment/check", &[]).await;
    assert_eq!(location(&response), "/assessment/sent");
    let sent = portal.page("/assessment/sent").await;
    assert!(sent.contains("CA-000001"), "{sent}");
    save(&portal, "age-band", &[("age_band", "18_24")]).await;
    portal.post_form("/api/assessment/send", "/assessment/check", &[]).await;
    let versions: Vec<(i64, i64)> =
        sqlx::query_as("SELECT version, CAST(CASE WHEN under_18 THEN 1 ELSE 0 END AS BIGINT) FROM assessment_versions WHERE carer_id = $1 ORDER BY version")
            .bind(carer_id)
            .fetch_all(&portal.db)
            .await
            .unwrap();
    assert_eq!(versions, [(1, 1), (2, 0)]);
    assert!(portal.page("/assessment/versions/1").await.contains("16 or 17"));

    // The practitioner with the carer in their caseload records the decision on version 2.
    portal.sign_out().await;
    let practitioner = portal.add_account("pat@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(practitioner, carer_id).await;
    portal.sign_in("pat@council.example", PASSWORD).await;
    let queue = portal.page("/staff/assessments").await;
    assert!(queue.contains("CA-000002") && queue.contains("CA-000001"), "{queue}");
    let record = portal.page("/staff/assessments/2").await;
    assert!(record.contains("How old are you?"), "the change since version 1 is listed: {record}");
    assert!(record.contains(r#"name="outcomes-nutrition" type="checkbox" value="yes" checked"#), "{record}");

    let half = [("version_id", "2"), ("necessary_care", "yes")];
    let page = portal.refused_form("/api/assessment/decide", "/staff/assessments/2", &half).await;
    assert!(page.contains("Explain this part of the decision in plain words"), "{page}");
    let decided = portal
        .post_form(
            "/api/assessment/decide",
            "/staff/assessments/2",
            &[
                ("version_id", "2"),
                ("necessary_care", "yes"),
                ("health_at_risk", "no"),
                ("outcomes-nutrition", "yes"),
                ("significant_impact", "yes"),
                ("necessary_care_reason", "Your son needs you every day."),
                ("health_reason", "You did not tell us of a health problem."),
                ("outcomes_reason", "You cannot eat properly because of caring."),
                ("impact_reason", "Not eating properly harms your wellbeing."),
            ],
        )
        .await;
    assert_eq!(location(&decided), "/staff/assessments/2");
    let again = portal
        .post_json(
            "/api/assessment/decide",
            &[
                ("version_id", "2"),
                ("necessary_care", "no"),
                ("health_at_risk", "no"),
                ("significant_impact", "no"),
                ("necessary_care_reason", "w"),
                ("health_reason", "x"),
                ("outcomes_reason", "y"),
                ("impact_reason", "z"),
                ("advice", "Carers FIRST can help"),
            ],
        )
        .await;
    assert_eq!(again.status(), 409, "a decision is never overwritten");
    assert!(portal.audit_actions().await.contains(&"eligibility decided".to_owned()));

    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let decision = portal.page("/assessment/decision").await;
    assert!(decision.contains("You are eligible for support as a carer"), "{decision}");
    assert!(decision.contains("Only with a lot of pain, distress or anxiety"), "{decision}");
    assert!(decision.contains("Not eating properly harms your wellbeing."), "{decision}");
}

#[tokio::test]
async fn nobody_else_reaches_a_carers_assessment() {
    let portal = spawn().await;
    carer(&portal, "sam@example.org").await;
    save(&portal, "working", &[("working", "private words")]).await;
    portal.post_form("/api/assessment/send", "/assessment/check", &[]).await;
    portal.sign_out().await;

    // Another carer sees only their own (empty) assessment.
    carer(&portal, "jo@example.org").await;
    assert!(!portal.page("/assessment/check").await.contains("private words"));
    assert!(!portal.page("/assessment/versions/1").await.contains("private words"));
    assert_eq!(portal.post_json("/api/assessment/record", &[("version_id", "1")]).await.status(), 404);
    portal.sign_out().await;

    // A practitioner without the carer in their caseload: not found, and the refusal is logged.
    portal.signed_in_as("pat@council.example", Role::Practitioner).await;
    let response = portal.post_json("/api/assessment/record", &[("version_id", "1")]).await;
    assert_eq!(response.status(), 404);
    assert!(!response.text().await.unwrap().contains("private words"));
    let response = portal.post_json("/api/assessment/decide", &[("version_id", "1"), ("reasons", "x")]).await;
    assert_eq!(response.status(), 404);
    assert!(portal.audit_actions().await.contains(&"permission refused".to_owned()));

    // …until they take the unallocated carer on, which is recorded.
    assert!(portal.page("/staff/assessments").await.contains("Allocate Someone to me"));
    let carer_id = portal.user_id("sam@example.org").await.to_string();
    portal.post_form("/api/assessment/allocate", "/staff/assessments", &[("carer_id", &carer_id)]).await;
    assert!(portal.page("/staff/assessments/1").await.contains("private words"));
    assert!(portal.audit_actions().await.contains(&"viewed carer's assessment".to_owned()));
}
