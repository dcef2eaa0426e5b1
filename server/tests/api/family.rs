//! The whole family against a real SQLite file: a carer's invitation accepted (or declined) by
//! the person they care for or their representative, what each shares, and helpers with their
//! own sign-in whose scope is enforced and can be taken away. All audited.

use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;

/// The code on the page a redirect after inviting lands on.
fn code_from(response: &reqwest::Response) -> String {
    let to = location(response);
    let start = to.find("code=").expect("a code") + 5;
    to[start..start + 12].to_owned()
}

async fn sam_invites_pat(portal: &TestPortal) -> String {
    portal.register("sam@example.org", "carer").await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "Sam's garden")]).await;
    let invited =
        portal.post_form("/api/family/invite-cared-for", "/family/invite-cared-for", &[("share_plan", "yes")]).await;
    let code = code_from(&invited);
    assert!(portal.page(&location(&invited)).await.contains("Invitation ready"));
    portal.sign_out().await;
    code
}

async fn linked(portal: &TestPortal) -> (i64, i64) {
    let relations: Vec<(i64, i64)> =
        sqlx::query_as("SELECT carer_id, customer_id FROM care_links").fetch_all(&portal.db).await.unwrap();
    relations.first().copied().unwrap_or_default()
}

#[tokio::test]
async fn the_cared_for_person_accepts_and_chooses_what_to_share_back() {
    let portal = spawn().await;
    let code = sam_invites_pat(&portal).await;
    portal.register("pat@example.org", "customer").await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "Pat's budgie")]).await;
    let page = portal.page(&format!("/invitations?code={code}")).await;
    assert!(page.contains("says they care for you") && page.contains("my support plan"), "{page}");
    let accepted = portal
        .post_form(
            "/api/family/answer",
            "/invitations",
            &[("code", code.as_str()), ("answer", "accept"), ("share_reviews", "yes")],
        )
        .await;
    assert_eq!(location(&accepted), "/family?accepted=1");
    assert_ne!(linked(&portal).await, (0, 0));
    let family = portal.page("/family").await;
    assert!(family.contains("shares with you: my support plan"), "{family}");
    // A code works once.
    let again = portal.post_json("/api/family/answer", &[("code", code.as_str()), ("answer", "accept")]).await;
    assert_eq!(again.status().as_u16(), 422);

    // Pat shared reviews, not the plan: Sam sees Pat's name but not Pat's plan.
    let pat = portal.user_id("pat@example.org").await;
    let pats_plan: i64 = {
        portal.post_form("/api/plan/send", "/plan", &[]).await;
        sqlx::query_scalar("SELECT MAX(id) FROM plan_versions WHERE person_id = $1")
            .bind(pat)
            .fetch_one(&portal.db)
            .await
            .unwrap()
    };
    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let summary = portal.post_json("/api/people/summary", &[("person_id", pat.to_string().as_str())]).await;
    assert_eq!(summary.status().as_u16(), 200);
    let version = portal.post_json("/api/plan/version", &[("id", pats_plan.to_string().as_str())]).await;
    assert_eq!(version.status().as_u16(), 404, "not shared");
    portal.sign_out().await;

    // Pat shares the plan: now Sam may read it (never change it); Pat takes it back.
    portal.sign_in("pat@example.org", PASSWORD).await;
    portal
        .post_form(
            "/api/family/shares",
            "/family",
            &[("person", &portal.user_id("sam@example.org").await.to_string()), ("share_plan", "yes")],
        )
        .await;
    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let version = portal.post_json("/api/plan/version", &[("id", pats_plan.to_string().as_str())]).await;
    assert_eq!(version.status().as_u16(), 200);
    let sign_off = portal.post_json("/api/plan/sign-off", &[("id", pats_plan.to_string().as_str())]).await;
    assert_eq!(sign_off.status().as_u16(), 404);
    // Either side may end the link; then nothing is shared.
    let ended = portal.post_form("/api/family/unlink", "/family", &[("person", &pat.to_string())]).await;
    assert_eq!(location(&ended), "/family?unlinked=1");
    let version = portal.post_json("/api/plan/version", &[("id", pats_plan.to_string().as_str())]).await;
    assert_eq!(version.status().as_u16(), 404);
    let audited = portal.audit_actions().await;
    for action in ["care link invitation created", "care link accepted", "sharing changed", "care link ended"] {
        assert!(audited.contains(&action.to_owned()), "{action} not audited");
    }
}

