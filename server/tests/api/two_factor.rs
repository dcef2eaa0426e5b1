//! Two-factor sign-in with an authenticator app (RFC 6238): set up from the account page,
//! turned on by the first code, then asked for after every right password; a code works once,
//! a recovery code once, wrong codes are limited, and the token from the password step proves
//! nothing without a code.
use app::backend::ports::OneTimeCodes;
use app::domain::account::Role;
use server::codes::Totp;

use crate::helpers::{location, spawn, TestPortal, PASSWORD};

const SAM: &str = "sam@example.org";

fn step_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp() / 30).unwrap()
}

async fn secret(portal: &TestPortal) -> String {
    sqlx::query_scalar("SELECT secret FROM two_factor").fetch_one(&portal.db).await.unwrap()
}

/// Signs in with the password: the token of the page that asks for the code.
async fn password_step(portal: &TestPortal) -> String {
    let asked = location(&portal.sign_in(SAM, PASSWORD).await);
    asked.strip_prefix("/sign-in/code?token=").unwrap_or_else(|| panic!("asked for a code: {asked}")).to_owned()
}

async fn code_step(portal: &TestPortal, token: &str, code: &str) -> reqwest::Response {
    let page = format!("/sign-in/code?token={token}");
    portal.post_form("/api/account/sign-in-code", &page, &[("token", token), ("code", code)]).await
}

