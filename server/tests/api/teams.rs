//! Teams, intake and allocation: nothing anyone sends waits where no member of staff looks, the
//! overdue flag follows the clock, members take people on and managers allocate, reallocate
//! with a handover note and end allocations, every change audited.
use app::domain::account::Role;
use app::domain::allocation::Submission;
use app::domain::assessment::Answers;
use app::domain::contact::ContactMessage;
use app::domain::plan::PlanSection;
use app::domain::reviews::{ReviewMethod, ReviewReason, ReviewRequest, Urgency};
use app::domain::teams::{Covers, TeamRule};
use app::kit::i18n::Locale;
use serde_json::Value;

use crate::helpers::faults::{browser, post_json, Answer};
use crate::helpers::{spawn, TestPortal};
use server::testing::demo::DEMO_PASSWORD;

/// A member of staff with a browser signed in as them.
struct Staff {
    id: i64,
    client: reqwest::Client,
}

async fn staff(portal: &TestPortal, email: &str, role: Role) -> Staff {
    let id = portal.add_account(email, role, DEMO_PASSWORD).await;
    Staff { id, client: browser(portal, email).await }
}

async fn call(portal: &TestPortal, who: &Staff, path: &str, fields: &[(&str, String)]) -> Answer {
    post_json(portal, &who.client, path, fields).await
}

/// Registers through the real form in a browser of their own; their account id.
async fn register(portal: &TestPortal, email: &str, role: &str) -> i64 {
    register_at(portal, email, role, "").await
}

/// Registers, giving a postcode.
async fn register_at(portal: &TestPortal, email: &str, role: &str, postcode: &str) -> i64 {
    let response = send_registration(portal, email, role, postcode).await;
    assert!(response.status().is_success(), "{email}: {}", response.text().await.unwrap());
    portal.confirm_registration(&portal.another_browser(), email).await;
    portal.user_id(email).await
}

/// Sends the registration form as the page's script does, from a browser of their own.
async fn send_registration(portal: &TestPortal, email: &str, role: &str, postcode: &str) -> reqwest::Response {
    let fields = [
        ("role", role),
        ("name", "Test Person"),
        ("email", email),
        ("password", DEMO_PASSWORD),
        ("postcode", postcode),
    ];
    portal
        .another_browser()
        .post(portal.at("/api/account/register"))
        .header("Origin", &portal.url)
        .header("Accept", "application/json")
        .form(&fields)
        .send()
        .await
        .unwrap()
}

/// The intake a member of staff sees: each waiting person's line.
async fn intake(portal: &TestPortal, who: &Staff) -> Vec<Value> {
    let answer = call(portal, who, "/api/allocation/intake", &[]).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let found: Value = serde_json::from_str(&answer.body).unwrap();
    found["waiting"].as_array().unwrap().clone()
}

fn line(waiting: &[Value], person: i64) -> Option<&Value> {
    waiting.iter().find(|l| l["person_id"] == person)
}

fn review_request() -> ReviewRequest {
    ReviewRequest {
        reason: ReviewReason::NeedsChanged,
        what_changed: "My hours at work changed".into(),
        method: ReviewMethod::Telephone,
        involve: None,
        urgency: Urgency::Soon,
    }
}

/// Someone of every kind who is waiting, each having sent one kind of thing. The first round
/// registers through the real form (registering is rate limited, so later rounds make accounts
/// directly: it is their submissions that differ).
async fn everyone_sends_something(portal: &TestPortal, round: &str) -> Vec<i64> {
    let store = &portal.store;
    let now = chrono::Utc::now();
    let account = |who: &str, role: &'static str| {
        let email = format!("{who}-{round}@example.org");
        async move {
            match round {
                "no-teams" => register(portal, &email, role).await,
                _ => portal.add_account(&email, Role::parse(role).unwrap(), DEMO_PASSWORD).await,
            }
        }
    };
    let carer = account("carer", "carer").await;
    let customer = account("customer", "customer").await;
    let assessed = account("assessed", "carer").await;
    let answers = Answers::from_stored([("working".to_owned(), "Part time".to_owned())]);
    store.submit_assessment(assessed, &answers, false, now).await.unwrap();
    let planner = account("planner", "customer").await;
    store.add_contributions(planner, planner, &[(PlanSection::ImportantToMe, "My garden".into())], now).await.unwrap();
    store.send_plan(planner, &[], now).await.unwrap();
    let asker = account("asker", "carer").await;
    store.request_review(asker, asker, &review_request(), now).await.unwrap();
    let writer = account("writer", "customer").await;
    let message = ContactMessage::new("", "", "Who can help me at home?").unwrap();
    store.add_contact_message(&message, Some(writer), Locale::En, now).await.unwrap();
    vec![carer, customer, assessed, planner, asker, writer]
}