#[tokio::test]
async fn an_invitation_can_be_declined_and_is_not_for_everyone() {
    let portal = spawn().await;
    let code = sam_invites_pat(&portal).await;
    // Another carer cannot accept a link meant for a cared-for person.
    portal.register("kim@example.org", "carer").await;
    let refused = portal.post_json("/api/family/answer", &[("code", code.as_str()), ("answer", "accept")]).await;
    assert_eq!(refused.status().as_u16(), 422);
    assert!(refused.text().await.unwrap().contains("not for your kind of account"));
    portal.sign_out().await;
    portal.register("pat@example.org", "customer").await;
    let declined =
        portal.post_form("/api/family/answer", "/invitations", &[("code", code.as_str()), ("answer", "decline")]).await;
    assert_eq!(location(&declined), "/family?declined=1");
    assert_eq!(linked(&portal).await, (0, 0));
    // A wrong code says what to do; a burst of them is refused.
    for _ in 0..20 {
        let wrong = portal.post_json("/api/family/invitation", &[("code", "AAAA BBBB CCCC")]).await;
        assert_eq!(wrong.status().as_u16(), 422);
    }
    let limited = portal.post_json("/api/family/invitation", &[("code", "AAAA BBBB CCCC")]).await;
    assert_eq!(limited.status().as_u16(), 429);
}

#[tokio::test]
async fn a_representative_accepts_for_the_person_they_act_for() {
    let portal = spawn().await;
    let code = sam_invites_pat(&portal).await;
    let pat = portal.add_account("pat@example.org", Role::Customer, PASSWORD).await;
    let robin = portal.add_account("robin@example.org", Role::Representative, PASSWORD).await;
    portal.store.add_representation(robin, pat, app::policy::Scope::View, chrono::Utc::now()).await.unwrap();
    portal.sign_in("robin@example.org", PASSWORD).await;
    // Only with permission to act (view is not enough).
    let refused = portal
        .post_json("/api/family/answer", &[("code", code.as_str()), ("answer", "accept"), ("person", &pat.to_string())])
        .await;
    assert_eq!(refused.status().as_u16(), 404);
    portal.store.add_representation(robin, pat, app::policy::Scope::Edit, chrono::Utc::now()).await.unwrap();
    let accepted = portal
        .post_json("/api/family/answer", &[("code", code.as_str()), ("answer", "accept"), ("person", &pat.to_string())])
        .await;
    assert_eq!(accepted.status().as_u16(), 200);
    assert_eq!(linked(&portal).await.1, pat);
}

