//! A real portal for integration tests: its own SQLite file in a temporary folder, served on
//! port 0, and a client that keeps cookies and does not follow redirects.
#![allow(dead_code)]
use axum::Router;
use server::config::Settings;
use server::startup::{build_with, Portal};
use server::store::SqliteStore;
use server::web::AppState;
use tempfile::TempDir;

pub struct TestPortal {
    pub url: String,
    pub client: reqwest::Client,
    pub store: SqliteStore,
    pub data: TempDir,
}

pub async fn spawn() -> TestPortal {
    spawn_with(|routes| routes).await
}

pub async fn spawn_with(extra: impl FnOnce(Router<AppState>) -> Router<AppState>) -> TestPortal {
    let data = tempfile::tempdir().expect("temporary folder");
    let settings = Settings::for_tests(data.path().to_path_buf());
    let Portal { router, store } = build_with(settings, extra).await.expect("the portal builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestPortal { url, client, store, data }
}

impl TestPortal {
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Posts a form the way a browser without JavaScript does, from one of the portal's pages.
    pub async fn post_form(&self, path: &str, from_page: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.at(path))
            .header("Origin", &self.url)
            .header("Referer", self.at(from_page))
            .header("Accept", "text/html,application/xhtml+xml")
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form the way the portal's browser script does.
    pub async fn post_json(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.at(path))
            .header("Origin", &self.url)
            .header("Accept", "application/json")
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> String {
        let response = self.client.get(self.at(path)).send().await.unwrap();
        response.text().await.unwrap()
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").expect("a redirect").to_str().unwrap().to_owned()
}
