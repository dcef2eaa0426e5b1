//! The person's own plan against a real SQLite file: words added to sections, reordered and
//! removed, and one long text mapped into sections that the person accepts or changes.

use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;

async fn person(portal: &TestPortal, email: &str, role: Role) {
    portal.signed_in_as(email, role).await;
}

#[tokio::test]
async fn words_are_added_to_a_section_moved_and_removed() {
    let portal = spawn().await;
    person(&portal, "pat@example.org", Role::Customer).await;
    for text in ["My garden", "My cat Tibbles"] {
        let response = portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", text)]).await;
        assert_eq!(location(&response), "/plan?added=1#important");
    }
    let page = portal.page("/plan").await;
    assert!(page.find("My garden").unwrap() < page.find("My cat Tibbles").unwrap());
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_contributions WHERE body = 'My cat Tibbles'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    portal.post_form("/api/plan/move", "/plan", &[("id", &id.to_string()), ("direction", "up")]).await;
    let page = portal.page("/plan").await;
    assert!(page.find("My cat Tibbles").unwrap() < page.find("My garden").unwrap(), "moved up");
    portal.post_form("/api/plan/remove", "/plan", &[("id", &id.to_string())]).await;
    assert!(!portal.page("/plan").await.contains("My cat Tibbles"));
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plan_contributions WHERE removed_at IS NOT NULL")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(kept, 1, "a removed contribution is kept on record");
}

#[tokio::test]
async fn adding_nothing_or_nowhere_is_refused_and_kept() {
    let portal = spawn().await;
    person(&portal, "sam@example.org", Role::Carer).await;
    let response = portal.post_form("/api/plan/add", "/plan", &[("text", "Half a thought")]).await;
    assert_eq!(location(&response), "/plan");
    let page = portal.page("/plan").await;
    assert!(page.contains("Choose which part of your plan this is for"), "{page}");
    assert!(page.contains("Half a thought"), "{page}");
}

#[tokio::test]
async fn own_words_are_split_proposed_and_added_where_the_person_chose() {
    let portal = spawn().await;
    person(&portal, "sam@example.org", Role::Carer).await;
    let words = "My faith and my dog matter most to me.\n\nI struggle at night.\n\nI would like a break.";
    let response = portal.post_form("/api/plan/own-words", "/plan/own-words", &[("words", words)]).await;
    assert_eq!(location(&response), "/plan/own-words/sections");
    let page = portal.page("/plan/own-words/sections").await;
    assert!(page.contains("We suggested this because it mentions: faith, dog."), "{page}");
    assert!(page.contains(r#"<option value="not_working" selected"#), "{page}");

    // The person moves the second part to "What I want to achieve"; the others stay.
    let response =
        portal.post_form("/api/plan/own-words/accept", "/plan/own-words/sections", &[("section-1", "achieve")]).await;
    assert_eq!(location(&response), "/plan?accepted=3");
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT section, body FROM plan_contributions ORDER BY id").fetch_all(&portal.db).await.unwrap();
    assert_eq!(
        rows,
        [
            ("important".to_owned(), "My faith and my dog matter most to me.".to_owned()),
            ("achieve".to_owned(), "I struggle at night.".to_owned()),
            ("achieve".to_owned(), "I would like a break.".to_owned()),
        ]
    );
    // The kept text is cleared once it is in the plan.
    assert_eq!(portal.post_json("/api/plan/own-words/accept", &[]).await.status(), 404);
}

#[tokio::test]
async fn staff_have_no_plan_of_their_own() {
    let portal = spawn().await;
    person(&portal, "pat@council.example", Role::Practitioner).await;
    assert_eq!(portal.post_json("/api/plan/add", &[("section", "important"), ("text", "x")]).await.status(), 404);
}

#[tokio::test]
async fn a_sent_plan_is_signed_off_by_the_practitioner_as_a_version_the_person_can_read() {
    let portal = spawn().await;
    person(&portal, "pat@example.org", Role::Customer).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My garden and my cat")]).await;
    let response = portal.post_form("/api/plan/send", "/plan", &[]).await;
    assert_eq!(location(&response), "/plan?sent=1");
    let person_id = portal.user_id("pat@example.org").await;
    let plan_id: i64 = sqlx::query_scalar("SELECT id FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    // Later changes do not alter what was sent.
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "Added afterwards")]).await;
    portal.sign_out().await;

    // The person cannot sign off their own plan.
    portal.sign_in("pat@example.org", PASSWORD).await;
    let response = portal.post_json("/api/plan/sign-off", &[("id", &plan_id.to_string()), ("needs", "x")]).await;
    assert_eq!(response.status(), 404);
    portal.sign_out().await;

    let practitioner = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(practitioner, person_id).await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page("/staff/plans").await.contains("Someone"));
    let page = portal.page(&format!("/staff/plans/{plan_id}")).await;
    assert!(page.contains("My garden and my cat") && !page.contains("Added afterwards"), "{page}");

    let id = plan_id.to_string();
    let refused = [("id", id.as_str()), ("needs", "Help at home")];
    let page = portal.refused_form("/api/plan/sign-off", &format!("/staff/plans/{plan_id}"), &refused).await;
    assert!(
        page.contains("Complete ‘The outcomes the person wants’") && page.contains("Enter the anticipated review date"),
        "{page}"
    );
    assert!(page.contains("Help at home"), "what was typed is kept");

    let fields = crate::helpers::plans::sign_off_fields(&id);
    let response = portal.post_form("/api/plan/sign-off", &format!("/staff/plans/{plan_id}"), &fields).await;
    assert_eq!(location(&response), format!("/plan/versions/{plan_id}"));
    assert_eq!(portal.post_json("/api/plan/sign-off", &fields).await.status(), 409, "signed off once");
    assert!(sqlx::query("UPDATE plan_versions SET record = NULL").execute(&portal.db).await.is_err());
    portal.sign_out().await;

    portal.sign_in("pat@example.org", PASSWORD).await;
    let page = portal.page(&format!("/plan/versions/{plan_id}")).await;
    assert!(page.contains("Home care each morning") && page.contains("1 January 2099"), "{page}");
    assert!(page.contains("My garden and my cat"), "{page}");
    assert!(portal.page("/plan").await.contains("signed off by Someone"));
}

#[tokio::test]
async fn words_are_changed_in_place_and_an_empty_change_is_refused_and_kept() {
    let portal = spawn().await;
    person(&portal, "pat@example.org", Role::Customer).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My gardn")]).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_contributions").fetch_one(&portal.db).await.unwrap();
    let change_page = format!("/plan/items/{id}");
    assert!(portal.page(&change_page).await.contains("My gardn"), "what is there is filled in");

    let item = id.to_string();
    let page = portal.refused_form("/api/plan/change", &change_page, &[("id", &item), ("text", "  ")]).await;
    assert!(page.contains("Write something to add"));

    let response =
        portal.post_form("/api/plan/change", &change_page, &[("id", &id.to_string()), ("text", "My garden")]).await;
    assert_eq!(location(&response), format!("/plan?changed=1#item-{id}"));
    let page = portal.page("/plan?changed=1").await;
    assert!(
        page.contains("Your change was saved.") && page.contains("My garden") && !page.contains("My gardn"),
        "{page}"
    );

    // Nobody else can change it, or even open it.
    portal.sign_out().await;
    person(&portal, "sam@example.org", Role::Carer).await;
    assert_eq!(
        portal.post_json("/api/plan/change", &[("id", &id.to_string()), ("text", "Mine now")]).await.status(),
        404
    );
    assert!(portal.page(&change_page).await.contains("Page not found"));
}