#[tokio::test]
async fn a_helper_signs_up_from_the_invitation_acts_within_scope_and_can_be_removed() {
    let portal = spawn().await;
    portal.register("pat@example.org", "customer").await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "Pat's budgie")]).await;
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    // A bad email is refused next to the field, the name kept.
    let refused = [("name", "Alex"), ("email", "alex"), ("scope", "view")];
    let page = portal.refused_form("/api/family/invite-helper", "/family/invite-helper", &refused).await;
    assert!(page.contains("Enter an email address in the correct format") && page.contains("value=\"Alex\""), "{page}");
    let invited = portal
        .post_form(
            "/api/family/invite-helper",
            "/family/invite-helper",
            &[("name", "Alex"), ("email", "jo@example.org"), ("scope", "view")],
        )
        .await;
    let code = code_from(&invited);
    portal.sign_out().await;

    // The emailed link, opened by someone without an account: they make one (with the address
    // the invitation went to, proved by a second emailed link) and accept.
    let mail = portal.emails_to("jo@example.org");
    assert!(mail.first().expect("an invitation email").contains(&format!("/invitations/{code}")));
    let page = portal.page(&format!("/invitations/{code}")).await;
    assert!(
        page.contains("has asked you to be their helper")
            && page.contains("you sign in with jo@example.org")
            && page.contains("Create my account"),
        "{page}"
    );
    let created = portal.join_as_helper(&code, "Alex Helper", "jo@example.org").await;
    assert_eq!(location(&created), "/family?accepted=1");
    let pat = portal.user_id("pat@example.org").await;
    let plan: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    // View scope: reads Pat's plan, cannot ask for a review on Pat's behalf.
    let read = portal.post_json("/api/plan/version", &[("id", plan.to_string().as_str())]).await;
    assert_eq!(read.status().as_u16(), 200);
    let ask = portal
        .post_json(
            "/api/reviews/request",
            &[
                ("person", pat.to_string().as_str()),
                ("reason", "other"),
                ("what_changed", "x"),
                ("method", "telephone"),
                ("urgency", "soon"),
            ],
        )
        .await;
    assert_eq!(ask.status().as_u16(), 404);
    portal.sign_out().await;

    // Pat sees who has access and takes it away.
    portal.sign_in("pat@example.org", PASSWORD).await;
    let family = portal.page("/family").await;
    assert!(family.contains("Alex Helper") && family.contains("look at my records"), "{family}");
    let alex = portal.user_id("jo@example.org").await;
    let removed = portal.post_form("/api/family/remove-helper", "/family", &[("helper", &alex.to_string())]).await;
    assert_eq!(location(&removed), "/family?removed=1");
    portal.sign_out().await;
    portal.sign_in("jo@example.org", PASSWORD).await;
    let read = portal.post_json("/api/plan/version", &[("id", plan.to_string().as_str())]).await;
    assert_eq!(read.status().as_u16(), 404);
    let audited = portal.audit_actions().await;
    for action in ["helper invited", "helper access accepted", "helper access removed"] {
        assert!(audited.contains(&action.to_owned()), "{action} not audited");
    }
}

#[tokio::test]
async fn inviting_helpers_cannot_be_used_to_send_the_council_s_mail_to_anyone_without_end() {
    let portal = spawn().await;
    portal.register("pat@example.org", "customer").await;
    let invite = |name: &'static str, email: String| {
        let portal = &portal;
        async move {
            let fields = [("name", name), ("email", email.as_str()), ("scope", "view")];
            portal.post_form("/api/family/invite-helper", "/family/invite-helper", &fields).await
        }
    };
    // A name that would break an email's header line is refused next to the field.
    let refused = invite("Alex\r\nBcc: everyone@evil.example", "alex@example.org".into()).await;
    assert_eq!(location(&refused), "/family/invite-helper");
    let page = portal.page("/family/invite-helper").await;
    assert!(page.contains("Write the name on one line"), "{page}");
    // Three emails a day to one address, from anyone…
    for _ in 0..3 {
        assert!(location(&invite("Alex", "alex@example.org".into()).await).starts_with("/family/invited"));
    }
    assert_eq!(location(&invite("Alex", "alex@example.org".into()).await), "/family/invite-helper");
    assert!(portal.page("/family/invite-helper").await.contains("There have been too many attempts"));
    // …and ten a day from one person, whatever the addresses.
    for n in 0..7 {
        assert!(location(&invite("Jo", format!("jo{n}@example.org")).await).starts_with("/family/invited"), "{n}");
    }
    assert_eq!(location(&invite("Jo", "jo-last@example.org".into()).await), "/family/invite-helper");
    let invitations = std::fs::read_dir(portal.data.path().join("outbox"))
        .unwrap()
        .filter(|mail| std::fs::read_to_string(mail.as_ref().unwrap().path()).unwrap().contains("/invitations/"))
        .count();
    assert_eq!(invitations, 10, "only the emails within the limits were sent");
}
