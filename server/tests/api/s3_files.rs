//! Pictures kept in an S3-compatible store instead of the local folder: a real S3 server
//! (s3rver, from the project's npm packages) on a free port, and the portal configured for it.

use crate::helpers::s3::{s3_server, BUCKET};
use crate::helpers::uploads::{phone_photo, upload};
use crate::helpers::{location, spawn_configured};
use app::domain::account::Role;

#[tokio::test]
async fn pictures_go_to_the_configured_bucket_and_are_served_from_it() {
    let s3 = s3_server().await;
    let portal = spawn_configured(|settings| s3.configure(settings), |routes| routes).await;
    portal.signed_in_as("sam@example.org", Role::Carer).await;
    let fields = [("upload_section", "important"), ("alt_text", "My note")];
    assert_eq!(
        location(&upload(&portal, &fields, Some(("IMG_0001.jpg", phone_photo()))).await),
        "/plan?added=1#important"
    );

    let (id, key): (i64, String) =
        sqlx::query_as("SELECT id, file_key FROM plan_contributions").fetch_one(&portal.db).await.unwrap();
    // In the bucket (read with a plain S3 GET), not in the local folder.
    let stored = reqwest::get(format!("{}/{BUCKET}/{key}", s3.endpoint)).await.unwrap();
    assert_eq!(stored.status(), 200);
    assert!(stored.bytes().await.unwrap().starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert!(!portal.data.path().join("files").join(&key).exists());

    let served = portal.client.get(portal.at(&format!("/plan/files/{id}/thumb"))).send().await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
}
