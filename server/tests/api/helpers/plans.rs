//! Getting a plan signed off, as the practitioner who is signed in.
use app::domain::account::Role;

use super::{location, TestPortal, PASSWORD};

/// Every statutory field of plan version `id` (its number as text), completed.
pub fn sign_off_fields(id: &str) -> [(&'static str, &str); 10] {
    [
        ("id", id),
        ("needs", "Help at home"),
        ("eligibility", "Eligible"),
        ("needs_met", "Home care each morning"),
        ("outcomes", "Stay at home with my cat"),
        ("advice", "Carers FIRST"),
        ("contingency", "Emergency plan with CERS"),
        ("review-day", "1"),
        ("review-month", "1"),
        ("review-year", "2099"),
    ]
}

/// A yearly budget for plan version `id` (its number as text): the indicative amount, the
/// amount set and how it is taken.
pub fn budget_fields<'a>(
    id: &'a str,
    indicative: &'a str,
    amount: &'a str,
    taken_as: &'a str,
) -> [(&'static str, &'a str); 5] {
    [("id", id), ("indicative", indicative), ("amount", amount), ("period", "year"), ("taken_as", taken_as)]
}

/// Completes the statutory fields of plan version `id` and signs it off.
pub async fn sign_off(portal: &TestPortal, id: i64) {
    let id_text = id.to_string();
    let record = sign_off_fields(&id_text);
    let response = portal.post_form("/api/plan/sign-off", &format!("/staff/plans/{id}"), &record).await;
    assert_eq!(location(&response), format!("/plan/versions/{id}"));
}

/// Signs in as the practitioner `email`, signs plan version `id` off, and signs out.
pub async fn sign_off_as(portal: &TestPortal, email: &str, id: i64) {
    portal.sign_in(email, PASSWORD).await;
    sign_off(portal, id).await;
    portal.sign_out().await;
}

/// Pat (a customer) with Lee (a practitioner) in charge of their plan. Returns their ids.
pub async fn pat_and_lee(portal: &TestPortal, password: &str) -> (i64, i64) {
    let pat = portal.add_account("pat@example.org", Role::Customer, password).await;
    let lee = portal.add_account("lee@council.example", Role::Practitioner, password).await;
    portal.allocate(lee, pat).await;
    (pat, lee)
}
