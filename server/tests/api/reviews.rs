//! Reviews against a real SQLite file: planned at sign-off, asked for by a customer, arranged
//! and completed by their practitioner, with time moved on to see what falls due.

use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use chrono::{Days, Duration, Utc};

async fn sign_off_pats_plan(portal: &TestPortal) -> i64 {
    portal.sign_in("pat@example.org", PASSWORD).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "important"), ("text", "My garden")]).await;
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    portal.sign_out().await;
    let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    crate::helpers::plans::sign_off_as(portal, "lee@council.example", id).await;
    id
}

#[tokio::test]
async fn sign_off_plans_a_review_six_to_eight_weeks_later_and_a_yearly_one() {
    let portal = spawn().await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    sign_off_pats_plan(&portal).await;
    let planned: Vec<(String, String, String)> =
        sqlx::query_as("SELECT kind, CAST(due_from AS TEXT), CAST(due_by AS TEXT) FROM reviews ORDER BY due_by")
            .fetch_all(&portal.db)
            .await
            .unwrap();
    let today = Utc::now().date_naive();
    let date = |days: u64| (today + Days::new(days)).to_string();
    assert_eq!(planned[0], ("first".to_owned(), date(42), date(56)));
    assert_eq!(planned[1].0, "annual");
    assert_eq!(planned[1].2, today.checked_add_months(chrono::Months::new(12)).unwrap().to_string());

    portal.sign_in("pat@example.org", PASSWORD).await;
    let page = portal.page("/reviews").await;
    assert!(page.contains("First review (6 to 8 weeks after sign-off)") && page.contains("Annual review"), "{page}");

    // Not on the practitioner's list until two weeks before it is due; then due, then overdue.
    portal.sign_out().await;
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page("/staff/reviews").await.contains("Nothing is due."));
    portal.clock.advance(Duration::days(29));
    portal.sign_in("lee@council.example", PASSWORD).await;
    let page = portal.page("/staff/reviews").await;
    assert!(page.contains("First review") && !page.contains("Overdue"), "{page}");
    portal.clock.advance(Duration::days(28));
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page("/staff/reviews").await.contains("Overdue"));
}

#[tokio::test]
async fn a_customer_asks_for_a_review_and_follows_it_to_its_outcome() {
    let portal = spawn().await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    portal.sign_in("pat@example.org", PASSWORD).await;

    // Half filled in: messages next to the fields, what was typed kept.
    let half = [("what_changed", "My sight is worse")];
    let page = portal.refused_form("/api/reviews/request", "/reviews/request", &half).await;
    assert!(page.contains("Choose why you want a review") && page.contains("My sight is worse"), "{page}");

    let request = [
        ("reason", "needs_changed"),
        ("what_changed", "My sight is worse"),
        ("method", "telephone"),
        ("involve", "My daughter"),
        ("urgency", "soon"),
    ];
    let response = portal.post_form("/api/reviews/request", "/reviews/request", &request).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM reviews").fetch_one(&portal.db).await.unwrap();
    assert_eq!(location(&response), format!("/reviews/{id}?sent=1"));
    let page = portal.page(&format!("/reviews/{id}?sent=1")).await;
    assert!(
        page.contains("Review request sent") && page.contains(&format!("RV-{id:06}")) && page.contains("Received"),
        "{page}"
    );
    assert!(portal.audit_actions().await.contains(&"review requested".to_owned()));
    portal.sign_out().await;

    // The practitioner sees it, arranges it (not in the past), and records the outcome.
    portal.sign_in("lee@council.example", PASSWORD).await;
    assert!(portal.page("/staff/reviews").await.contains(&format!("/staff/reviews/{id}")));
    let staff_page = format!("/staff/reviews/{id}");
    let past = [
        ("id", id.to_string()),
        ("arranged-day", "1".into()),
        ("arranged-month", "1".into()),
        ("arranged-year", "2020".into()),
        ("method", "telephone".into()),
    ];
    let past: Vec<(&str, &str)> = past.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(location(&portal.post_form("/api/reviews/arrange", &staff_page, &past).await), staff_page);
    assert!(portal.page(&staff_page).await.contains("The date of the review must be today or in the future"));
    let on = Utc::now().date_naive() + Days::new(10);
    let arranged = [
        ("id", id.to_string()),
        ("arranged-day", on.format("%-d").to_string()),
        ("arranged-month", on.format("%-m").to_string()),
        ("arranged-year", on.format("%Y").to_string()),
        ("method", "face_to_face".into()),
    ];
    let arranged: Vec<(&str, &str)> = arranged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(location(&portal.post_form("/api/reviews/arrange", &staff_page, &arranged).await), staff_page);

    let ending =
        [("id", id.to_string()), ("outcome", "support_ends".into()), ("summary", "Needs met by family".into())];
    let ending: Vec<(&str, &str)> = ending.iter().map(|(k, v)| (*k, v.as_str())).collect();
    portal.post_form("/api/reviews/outcome", &staff_page, &ending).await;
    let page = portal.page(&staff_page).await;
    assert!(page.contains("Give the reasons support is ending") && page.contains("Needs met by family"), "{page}");
    let mut complete = ending.clone();
    complete.extend([
        ("reasons", "Your daughter now provides this care"),
        ("other_help", "Carers FIRST; paying for your own care"),
    ]);
    portal.post_form("/api/reviews/outcome", &staff_page, &complete).await;
    assert_eq!(portal.post_json("/api/reviews/outcome", &complete).await.status(), 409, "done once");
    portal.sign_out().await;

    portal.sign_in("pat@example.org", PASSWORD).await;
    let page = portal.page(&format!("/reviews/{id}")).await;
    assert!(page.contains("Done") && page.contains("Face to face"), "{page}");
    assert!(
        page.contains("Your daughter now provides this care") && page.contains("paying for your own care"),
        "{page}"
    );
    // Only practitioners arrange reviews, even the person's own.
    assert_eq!(portal.post_json("/api/reviews/arrange", &arranged).await.status(), 404);
}

