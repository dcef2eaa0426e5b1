//! Personal budgets against a real SQLite file: set by the practitioner on a signed-off plan,
//! seen by the person with what they have spent, a Direct Payment review planned.

use crate::helpers::plans::budget_fields;
use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;
use chrono::{Days, Utc};

/// Sam (a carer) with a signed-off plan, and Lee their practitioner. Returns the plan's id.
async fn signed_off_plan(portal: &TestPortal) -> i64 {
    let sam = portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.allocate(lee, sam).await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    portal.post_form("/api/plan/add", "/plan", &[("section", "achieve"), ("text", "A break each week")]).await;
    portal.post_form("/api/plan/send", "/plan", &[]).await;
    portal.sign_out().await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_versions").fetch_one(&portal.db).await.unwrap();
    portal.sign_in("lee@council.example", PASSWORD).await;
    crate::helpers::plans::sign_off(portal, id).await;
    id
}

fn start_fields(start: chrono::NaiveDate) -> [(&'static str, String); 3] {
    [
        ("dp_start-day", start.format("%-d").to_string()),
        ("dp_start-month", start.format("%-m").to_string()),
        ("dp_start-year", start.format("%Y").to_string()),
    ]
}

#[tokio::test]
async fn the_practitioner_sets_a_budget_and_the_carer_records_spending_against_it() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    let form_page = format!("/staff/plans/{id}/budget");
    assert!(portal.page(&format!("/plan/versions/{id}")).await.contains(&form_page));

    // A Direct Payment without its details is refused, with what was typed kept.
    let id_text = id.to_string();
    let partial = budget_fields(&id_text, "1200", "£1,300", "mix");
    assert_eq!(location(&portal.post_form("/api/budget/set", &form_page, &partial).await), form_page);
    let page = portal.page(&form_page).await;
    assert!(page.contains("Choose how often the Direct Payment is paid") && page.contains("£1,300"), "{page}");

    let started = Utc::now().date_naive() - Days::new(14);
    let mut full: Vec<(&str, String)> = partial.iter().map(|(k, v)| (*k, v.to_string())).collect();
    full.extend([
        ("dp_amount", "25".to_owned()),
        ("dp_frequency", "weekly".to_owned()),
        ("dp_purpose", "A sitting service".to_owned()),
    ]);
    full.extend(start_fields(started));
    let full: Vec<(&str, &str)> = full.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        location(&portal.post_form("/api/budget/set", &form_page, &full).await),
        format!("/plan/versions/{id}?budget=1")
    );
    assert_eq!(portal.post_json("/api/budget/set", &full).await.status(), 409, "set once per plan version");
    let review: (String, String) =
        sqlx::query_as("SELECT kind, CAST(due_by AS TEXT) FROM reviews WHERE kind = 'direct_payment'")
            .fetch_one(&portal.db)
            .await
            .unwrap();
    assert_eq!(review.1, started.checked_add_months(chrono::Months::new(6)).unwrap().to_string());
    portal.sign_out().await;

    portal.sign_in("sam@example.org", PASSWORD).await;
    let page = portal.page("/budget").await;
    assert!(page.contains("£1,300.00") && page.contains("A sitting service"), "{page}");
    assert!(page.contains("£75.00"), "three weekly payments of £25 so far: {page}");

    // Bad spending is refused field by field; good spending adds up.
    let bad =
        [("spent-day", "1"), ("spent-month", "1"), ("spent-year", "2099"), ("amount", "12.345"), ("what_for", "Gym")];
    assert_eq!(location(&portal.post_form("/api/budget/spend", "/budget", &bad).await), "/budget");
    let page = portal.page("/budget").await;
    assert!(
        page.contains("The date you paid must be today or in the past")
            && page.contains("Enter the amount in pounds and pence"),
        "{page}"
    );
    let today = Utc::now().date_naive();
    let (day, month, year) =
        (today.format("%-d").to_string(), today.format("%-m").to_string(), today.format("%Y").to_string());
    for (amount, what_for) in [("35", "Gym membership"), ("64.50", "Sitting service")] {
        let spend = [
            ("spent-day", day.as_str()),
            ("spent-month", &month),
            ("spent-year", &year),
            ("amount", amount),
            ("what_for", what_for),
            ("outcome", "recreation"),
        ];
        assert_eq!(
            location(&portal.post_form("/api/budget/spend", "/budget", &spend).await),
            "/budget?recorded=1#spending"
        );
    }
    let page = portal.page("/budget").await;
    assert!(page.contains("£99.50") && page.contains("£1,200.50"), "spent and left: {page}");
    assert!(page.contains("Your budget: £99.50 spent, £1,200.50 left"), "the chart's text: {page}");
    assert!(page.contains("Having time for yourself"), "by outcome: {page}");
    let letter = portal.page("/budget/letter").await;
    assert!(letter.contains("Your personal budget letter") && letter.contains("Weekly"), "{letter}");
    let pdf = portal.client.get(portal.at("/budget/letter.pdf")).send().await.unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.windows(15).any(|w| w == b"/StructTreeRoot"));
}

