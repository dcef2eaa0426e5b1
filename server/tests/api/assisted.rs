//! A practitioner starts a record for a carer with no email, fills in the assessment with them
//! (recorded as filled in with the practitioner), and the carer later takes the account over
//! with the code in their letter and confirms what was filled in.
use app::domain::account::Role;
use serde_json::Value;

use crate::helpers::faults::{browser, get, post_form, post_json};
use crate::helpers::{spawn, TestPortal};
use server::testing::demo::DEMO_PASSWORD;

/// The id and code in the letter page's address.
fn letter(location: &str) -> (i64, String) {
    let rest = location.strip_prefix("/staff/assisted/").expect("a letter page");
    let (id, query) = rest.split_once("/letter?code=").expect("a code");
    (id.parse().unwrap(), query.to_owned())
}

async fn take_over(portal: &TestPortal, client: &reqwest::Client, code: &str, email: &str) -> u16 {
    let fields =
        [("code", code.to_owned()), ("email", email.to_owned()), ("password", "a long enough password".into())];
    post_json(portal, client, "/api/assisted/take-over", &fields).await.status
}

#[tokio::test]
async fn a_practitioner_fills_in_an_assessment_for_a_carer_without_an_email_who_takes_it_over_later() {
    let portal = spawn().await;
    portal.add_account("lee@example.org", Role::Practitioner, DEMO_PASSWORD).await;
    portal.add_account("kit@example.org", Role::Practitioner, DEMO_PASSWORD).await;
    let lee = browser(&portal, "lee@example.org").await;

    let started =
        post_form(&portal, &lee, "/api/assisted/start", "/staff/assisted", &[("name", "Dana Phone".into())]).await;
    let (dana, code) = letter(&started.location().expect("to the letter"));
    let page = get(&portal, &lee, &format!("/staff/assisted/{dana}/letter?code={code}")).await;
    assert!(page.body.contains("Dear Dana Phone"), "{}", page.body);
    assert!(page.body.contains("/take-over"));

    // Lee fills in Dana's assessment with them, and sends it.
    let filling = post_form(&portal, &lee, "/api/assisted/fill-in", "/", &[("person_id", dana.to_string())]).await;
    assert_eq!(filling.location().as_deref(), Some("/assessment"));
    let answers = post_json(&portal, &lee, "/api/assessment/answers", &[]).await;
    assert!(answers.body.contains("Dana Phone"), "{}", answers.body);
    let fields = [
        ("page", "working".to_owned()),
        ("intent", "continue".into()),
        ("working", "Her son visits on Sundays".into()),
    ];
    assert!(post_json(&portal, &lee, "/api/assessment/save", &fields).await.status < 300);
    assert!(post_json(&portal, &lee, "/api/assessment/send", &[]).await.status < 300);
    let versions = portal.store.assessment_versions(dana).await.unwrap();
    assert_eq!(versions[0].filled_in_by.as_deref(), Some("Someone"), "recorded as filled in by Lee");
    assert!(portal.audit_actions().await.contains(&"assisted record started".to_owned()));

    // The choice lasts as long as Lee's session: signed out and in again, the cookie means nothing.
    assert!(post_form(&portal, &lee, "/api/account/sign-out", "/home", &[]).await.status < 400);
    let again = [("email", "lee@example.org".to_owned()), ("password", DEMO_PASSWORD.into())];
    assert!(post_json(&portal, &lee, "/api/account/sign-in", &again).await.status < 300);
    portal.as_if_codes_were_typed().await;
    assert_eq!(post_json(&portal, &lee, "/api/assessment/answers", &[]).await.status, 404);

    // Another practitioner cannot fill it in, even with the cookie copied.
    let kit = browser(&portal, "kit@example.org").await;
    assert_eq!(post_json(&portal, &kit, "/api/assisted/fill-in", &[("person_id", dana.to_string())]).await.status, 404);
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let forger = reqwest::Client::builder().cookie_provider(jar.clone()).build().unwrap();
    let fields = [("email", "kit@example.org".to_owned()), ("password", DEMO_PASSWORD.into())];
    assert!(post_json(&portal, &forger, "/api/account/sign-in", &fields).await.status < 300);
    portal.as_if_codes_were_typed().await;
    jar.add_cookie_str(&format!("portal_assisting={dana}; Path=/"), &portal.url.parse().unwrap());
    assert_eq!(post_json(&portal, &forger, "/api/assessment/answers", &[]).await.status, 404);
    // Nobody can sign in to the account before it is taken over.
    assert!(portal.store.awaiting_take_over(dana).await.unwrap());

    // Dana takes it over with the code: a wrong code and a used email are refused first.
    let dana_browser = portal.another_browser();
    assert_eq!(take_over(&portal, &dana_browser, "AAAA AAAA AAAA", "dana@example.org").await, 422);
    assert_eq!(take_over(&portal, &dana_browser, &code, "kit@example.org").await, 422, "an email already used");
    assert_eq!(take_over(&portal, &dana_browser, &code, "dana@example.org").await, 200);
    assert_eq!(take_over(&portal, &portal.another_browser(), &code, "other@example.org").await, 422, "used up");
    assert!(!portal.store.awaiting_take_over(dana).await.unwrap());

    // Signed in as Dana: the version waits for them to confirm it.
    let mine = post_json(&portal, &dana_browser, "/api/assessment/mine", &[]).await;
    let mine: Value = serde_json::from_str(&mine.body).unwrap();
    assert_eq!(mine["versions"][0]["filled_in_by"], "Someone");
    let version = mine["versions"][0]["to_confirm"].as_i64().expect("a version to confirm");
    let confirm = [("version_id", version.to_string())];
    assert_eq!(post_json(&portal, &kit, "/api/assessment/confirm", &confirm).await.status, 404);
    assert!(post_json(&portal, &dana_browser, "/api/assessment/confirm", &confirm).await.status < 300);
    let mine = post_json(&portal, &dana_browser, "/api/assessment/mine", &[]).await;
    assert!(serde_json::from_str::<Value>(&mine.body).unwrap()["versions"][0]["to_confirm"].is_null());
    let again = browser_with_password(&portal, "dana@example.org").await;
    assert!(again, "Dana signs in with their own email and password");
}

