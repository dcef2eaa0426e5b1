//! What cannot be undone, or lets someone in, needs a recent sign-in (ten minutes), not a session
//! kept alive on a computer left unlocked: erasing a person's data, a copy of it, adding staff,
//! switching a staff account and resetting someone's two-factor. The form comes back as it was
//! typed once they have signed in again.
use app::domain::account::Role;

use crate::helpers::{location, spawn, PASSWORD};

const ADA: &str = "ada@council.example";

#[tokio::test]
async fn an_admin_signs_in_again_before_erasing_copying_or_changing_staff_and_keeps_what_they_typed() {
    let portal = spawn().await;
    let sam = portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    let lee = portal.add_account("lee@council.example", Role::Practitioner, PASSWORD).await;
    portal.signed_in_as(ADA, Role::Admin).await;
    // Eleven minutes on, still signed in (the session was kept alive).
    portal.clock.advance(chrono::Duration::minutes(11));
    let page = format!("/people/{sam}/data");
    assert!(portal.page(&page).await.contains("Sign out"), "still signed in");

    let copy = portal.form_post(&portal.client, &format!("/people/{sam}/data.zip"), &page).send().await.unwrap();
    assert_eq!(location(&copy), format!("/sign-in?again=1&next={page}"));
    let lee_page = format!("/staff/users/{lee}");
    for (path, fields) in [
        ("/api/staff/users/switch", vec![("id", lee.to_string()), ("switch", "off".to_owned())]),
        ("/api/staff/users/reset-two-factor", vec![("id", lee.to_string())]),
        (
            "/api/staff/users/add",
            vec![("name", "Kit".into()), ("email", "kit@council.example".into()), ("role", "practitioner".into())],
        ),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = portal.post_form(path, &lee_page, &fields).await;
        assert!(location(&answer).starts_with("/sign-in?again=1&next="), "{path}: {}", location(&answer));
    }
    assert!(portal.store.find_account(lee).await.unwrap().is_some_and(|a| a.disabled_at.is_none()), "nothing changed");
    let asked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'fresh sign-in asked'")
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(asked, 4);

    let sam_text = sam.to_string();
    let erase = [("person_id", sam_text.as_str()), ("confirm_name", "Someone"), ("reason", "Request DR-7")];
    let asked = portal.post_form("/api/people/data/erase", &page, &erase).await;
    let again = format!("/sign-in?again=1&next={}", page.replace('/', "%2F"));
    assert_eq!(location(&asked), again);
    assert!(portal.store.find_account(sam).await.unwrap().is_some_and(|a| a.display_name == "Someone"));
    let sign_in = portal.page(&again).await;
    assert!(sign_in.contains("For your security, sign in again to do this"), "{sign_in}");
    assert!(portal.audit_actions().await.iter().filter(|a| *a == "fresh sign-in asked").count() == 5);

    // Signed in again: the erasure form is as it was typed, and goes through.
    portal.sign_in(ADA, PASSWORD).await;
    let form = portal.page(&page).await;
    assert!(form.contains("value=\"Request DR-7\"") || form.contains(">Request DR-7<"), "{form}");
    let erased = portal.post_form("/api/people/data/erase", &page, &erase).await;
    assert_eq!(location(&erased), format!("{page}?erased=1"));
}