#[tokio::test]
async fn the_timeline_shows_each_step_in_order_with_what_comes_next_first() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    let id_text = id.to_string();
    let mut budget: Vec<(&str, String)> = budget_fields(&id_text, "900", "900", "direct_payment")
        .into_iter()
        .chain([("dp_amount", "75"), ("dp_frequency", "monthly"), ("dp_purpose", "Respite")])
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    budget.extend(start_fields(Utc::now().date_naive() + Days::new(3)));
    let budget: Vec<(&str, &str)> = budget.iter().map(|(k, v)| (*k, v.as_str())).collect();
    portal.post_form("/api/budget/set", &format!("/staff/plans/{id}/budget"), &budget).await;
    portal.sign_out().await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    portal
        .post_form(
            "/api/reviews/request",
            "/reviews/request",
            &[("reason", "other"), ("what_changed", "New job"), ("method", "video"), ("urgency", "routine")],
        )
        .await;

    let page = portal.page("/timeline").await;
    let at = |text: &str| page.find(text).unwrap_or_else(|| panic!("{text} missing: {page}"));
    // What comes next (the Direct Payment in three days) sits above everything else.
    assert!(at("What happens next") < at("Your Direct Payments start: £75.00"));
    let journey = &page[at("</div><ol")..];
    let order = [
        "You sent your support plan to be agreed: version 1",
        "Your support plan was agreed and signed off",
        "Your personal budget was set: £900.00",
        "You asked for a review: RV-",
        "Your Direct Payments start",
        "A planned review is due",
    ];
    let positions: Vec<usize> =
        order.iter().map(|s| journey.find(s).unwrap_or_else(|| panic!("{s} missing: {journey}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert!(journey.contains("Coming up") && journey.contains("Done"));
}

#[tokio::test]
async fn nobody_else_sets_or_spends_a_budget() {
    let portal = spawn().await;
    let id = signed_off_plan(&portal).await;
    portal.sign_out().await;
    let id_text = id.to_string();
    let budget = budget_fields(&id_text, "900", "900", "council_arranged");
    // The carer cannot set their own budget; another practitioner cannot either.
    portal.sign_in("sam@example.org", PASSWORD).await;
    assert_eq!(portal.post_json("/api/budget/set", &budget).await.status(), 404);
    // No budget yet: nothing to spend from.
    assert_eq!(portal.post_json("/api/budget/spend", &[("amount", "5")]).await.status(), 404);
    portal.sign_out().await;
    portal.signed_in_as("kim@council.example", Role::Practitioner).await;
    assert_eq!(portal.post_json("/api/budget/set", &budget).await.status(), 404);
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM budgets").fetch_one(&portal.db).await.unwrap(), 0);
}
