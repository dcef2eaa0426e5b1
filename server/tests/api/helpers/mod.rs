//! A real portal for integration tests: its own database (a SQLite file in a temporary folder,
//! or a new database on the PostgreSQL server named by `PORTAL_TEST_POSTGRES`), served on port
//! 0, and a client that keeps cookies and does not follow redirects.
#![allow(dead_code)]
pub mod database;
pub mod emergency;
pub mod faults;
pub mod mail;
pub mod oidc;
pub mod plans;
pub mod s3;
pub mod smtp;
pub mod uploads;

use axum::Router;
use server::config::Settings;
use server::http::AppState;
use server::startup::{build_wrapped, Portal};
use server::testing::faults::FaultSwitch;
use tempfile::TempDir;

/// The time now, moved forward as a test needs (a review falling due, a session expiring).
#[derive(Default)]
pub struct TestClock {
    shift_seconds: std::sync::atomic::AtomicI64,
}

impl TestClock {
    pub fn advance(&self, by: chrono::Duration) {
        self.shift_seconds.fetch_add(by.num_seconds(), std::sync::atomic::Ordering::SeqCst);
    }
}

impl app::backend::ports::Clock for TestClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now() + chrono::Duration::seconds(self.shift_seconds.load(std::sync::atomic::Ordering::SeqCst))
    }
}

pub struct TestPortal {
    pub clock: std::sync::Arc<TestClock>,
    pub services: app::backend::ports::Services,
    /// The queue every email goes through (its delivery rounds run when a test says).
    pub mail: std::sync::Arc<app::backend::jobs::mail::MailQueue>,
    pub url: String,
    pub client: reqwest::Client,
    pub store: std::sync::Arc<dyn app::backend::ports::Store>,
    /// The same database, for the tests' own queries (written to run on SQLite and PostgreSQL).
    pub db: sqlx::AnyPool,
    pub postgres: bool,
    /// The database's URL when it is not the SQLite file in `data`.
    pub database_url: Option<String>,
    pub data: TempDir,
}

/// The password every test account is given.
pub const PASSWORD: &str = "a long enough password";

pub async fn spawn() -> TestPortal {
    spawn_with(|routes| routes).await
}

pub async fn spawn_with(extra: impl FnOnce(Router<AppState>) -> Router<AppState>) -> TestPortal {
    spawn_configured(|_| {}, extra).await
}

/// A portal with some settings changed from the test defaults.
pub async fn spawn_configured(
    configure: impl FnOnce(&mut Settings),
    extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
) -> TestPortal {
    spawn_wrapped(configure, |services| services, extra).await
}

/// The switches that make a portal's store and file store fail (see `server::faults`).
pub struct FaultSwitches {
    pub store: FaultSwitch,
    pub files: FaultSwitch,
}

/// A portal (with the demo accounts) whose store and file store fail when a switch says so.
pub async fn spawn_faulty() -> (TestPortal, FaultSwitches) {
    let switches = std::sync::Mutex::new(None);
    let portal = spawn_wrapped(
        |settings| settings.demo_data = true,
        |services| {
            let (services, store, files) = server::testing::faults::wrap(services);
            *switches.lock().unwrap() = Some(FaultSwitches { store, files });
            services
        },
        |routes| routes,
    )
    .await;
    let switches = switches.into_inner().unwrap().expect("the services were wrapped");
    (portal, switches)
}

