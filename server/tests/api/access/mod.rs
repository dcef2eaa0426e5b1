//! No cross-account reads or writes through any server function that takes an id, for every
//! pair of accounts in different roles and households. Every registered server function must be
//! listed here, so a new one cannot be forgotten.

use std::collections::BTreeMap;

use crate::helpers::faults::browser;
use crate::helpers::{new_account, spawn, TestPortal};
use app::backend::ports::NewAccount;
use app::domain::account::Role;
use app::domain::assessment::Answers;
use app::domain::plan::PlanSection;
use app::domain::reviews::{ReviewMethod, ReviewReason, ReviewRequest, Urgency};
use app::policy::Scope;
use server::testing::demo::DEMO_PASSWORD;

mod lists;
mod routes;
mod shares;

use lists::*;

struct Person {
    id: i64,
    email: String,
    household: u8,
    /// The id of the assessment this person sent (carers only).
    assessment: Option<i64>,
    /// The id of something in this person's plan (carers and customers).
    contribution: Option<i64>,
    /// The id of the plan this person sent for agreement (carers and customers).
    plan: Option<i64>,
    /// The id of a review this person asked for (carers and customers).
    review: Option<i64>,
    /// The id of an open invitation this person sent (carers).
    invitation: Option<i64>,
}

fn review_request(household: u8) -> ReviewRequest {
    ReviewRequest {
        reason: ReviewReason::NeedsChanged,
        what_changed: format!("secret of household {household}"),
        method: ReviewMethod::Telephone,
        involve: None,
        urgency: Urgency::Soon,
    }
}

/// Two households (a carer, the person they care for, a representative, a practitioner with
/// them in the caseload), plus a responder, an admin and a trusted assessor in neither.
async fn people(portal: &TestPortal) -> Vec<Person> {
    let store = &portal.store;
    let hash = password_auth::generate_hash(DEMO_PASSWORD);
    let now = chrono::Utc::now();
    let mut people = Vec::new();
    for household in [1u8, 2] {
        let mut ids = BTreeMap::new();
        for role in [Role::Carer, Role::Customer, Role::Representative, Role::Practitioner] {
            let email = format!("{}{household}@example.org", role.as_str());
            let id = store.create_account(new_account(&email, role, &hash), now).await.unwrap();
            ids.insert(role.as_str(), id);
            let assessment = match role {
                Role::Carer => {
                    let answers =
                        Answers::from_stored([("working".to_owned(), format!("secret of household {household}"))]);
                    Some(store.submit_assessment(id, &answers, false, now).await.unwrap())
                }
                _ => None,
            };
            let contribution = match role {
                Role::Carer | Role::Customer => {
                    let words = [(PlanSection::ImportantToMe, format!("secret of household {household}"))];
                    store.add_contributions(id, id, &words, now).await.unwrap();
                    Some(store.contributions(id).await.unwrap()[0].id)
                }
                _ => None,
            };
            let plan = match contribution {
                Some(_) => Some(store.send_plan(id, &[], now).await.unwrap()),
                None => None,
            };
            let review = match contribution {
                Some(_) => Some(store.request_review(id, id, &review_request(household), now).await.unwrap()),
                None => None,
            };
            let invitation = match role {
                Role::Carer => {
                    let digest = format!("invitation of household {household}");
                    let invitation = app::backend::ports::NewInvitation {
                        digest: &digest,
                        kind: app::domain::family::InvitationKind::Helper,
                        from_id: id,
                        helper_name: Some("A helper"),
                        helper_email: Some("helper@example.org"),
                        scope: Some(Scope::View),
                        shares: &[],
                        expires_at: now + chrono::Duration::days(7),
                    };
                    Some(store.create_invitation(invitation, now).await.unwrap())
                }
                _ => None,
            };
            people.push(Person { id, email, household, assessment, contribution, plan, review, invitation });
        }
        store.link_carer(ids["carer"], ids["customer"], now).await.unwrap();
        store.add_representation(ids["representative"], ids["customer"], Scope::Edit, now).await.unwrap();
        for person in [ids["carer"], ids["customer"]] {
            store.allocate(person, ids["practitioner"], ids["practitioner"], None, now).await.unwrap();
        }
    }
    for (role, household) in [(Role::Responder, 3), (Role::Admin, 4), (Role::TrustedAssessor, 5)] {
        let email = format!("{}@example.org", role.as_str());
        let account = NewAccount { display_name: "Staff", ..new_account(&email, role, &hash) };
        let id = store.create_account(account, now).await.unwrap();
        let nothing = Person {
            id,
            email,
            household,
            assessment: None,
            contribution: None,
            plan: None,
            review: None,
            invitation: None,
        };
        people.push(nothing);
    }
    people
}

