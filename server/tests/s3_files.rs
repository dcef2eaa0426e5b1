//! Pictures kept in an S3-compatible store instead of the local folder: a real S3 server
//! (s3rver, from the project's npm packages) on a free port, and the portal configured for it.
mod support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use app::domain::account::Role;
use secrecy::SecretString;
use support::uploads::{phone_photo, upload};
use support::{location, spawn_configured};

const PASSWORD: &str = "a long enough password";
const BUCKET: &str = "portal-files";

/// An S3 server for one test, stopped when dropped.
struct S3Server {
    child: Child,
    endpoint: String,
    _data: tempfile::TempDir,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn s3_server() -> S3Server {
    let program = concat!(env!("CARGO_MANIFEST_DIR"), "/../node_modules/.bin/s3rver");
    assert!(std::path::Path::new(program).exists(), "s3rver is missing: run `make deps` (npm ci) first");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let data = tempfile::tempdir().unwrap();
    let child = Command::new(program)
        .args(["-d", data.path().to_str().unwrap(), "-a", "127.0.0.1", "-p", &port.to_string(), "--silent"])
        .args(["--configure-bucket", BUCKET])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("s3rver starts");
    let server = S3Server { child, endpoint: format!("http://127.0.0.1:{port}"), _data: data };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("s3rver did not start on port {port}");
}

#[tokio::test]
async fn pictures_go_to_the_configured_bucket_and_are_served_from_it() {
    let s3 = s3_server().await;
    let endpoint = s3.endpoint.clone();
    let portal = spawn_configured(
        |settings| {
            settings.s3_bucket = Some(BUCKET.to_owned());
            settings.s3_endpoint = Some(endpoint);
            settings.s3_allow_http = true;
            settings.s3_access_key_id = Some("S3RVER".to_owned());
            settings.s3_secret_access_key = Some(SecretString::from("S3RVER"));
        },
        |routes| routes,
    )
    .await;
    portal.add_account("sam@example.org", Role::Carer, PASSWORD).await;
    portal.sign_in("sam@example.org", PASSWORD).await;
    let fields = [("upload_section", "important"), ("alt_text", "My note")];
    assert_eq!(location(&upload(&portal, &fields, Some(("IMG_0001.jpg", phone_photo()))).await), "/plan?added=1#important");

    let (id, key): (i64, String) = sqlx::query_as("SELECT id, file_key FROM plan_contributions")
        .fetch_one(portal.store.pool())
        .await
        .unwrap();
    // In the bucket (read with a plain S3 GET), not in the local folder.
    let stored = reqwest::get(format!("{}/{BUCKET}/{key}", s3.endpoint)).await.unwrap();
    assert_eq!(stored.status(), 200);
    assert!(stored.bytes().await.unwrap().starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert!(!portal.data.path().join("files").join(&key).exists());

    let served = portal.client.get(portal.at(&format!("/plan/files/{id}/thumb"))).send().await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
}
