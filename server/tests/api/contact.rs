//! The contact page's messages reach the staff inbox, where a practitioner reads one, replies
//! (in the portal, and by email where there is an address), links it to the person it is about
//! and marks it done; the person reads the replies and answers in the portal; nobody else reads
//! them.

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
    assert!(page.contains("Who can help with respite?") && page.contains("emailed to ann@example.org"), "{page}");
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

/// The emails in the portal's outbox, oldest first.
fn outbox(portal: &crate::helpers::TestPortal) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(portal.data.path().join("outbox"))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

async fn message_id(portal: &crate::helpers::TestPortal) -> i64 {
    sqlx::query_scalar("SELECT MAX(id) FROM contact_messages").fetch_one(&portal.db).await.unwrap()
}

#[tokio::test]
async fn a_signed_in_carer_reads_the_councils_reply_in_the_portal_and_answers_it() {
    let portal = spawn().await;
    let sam = portal.signed_in_as("sam@example.org", Role::Carer).await;
    let sent = portal.post_form("/api/contact", "/contact", &[("message", "Can I get a break this summer?")]).await;
    let reference = location(&sent).rsplit('=').next().unwrap().to_owned();
    let id = message_id(&portal).await;
    let mine = portal.page("/messages").await;
    assert!(mine.contains(&reference) && mine.contains(&format!("href=\"/messages/{id}\"")), "{mine}");
    portal.sign_out().await;

    // It waits in intake (Sam has no worker), and in the inbox, linked to Sam.
    portal.signed_in_as("lee@council.example", Role::Practitioner).await;
    assert!(portal.page("/staff/intake").await.contains("Sent a message"));
    let page = portal.page(&format!("/staff/messages/{id}")).await;
    assert!(page.contains(&format!("href=\"/staff/allocations/{sam}\"")), "{page}");
    assert!(page.contains("emailed to sam@example.org"), "the reply goes to the account's address: {page}");

    // An empty reply is refused next to its field.
    let empty = portal
        .post_form("/api/contact/reply", &format!("/staff/messages/{id}"), &[("id", &id.to_string()), ("reply", " ")])
        .await;
    assert!(portal.page(&location(&empty)).await.contains("Enter your reply"));

    let words = "Yes: the carers' centre runs short breaks. Shall I refer you?";
    let replied = portal
        .post_form("/api/contact/reply", &format!("/staff/messages/{id}"), &[("id", &id.to_string()), ("reply", words)])
        .await;
    assert_eq!(location(&replied), format!("/staff/messages/{id}?replied=sent"));
    assert!(portal.page(&location(&replied)).await.contains("Your reply is sent."));
    let mail = outbox(&portal).pop().expect("an email");
    assert!(mail.contains("To: sam@example.org") && mail.contains(&reference), "{mail}");
    assert!(mail.contains(&format!("/messages/{id}")), "it links to the portal: {mail}");
    assert!(!mail.contains("short breaks"), "the reply itself stays in the portal: {mail}");
    portal.post_form("/api/contact/done", &format!("/staff/messages/{id}"), &[("id", &id.to_string())]).await;
    assert!(portal.audit_actions().await.contains(&"replied to contact message".to_owned()));
    portal.sign_out().await;

    // Sam reads the reply and answers: the message is open again for the council.
    portal.sign_in("sam@example.org", crate::helpers::PASSWORD).await;
    let thread = portal.page(&format!("/messages/{id}")).await;
    assert!(thread.contains("the carers&#x27;") || thread.contains("the carers'"), "{thread}");
    assert!(thread.contains("for the council"), "{thread}");
    let answered = portal
        .post_form(
            "/api/contact/answer",
            &format!("/messages/{id}"),
            &[("id", &id.to_string()), ("reply", "Yes please")],
        )
        .await;
    assert_eq!(location(&answered), format!("/messages/{id}?sent=1"));
    let open: Option<String> = sqlx::query_scalar("SELECT CAST(done_at AS TEXT) FROM contact_messages WHERE id = $1")
        .bind(id)
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(open, None, "an answer opens the message again");
    assert!(portal.page(&format!("/messages/{id}")).await.contains("Yes please"));
}

