//! Two server processes behind one address: they share the database (PostgreSQL under
//! `make test`'s second run, the SQLite file otherwise) and an S3-compatible file store, and
//! keep nothing of their own, so a person signed in on one is served by the other.

use crate::helpers::s3::s3_server;
use crate::helpers::uploads::{phone_photo, upload};
use crate::helpers::{location, session_cookie, spawn_configured, TestPortal, PASSWORD};
use app::domain::account::Role;

/// A request to `server` carrying a session cookie another server set.
async fn with_cookie(server: &TestPortal, cookie: &str, path: &str) -> reqwest::Response {
    let client = server.another_browser();
    client.get(server.at(path)).header("Cookie", cookie).send().await.unwrap()
}

#[tokio::test]
async fn a_session_made_on_one_server_is_used_on_the_other() {
    let s3 = s3_server().await;
    let one = spawn_configured(|settings| s3.configure(settings), |routes| routes).await;
    let shared_database = one.settings().database_url();
    let two = spawn_configured(
        |settings| {
            s3.configure(settings);
            settings.database_url = Some(shared_database);
        },
        |routes| routes,
    )
    .await;
    one.add_account("sam@example.org", Role::Carer, PASSWORD).await;

    // Signed in, with a picture added, on the first server.
    let signed_in = one.sign_in("sam@example.org", PASSWORD).await;
    let cookie = session_cookie(&signed_in).expect("a session cookie");
    let fields = [("upload_section", "important"), ("alt_text", "Sunday lunch with my sister")];
    assert_eq!(
        location(&upload(&one, &fields, Some(("IMG_0001.jpg", phone_photo()))).await),
        "/plan?added=1#important"
    );
    let id: i64 = sqlx::query_scalar("SELECT id FROM plan_contributions").fetch_one(&one.db).await.unwrap();

    // The second server knows the session, shows the plan and serves the picture.
    let page = with_cookie(&two, &cookie, "/plan").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains(r#"alt="Sunday lunch with my sister""#));
    let picture = with_cookie(&two, &cookie, &format!("/plan/files/{id}/thumb")).await;
    assert_eq!(picture.status(), 200);
    assert_eq!(picture.headers()["content-type"], "image/jpeg");

    // What is saved through the second server is there on the first.
    let added = two
        .another_browser()
        .post(two.at("/api/plan/add"))
        .header("Cookie", &cookie)
        .header("Origin", &two.url)
        .header("Accept", "text/html")
        .form(&[("section", "working"), ("text", "My neighbour helps on Tuesdays")])
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303, "{:?}", added.text().await);
    assert!(one.page("/plan").await.contains("My neighbour helps on Tuesdays"));

    // Signing out on the second server ends the session on the first too.
    let signed_out = two
        .another_browser()
        .post(two.at("/api/account/sign-out"))
        .header("Cookie", &cookie)
        .header("Origin", &two.url)
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(signed_out.status().is_redirection(), "{}", signed_out.status());
    let after = one.client.get(one.at("/plan")).send().await.unwrap();
    assert!(location(&after).starts_with("/sign-in"), "{:?}", after.headers());
}

#[tokio::test]
async fn failed_sign_ins_spread_over_both_servers_are_counted_together() {
    let one = spawn_configured(|_| {}, |routes| routes).await;
    let shared_database = one.settings().database_url();
    let two = spawn_configured(|settings| settings.database_url = Some(shared_database), |routes| routes).await;
    one.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    // Five wrong passwords for one account, alternating between the servers…
    let sign_in = |server: &TestPortal, password: &str| {
        let fields =
            [("email", "sam@example.org".to_owned()), ("password", password.to_owned()), ("next", String::new())];
        server
            .client
            .post(server.at("/api/account/sign-in"))
            .header("Origin", &server.url)
            .header("Accept", "application/json")
            .form(&fields)
            .send()
    };
    for attempt in 0..5 {
        let refused = sign_in(if attempt % 2 == 0 { &one } else { &two }, "not the password").await.unwrap();
        assert_eq!(refused.status(), 422, "attempt {attempt} was limited too soon");
    }
    // …and the sixth is refused on either, even with the right password.
    assert_eq!(sign_in(&two, PASSWORD).await.unwrap().status(), 429);
    assert_eq!(sign_in(&one, PASSWORD).await.unwrap().status(), 429);
}