#[tokio::test]
async fn a_revised_plan_becomes_the_next_version_to_agree() {
    let portal = spawn().await;
    crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    let first = sign_off_pats_plan(&portal).await;
    let review: i64 =
        sqlx::query_scalar("SELECT id FROM reviews WHERE kind = 'first'").fetch_one(&portal.db).await.unwrap();
    portal.sign_in("lee@council.example", PASSWORD).await;
    let staff_page = format!("/staff/reviews/{review}");
    portal.arrange_review(review, Utc::now().date_naive() + Days::new(1), "video").await;
    let id = review.to_string();
    let revised = [("id", id.as_str()), ("outcome", "plan_revised"), ("summary", "More help in the mornings")];
    portal.post_form("/api/reviews/outcome", &staff_page, &revised).await;
    let versions: Vec<(i64, i64, Option<String>)> =
        sqlx::query_as("SELECT id, version, CAST(signed_off_at AS TEXT) FROM plan_versions ORDER BY version")
            .fetch_all(&portal.db)
            .await
            .unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[0].0, versions[1].1, versions[1].2.as_deref()), (first, 2, None));
    assert!(portal.page("/staff/plans").await.contains(&format!("/staff/plans/{}", versions[1].0)));
}

#[tokio::test]
async fn a_representative_who_may_act_asks_for_a_review_of_the_persons_plan() {
    use app::domain::account::Role;
    use app::policy::Scope;

    let portal = spawn().await;
    let (pat, _) = crate::helpers::plans::pat_and_lee(&portal, PASSWORD).await;
    let robin = portal.add_account("robin@example.org", Role::Representative, PASSWORD).await;
    let viewer = portal.add_account("vic@example.org", Role::Representative, PASSWORD).await;
    portal.store.add_representation(robin, pat, Scope::Edit, Utc::now()).await.unwrap();
    portal.store.add_representation(viewer, pat, Scope::View, Utc::now()).await.unwrap();
    let pat_text = pat.to_string();
    let request = [
        ("person", pat_text.as_str()),
        ("reason", "not_working"),
        ("what_changed", "The morning visits are too late"),
        ("method", "face_to_face"),
        ("urgency", "soon"),
    ];

    // Someone who may only look cannot ask.
    portal.sign_in("vic@example.org", PASSWORD).await;
    assert_eq!(portal.post_json("/api/reviews/request", &request).await.status(), 404);
    portal.sign_out().await;

    portal.sign_in("robin@example.org", PASSWORD).await;
    let page = portal.page("/reviews/request").await;
    assert!(page.contains("Whose plan is the review for?") && page.contains("Someone"), "{page}");
    assert_eq!(portal.post_json("/api/reviews/request", &request[1..]).await.status(), 422, "whose plan must be said");
    let response = portal.post_form("/api/reviews/request", "/reviews/request", &request).await;
    let (id, person, by): (i64, i64, i64) =
        sqlx::query_as("SELECT id, person_id, requested_by FROM reviews").fetch_one(&portal.db).await.unwrap();
    assert_eq!(location(&response), format!("/reviews/{id}?sent=1"));
    assert_eq!((person, by), (pat, robin));
    assert!(portal.page("/reviews").await.contains(&format!("RV-{id:06}")));
    portal.sign_out().await;

    // Pat sees it among their own reviews.
    portal.sign_in("pat@example.org", PASSWORD).await;
    assert!(portal.page("/reviews").await.contains(&format!("RV-{id:06}")));
}
