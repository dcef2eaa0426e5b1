//! The demo data `make run` loads: besides the empty accounts the end-to-end tests use, a
//! household a year into the journey, loaded once however often the portal starts.

use crate::helpers::{location, spawn_configured};
use server::config::Settings;
use server::startup::build_with_clock;
use server::testing::demo::DEMO_PASSWORD;

#[tokio::test]
async fn alex_is_a_year_in_with_a_signed_off_plan_and_a_budget_and_a_restart_adds_nothing() {
    let portal = spawn_configured(|settings| settings.demo_data = true, |routes| routes).await;
    let alex = portal.user_id("jo@example.org").await;
    assert_eq!(location(&portal.sign_in("jo@example.org", DEMO_PASSWORD).await), "/home");
    let page = portal.page("/budget").await;
    assert!(page.contains("£1,200.00") && page.contains("£95.39"), "the budget and what was spent: {page}");
    assert!(page.contains("A month&#x27;s swimming pass") || page.contains("A month's swimming pass"), "{page}");
    let page = portal.page("/timeline").await;
    assert!(page.contains("Your support plan was agreed and signed off"), "{page}");
    let versions = portal.store.plan_versions(alex).await.unwrap();
    let page = portal.page(&format!("/plan/versions/{}", versions[0].id)).await;
    assert!(page.contains("A Direct Payment of £100 a month"), "the statutory record: {page}");

    let practitioner = portal.user_id("practitioner@example.org").await;
    assert!(portal.store.relations(practitioner).await.unwrap().caseload.contains(&alex));
    // The first demo carer stays empty for the end-to-end tests.
    let sam = portal.user_id("carer@example.org").await;
    assert!(portal.store.plan_versions(sam).await.unwrap().is_empty());
    assert!(portal.store.assessment_versions(sam).await.unwrap().is_empty());

    let mut settings = Settings::for_tests(portal.data.path().to_path_buf());
    settings.demo_data = true;
    build_with_clock(settings, portal.clock.clone(), |routes| routes).await.expect("the portal starts again");
    assert_eq!(portal.store.plan_versions(alex).await.unwrap().len(), 1);
    let assessments = portal.store.assessment_versions(alex).await.unwrap();
    assert_eq!(assessments.len(), 1);
    assert!(assessments[0].decision.as_ref().is_some_and(|d| d.decision.eligible()));
    let budget = portal.store.current_budget(alex).await.unwrap().expect("a budget");
    let spends = portal.store.spends(budget.id).await.unwrap();
    assert_eq!(spends.len(), 4);
    assert!(spends.iter().all(|s| s.spend.outcome.is_some()), "each spend is linked to an outcome");
    assert_eq!(portal.store.reviews_of(alex).await.unwrap().len(), 3, "the first, annual and Direct Payment reviews");
}
