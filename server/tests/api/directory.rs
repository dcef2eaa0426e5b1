//! The local support directory against a real SQLite file: the services the procedures name
//! are there, search needs no account or JavaScript, and admins add, change and retire entries.

use crate::helpers::{location, spawn};
use app::domain::account::Role;

#[tokio::test]
async fn anyone_finds_a_service_by_searching() {
    let portal = spawn().await;
    // The advocacy service first (its name matches), then the complaints route (its words
    // mention an advocacy organisation).
    let page = portal.page("/support?q=advocacy").await;
    assert!(page.contains("Services found: 2"), "{page}");
    let (advocacy, complaints) =
        (page.find("Independent advocacy").unwrap(), page.find("Complaints about adult care").unwrap());
    assert!(advocacy < complaints);
    let all = portal.page("/support").await;
    for name in [
        "Lincolnshire Carers Service",
        "Digital Resource for Carers",
        "Carers Emergency Response Service",
        "Employee carers network",
        "Independent advocacy",
        "Complaints about adult care",
    ] {
        assert!(all.contains(name), "{name} missing");
    }
    let filtered = portal.page("/support?q=&category=complaints").await;
    assert!(filtered.contains("Services found: 1") && filtered.contains("Complaints about adult care"));
    let none = portal.page("/support?q=dentist").await;
    assert!(none.contains("No services match your search"));
    // Every word must match; case and punctuation do not matter.
    assert!(portal.page("/support?q=EMERGENCY+card!").await.contains("Carers Emergency Response Service"));
}

#[tokio::test]
async fn the_employee_carers_network_is_two_taps_from_the_start_page() {
    let portal = spawn().await;
    let start = portal.page("/").await;
    assert!(start.contains("href=\"/support/employee-carers\""), "one tap");
    let page = portal.page("/support/employee-carers").await;
    assert!(page.contains("employee carer network meetings") && page.contains("intranet"), "{page}");
}

#[tokio::test]
async fn admins_add_change_and_retire_entries_and_nobody_else_can() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    let refused = portal.post_json("/api/support/save", &[("id", "0"), ("name", "Spam")]).await;
    assert_eq!(refused.status().as_u16(), 404);
    portal.sign_out().await;

    portal.signed_in_as("chris@council.example", Role::Admin).await;
    // Half filled in: each problem next to its field, what was typed kept.
    let half = [("id", "0"), ("name", "Sitting service"), ("url", "javascript:alert(1)")];
    let page = portal.refused_form("/api/support/save", "/staff/support/new", &half).await;
    assert!(
        page.contains("Enter the organisation’s name")
            && page.contains("Enter a web address starting https://")
            && page.contains("value=\"Sitting service\""),
        "{page}"
    );
    let fields = [
        ("id", "0"),
        ("organisation", "Crossroads Care"),
        ("name", "Sitting service"),
        ("description", "Someone sits with the person you care for so you can have a break."),
        ("category", "breaks"),
        ("url", "https://example.org/sitting"),
        ("area", "Lincoln"),
        ("eligibility", "Carers in Lincoln"),
    ];
    let saved = portal.post_form("/api/support/save", "/staff/support/new", &fields).await;
    assert_eq!(location(&saved), "/staff/support?saved=1");
    assert!(portal.page("/support?q=sitting").await.contains("Sitting service"));
    let id: i64 = sqlx::query_scalar("SELECT id FROM support_services WHERE name = 'Sitting service'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    let mut changed = fields.to_vec();
    let id_text = id.to_string();
    changed[0] = ("id", &id_text);
    changed[2] = ("name", "Sitting service (evenings)");
    portal.post_form("/api/support/save", &format!("/staff/support/{id}"), &changed).await;
    assert!(portal.page("/support?q=evenings").await.contains("Sitting service (evenings)"));
    portal
        .post_form("/api/support/retire", &format!("/staff/support/{id}"), &[("id", &id_text), ("retire", "yes")])
        .await;
    assert!(portal.page("/support?q=sitting").await.contains("No services match"));
    assert!(portal.page("/staff/support").await.contains("Retired"));
    let audited = portal.audit_actions().await;
    assert!(
        audited.contains(&"directory entry saved".to_owned())
            && audited.contains(&"directory entry retired".to_owned())
    );
}