async fn browser_with_password(portal: &TestPortal, email: &str) -> bool {
    let fields = [("email", email.to_owned()), ("password", "a long enough password".into())];
    post_json(portal, &portal.another_browser(), "/api/account/sign-in", &fields).await.status < 300
}

#[tokio::test]
async fn a_trusted_assessor_fills_in_an_assessment_that_waits_in_intake_for_the_council_to_decide() {
    let portal = spawn().await;
    portal.add_account("tariq@carers-centre.example", Role::TrustedAssessor, DEMO_PASSWORD).await;
    portal.add_account("lee@example.org", Role::Practitioner, DEMO_PASSWORD).await;
    let tariq = browser(&portal, "tariq@carers-centre.example").await;

    // Tariq's home offers the way to start a record; no intake, caseload or messages.
    let home = get(&portal, &tariq, "/home").await.body;
    assert!(home.contains("/staff/assisted") && !home.contains("/staff/intake"), "{home}");
    assert!(!home.contains("/staff/messages") && !home.contains("/staff/assessments"), "{home}");

    let started =
        post_form(&portal, &tariq, "/api/assisted/start", "/staff/assisted", &[("name", "Dana Phone".into())]).await;
    let (dana, code) = letter(&started.location().expect("to the letter"));
    assert!(portal.store.allocations_of(dana).await.unwrap().is_empty(), "no worker: the council's intake");
    let home = get(&portal, &tariq, "/home").await.body;
    assert!(home.contains(&format!("/staff/assisted/{dana}/letter")), "Dana is on Tariq's list: {home}");

    // Tariq fills in and sends Dana's assessment with them.
    let filling = post_form(&portal, &tariq, "/api/assisted/fill-in", "/", &[("person_id", dana.to_string())]).await;
    assert_eq!(filling.location().as_deref(), Some("/assessment"));
    let fields =
        [("page", "working".to_owned()), ("intent", "continue".into()), ("working", "Nights at the depot".into())];
    assert!(post_json(&portal, &tariq, "/api/assessment/save", &fields).await.status < 300);
    assert!(post_json(&portal, &tariq, "/api/assessment/send", &[]).await.status < 300);

    // The council sees Dana in intake, with the assessment; Tariq cannot decide it, nor see
    // anything but the assessment and the letter.
    let lee = browser(&portal, "lee@example.org").await;
    let intake = post_json(&portal, &lee, "/api/allocation/intake", &[]).await;
    let intake: Value = serde_json::from_str(&intake.body).unwrap();
    let line = intake["waiting"].as_array().unwrap().iter().find(|l| l["person_id"] == dana).cloned();
    assert!(line.expect("Dana waits in intake").to_string().contains("Sent a carer's assessment"));
    assert_eq!(post_json(&portal, &tariq, "/api/allocation/intake", &[]).await.status, 404);
    assert_eq!(post_json(&portal, &tariq, "/api/assessment/queue", &[]).await.status, 404);
    let version = portal.store.assessment_versions(dana).await.unwrap()[0].id;
    let decide = [("version_id", version.to_string()), ("eligible", "yes".into())];
    assert_eq!(post_json(&portal, &tariq, "/api/assessment/decide", &decide).await.status, 404);
    assert_eq!(post_json(&portal, &tariq, "/api/people/summary", &[("person_id", dana.to_string())]).await.status, 200);
    assert!(portal.audit_actions().await.contains(&"assisted record started".to_owned()));

    // Once Dana takes the account over, it is theirs: Tariq's access ends.
    assert_eq!(take_over(&portal, &portal.another_browser(), &code, "dana@example.org").await, 200);
    assert_eq!(
        post_json(&portal, &tariq, "/api/assisted/fill-in", &[("person_id", dana.to_string())]).await.status,
        404
    );
    assert_eq!(post_json(&portal, &tariq, "/api/people/summary", &[("person_id", dana.to_string())]).await.status, 404);
    // A trusted assessor never reaches someone whose record they did not start.
    let sam = portal.add_account("sam@example.org", Role::Carer, DEMO_PASSWORD).await;
    assert_eq!(post_json(&portal, &tariq, "/api/assisted/letter", &[("person_id", sam.to_string())]).await.status, 404);
}