/// The property: every carer and cared-for person without a worker is in the intake of at least
/// one member of staff who can sign in.
async fn nobody_is_unseen(portal: &TestPortal, staff: &[&Staff], people: &[i64]) {
    let mut seen = Vec::new();
    for who in staff {
        seen.extend(intake(portal, who).await.iter().map(|l| l["person_id"].as_i64().unwrap()));
    }
    for person in people {
        assert!(seen.contains(person), "person {person} waits where nobody looks");
    }
}

#[tokio::test]
async fn nothing_sent_by_anyone_is_invisible_to_every_member_of_staff() {
    let portal = spawn().await;
    let store = &portal.store;
    let now = chrono::Utc::now();
    let lee = staff(&portal, "lee@example.org", Role::Practitioner).await;
    let kit = staff(&portal, "kit@example.org", Role::Practitioner).await;
    let admin = staff(&portal, "admin@example.org", Role::Admin).await;
    let mut people = everyone_sends_something(&portal, "no-teams").await;

    // No teams at all: every practitioner sees everyone.
    nobody_is_unseen(&portal, &[&lee], &people).await;
    nobody_is_unseen(&portal, &[&kit], &people).await;

    // Every kind of submission shows in intake, by name.
    let waiting = intake(&portal, &admin).await;
    for kind in Submission::ALL {
        let words = kind.name(Locale::En);
        assert!(
            waiting.iter().any(|l| l["sent"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s.as_str().unwrap().starts_with(words))),
            "{kind:?} never shows in intake"
        );
    }

    // Carers to Lee's team, cared-for people to Kit's: each sees only their own, and together
    // they see everyone.
    let carers = store.create_team("Carers", &TeamRule::everywhere(Covers::Carers), now).await.unwrap();
    let cared_for = store.create_team("Cared for", &TeamRule::everywhere(Covers::CaredFor), now).await.unwrap();
    store.set_team_place(carers, lee.id, Some(false), now).await.unwrap();
    store.set_team_place(cared_for, kit.id, Some(false), now).await.unwrap();
    people.extend(everyone_sends_something(&portal, "two-teams").await);
    nobody_is_unseen(&portal, &[&lee, &kit], &people).await;
    let lees = intake(&portal, &lee).await;
    assert!(lees.iter().all(|l| l["role"] == "Carer"), "{lees:?}");

    // Kit leaves: the cared-for team has nobody to look, so Lee sees its intake too.
    let off = [("id", kit.id.to_string()), ("switch", "off".into())];
    assert!(call(&portal, &admin, "/api/staff/users/switch", &off).await.status < 300);
    people.extend(everyone_sends_something(&portal, "a-leaver").await);
    nobody_is_unseen(&portal, &[&lee], &people).await;

    // People with a worker leave intake, and their work is in their worker's queues.
    let assessed = portal.user_id("assessed-a-leaver@example.org").await;
    store.allocate(assessed, lee.id, lee.id, None, now).await.unwrap();
    assert!(line(&intake(&portal, &lee).await, assessed).is_none());
    let queue = call(&portal, &lee, "/api/assessment/queue", &[]).await;
    let queue: Value = serde_json::from_str(&queue.body).unwrap();
    assert!(queue["mine"].as_array().unwrap().iter().any(|q| q["carer_id"] == assessed), "{queue}");
}

