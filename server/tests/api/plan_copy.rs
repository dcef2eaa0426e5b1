//! The PDF copy of a plan version, against a real SQLite file and real files on disk: the
//! person's words, pictures (with their descriptions) and the signed-off record, tagged for
//! screen readers, and for nobody outside the plan.

use crate::helpers::uploads::{phone_photo, upload};
use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;

fn count(haystack: &[u8], needle: &str) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count()
}

/// Pat's plan with words and a photo, sent and signed off by Lee. Returns the version's id.
async fn signed_off_plan(portal: &TestPortal) -> i64 {
    let pat = portal.signed_in_as("pat@example.org", Role::Customer).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My garden and my cat")]).await;
    let fields =
        [("upload_section", "important"), ("alt_text", "Tibbles asleep on the garden bench"), ("caption", "Tibbles")];
    assert_eq!(
        location(&upload(portal, &fields, Some(("IMG_0001.jpg", phone_photo()))).await),
        "/plan?added=1#important"
    );
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    portal.sign_out().await;

    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(lee, pat).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    crate::helpers::plans::sign_off_as(portal, "lee@council.example", id).await;
    id
}

#[tokio::test]
async fn the_person_downloads_their_signed_off_plan_as_a_tagged_pdf() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    let page = portal.page(&format!("/plan/versions/{id}")).await;
    assert!(page.contains(&format!("href=\"/plan/versions/{id}/copy.pdf\"")), "{page}");

    let response = portal.client.get(portal.at(&format!("/plan/versions/{id}/copy.pdf"))).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("content-disposition"), "attachment; filename=\"support-plan-version-1.pdf\"");
    assert_eq!(header("x-content-type-options"), "nosniff");
    let pdf = response.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Tagged for PDF/UA-1, with the sections as headings and the photo as a described figure.
    assert_eq!(count(&pdf, "/Type/StructTreeRoot"), 1);
    assert_eq!(count(&pdf, "<pdfuaid:part>1</pdfuaid:part>"), 1);
    assert_eq!(count(&pdf, "/T(What is important to me)"), 1);
    assert_eq!(count(&pdf, "/T(Care and Support Plan)"), 1);
    assert_eq!(count(&pdf, "/Alt(Tibbles asleep on the garden bench)"), 1);
    assert_eq!(count(&pdf, "/Subtype/Image"), 1, "the stored picture is in the copy");
    assert!(count(&pdf, "/Lang(en-GB)") >= 1);
}

#[tokio::test]
async fn nobody_outside_the_plan_can_download_it() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    let path = format!("/plan/versions/{id}/copy.pdf");
    let status = |portal: &TestPortal| {
        let request = portal.client.get(portal.at(&path));
        async move { request.send().await.unwrap().status() }
    };
    assert_eq!(status(&portal).await, 404, "signed out");
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    assert_eq!(status(&portal).await, 404, "another household");
    portal.sign_out().await;
    portal.signed_in_as("kim@council.example", Role::Practitioner).await;
    assert_eq!(status(&portal).await, 404, "a practitioner without the person in their caseload");
    assert!(portal.audit_actions().await.contains(&"permission refused".to_owned()));
    portal.sign_out().await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert_eq!(status(&portal).await, 200, "their practitioner");
    assert!(portal.audit_actions().await.contains(&"downloaded support plan".to_owned()));
}

#[tokio::test]
async fn the_copy_holds_the_budget_only_for_those_who_may_see_the_budget() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    let id_text = id.to_string();
    portal.sign_in("lee@council.example", PASSWORD).await;
    let budget = crate::helpers::plans::budget_fields(&id_text, "1200", "1300", "council_arranged");
    let set = portal.post_form("/api/budget/set", &format!("/staff/plans/{id}/budget"), &budget).await;
    assert_eq!(location(&set), format!("/plan/versions/{id}?budget=1"));
    portal.sign_out().await;

    // Sam cares for Pat; Pat shares the plan with Sam, and not the budget.
    portal.register("sam@example.org", "carer").await;
    let invited = portal.post_form("/api/family/invite-cared-for", "/family/invite-cared-for", &[]).await;
    let to = location(&invited);
    let code = &to[to.find("code=").expect("a code") + 5..][..12];
    portal.sign_out().await;
    portal.sign_in("pat@example.org", PASSWORD).await;
    let answer = [("code", code), ("answer", "accept"), ("share_plan", "yes")];
    assert_eq!(location(&portal.post_form("/api/family/answer", "/invitations", &answer).await), "/family?accepted=1");

    let copy = |portal: &TestPortal| {
        let request = portal.client.get(portal.at(&format!("/plan/versions/{id}/copy.pdf")));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            response.bytes().await.unwrap()
        }
    };
    assert_eq!(count(&copy(&portal).await, "/T(Your personal budget)"), 1, "Pat's own copy has Pat's budget");
    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let sams = copy(&portal).await;
    assert_eq!(count(&sams, "/T(Care and Support Plan)"), 1, "the plan is shared with Sam");
    assert_eq!(count(&sams, "/T(Your personal budget)"), 0, "the budget is not");
}
