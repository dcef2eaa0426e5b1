//! Emergency plans against a real SQLite file: a carer writes and confirms one, a responder
//! finds only that plan behind its card code (audited, and shown to the carer), wrong codes
//! are refused and then rate limited, a lost card's code stops working, and the yearly
//! reminder goes out once.

use crate::helpers::{location, spawn, TestPortal, PASSWORD};
use app::domain::account::Role;
use chrono::Duration;

fn plan_fields<'a>(home: &'a str, agreed: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("cared_for", "Pat"),
        ("routines", "Up at 7, lunch at 12"),
        ("medication", "Metformin with breakfast, in the kitchen drawer"),
        ("contact1_name", "Jo Neighbour"),
        ("contact1_relationship", "neighbour"),
        ("contact1_phone", "01632 960 001"),
        ("contact1_agreed", agreed),
        ("home_access", home),
    ]
}

/// Sam, a carer with a confirmed plan; returns the card code as printed.
async fn sams_plan(portal: &TestPortal) -> String {
    portal.register("sam@example.org", "carer").await;
    let mut fields = plan_fields("12 Elm Road, key safe 4321", "yes");
    fields.push(("confirm", "yes"));
    let saved = portal.post_form("/api/emergency/save", "/emergency/edit", &fields).await;
    assert_eq!(location(&saved), "/emergency?confirmed=1");
    let card = portal.page("/emergency/card").await;
    let code = crate::helpers::emergency::card_code(&card);
    portal.sign_out().await;
    code
}

async fn responder(portal: &TestPortal, email: &str) {
    portal.signed_in_as(email, Role::Responder).await;
}

async fn look_up(portal: &TestPortal, code: &str) -> reqwest::Response {
    portal.post_form("/api/emergency/look-up", "/responder", &[("code", code), ("reason", "carer_unwell")]).await
}

#[tokio::test]
async fn a_plan_is_saved_a_bit_at_a_time_and_confirmed_only_when_complete() {
    let portal = spawn().await;
    portal.register("sam@example.org", "carer").await;
    // Saved with a contact who has not agreed yet and no way in: kept, not confirmed.
    let saved = portal.post_form("/api/emergency/save", "/emergency/edit", &plan_fields("", "")).await;
    assert_eq!(location(&saved), "/emergency?saved=1");
    let page = portal.page("/emergency").await;
    assert!(page.contains("Not confirmed yet") && page.contains("Metformin"), "{page}");
    // Confirming now names what is missing, next to each field, and keeps what was typed.
    let mut fields = plan_fields("", "");
    fields.push(("confirm", "yes"));
    let page = portal.refused_form("/api/emergency/save", "/emergency/edit", &fields).await;
    assert!(page.contains("Tick the box when this person has agreed"), "{page}");
    assert!(page.contains("Tell us how to get into the home"), "{page}");
    assert!(page.contains("Jo Neighbour"));
    // A phone number nobody can dial is refused, with the rest of the form intact.
    let refused = [("routines", "Up at 7"), ("contact1_name", "Jo"), ("contact1_phone", "ring me")];
    let page = portal.refused_form("/api/emergency/save", "/emergency/edit", &refused).await;
    assert!(page.contains("Enter a phone number") && page.contains("Up at 7"), "{page}");
    // How to get in is never shown back on the carer's pages.
    let mut fields = plan_fields("12 Elm Road, key safe 4321", "yes");
    fields.push(("confirm", "yes"));
    portal.post_form("/api/emergency/save", "/emergency/edit", &fields).await;
    let page = portal.page("/emergency").await;
    assert!(page.contains("Up to date") && !page.contains("4321"), "{page}");
    assert!(!portal.page("/emergency/edit").await.contains("4321"));
    // Saving again without the way in keeps it.
    portal.post_form("/api/emergency/save", "/emergency/edit", &plan_fields("", "yes")).await;
    let kept: String =
        sqlx::query_scalar("SELECT instructions FROM emergency_home_access").fetch_one(&portal.db).await.unwrap();
    assert_eq!(kept, "12 Elm Road, key safe 4321");
}