#[tokio::test]
async fn the_overdue_flag_moves_with_the_clock() {
    let portal = spawn().await;
    let lee = staff(&portal, "lee@example.org", Role::Practitioner).await;
    let person = register(&portal, "newcomer@example.org", "customer").await;
    let first = intake(&portal, &lee).await;
    assert_eq!(line(&first, person).unwrap()["overdue"], false);
    // Sessions end after 30 idle minutes: Lee signs in again each time the clock moves.
    portal.clock.advance(chrono::Duration::days(1));
    let lee = Staff { client: browser(&portal, "lee@example.org").await, ..lee };
    assert_eq!(line(&intake(&portal, &lee).await, person).unwrap()["overdue"], false);
    // Eight days always hold more than five working days.
    portal.clock.advance(chrono::Duration::days(7));
    let lee = Staff { client: browser(&portal, "lee@example.org").await, ..lee };
    let late = intake(&portal, &lee).await;
    assert_eq!(line(&late, person).unwrap()["overdue"], true, "{late:?}");
}

#[tokio::test]
async fn a_manager_allocates_reallocates_with_a_note_and_ends_and_members_take_people_on() {
    let portal = spawn().await;
    let store = &portal.store;
    let now = chrono::Utc::now();
    let morgan = staff(&portal, "morgan@example.org", Role::Practitioner).await;
    let lee = staff(&portal, "lee@example.org", Role::Practitioner).await;
    let kit = staff(&portal, "kit@example.org", Role::Practitioner).await;
    let outsider = staff(&portal, "outsider@example.org", Role::Practitioner).await;
    let team = store.create_team("Carers support", &TeamRule::everywhere(Covers::Everyone), now).await.unwrap();
    let other = store.create_team("Elsewhere", &TeamRule::everywhere(Covers::Carers), now).await.unwrap();
    store.set_team_place(team, morgan.id, Some(true), now).await.unwrap();
    store.set_team_place(team, lee.id, Some(false), now).await.unwrap();
    store.set_team_place(team, kit.id, Some(false), now).await.unwrap();
    store.set_team_place(other, outsider.id, Some(true), now).await.unwrap();
    let sam = register(&portal, "sam@example.org", "customer").await;
    let person = |id: i64| vec![("person_id", id.to_string())];

    // Sam is cared for: the carers' team does not receive them, so its manager cannot act.
    assert_eq!(call(&portal, &outsider, "/api/allocation/person", &person(sam)).await.status, 404);
    // A member may not allocate, only a manager; and only to someone in the team.
    let to = |worker: i64, note: &str| {
        vec![("person_id", sam.to_string()), ("practitioner", worker.to_string()), ("note", note.to_owned())]
    };
    assert_eq!(call(&portal, &lee, "/api/allocation/allocate", &to(kit.id, "")).await.status, 404);
    let refused = call(&portal, &morgan, "/api/allocation/allocate", &to(outsider.id, "")).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.body.contains("practitioner"), "{}", refused.body);

    let allocated = call(&portal, &morgan, "/api/allocation/allocate", &to(lee.id, "")).await;
    assert!(allocated.status < 300, "{}", allocated.body);
    assert!(line(&intake(&portal, &lee).await, sam).is_none());
    assert_eq!(call(&portal, &lee, "/api/people/summary", &person(sam)).await.status, 200);

    let note = "Prefers calls after 3pm; the review request is about her new job";
    let moved = call(&portal, &morgan, "/api/allocation/allocate", &to(kit.id, note)).await;
    assert!(moved.status < 300, "{}", moved.body);
    let seen = call(&portal, &kit, "/api/allocation/person", &person(sam)).await;
    let seen: Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(seen["current"]["note"], note);
    assert!(seen["history"][0]["until"].is_string(), "{seen}");
    assert_eq!(call(&portal, &lee, "/api/people/summary", &person(sam)).await.status, 404, "Lee's access ended");
    assert_eq!(call(&portal, &lee, "/api/allocation/person", &person(sam)).await.status, 404);

    // Sam sees who their worker is, on their home page and their timeline.
    let as_sam = browser(&portal, "sam@example.org").await;
    let workers = post_json(&portal, &as_sam, "/api/people/workers", &[]).await;
    assert_eq!(workers.body, r#"["Someone"]"#);
    let timeline = post_json(&portal, &as_sam, "/api/timeline/mine", &[]).await;
    assert!(timeline.body.contains("WorkerAllocated"), "{}", timeline.body);

    let ended = call(&portal, &morgan, "/api/allocation/end", &person(sam)).await;
    assert!(ended.status < 300, "{}", ended.body);
    let waiting = intake(&portal, &lee).await;
    assert_eq!(line(&waiting, sam).unwrap()["had_worker"], true);
    let taken = call(&portal, &lee, "/api/allocation/take", &person(sam)).await;
    assert!(taken.status < 300, "{}", taken.body);
    assert_eq!(call(&portal, &kit, "/api/allocation/take", &person(sam)).await.status, 404, "Sam has a worker");

    let actions = portal.audit_actions().await;
    for action in ["worker allocated", "worker reallocated", "allocation ended", "viewed allocation"] {
        assert!(actions.iter().any(|a| a == action), "{action} is not in the audit log: {actions:?}");
    }
    let history = store.allocations_of(sam).await.unwrap();
    assert_eq!(history.iter().map(|a| a.practitioner_id).collect::<Vec<_>>(), vec![lee.id, kit.id, lee.id]);
}