#[tokio::test]
async fn every_server_function_is_classified() {
    let mut unknown: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| {
            !WITHOUT_AN_ID.contains(path)
                && !WITH_A_PERSON_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_PERSON_ID_EXCEPT_FOR_ADMINS.iter().any(|(p, _)| p == path)
                && !WITH_A_STAFF_ID_FOR_ADMINS.iter().any(|(p, _)| p == path)
                && !WITH_A_MESSAGE_ID.iter().any(|(p, _)| p == path)
                && !WITH_AN_ASSESSMENT_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_CONTRIBUTION_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_PLAN_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_REVIEW_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_TEAM_ID.iter().any(|(p, _)| p == path)
                && !WITH_AN_INVITATION_ID.iter().any(|(p, _)| p == path)
                && !WITH_A_SERVICE_ID_FOR_ADMINS.iter().any(|(p, _)| p == path)
                && !WITH_AN_EMAIL_ID_FOR_ADMINS.iter().any(|(p, _)| p == path)
                && !WITH_A_LOOKUP_ID.iter().any(|(p, _)| p == path)
        })
        .collect();
    unknown.sort();
    assert!(unknown.is_empty(), "classify these server functions in tests/api/access.rs: {unknown:?}");
}

#[tokio::test]
async fn nobody_reaches_a_record_in_another_household() {
    let portal = spawn().await;
    let people = people(&portal).await;
    for actor in &people {
        let client = browser(&portal, &actor.email).await;
        for target in people.iter().filter(|t| t.household != actor.household) {
            let by_assessment =
                WITH_AN_ASSESSMENT_ID.iter().filter_map(|(path, field)| Some((*path, *field, target.assessment?)));
            let not_admin = actor.email != "admin@example.org";
            let by_person = WITH_A_PERSON_ID
                .iter()
                .chain(WITH_A_PERSON_ID_EXCEPT_FOR_ADMINS.iter().filter(|_| not_admin))
                .chain(WITH_A_STAFF_ID_FOR_ADMINS.iter().filter(|_| not_admin))
                .map(|(path, field)| (*path, *field, target.id));
            let by_contribution =
                WITH_A_CONTRIBUTION_ID.iter().filter_map(|(path, field)| Some((*path, *field, target.contribution?)));
            let by_plan = WITH_A_PLAN_ID.iter().filter_map(|(path, field)| Some((*path, *field, target.plan?)));
            let by_review = WITH_A_REVIEW_ID.iter().filter_map(|(path, field)| Some((*path, *field, target.review?)));
            let by_invitation =
                WITH_AN_INVITATION_ID.iter().filter_map(|(path, field)| Some((*path, *field, target.invitation?)));
            let every = by_person
                .chain(by_assessment)
                .chain(by_contribution)
                .chain(by_plan)
                .chain(by_review)
                .chain(by_invitation);
            for (path, field, id) in every {
                let response = client
                    .post(portal.at(path))
                    .header("Origin", &portal.url)
                    .header("Accept", "application/json")
                    .form(&[(field, id.to_string())])
                    .send()
                    .await
                    .unwrap();
                let status = response.status().as_u16();
                let body = response.text().await.unwrap();
                assert_eq!(status, 404, "{} reached {} through {path}: {body}", actor.email, target.email);
                assert!(!body.contains(&target.email) && !body.contains("secret of household"), "{body}");
            }
        }
    }
}

