//! Independent advocacy (procedure 001): the practitioner records the offer and the answer,
//! the advocate the person accepted reads their records once invited, and is sent the plan's
//! copy when it is signed off, only if the person agreed.
use crate::helpers::plans::{pat_and_lee, sign_off};
use crate::helpers::{location, spawn, TestPortal, PASSWORD};

async fn record(portal: &TestPortal, pat: i64, fields: &[(&str, &str)]) -> String {
    let page = format!("/people/{pat}/advocacy");
    let mut all = vec![("person_id", pat.to_string())];
    all.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
    let fields: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
    location(&portal.post_form("/api/advocacy/record", &page, &fields).await)
}

/// Pat, with Lee as their practitioner, sends a plan and stays signed in; Pat's id.
async fn pat_sends_a_plan(portal: &TestPortal) -> i64 {
    let (pat, _lee) = pat_and_lee(portal, PASSWORD).await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My allotment")]).await;
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    pat
}

#[tokio::test]
async fn an_accepted_advocate_reads_the_records_and_gets_the_plans_copy_when_the_person_agrees() {
    let portal = spawn().await;
    let pat = pat_sends_a_plan(&portal).await;
    portal.sign_out().await;
    let page = format!("/people/{pat}/advocacy");

    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page(&format!("/people/{pat}")).await.contains(&page), "the person page links to it");
    // Offered first: nothing goes anywhere yet.
    assert_eq!(record(&portal, pat, &[("answer", "offered")]).await, format!("{page}?saved=1"));
    assert!(portal.page(&page).await.contains("Offered, waiting for their answer"));
    // Accepted, without the advocate's name: refused next to the field, the rest kept.
    let refused = record(&portal, pat, &[("answer", "accepted"), ("advocate_email", "ola@advocacy.example")]).await;
    assert_eq!(refused, page);
    let shown = portal.page(&page).await;
    assert!(shown.contains("Enter the advocate&#x27;s name") || shown.contains("Enter the advocate's name"), "{shown}");
    assert!(shown.contains("value=\"ola@advocacy.example\""), "{shown}");
    // Accepted, with the copy and an invitation agreed.
    let fields = [
        ("answer", "accepted"),
        ("advocate_name", "Ola Advocate"),
        ("advocate_email", "ola@advocacy.example"),
        ("copy", "yes"),
        ("invite", "yes"),
    ];
    assert_eq!(record(&portal, pat, &fields).await, format!("{page}?saved=1&invited=1"));
    let invitation = portal.emails_to("ola@advocacy.example");
    assert_eq!(invitation.len(), 1, "the invitation");
    let start = invitation[0].find("/invitations/").expect("a link");
    let code = invitation[0][start + "/invitations/".len()..].split_whitespace().next().unwrap().to_owned();
    let actions = portal.audit_actions().await;
    assert!(actions.contains(&"advocacy recorded".to_owned()) && actions.contains(&"advocate invited".to_owned()));

    // Lee signs the plan off: the copy goes to the advocate.
    let plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    sign_off(&portal, plan).await;
    portal.sign_out().await;
    let mails = portal.emails_to("ola@advocacy.example");
    assert_eq!(mails.len(), 2, "the invitation, then the copy");
    assert!(mails[1].contains(&format!("/plan/versions/{plan}/copy.pdf")), "{}", mails[1]);
    assert!(portal.audit_actions().await.contains(&"plan copy sent to advocate".to_owned()));

    // Ola accepts the invitation with an account of their own, and reads Pat's plan (view only).
    let created = portal.join_as_helper(&code, "Ola Advocate", "ola@advocacy.example").await;
    assert_eq!(location(&created), "/family?accepted=1");
    let read = portal.post_json("/api/plan/version", &[("id", plan.to_string().as_str())]).await;
    assert_eq!(read.status().as_u16(), 200, "the advocate reads the plan");
    // …and cannot record advocacy, nor read the advocacy page (staff only).
    assert_eq!(portal.post_json("/api/advocacy/of", &[("person_id", pat.to_string().as_str())]).await.status(), 404);
}

#[tokio::test]
async fn without_the_persons_agreement_no_copy_goes_and_only_their_practitioner_records_advocacy() {
    let portal = spawn().await;
    let pat = pat_sends_a_plan(&portal).await;
    // Pat cannot record advocacy about themselves.
    assert_eq!(portal.post_json("/api/advocacy/of", &[("person_id", pat.to_string().as_str())]).await.status(), 404);
    portal.sign_out().await;
    // A practitioner who does not work with Pat finds nothing.
    portal.add_account("kit@council.example", app::domain::account::Role::Practitioner, PASSWORD).await;
    portal.sign_in("kit@council.example", PASSWORD).await;
    let fields = [("person_id", pat.to_string()), ("answer", "declined".to_owned())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(portal.post_json("/api/advocacy/record", &fields).await.status(), 404);
    portal.sign_out().await;

    portal.sign_in("lee@council.example", PASSWORD).await;
    // A person who declined keeps no advocate: typed details are refused, not dropped.
    let page = format!("/people/{pat}/advocacy");
    assert_eq!(record(&portal, pat, &[("answer", "declined"), ("advocate_name", "Ola")]).await, page);
    let fields =
        [("answer", "accepted"), ("advocate_name", "Ola Advocate"), ("advocate_email", "ola@advocacy.example")];
    assert_eq!(record(&portal, pat, &fields).await, format!("{page}?saved=1"));
    let plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    sign_off(&portal, plan).await;
    assert!(portal.emails_to("ola@advocacy.example").is_empty(), "Pat did not agree to a copy");
}
