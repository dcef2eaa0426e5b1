//! The fault cases of two-factor sign-in, first in the list: the code to turn it on is the
//! app's code for the moment the household was made, good for a minute. Each case has its own
//! account, so no other case signs in as someone asked for a code.
use app::backend::ports::{OneTimeCodes, SignInChallenge};
use app::domain::account::Role;
use chrono::Utc;
use server::codes::Totp;
use server::testing::demo::DEMO_PASSWORD;

use super::cases::{change, read, Case};
use super::household::{Household, NOBODY};
use crate::helpers::TestPortal;

/// Starts setting up.
const MO: &str = "mo.two-factor@example.org";
/// Half set up: turns it on with `confirm_code`.
const LOU: &str = "lou@example.org";

/// What the cases need: the code that turns Lou's on, and a sign-in of Kai's (two-factor on)
/// waiting for its code, with one of Kai's recovery codes.
#[derive(Default)]
pub struct TwoFactorCase {
    confirm_code: String,
    token: String,
    recovery: String,
}

pub async fn set_up(portal: &TestPortal) -> TwoFactorCase {
    let (store, digests, now) = (&portal.store, &portal.services.digests, Utc::now());
    portal.add_account(MO, Role::Carer, DEMO_PASSWORD).await;
    let lou = portal.add_account(LOU, Role::Carer, DEMO_PASSWORD).await;
    let kai = portal.add_account("kai@example.org", Role::Carer, DEMO_PASSWORD).await;
    let secret = Totp.new_secret();
    store.start_two_factor(lou, &secret, &[], now).await.unwrap();
    let step = u64::try_from(now.timestamp() / 30).unwrap();
    let recovery = "abcde12345".to_owned();
    let codes = [(recovery.clone(), digests.digest(&recovery))];
    store.start_two_factor(kai, &Totp.new_secret(), &codes, now).await.unwrap();
    assert!(store.use_code_step(kai, 1, now).await.unwrap(), "Kai's is on");
    let token = digests.new_code();
    let challenge = SignInChallenge { user_id: kai, next: "/home".into(), created_at: now };
    store.create_sign_in_challenge(&digests.digest(&token), &challenge).await.unwrap();
    TwoFactorCase { confirm_code: Totp.code_at(&secret, step).unwrap(), token, recovery }
}

pub fn two_factor(h: &Household) -> Vec<Case> {
    let t = &h.two_factor;
    vec![
        read("/api/two-factor/status", LOU, &[]),
        change("/api/two-factor/start", MO, "/account/two-factor", &[]),
        change("/api/two-factor/confirm", LOU, "/account/two-factor", &[("code", &t.confirm_code)]),
        change(
            "/api/account/sign-in-code",
            NOBODY,
            format!("/sign-in/code?token={}", t.token),
            &[("token", &t.token), ("code", &t.recovery)],
        ),
    ]
}