#[tokio::test]
async fn within_a_household_access_follows_the_policy_and_staff_reads_are_audited() {
    let portal = spawn().await;
    let people = people(&portal).await;
    let find = |email: &str| people.iter().find(|p| p.email == email).unwrap();
    let cases = [
        ("carer1@example.org", "customer1@example.org", 200),
        ("customer1@example.org", "carer1@example.org", 200),
        ("representative1@example.org", "customer1@example.org", 200),
        ("representative1@example.org", "carer1@example.org", 404),
        ("practitioner1@example.org", "carer1@example.org", 200),
        ("carer1@example.org", "practitioner1@example.org", 404),
    ];
    for (actor, target, expected) in cases {
        let client = browser(&portal, actor).await;
        let response = client
            .post(portal.at("/api/people/summary"))
            .header("Origin", &portal.url)
            .header("Accept", "application/json")
            .form(&[("person_id", find(target).id.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), expected, "{actor} → {target}");
    }
    let staff_reads: Vec<(i64, Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT actor_id, subject_id, reason FROM audit_events WHERE action = 'viewed person summary'")
            .fetch_all(&portal.db)
            .await
            .unwrap();
    assert_eq!(
        staff_reads,
        vec![(find("practitioner1@example.org").id, Some(find("carer1@example.org").id), Some("in caseload".into()))]
    );
}

#[tokio::test]
async fn a_plan_contribution_of_another_household_is_neither_moved_nor_removed() {
    let portal = spawn().await;
    let people = people(&portal).await;
    let owner = people.iter().find(|p| p.email == "carer1@example.org").unwrap();
    let before = portal.store.contributions(owner.id).await.unwrap();
    for actor in people.iter().filter(|p| p.household != owner.household) {
        let client = browser(&portal, &actor.email).await;
        for (path, field) in WITH_A_CONTRIBUTION_ID {
            client
                .post(portal.at(path))
                .header("Origin", &portal.url)
                .header("Accept", "application/json")
                .form(&[(*field, owner.contribution.unwrap().to_string()), ("direction", "up".into())])
                .send()
                .await
                .unwrap();
        }
    }
    assert_eq!(portal.store.contributions(owner.id).await.unwrap(), before);
}

/// An id that names no record of any kind.
const MISSING: i64 = 987_654_321;

#[tokio::test]
async fn a_missing_record_is_the_same_not_found_from_every_function_that_takes_an_id() {
    let portal = spawn().await;
    let people = people(&portal).await;
    let every: Vec<(&str, &str)> = WITH_A_PERSON_ID
        .iter()
        .chain(WITH_A_PERSON_ID_EXCEPT_FOR_ADMINS)
        .chain(WITH_A_STAFF_ID_FOR_ADMINS)
        .chain(WITH_A_MESSAGE_ID)
        .chain(WITH_AN_ASSESSMENT_ID)
        .chain(WITH_A_CONTRIBUTION_ID)
        .chain(WITH_A_PLAN_ID)
        .chain(WITH_A_REVIEW_ID)
        .chain(WITH_A_TEAM_ID)
        .chain(WITH_AN_INVITATION_ID)
        .chain(WITH_A_LOOKUP_ID)
        .copied()
        .collect();
    for actor in &people {
        let client = browser(&portal, &actor.email).await;
        for (path, field) in &every {
            let response = client
                .post(portal.at(path))
                .header("Origin", &portal.url)
                .header("Accept", "application/json")
                .form(&[(*field, MISSING.to_string())])
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            assert_eq!((status, body.as_str()), (404, r#"{"kind":"not_found"}"#), "{} through {path}", actor.email);
        }
    }
}

#[tokio::test]
async fn only_an_admin_reads_or_changes_a_directory_entry_by_its_id() {
    let portal = spawn().await;
    let people = people(&portal).await;
    let service: i64 = sqlx::query_scalar("SELECT MIN(id) FROM support_services").fetch_one(&portal.db).await.unwrap();
    for actor in people.iter().filter(|p| p.email != "admin@example.org") {
        let client = browser(&portal, &actor.email).await;
        for (path, field) in WITH_A_SERVICE_ID_FOR_ADMINS {
            let response = client
                .post(portal.at(path))
                .header("Origin", &portal.url)
                .header("Accept", "application/json")
                .form(&[(*field, service.to_string()), ("retire", "yes".into())])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 404, "{} through {path}", actor.email);
        }
    }
    let retired: Option<String> =
        sqlx::query_scalar("SELECT CAST(retired_at AS TEXT) FROM support_services WHERE id = $1")
            .bind(service)
            .fetch_one(&portal.db)
            .await
            .unwrap();
    assert_eq!(retired, None, "nobody but an admin retired it");
}

#[tokio::test]
async fn only_the_responder_who_looked_up_a_plan_opens_the_result() {
    use crate::helpers::emergency::{card_code, CONFIRMED_PLAN};

    let portal = spawn().await;
    let people = people(&portal).await;
    let carer = browser(&portal, "carer1@example.org").await;
    portal.form_post(&carer, "/api/emergency/save", "/emergency").form(&CONFIRMED_PLAN).send().await.unwrap();
    let card = carer.get(portal.at("/emergency/card")).send().await.unwrap().text().await.unwrap();
    let code = card_code(&card);
    let responder = browser(&portal, "responder@example.org").await;
    let looked_up = portal
        .form_post(&responder, "/api/emergency/look-up", "/responder")
        .form(&[("code", code.as_str()), ("reason", "carer_unwell")])
        .send()
        .await
        .unwrap();
    let lookup = crate::helpers::location(&looked_up).trim_start_matches("/responder/look-ups/").to_owned();
    assert!(lookup.parse::<i64>().is_ok(), "a look-up was made: {lookup}");
    portal.add_account("another.responder@example.org", Role::Responder, DEMO_PASSWORD).await;
    let emails = people.iter().map(|p| p.email.as_str()).chain(["another.responder@example.org"]);
    for email in emails {
        let client = browser(&portal, email).await;
        let answer = portal.script_post(&client, "/api/emergency/look-up/result").form(&[("id", &lookup)]);
        let expected = if email == "responder@example.org" { 200 } else { 404 };
        assert_eq!(answer.send().await.unwrap().status(), expected, "{email}");
    }
}
