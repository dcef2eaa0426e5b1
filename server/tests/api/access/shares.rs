//! Inside one household, over HTTP: every role pair and every share scope reaches exactly what
//! the policy says. Sam (a carer) cares for Pat, who sees what Sam shares (nothing, the plan
//! only, the budget only, or all of it); Rob acts for Sam with "view", Rae with "view and
//! change"; Alex works with Sam and Kim does not. Each answer is checked against the policy's own
//! decision and against what the share says in words.
use app::domain::account::Role;
use app::domain::plan::PlanSection;
use app::policy::{Access, Actor, Record, Scope};

use crate::helpers::faults::browser;
use crate::helpers::{spawn, TestPortal};
use server::testing::demo::DEMO_PASSWORD;

/// What each request reads or changes of Sam's, and the status it gets.
async fn reach(portal: &TestPortal, email: &str, plan: i64) -> [(Record, Access, bool); 3] {
    let client = browser(portal, email).await;
    let post = |path: &'static str, fields: Vec<(&'static str, String)>| {
        let request = portal.script_post(&client, path).form(&fields);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    let id = plan.to_string();
    let plan_read = post("/api/plan/version", vec![("id", id.clone())]).await;
    let budget_read = post("/api/budget/for-plan", vec![("id", id.clone())]).await;
    let copy = client.get(portal.at(&format!("/plan/versions/{plan}/copy.pdf"))).send().await.unwrap();
    assert_eq!(copy.status().as_u16() == 200, plan_read == 200, "{email}: the PDF copy follows the plan's rule");
    let sam = portal.user_id("sam@example.org").await.to_string();
    let review = vec![
        ("person", sam),
        ("reason", "needs_changed".to_owned()),
        ("what_changed", "Sam's shifts changed".to_owned()),
        ("method", "telephone".to_owned()),
        ("urgency", "soon".to_owned()),
    ];
    let review_asked = post("/api/reviews/request", review).await;
    for status in [plan_read, budget_read, review_asked] {
        assert!(status == 200 || status == 404, "{email}: allowed or not found, nothing else ({status})");
    }
    [
        (Record::Plan, Access::View, plan_read == 200),
        (Record::Budget, Access::View, budget_read == 200),
        (Record::Reviews, Access::Edit, review_asked == 200),
    ]
}

#[tokio::test]
async fn inside_a_household_each_role_and_share_reaches_what_the_policy_says_and_no_more() {
    let portal = spawn().await;
    let store = &portal.store;
    let now = chrono::Utc::now();
    let portal = &portal;
    let add = |email: &'static str, role| async move { portal.add_account(email, role, DEMO_PASSWORD).await };
    let sam = add("sam@example.org", Role::Carer).await;
    let pat = add("pat@example.org", Role::Customer).await;
    let rob = add("rob@example.org", Role::Representative).await;
    let rae = add("rae@example.org", Role::Representative).await;
    let alex = add("alex@council.example", Role::Practitioner).await;
    let kim = add("kim@council.example", Role::Practitioner).await;
    store.link_carer(sam, pat, now).await.unwrap();
    store.add_representation(rob, sam, Scope::View, now).await.unwrap();
    store.add_representation(rae, sam, Scope::Edit, now).await.unwrap();
    store.allocate(sam, alex, alex, None, now).await.unwrap();
    store.add_contributions(sam, sam, &[(PlanSection::ImportantToMe, "My allotment".to_owned())], now).await.unwrap();
    let plan = store.send_plan(sam, &[], now).await.unwrap();

    let shares: [(&str, &[Record]); 4] = [
        ("nothing", &[]),
        ("the plan only", &[Record::Plan]),
        ("the budget only", &[Record::Budget]),
        ("all of it", &[Record::Plan, Record::Budget, Record::Reviews]),
    ];
    let mut tried = 0;
    for (what, records) in shares {
        store.set_shares(sam, pat, records).await.unwrap();
        for (email, id, role) in [
            ("pat@example.org", pat, Role::Customer),
            ("rob@example.org", rob, Role::Representative),
            ("rae@example.org", rae, Role::Representative),
            ("alex@council.example", alex, Role::Practitioner),
            ("kim@council.example", kim, Role::Practitioner),
        ] {
            let relations = store.relations(id).await.unwrap();
            let actor = Actor { user_id: id, role };
            for (record, access, reached) in reach(portal, email, plan).await {
                // Asking for a review for someone else is for whoever acts for them; their
                // practitioner arranges reviews instead (tests/api/reviews.rs).
                let asks_for_others = record != Record::Reviews || role == Role::Representative;
                let allowed = actor.may_access(&relations, sam, record, access).allowed() && asks_for_others;
                assert_eq!(reached, allowed, "{email}, Sam sharing {what}: {record:?} {access:?}");
                tried += 1;
            }
        }
        // In words: Pat sees exactly what Sam shares.
        let pat_reaches = reach(portal, "pat@example.org", plan).await;
        assert_eq!(pat_reaches[0].2, records.contains(&Record::Plan), "Pat and the plan, sharing {what}");
        assert_eq!(pat_reaches[1].2, records.contains(&Record::Budget), "Pat and the budget, sharing {what}");
    }
    assert_eq!(tried, 4 * 5 * 3);
    // Whatever is shared with Pat: Rob only looks, Rae may also ask for a review, Alex reads the
    // plan of someone he works with, Kim nothing.
    let rob_reaches = reach(portal, "rob@example.org", plan).await;
    assert!(rob_reaches[0].2 && !rob_reaches[2].2, "Rob views, does not change");
    assert!(reach(portal, "rae@example.org", plan).await[2].2, "Rae may ask for a review");
    assert!(reach(portal, "alex@council.example", plan).await[0].2);
    assert!(reach(portal, "kim@council.example", plan).await.iter().all(|(_, _, reached)| !reached));
}
