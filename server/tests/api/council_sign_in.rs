//! Council staff signing in through the council's identity provider (OpenID Connect, against a
//! real provider): matched to the account an admin made by the verified email address, then by
//! the provider's permanent name for them; never an account made by signing in; a forged,
//! replayed or unverified answer refused; staff passwords switched off when the council says.
use app::domain::account::Role;

use crate::helpers::oidc::{oidc_provider, sign_in_keeping_callback, sign_in_through, OidcProvider};
use crate::helpers::{location, spawn_configured, TestPortal, PASSWORD};

const MO: &str = "mo.practitioner@council.example.gov.uk";

async fn portal_with(provider: &OidcProvider, staff_passwords: bool) -> TestPortal {
    spawn_configured(
        |settings| {
            provider.configure(settings);
            settings.staff_passwords = staff_passwords;
        },
        |routes| routes,
    )
    .await
}

async fn signed_in_user(portal: &TestPortal) -> Option<i64> {
    if !portal.page("/home").await.contains("Sign out") {
        return None;
    }
    sqlx::query_scalar("SELECT user_id FROM sessions WHERE user_id IS NOT NULL")
        .fetch_optional(&portal.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_practitioner_signs_in_with_their_council_account_which_stays_theirs() {
    let provider = oidc_provider().await;
    let portal = portal_with(&provider, true).await;
    let mo = portal.add_account(MO, Role::Practitioner, PASSWORD).await;
    let page = portal.page("/sign-in").await;
    assert!(page.contains("Sign in with your council account"), "{page}");
    assert!(page.contains("href=\"/auth/council?next=\""), "{page}");

    let answer = sign_in_through(&portal, "/auth/council?next=/staff/intake", MO).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(location(&answer), "/staff/intake");
    assert_eq!(signed_in_user(&portal).await, Some(mo));
    assert!(portal.audit_actions().await.contains(&"signed in with council account".to_owned()));
    let subject: Option<String> = sqlx::query_scalar("SELECT council_subject FROM users WHERE id = $1")
        .bind(mo)
        .fetch_one(&portal.db)
        .await
        .unwrap();
    assert!(subject.is_some_and(|s| s.starts_with(&provider.issuer)), "linked to the provider's subject");

    // The same address given to someone else at the provider (another subject) does not bring
    // Mo's access with it.
    portal.sign_out().await;
    let answer = sign_in_through(&portal, "/auth/council?next=/staff", &format!("other.{MO}")).await;
    assert_eq!(location(&answer), "/sign-in?council=another");
    assert_eq!(signed_in_user(&portal).await, None);
    let page = portal.page("/sign-in?council=another").await;
    assert!(page.contains("linked to a different council account"), "{page}");
    assert!(page.contains("href=\"#council-sign-in\""), "the error summary links to the button: {page}");

    // Switched off by an admin: the council account no longer signs in.
    portal.store.set_staff_disabled(mo, Some(chrono::Utc::now())).await.unwrap();
    let answer = sign_in_through(&portal, "/auth/council?next=/staff", MO).await;
    assert_eq!(location(&answer), "/sign-in?council=not-linked");
}

#[tokio::test]
async fn the_council_sign_in_never_makes_an_account_nor_signs_in_people_or_unverified_addresses() {
    let provider = oidc_provider().await;
    let portal = portal_with(&provider, true).await;
    portal.add_account("pat@example.org", Role::Carer, PASSWORD).await;
    portal.add_account(MO, Role::Practitioner, PASSWORD).await;
    let count =
        || async { sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM users").fetch_one(&portal.db).await.unwrap() };
    let before = count().await;

    for (login, why) in [
        ("stranger@council.example.gov.uk", "not-linked"),
        // A carer's address at the provider: the council's sign-in is for staff accounts only.
        ("pat@example.org", "not-linked"),
        // The provider does not vouch for the address.
        (&format!("unverified.{MO}"), "unverified"),
    ] {
        let answer = sign_in_through(&portal, "/auth/council?next=/home", login).await;
        assert_eq!(location(&answer), format!("/sign-in?council={why}"), "{login}");
        assert_eq!(signed_in_user(&portal).await, None, "{login}");
    }
    assert_eq!(count().await, before, "no account was made");
    let page = portal.page("/sign-in?council=not-linked").await;
    assert!(page.contains("There is no staff account in this portal for your council account"), "{page}");
    let refusals: Vec<String> =
        sqlx::query_scalar("SELECT reason FROM audit_events WHERE action = 'council sign-in refused' ORDER BY id")
            .fetch_all(&portal.db)
            .await
            .unwrap();
    assert_eq!(refusals, ["not-linked", "not-linked", "unverified"]);
}

#[tokio::test]
async fn a_forged_replayed_or_abandoned_answer_signs_no_one_in() {
    let provider = oidc_provider().await;
    let portal = portal_with(&provider, true).await;
    portal.add_account(MO, Role::Practitioner, PASSWORD).await;
    let (answer, callback) = sign_in_keeping_callback(&portal, "/auth/council?next=/staff", MO).await;
    assert_eq!(location(&answer), "/staff");
    portal.sign_out().await;

    // The same answer again (its cookie is spent), or in a browser that never started it.
    let again = portal.client.get(portal.at(&callback)).send().await.unwrap();
    assert_eq!(location(&again), "/sign-in?council=cancelled");
    let elsewhere = portal.another_browser().get(portal.at(&callback)).send().await.unwrap();
    assert_eq!(location(&elsewhere), "/sign-in?council=cancelled");
    // A started sign-in answered with another state, or with the provider's refusal.
    portal.client.get(portal.at("/auth/council?next=/staff")).send().await.unwrap();
    let forged = portal.client.get(portal.at("/auth/council/callback?code=abc&state=forged")).send().await.unwrap();
    assert_eq!(location(&forged), "/sign-in?council=cancelled");
    assert_eq!(signed_in_user(&portal).await, None);
    // Somewhere else to go afterwards is only ever a page of the portal.
    let answer = sign_in_through(&portal, "/auth/council?next=//evil.example", MO).await;
    assert_eq!(location(&answer), "/home");
}

#[tokio::test]
async fn with_staff_passwords_off_practitioners_and_admins_use_the_council_sign_in() {
    let provider = oidc_provider().await;
    let portal = portal_with(&provider, false).await;
    portal.add_account(MO, Role::Practitioner, PASSWORD).await;
    portal.add_account("ada@council.example.gov.uk", Role::Admin, PASSWORD).await;
    portal.add_account("pat@example.org", Role::Carer, PASSWORD).await;
    portal.add_account("tess@carerscentre.example.org", Role::TrustedAssessor, PASSWORD).await;

    for email in [MO, "ada@council.example.gov.uk"] {
        let refused = portal.sign_in(email, PASSWORD).await;
        assert_eq!(location(&refused), "/sign-in", "{email}");
        let page = portal.page("/sign-in").await;
        assert!(page.contains("Council staff sign in with their council account, not a password"), "{page}");
        assert!(page.contains("href=\"#password\""), "{page}");
        assert_eq!(signed_in_user(&portal).await, None);
    }
    for email in ["pat@example.org", "tess@carerscentre.example.org"] {
        assert_eq!(location(&portal.sign_in(email, PASSWORD).await), "/home", "{email}");
        portal.sign_out().await;
    }
    assert_eq!(location(&sign_in_through(&portal, "/auth/council?next=/staff", MO).await), "/staff");
}

#[tokio::test]
async fn an_unreachable_provider_is_said_plainly_and_none_configured_is_not_there() {
    let unreachable = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let portal = spawn_configured(
        |settings| {
            settings.oidc_issuer = Some(format!("http://127.0.0.1:{unreachable}"));
            settings.oidc_client_id = Some("carer-portal".into());
            settings.oidc_client_secret = Some("secret".to_owned().into());
        },
        |routes| routes,
    )
    .await;
    let answer = portal.client.get(portal.at("/auth/council?next=/staff")).send().await.unwrap();
    assert_eq!(location(&answer), "/sign-in?council=unavailable");
    let page = portal.page("/sign-in?council=unavailable").await;
    assert!(page.contains("not working at the moment"), "{page}");
    assert!(page.contains("<title>Error: "), "{page}");

    let plain = crate::helpers::spawn().await;
    assert!(!plain.page("/sign-in").await.contains("council account"));
    for path in ["/auth/council?next=/staff", "/auth/council/callback?code=a&state=b"] {
        assert_eq!(plain.client.get(plain.at(path)).send().await.unwrap().status(), 404, "{path}");
    }
}