#[tokio::test]
async fn an_admin_makes_teams_and_the_team_page_counts_each_members_work() {
    let portal = spawn().await;
    let admin = staff(&portal, "admin@example.org", Role::Admin).await;
    let lee = staff(&portal, "lee@example.org", Role::Practitioner).await;
    let create = |name: &str| vec![("name", name.to_owned()), ("covers", "carers".to_owned())];
    assert_eq!(call(&portal, &lee, "/api/teams/create", &create("Mine")).await.status, 404);
    let made = call(&portal, &admin, "/api/teams/create", &create("Carers support")).await;
    assert!(made.status < 300, "{}", made.body);
    let again = call(&portal, &admin, "/api/teams/create", &create("carers SUPPORT")).await;
    assert!(again.status == 422 && again.body.contains("Another team already has this name"), "{}", again.body);
    let team = portal.store.teams().await.unwrap()[0].id;

    let place =
        |place: &str| vec![("id", team.to_string()), ("user_id", lee.id.to_string()), ("place", place.to_owned())];
    assert_eq!(call(&portal, &lee, "/api/teams/place", &place("manager")).await.status, 404);
    assert_eq!(call(&portal, &admin, "/api/teams/place", &place("boss")).await.status, 422);
    assert!(call(&portal, &admin, "/api/teams/place", &place("manager")).await.status < 300);
    assert!(portal.store.membership(lee.id).await.unwrap().manages(team));

    let sam = register(&portal, "sam@example.org", "carer").await;
    let answers = Answers::from_stored([("working".to_owned(), "Part time".to_owned())]);
    portal.store.submit_assessment(sam, &answers, false, chrono::Utc::now()).await.unwrap();
    let fields = [("id", team.to_string())];
    let page: Value = serde_json::from_str(&call(&portal, &lee, "/api/teams/one", &fields).await.body).unwrap();
    assert_eq!(page["intake"], serde_json::json!([1, 0]), "{page}");
    let took = call(&portal, &lee, "/api/allocation/take", &[("person_id", sam.to_string())]).await;
    assert!(took.status < 300, "{}", took.body);
    let page: Value = serde_json::from_str(&call(&portal, &lee, "/api/teams/one", &fields).await.body).unwrap();
    assert_eq!(page["workload"][0]["counts"]["people"], 1, "{page}");
    assert_eq!(page["workload"][0]["counts"]["assessments"], 1, "{page}");
    assert_eq!(page["intake"], serde_json::json!([0, 0]));

    // A cared-for person allocated to Lee (through another team) is not this carers' team's work.
    let pat = register(&portal, "pat@example.org", "customer").await;
    portal.store.allocate(pat, lee.id, admin.id, None, chrono::Utc::now()).await.unwrap();
    let page: Value = serde_json::from_str(&call(&portal, &lee, "/api/teams/one", &fields).await.body).unwrap();
    assert_eq!(page["workload"][0]["counts"]["people"], 1, "{page}");
    // Showing only those with overdue reviews hides Lee's row, never Lee from the admin's list
    // of members (where "add" would have made a manager a plain member).
    let overdue = [("id", team.to_string()), ("overdue", "true".to_owned())];
    let page: Value = serde_json::from_str(&call(&portal, &admin, "/api/teams/one", &overdue).await.body).unwrap();
    assert_eq!(page["workload"], serde_json::json!([]), "{page}");
    assert_eq!(page["members"][0]["user_id"], lee.id, "{page}");
    assert!(page["candidates"].as_array().unwrap().iter().all(|c| c[0] != lee.id), "{page}");

    // The assessment queue's "allocate to me" follows the same rule: a practitioner outside the
    // carers' team neither sees Jo waiting there nor takes Jo on.
    let kit = staff(&portal, "kit@example.org", Role::Practitioner).await;
    let jo = register(&portal, "jo@example.org", "carer").await;
    portal.store.submit_assessment(jo, &answers, false, chrono::Utc::now()).await.unwrap();
    for (who, waiting) in [(&kit, 0), (&lee, 1)] {
        let queue: Value = serde_json::from_str(&call(&portal, who, "/api/assessment/queue", &[]).await.body).unwrap();
        assert_eq!(queue["unallocated"].as_array().unwrap().len(), waiting, "{queue}");
    }
    let take = [("carer_id", jo.to_string())];
    assert_eq!(call(&portal, &kit, "/api/assessment/allocate", &take).await.status, 404);
    assert!(call(&portal, &lee, "/api/assessment/allocate", &take).await.status < 300);
}