/// A portal whose services are passed through `wrap` before it serves.
pub async fn spawn_wrapped(
    configure: impl FnOnce(&mut Settings),
    wrap: impl FnOnce(app::backend::ports::Services) -> app::backend::ports::Services,
    extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
) -> TestPortal {
    // RUST_LOG=error shows what the portal logged (a failing store query, say) next to the test.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let data = tempfile::tempdir().expect("temporary folder");
    let mut settings = Settings::for_tests(data.path().to_path_buf());
    let database = database::TestDatabase::create(data.path()).await;
    // SQLite: the file in the data folder (a test may move the folder); PostgreSQL: the new database.
    settings.database_url = database.postgres.then(|| database.url.clone());
    configure(&mut settings);
    let clock = std::sync::Arc::new(TestClock::default());
    let Portal { router, store, services, mail } =
        build_wrapped(settings, clock.clone(), wrap, extra).await.expect("the portal builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        // A request that never finishes fails the test with its address rather than hanging CI.
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let db = database.open().await;
    let database_url = database.postgres.then(|| database.url.clone());
    TestPortal { clock, url, client, store, services, mail, db, postgres: database.postgres, database_url, data }
}

impl TestPortal {
    /// Settings naming this portal's data folder and database (for the command-line tasks).
    pub fn settings(&self) -> Settings {
        let mut settings = Settings::for_tests(self.data.path().to_path_buf());
        settings.database_url = self.database_url.clone();
        settings
    }

    /// The names of every table in the schema, from the database's own catalogue.
    pub async fn table_names(&self) -> Result<Vec<String>, sqlx::Error> {
        let sql = if self.postgres {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
        } else {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        };
        sqlx::query_scalar(sql).fetch_all(&self.db).await
    }

    /// How many rows of `table` match `condition`, where `$1` is a person's id and `$2` (if used)
    /// their email address.
    pub async fn count_rows(&self, table: &str, condition: &str, id: i64, email: &str) -> Result<i64, sqlx::Error> {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {condition}");
        let query = sqlx::query_scalar(&sql).bind(id);
        let query = if sql.contains("$2") { query.bind(email) } else { query };
        query.fetch_one(&self.db).await
    }

    /// SQL for the time `interval` ("31 minutes", "12 hours") before now, in this database's words.
    pub fn ago(&self, interval: &str) -> String {
        if self.postgres {
            format!("(now() - interval '{interval}')")
        } else {
            format!("datetime('now', '-{interval}')")
        }
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Posts a form the way a browser without JavaScript does, from one of the portal's pages.
    pub async fn post_form(&self, path: &str, from_page: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.form_post(&self.client, path, from_page).form(fields).send().await.unwrap()
    }

    /// Posts a form the way the portal's browser script does.
    pub async fn post_json(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.script_post(&self.client, path).form(fields).send().await.unwrap()
    }

    /// A post from `client` as a browser without JavaScript sends a form, from `from_page`.
    pub fn form_post(&self, client: &reqwest::Client, path: &str, from_page: &str) -> reqwest::RequestBuilder {
        client
            .post(self.at(path))
            .header("Origin", &self.url)
            .header("Referer", self.at(from_page))
            .header("Accept", "text/html,application/xhtml+xml")
    }

    /// A post from `client` as the portal's browser script sends a form.
    pub fn script_post(&self, client: &reqwest::Client, path: &str) -> reqwest::RequestBuilder {
        client.post(self.at(path)).header("Origin", &self.url).header("Accept", "application/json")
    }

    /// Posts a form the portal refuses, from `from_page`: the browser is sent back there, to the
    /// page that now shows each problem and what was typed, which this returns.
    pub async fn refused_form(&self, path: &str, from_page: &str, fields: &[(&str, &str)]) -> String {
        let refused = self.post_form(path, from_page, fields).await;
        assert_eq!(location(&refused), from_page);
        self.page(from_page).await
    }

    pub async fn page(&self, path: &str) -> String {
        let response = self.client.get(self.at(path)).send().await.unwrap();
        response.text().await.unwrap()
    }
}

/// An account as the tests create them in the store: "Someone", in English, made by nobody, no
/// postcode (hashing a password is slow, so a test making many hashes it once).
pub fn new_account<'a>(
    email: &'a str,
    role: app::domain::account::Role,
    password_hash: &'a str,
) -> app::backend::ports::NewAccount<'a> {
    app::backend::ports::NewAccount {
        email,
        display_name: "Someone",
        role,
        password_hash,
        locale: app::kit::i18n::Locale::En,
        created_by: None,
        postcode: None,
    }
}

/// Makes every session look untouched for 31 minutes.
pub async fn leave_idle(portal: &TestPortal) {
    let ago = portal.ago("31 minutes");
    sqlx::query(&format!("UPDATE sessions SET last_seen_at = {ago}")).execute(&portal.db).await.unwrap();
}

pub fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").expect("a redirect").to_str().unwrap().to_owned()
}

/// The value of the session cookie the client holds, if any.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("portal_session="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

impl TestPortal {
    /// Registers a carer (or customer) through the real form and the link it emails, and
    /// leaves the client signed in; the answer to the link's button.
    pub async fn register(&self, email: &str, role: &str) -> reqwest::Response {
        let fields = [("role", role), ("name", "Test Person"), ("email", email), ("password", PASSWORD)];
        let started = self.post_form("/api/account/register", "/register", &fields).await;
        assert_eq!(location(&started), "/register/check-email", "registering {email}");
        self.confirm_registration(&self.client, email).await
    }

    /// Someone invited to help (`code`, emailed to `address`) makes their account from the
    /// invitation page, opens the link emailed to them (which leads back to the invitation) and
    /// accepts it, signed in: the answer to accepting.
    pub async fn join_as_helper(&self, code: &str, name: &str, address: &str) -> reqwest::Response {
        let page = format!("/invitations/{code}");
        let fields = [("code", code), ("name", name), ("password", PASSWORD)];
        let started = self.post_form("/api/family/helper-account", &page, &fields).await;
        assert_eq!(location(&started), "/register/check-email", "{}", self.page(&page).await);
        let confirmed = self.confirm_registration(&self.client, address).await;
        assert_eq!(location(&confirmed), page, "the link leads back to the invitation");
        self.post_form("/api/family/answer", &page, &[("code", code), ("answer", "accept")]).await
    }