#[tokio::test]
async fn staff_link_a_message_to_the_person_it_is_about_and_nobody_else_reads_it() {
    let portal = spawn().await;
    portal.post_form("/api/contact", "/contact", &[("email", "ann@example.org"), ("message", "My mum fell")]).await;
    let id = message_id(&portal).await.to_string();
    portal.add_account("ann@example.org", Role::Carer, crate::helpers::PASSWORD).await;
    portal.add_account("bob@example.org", Role::Carer, crate::helpers::PASSWORD).await;

    // Until it is linked, even the person who sent it cannot read it in the portal.
    portal.sign_in("ann@example.org", crate::helpers::PASSWORD).await;
    assert_eq!(portal.post_json("/api/contact/my-message", &[("id", &id)]).await.status(), 404);
    portal.sign_out().await;

    let lee = portal.signed_in_as("lee@council.example", Role::Practitioner).await;
    let page = format!("/staff/messages/{id}");
    let unknown = portal.post_form("/api/contact/link", &page, &[("id", &id), ("email", "nobody@example.org")]).await;
    let refused = portal.page(&location(&unknown)).await;
    assert!(refused.contains("No carer or cared-for person has an account"), "{refused}");
    assert!(refused.contains("value=\"nobody@example.org\""), "what was typed stays: {refused}");
    let staff = portal.post_json("/api/contact/link", &[("id", &id), ("email", "lee@council.example")]).await;
    assert_eq!(staff.status(), 422, "only carers and cared-for people own messages");
    assert!(lee > 0);
    let linked = portal.post_form("/api/contact/link", &page, &[("id", &id), ("email", "ANN@example.org")]).await;
    assert_eq!(location(&linked), format!("{page}?linked=1"));
    assert!(portal.audit_actions().await.contains(&"linked contact message".to_owned()));
    portal.post_form("/api/contact/reply", &page, &[("id", &id), ("reply", "I am sorry to hear that")]).await;
    portal.sign_out().await;

    portal.sign_in("ann@example.org", crate::helpers::PASSWORD).await;
    let thread = portal.page(&format!("/messages/{id}")).await;
    assert!(thread.contains("My mum fell") && thread.contains("I am sorry to hear that"), "{thread}");
    portal.sign_out().await;

    portal.sign_in("bob@example.org", crate::helpers::PASSWORD).await;
    for path in ["/api/contact/my-message", "/api/contact/answer"] {
        let answer = portal.post_json(path, &[("id", &id), ("reply", "Not mine")]).await;
        assert_eq!(answer.status(), 404, "{path}");
    }
    assert!(!portal.page("/messages").await.contains("CM-"));
}

#[tokio::test]
async fn a_reply_whose_email_cannot_go_yet_waits_and_goes_when_the_relay_is_back() {
    // A mail server that is not there yet: nothing listens on the port.
    let port = crate::helpers::smtp::free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let portal = crate::helpers::spawn_configured(
        move |settings| settings.smtp_url = Some(secrecy::SecretString::from(url)),
        |routes| routes,
    )
    .await;
    portal.post_form("/api/contact", "/contact", &[("email", "ann@example.org"), ("message", "Hello")]).await;
    let id = message_id(&portal).await.to_string();
    portal.signed_in_as("lee@council.example", Role::Practitioner).await;
    let page = format!("/staff/messages/{id}");
    let replied = portal.post_form("/api/contact/reply", &page, &[("id", &id), ("reply", "Hello Ann")]).await;
    // The reply is kept, and so is its email: the member of staff need not send it again.
    assert_eq!(location(&replied), format!("{page}?replied=sent"));
    let waiting: Vec<String> =
        sqlx::query_scalar("SELECT to_address FROM mail_queue").fetch_all(&portal.db).await.unwrap();
    assert_eq!(waiting, ["ann@example.org"]);
    let sink = crate::helpers::smtp::mail_sink_on(port).await;
    portal.clock.advance(chrono::Duration::minutes(2));
    assert_eq!(portal.mail.deliver_due().await.unwrap(), 1);
    let received = crate::helpers::smtp::mails(&sink, 1).await;
    assert!(received[0].body.contains("Hello Ann"), "{:?}", received[0]);
}