#[tokio::test]
async fn people_reach_the_team_for_where_they_live_and_nobody_outside_every_area_is_unseen() {
    let portal = spawn().await;
    let admin = staff(&portal, "admin@example.org", Role::Admin).await;
    let lee = staff(&portal, "lee@example.org", Role::Practitioner).await;
    let kit = staff(&portal, "kit@example.org", Role::Practitioner).await;
    let team = |name: &str, areas: &str| {
        vec![("name", name.to_owned()), ("covers", "everyone".to_owned()), ("areas", areas.to_owned())]
    };
    let refused = call(&portal, &admin, "/api/teams/create", &team("North", "LS6, Leeds")).await;
    assert!(
        refused.status == 422 && refused.body.contains("LEEDS") && refused.body.contains("areas"),
        "{}",
        refused.body
    );
    for (name, areas, member) in [("North", "ls6 LS7", &lee), ("Bradford", "BD", &kit)] {
        assert!(call(&portal, &admin, "/api/teams/create", &team(name, areas)).await.status < 300);
        let id = portal.store.teams().await.unwrap().into_iter().find(|t| t.name == name).unwrap().id;
        portal.store.set_team_place(id, member.id, Some(false), chrono::Utc::now()).await.unwrap();
    }
    let north = portal.store.teams().await.unwrap().into_iter().find(|t| t.name == "North").unwrap();
    assert_eq!(north.areas.to_text(), "LS6, LS7");

    // A postcode that is not one is refused next to its field.
    let response = send_registration(&portal, "al@example.org", "carer", "LS6").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("Enter a real postcode"));

    let ann = register_at(&portal, "ann@example.org", "carer", "ls6 2ab").await;
    let bo = register_at(&portal, "bo@example.org", "customer", "BD1 1AA").await;
    let cy = register(&portal, "cy@example.org", "carer").await;
    let sees = |waiting: Vec<Value>| [ann, bo, cy].map(|p| line(&waiting, p).is_some());
    assert_eq!(sees(intake(&portal, &lee).await), [true, false, true], "Cy gave no postcode: everyone sees Cy");
    assert_eq!(sees(intake(&portal, &kit).await), [false, true, true]);
    let list: Value = serde_json::from_str(&call(&portal, &admin, "/api/teams/list", &[]).await.body).unwrap();
    assert_eq!(list["uncovered"], serde_json::json!(["Carer", "Person being cared for"]), "{list}");
    assert_eq!(list["teams"][0]["areas"], "BD", "{list}");

    // North becomes the team for everywhere: Lee sees everyone, and Kit no longer sees Cy.
    let rule = [("id", north.id.to_string()), ("covers", "everyone".to_owned()), ("areas", " ".to_owned())];
    assert_eq!(call(&portal, &lee, "/api/teams/rule", &rule).await.status, 404, "only an admin");
    assert!(call(&portal, &admin, "/api/teams/rule", &rule).await.status < 300);
    assert_eq!(sees(intake(&portal, &lee).await), [true, true, true]);
    assert_eq!(sees(intake(&portal, &kit).await), [false, true, false]);
    let list: Value = serde_json::from_str(&call(&portal, &admin, "/api/teams/list", &[]).await.body).unwrap();
    assert_eq!(list["uncovered"], serde_json::json!([]), "{list}");
    assert!(portal.audit_actions().await.contains(&"team rule changed".to_owned()));
}
