//! The contact page's messages reach the staff inbox, where a practitioner reads one, replies
//! by email and marks it done; nobody else reads them.

use crate::helpers::{location, spawn};
use app::domain::account::Role;

#[tokio::test]
async fn a_message_sent_from_the_contact_page_waits_in_the_staff_inbox_until_it_is_done() {
    let portal = spawn().await;
    let sent = portal
        .post_form(
            "/api/contact",
            "/contact",
            &[("name", "Ann Carer"), ("email", "ann@example.org"), ("message", "Who can help with respite?")],
        )
        .await;
    let reference = location(&sent).rsplit('=').next().unwrap().to_owned();
    assert!(reference.starts_with("CM-"), "{reference}");
    let anonymous = portal.post_form("/api/contact", "/contact", &[("message", "No name, no email")]).await;
    assert_eq!(anonymous.status(), 303);

    portal.signed_in_as("lee@council.example", Role::Practitioner).await;
    assert!(portal.page("/home").await.contains("href=\"/staff/messages\""));
    let inbox = portal.page("/staff/messages").await;
    assert!(inbox.contains(&reference) && inbox.contains("Ann Carer") && inbox.contains("No name given"), "{inbox}");
    // Open messages come first, oldest first: Ann's before the anonymous one.
    assert!(inbox.find("Ann Carer") < inbox.find("No name given"));

    let id: i64 = sqlx::query_scalar("SELECT MIN(id) FROM contact_messages").fetch_one(&portal.db).await.unwrap();
    let page = portal.page(&format!("/staff/messages/{id}")).await;
    assert!(page.contains("Who can help with respite?") && page.contains("mailto:ann@example.org"), "{page}");
    let done =
        portal.post_form("/api/contact/done", &format!("/staff/messages/{id}"), &[("id", &id.to_string())]).await;
    assert_eq!(location(&done), format!("/staff/messages/{id}?done=1"));
    let page = portal.page(&location(&done)).await;
    assert!(page.contains("is marked done") && page.contains("Done by"), "{page}");
    assert!(!page.contains("Mark as done"), "done once");
    let again = portal.post_json("/api/contact/done", &[("id", &id.to_string())]).await;
    assert_eq!(again.status(), 409);
    let audited = portal.audit_actions().await;
    assert!(
        audited.contains(&"read contact message".to_owned()) && audited.contains(&"contact message done".to_owned())
    );
}

#[tokio::test]
async fn only_practitioners_and_admins_read_the_inbox() {
    let portal = spawn().await;
    portal.post_form("/api/contact", "/contact", &[("email", "ann@example.org"), ("message", "Private matter")]).await;
    let id: i64 = sqlx::query_scalar("SELECT MIN(id) FROM contact_messages").fetch_one(&portal.db).await.unwrap();
    for (email, role) in [("sam@example.org", Role::Carer), ("rita@council.example", Role::Responder)] {
        portal.signed_in_as(email, role).await;
        assert_eq!(portal.post_json("/api/contact/inbox", &[]).await.status(), 404, "{email}");
        let read = portal.post_json("/api/contact/message", &[("id", &id.to_string())]).await;
        assert_eq!(read.status(), 404, "{email}");
        assert!(!read.text().await.unwrap().contains("Private matter"));
        assert_eq!(portal.post_json("/api/contact/done", &[("id", &id.to_string())]).await.status(), 404, "{email}");
        portal.sign_out().await;
    }
    portal.signed_in_as("admin@council.example", Role::Admin).await;
    assert_eq!(portal.post_json("/api/contact/inbox", &[]).await.status(), 200);
}