#[tokio::test]
async fn a_responder_sees_only_the_plan_behind_one_code_and_the_carer_sees_the_look_up() {
    let portal = spawn().await;
    let code = sams_plan(&portal).await;
    // Another carer's plan, which must never show.
    portal.register("kim@example.org", "carer").await;
    portal
        .post_form(
            "/api/emergency/save",
            "/emergency/edit",
            &[("cared_for", "Kim's dad"), ("medication", "secret of Kim")],
        )
        .await;
    portal.sign_out().await;

    responder(&portal, "jo@cers.example").await;
    let found = look_up(&portal, &code.to_lowercase().replace(' ', "-")).await;
    let result = location(&found);
    assert!(result.starts_with("/responder/look-ups/"), "{result}");
    let page = portal.page(&result).await;
    assert!(page.contains("Metformin") && page.contains("key safe 4321") && page.contains("Jo Neighbour"), "{page}");
    assert!(!page.contains("secret of Kim"));
    let audited = portal.audit_actions().await;
    assert!(
        audited.contains(&"emergency plan looked up".to_owned())
            && audited.contains(&"emergency plan read by responder".to_owned())
    );

    // Another responder cannot open this look-up; nor can this one after two hours.
    portal.sign_out().await;
    responder(&portal, "ali@cers.example").await;
    assert!(portal.page(&result).await.contains("Page not found"));
    portal.sign_out().await;
    portal.sign_in("jo@cers.example", PASSWORD).await;
    portal.clock.advance(Duration::minutes(121));
    portal.sign_in("jo@cers.example", PASSWORD).await;
    assert!(portal.page(&result).await.contains("Page not found"));
    portal.sign_out().await;

    // The carer sees who looked, when and why.
    portal.sign_in("sam@example.org", PASSWORD).await;
    let page = portal.page("/emergency").await;
    assert!(page.contains("Someone") && page.contains("The carer has been taken ill or injured"), "{page}");

    // Nobody else may look plans up.
    let refused =
        portal.post_json("/api/emergency/look-up", &[("code", code.as_str()), ("reason", "carer_unwell")]).await;
    assert_eq!(refused.status().as_u16(), 404);
}

#[tokio::test]
async fn wrong_codes_are_refused_then_rate_limited() {
    let portal = spawn().await;
    let code = sams_plan(&portal).await;
    responder(&portal, "jo@cers.example").await;
    let malformed = portal.post_json("/api/emergency/look-up", &[("code", "12"), ("reason", "carer_unwell")]).await;
    assert_eq!(malformed.status().as_u16(), 422);
    for _ in 0..5 {
        let wrong =
            portal.post_json("/api/emergency/look-up", &[("code", "AAAA BBBB CCCC"), ("reason", "carer_unwell")]).await;
        assert_eq!(wrong.status().as_u16(), 422);
        assert!(wrong.text().await.unwrap().contains("No plan has this code"));
    }
    let limited =
        portal.post_json("/api/emergency/look-up", &[("code", code.as_str()), ("reason", "carer_unwell")]).await;
    assert_eq!(limited.status().as_u16(), 429, "even the right code waits once the burst is spent");
    assert!(portal.audit_actions().await.contains(&"emergency look-up refused: too many attempts".to_owned()));
}

#[tokio::test]
async fn a_lost_cards_code_stops_working() {
    let portal = spawn().await;
    let old = sams_plan(&portal).await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let replaced = portal.post_form("/api/emergency/new-card", "/emergency/card", &[]).await;
    assert_eq!(location(&replaced), "/emergency/card?replaced=1");
    let card = portal.page("/emergency/card").await;
    assert!(!card.contains(&old), "the new code replaces the old");
    portal.sign_out().await;
    responder(&portal, "jo@cers.example").await;
    let response =
        portal.post_json("/api/emergency/look-up", &[("code", old.as_str()), ("reason", "carer_unwell")]).await;
    assert_eq!(response.status().as_u16(), 422);
}

#[tokio::test]
async fn the_card_pdf_is_wallet_sized_and_has_no_name() {
    let portal = spawn().await;
    let code = sams_plan(&portal).await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let response = portal.client.get(portal.at("/emergency/card.pdf")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap();
    let text = String::from_utf8_lossy(&pdf);
    // 85.6 × 54 mm, in points.
    assert!(text.contains("242.65") || text.contains("242.6"), "not card-sized");
    assert!(!text.contains("Test Person"));
    let _ = code;
}

#[tokio::test]
async fn the_yearly_reminder_goes_out_once_and_a_banner_asks_to_confirm() {
    let portal = spawn().await;
    sams_plan(&portal).await;
    let sent = app::backend::jobs::emergency::send_reminders(&portal.services).await.unwrap();
    assert_eq!(sent, 0, "nothing is due in the first year");
    portal.clock.advance(Duration::days(352));
    assert_eq!(app::backend::jobs::emergency::send_reminders(&portal.services).await.unwrap(), 1);
    assert_eq!(app::backend::jobs::emergency::send_reminders(&portal.services).await.unwrap(), 0, "once");
    portal.sign_in("sam@example.org", PASSWORD).await;
    assert!(portal.page("/home").await.contains("Please check your emergency plan is still right by"));
}

#[tokio::test]
async fn the_cared_for_persons_plan_highlights_their_carers_emergency_plan() {
    let portal = spawn().await;
    sams_plan(&portal).await;
    portal.register("pat@example.org", "customer").await;
    portal.sign_out().await;
    let (sam, pat) = (portal.user_id("sam@example.org").await, portal.user_id("pat@example.org").await);
    portal.store.link_carer(sam, pat, chrono::Utc::now()).await.unwrap();
    portal.sign_in("pat@example.org", PASSWORD).await;
    let page = portal.page("/plan").await;
    assert!(page.contains("who cares for this person, has an emergency plan") && page.contains("Up to date"), "{page}");
    // Nothing of what the plan says.
    assert!(!page.contains("Metformin"));
}