#[tokio::test]
async fn a_person_turns_on_two_factor_and_then_signs_in_with_a_code_that_works_once() {
    let portal = spawn().await;
    let sam = portal.signed_in_as(SAM, Role::Carer).await;
    assert!(portal.page("/home").await.contains("href=\"/account/two-factor\""));
    let page = portal.page("/account/two-factor").await;
    assert!(page.contains("Set up two-factor sign-in"), "{page}");
    assert_eq!(
        location(&portal.post_form("/api/two-factor/start", "/account/two-factor", &[]).await),
        "/account/two-factor?step=confirm#confirm"
    );
    let page = portal.page("/account/two-factor").await;
    assert!(
        page.contains("<svg") && page.contains("Write down your recovery codes"),
        "the QR code and the codes: {page}"
    );
    let recovery: Vec<String> = page
        .split("<code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .filter(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        .map(str::to_owned)
        .collect();
    assert_eq!(recovery.len(), 10, "{page}");
    let secret = secret(&portal).await;
    assert!(page.contains(&app::domain::two_factor::show_secret(&secret)), "the key to type");

    // A wrong code is refused next to the box; the right one turns it on.
    let wrong = portal.post_form("/api/two-factor/confirm", "/account/two-factor", &[("code", "000000")]).await;
    assert_eq!(location(&wrong), "/account/two-factor");
    assert!(portal.page("/account/two-factor").await.contains("The code is not right"));
    let code = Totp.code_at(&secret, step_now()).unwrap();
    let on = portal.post_form("/api/two-factor/confirm", "/account/two-factor", &[("code", code.as_str())]).await;
    assert_eq!(location(&on), "/account/two-factor?on=1");
    let page = portal.page("/account/two-factor").await;
    assert!(page.contains("Two-factor sign-in is on") && !page.contains(&recovery[0]), "codes shown only once: {page}");
    portal.sign_out().await;

    // The password alone: asked for the code, not signed in.
    let token = password_step(&portal).await;
    assert!(portal.page("/sign-in/code?token=x").await.contains("Enter your code"));
    assert_eq!(location(&portal.client.get(portal.at("/home")).send().await.unwrap()), "/sign-in?next=/home");
    // The code already used to turn it on is refused; the next one signs in.
    let again = code_step(&portal, &token, &code).await;
    assert_eq!(location(&again), format!("/sign-in/code?token={token}"));
    let next = Totp.code_at(&secret, step_now() + 1).unwrap();
    assert_eq!(location(&code_step(&portal, &token, &next).await), "/home");
    assert!(portal.page("/home").await.contains("Sign out"));
    // The token is used up with the sign-in.
    portal.sign_out().await;
    let reused = code_step(&portal, &token, &Totp.code_at(&secret, step_now() + 1).unwrap()).await;
    assert_eq!(location(&reused), format!("/sign-in/code?token={token}"));

    // A recovery code signs in once.
    let token = password_step(&portal).await;
    assert_eq!(location(&code_step(&portal, &token, &recovery[3].to_uppercase()).await), "/home");
    portal.sign_out().await;
    let token = password_step(&portal).await;
    assert_eq!(location(&code_step(&portal, &token, &recovery[3]).await), format!("/sign-in/code?token={token}"));
    let actions = portal.audit_actions().await;
    for action in ["two-factor turned on", "password accepted, code asked", "two-factor code refused"] {
        assert!(actions.contains(&action.to_owned()), "{action}: {actions:?}");
    }
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(sam)
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert_eq!(left, 9);
}

#[tokio::test]
async fn wrong_codes_are_limited_and_a_token_without_a_code_or_too_old_signs_nobody_in() {
    let portal = spawn().await;
    portal.signed_in_as(SAM, Role::Carer).await;
    portal.post_form("/api/two-factor/start", "/account/two-factor", &[]).await;
    let secret = secret(&portal).await;
    let code = Totp.code_at(&secret, step_now()).unwrap();
    portal.post_form("/api/two-factor/confirm", "/account/two-factor", &[("code", code.as_str())]).await;
    // Once on, it cannot be started again over the top (a new secret would lock them out).
    assert_eq!(portal.post_json("/api/two-factor/start", &[]).await.status(), 422);
    portal.sign_out().await;

    let token = password_step(&portal).await;
    for _ in 0..app::domain::two_factor::CODE_ATTEMPTS {
        let refused = portal.post_json("/api/account/sign-in-code", &[("token", &token), ("code", "123456")]).await;
        assert_eq!(refused.status(), 422);
    }
    let good = Totp.code_at(&secret, step_now() + 1).unwrap();
    let limited = portal.post_json("/api/account/sign-in-code", &[("token", &token), ("code", &good)]).await;
    assert_eq!(limited.status(), 429, "even the right code waits once the limit is reached");
    sqlx::query("DELETE FROM rate_limit_attempts").execute(&portal.db).await.unwrap();

    // A made-up token, or one older than ten minutes, signs nobody in.
    let made_up = portal.post_json("/api/account/sign-in-code", &[("token", "made-up"), ("code", &good)]).await;
    assert_eq!(made_up.status(), 422);
    let ago = portal.ago("11 minutes");
    sqlx::query(&format!("UPDATE sign_in_challenges SET created_at = {ago}")).execute(&portal.db).await.unwrap();
    let old = portal.post_json("/api/account/sign-in-code", &[("token", &token), ("code", &good)]).await;
    assert_eq!(old.status(), 422);
    assert_eq!(location(&portal.client.get(portal.at("/home")).send().await.unwrap()), "/sign-in?next=/home");
}

#[tokio::test]
async fn an_admin_resets_a_staff_members_lost_two_factor_but_never_their_own() {
    let portal = spawn().await;
    let lee = portal.signed_in_as("lee@council.example", Role::Practitioner).await;
    portal.post_form("/api/two-factor/start", "/account/two-factor", &[]).await;
    let code = Totp.code_at(&secret(&portal).await, step_now()).unwrap();
    portal.post_form("/api/two-factor/confirm", "/account/two-factor", &[("code", code.as_str())]).await;
    let reset = [("id", lee.to_string())];
    let reset: Vec<(&str, &str)> = reset.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(portal.post_json("/api/staff/users/reset-two-factor", &reset).await.status(), 404, "not a practitioner");
    portal.sign_out().await;

    let admin = portal.signed_in_as("admin@council.example", Role::Admin).await;
    let page = portal.page(&format!("/staff/users/{lee}")).await;
    assert!(page.contains("Two-factor sign-in is on") && page.contains("Reset two-factor sign-in"), "{page}");
    let own = [("id", admin.to_string())];
    let own: Vec<(&str, &str)> = own.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(portal.post_json("/api/staff/users/reset-two-factor", &own).await.status(), 422);
    let done = portal.post_form("/api/staff/users/reset-two-factor", &format!("/staff/users/{lee}"), &reset).await;
    assert_eq!(location(&done), format!("/staff/users/{lee}?reset=1"));
    assert!(portal.audit_actions().await.contains(&"two-factor reset by an admin".to_owned()));
    portal.sign_out().await;

    // Lee signs in with the password alone again, and may set it up anew.
    assert_eq!(location(&portal.sign_in("lee@council.example", PASSWORD).await), "/home");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes").fetch_one(&portal.db).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn staff_who_sign_in_with_a_password_alone_must_set_up_two_factor_before_anything_else() {
    let portal = spawn().await;
    portal.add_account("mo@council.example", Role::Practitioner, PASSWORD).await;
    let pat = portal.add_account("pat@example.org", Role::Carer, PASSWORD).await;
    // (Not `sign_in`, which records the tests' staff as having typed a code.)
    let password = [("email", "mo@council.example"), ("password", PASSWORD), ("next", "/staff/intake")];
    assert_eq!(location(&portal.post_form("/api/account/sign-in", "/sign-in", &password).await), "/staff/intake");

    // Every page and every server function sends Mo to set it up, and does nothing else.
    for path in ["/home", "/staff/intake", &format!("/staff/allocations/{pat}"), "/account/my-data"] {
        let answer = portal.client.get(portal.at(path)).send().await.unwrap();
        assert_eq!(location(&answer), "/account/two-factor?required=1", "{path}");
    }
    let take_on = [("person_id", pat.to_string())];
    let answer = portal.form_post(&portal.client, "/api/allocation/take", "/staff/intake").form(&take_on);
    assert_eq!(location(&answer.send().await.unwrap()), "/account/two-factor?required=1");
    assert!(portal.store.workers_of(pat).await.unwrap().is_empty(), "nothing was done");
    let page = portal.page("/account/two-factor?required=1").await;
    assert!(page.contains("Council staff must use two-factor sign-in"), "{page}");

    // Set up and confirmed, the same session carries on; the next sign-in asks for a code.
    portal.post_form("/api/two-factor/start", "/account/two-factor", &[]).await;
    let code = Totp.code_at(&secret(&portal).await, step_now()).unwrap();
    let on = portal.post_form("/api/two-factor/confirm", "/account/two-factor", &[("code", code.as_str())]).await;
    assert_eq!(location(&on), "/account/two-factor?on=1");
    assert_eq!(portal.client.get(portal.at("/staff/intake")).send().await.unwrap().status(), 200);
    portal.sign_out().await;
    let asked = portal.post_form("/api/account/sign-in", "/sign-in", &password).await;
    assert!(location(&asked).starts_with("/sign-in/code?token="), "{}", location(&asked));

    // People are offered two-factor, never made to use it.
    let carer = [("email", "pat@example.org"), ("password", PASSWORD), ("next", "/home")];
    assert_eq!(location(&portal.post_form("/api/account/sign-in", "/sign-in", &carer).await), "/home");
    assert_eq!(portal.client.get(portal.at("/plan")).send().await.unwrap().status(), 200);
}
