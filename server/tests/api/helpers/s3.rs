//! A real S3-compatible server for a test (s3rver, from the project's npm packages) on a free
//! port, and the portal's settings for it.
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use secrecy::SecretString;
use server::config::Settings;

pub const BUCKET: &str = "portal-files";

/// An S3 server for one test, stopped when dropped.
pub struct S3Server {
    child: Child,
    pub endpoint: String,
    _data: tempfile::TempDir,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn s3_server() -> S3Server {
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

impl S3Server {
    /// Points a portal's file storage at this server's bucket.
    pub fn configure(&self, settings: &mut Settings) {
        settings.s3_bucket = Some(BUCKET.to_owned());
        settings.s3_endpoint = Some(self.endpoint.clone());
        settings.s3_allow_http = true;
        settings.s3_access_key_id = Some("S3RVER".to_owned());
        settings.s3_secret_access_key = Some(SecretString::from("S3RVER"));
    }
}