    /// Signs in with a password. Staff then count as having typed their two-factor code: the
    /// portal asks staff with a password alone to set two-factor up first (tests/api/two_factor.rs
    /// shows that), and the other tests are about what staff do once signed in.
    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        let response = self
            .post_form("/api/account/sign-in", "/sign-in", &[("email", email), ("password", password), ("next", "")])
            .await;
        self.as_if_codes_were_typed().await;
        response
    }

    /// Records every signed-in session as begun with a second factor (a code from an app).
    pub async fn as_if_codes_were_typed(&self) {
        sqlx::query("UPDATE sessions SET second_factor = $1 WHERE user_id IS NOT NULL")
            .bind(true)
            .execute(&self.db)
            .await
            .unwrap();
    }

    pub async fn sign_out(&self) -> reqwest::Response {
        self.post_form("/api/account/sign-out", "/home", &[]).await
    }

    /// Asks for a review through the real form (by telephone, soon) as the signed-in person.
    pub async fn ask_for_review(&self, reason: &str, what_changed: &str) -> reqwest::Response {
        let request =
            [("reason", reason), ("what_changed", what_changed), ("method", "telephone"), ("urgency", "soon")];
        self.post_form("/api/reviews/request", "/reviews/request", &request).await
    }

    /// Arranges review `id` for the day `on` by `method` through the real form, as the signed-in
    /// practitioner.
    pub async fn arrange_review(&self, id: i64, on: chrono::NaiveDate, method: &str) -> reqwest::Response {
        let (id_text, day) = (id.to_string(), on.format("%-d").to_string());
        let (month, year) = (on.format("%-m").to_string(), on.format("%Y").to_string());
        let fields = [
            ("id", id_text.as_str()),
            ("arranged-day", &day),
            ("arranged-month", &month),
            ("arranged-year", &year),
            ("method", method),
        ];
        self.post_form("/api/reviews/arrange", &format!("/staff/reviews/{id}"), &fields).await
    }

    /// A second, separate browser on the same portal.
    pub fn another_browser(&self) -> reqwest::Client {
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT action FROM audit_events ORDER BY id").fetch_all(&self.db).await.unwrap()
    }

    /// Creates an account directly in the store with the tests' `PASSWORD` and signs this
    /// browser in as it; its id.
    pub async fn signed_in_as(&self, email: &str, role: app::domain::account::Role) -> i64 {
        let id = self.add_account(email, role, PASSWORD).await;
        self.sign_in(email, PASSWORD).await;
        id
    }

    /// Creates an account directly in the store (staff cannot register), with `password`.
    pub async fn add_account(&self, email: &str, role: app::domain::account::Role, password: &str) -> i64 {
        let hash = password_auth::generate_hash(password);
        self.store.create_account(new_account(email, role, &hash), chrono::Utc::now()).await.unwrap()
    }

    /// Gives a person a worker the way the council does: a team manager (made on first use, in
    /// a team that receives everyone's intake, with the practitioner in it) allocates them from
    /// intake through the real form, in a browser of their own.
    pub async fn allocate(&self, practitioner_id: i64, person_id: i64) {
        use app::domain::account::Role;
        use app::domain::teams::{Covers, TeamRule};
        const MANAGER: &str = "team-manager@example.org";
        let now = chrono::Utc::now();
        if self.store.find_credentials(MANAGER).await.unwrap().is_none() {
            self.add_account(MANAGER, Role::Practitioner, PASSWORD).await;
        }
        let manager = self.user_id(MANAGER).await;
        let team = match self.store.teams().await.unwrap().into_iter().find(|t| t.name == "Test team") {
            Some(team) => team.id,
            None => self.store.create_team("Test team", &TeamRule::everywhere(Covers::Everyone), now).await.unwrap(),
        };
        self.store.set_team_place(team, manager, Some(true), now).await.unwrap();
        self.store.set_team_place(team, practitioner_id, Some(false), now).await.unwrap();
        let browser = self.another_browser();
        let post = |path: &str, fields: Vec<(&str, String)>| {
            browser
                .post(self.at(path))
                .header("Origin", &self.url)
                .header("Accept", "text/html,application/xhtml+xml")
                .form(&fields)
                .send()
        };
        let signed_in = post("/api/account/sign-in", vec![("email", MANAGER.into()), ("password", PASSWORD.into())]);
        assert_eq!(signed_in.await.unwrap().status(), 303);
        self.as_if_codes_were_typed().await;
        let fields = vec![("person_id", person_id.to_string()), ("practitioner", practitioner_id.to_string())];
        let allocated = post("/api/allocation/allocate", fields).await.unwrap();
        assert_eq!(location(&allocated), format!("/staff/allocations/{person_id}?done=allocated"));
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(&self.db).await.unwrap()
    }
}
