//! Start-up: open the store, build the router, serve. `build` takes settings and returns a
//! router, so tests can serve it on port 0 against their own database.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use app::backend::jobs::mail::MailQueue;
use app::backend::ports::Services;
use app::domain::council::{Council, StaffSignIn};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::clock::SystemClock;
use crate::config::{Mode, Settings};
use crate::http::{self as web, body_limit::BodyLimit, session::SessionKeys, AppState};
use crate::mail::OutboxMailer;
use crate::passwords::Argon2Passwords;

/// The portal, ready to serve: its router and the store behind it.
pub struct Portal {
    pub router: Router,
    pub store: Arc<dyn app::backend::ports::Store>,
    /// What the server functions use (tests run scheduled jobs through it).
    pub services: app::backend::ports::Services,
    /// The queue every email goes through (tests run its delivery rounds).
    pub mail: Arc<MailQueue>,
}

pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let bind = settings.bind;
    let portal = build(settings).await?;
    tokio::spawn(forget_expired(portal.store.clone()));
    tokio::spawn(remind_of_reviews(portal.services.clone()));
    tokio::spawn(deliver_mail(portal.mail.clone()));
    let listener = tokio::net::TcpListener::bind(bind).await.with_context(|| format!("listening on {bind}"))?;
    tracing::info!("the carer portal is at http://{}", listener.local_addr()?);
    // Send each response as soon as it is written: with Nagle's algorithm on, a response in
    // more than one write waits for the client's delayed ACK (40 ms on Linux).
    let listener = axum::serve::ListenerExt::tap_io(listener, |stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!("could not set TCP_NODELAY: {error}");
        }
    });
    let service = portal.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await?;
    Ok(())
}

pub async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    prepare_data_dir(&settings.data_dir)?;
    crate::store::connect(&settings.database_url()).await?;
    tracing::info!("the database schema is up to date");
    Ok(())
}

/// Creates an account for a role people cannot register for themselves (staff).
pub async fn create_user(
    settings: &Settings,
    role: app::domain::account::Role,
    email: &str,
    name: &str,
    password: &str,
) -> anyhow::Result<i64> {
    use app::backend::ports::{NewAccount, Passwords};
    use app::domain::account::NewPassword;
    use app::domain::text::EmailAddress;

    let email = EmailAddress::parse(email).map_err(|p| anyhow::anyhow!("the email address is not valid ({p:?})"))?;
    let password = NewPassword::parse(password, Some(email.as_str()))
        .map_err(|p| anyhow::anyhow!("the password does not meet the rules ({p:?})"))?;
    anyhow::ensure!(!name.trim().is_empty(), "a name is needed");
    prepare_data_dir(&settings.data_dir)?;
    let store = crate::store::connect(&settings.database_url()).await?.store;
    let hash = Argon2Passwords::new().hash(password.expose()).await?;
    let account = NewAccount {
        email: email.as_str(),
        display_name: name.trim(),
        role,
        password_hash: &hash,
        locale: app::kit::i18n::Locale::En,
        created_by: None,
        postcode: None,
    };
    let id = store.create_account(account, chrono::Utc::now()).await.context("creating the account")?;
    Ok(id)
}

pub async fn build(settings: Settings) -> anyhow::Result<Portal> {
    build_with(settings, |routes| routes).await
}

/// Builds the portal with extra routes under the same middleware (tests add a panicking one).
pub async fn build_with(
    settings: Settings,
    extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
) -> anyhow::Result<Portal> {
    build_with_clock(settings, Arc::new(SystemClock), extra).await
}

/// Builds the portal on a given clock (tests move time to reach due dates).
pub async fn build_with_clock(
    settings: Settings,
    clock: Arc<dyn app::backend::ports::Clock>,
    extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
) -> anyhow::Result<Portal> {
    build_wrapped(settings, clock, |services| services, extra).await
}

/// Builds the portal with its services passed through `wrap` once they are made (tests put the
/// store and file store behind fault switches, see `testing::faults`). Demo data is loaded unwrapped.
pub async fn build_wrapped(
    settings: Settings,
    clock: Arc<dyn app::backend::ports::Clock>,
    wrap: impl FnOnce(Services) -> Services,
    extra: impl FnOnce(Router<AppState>) -> Router<AppState>,
) -> anyhow::Result<Portal> {
    prepare_data_dir(&settings.data_dir)?;
    let crate::store::Connected { store, limits } = crate::store::connect(&settings.database_url()).await?;
    let secret = session_secret(&settings)?;
    let session_keys = SessionKeys::new(secret, settings.secure_cookies());
    let passwords = Arc::new(Argon2Passwords::new());
    let from = format!("Carer portal <{}>", settings.council_email);
    let relay: Arc<dyn app::backend::ports::Mailer> = match &settings.smtp_url {
        Some(url) => Arc::new(crate::mail::SmtpMailer::new(url.expose_secret(), &from)?),
        None => Arc::new(OutboxMailer::new(settings.outbox_dir(), &from).context("creating the mail outbox")?),
    };
    let mail = Arc::new(MailQueue::new(store.clone(), relay, clock.clone()));
    let services = Services {
        store: store.clone(),
        files: Arc::new(crate::files::storage::ObjectFiles::from_settings(&settings)?),
        clock,
        passwords: passwords.clone(),
        mailer: mail.clone(),
        limits,
        digests: Arc::new(session_keys.clone()),
        codes: Arc::new(crate::codes::Totp),
        council: Council {
            name: settings.council_name.clone(),
            phone: settings.council_phone.clone(),
            email: settings.council_email.clone(),
            emergency_phone: settings.emergency_phone.clone(),
            intake_target_days: settings.intake_target_days,
            registrations_per_hour: settings.registrations_per_hour,
            staff_sign_in: StaffSignIn {
                through_council: settings.oidc_issuer.is_some(),
                passwords_off: !settings.staff_passwords,
            },
        },
        public_url: settings.public_url(),
    };
    if settings.emergency_phone == crate::config::DRAMA_NUMBER {
        tracing::warn!("PORTAL_EMERGENCY_PHONE is not set: emergency cards show a number reserved for drama");
    }
    if settings.demo_data {
        crate::testing::load_demo(store.as_ref(), passwords.as_ref()).await?;
    }
    let council_sign_in = crate::council_sign_in::CouncilSignIn::from_settings(&settings)?.map(Arc::new);
    let state = AppState {
        leptos_options: leptos_options(&settings),
        session_keys,
        council_sign_in,
        services: wrap(services),
        settings: Arc::new(settings),
    };
    let services = state.services.clone();
    Ok(Portal { router: router(state, extra), store, services, mail })
}

fn leptos_options(settings: &Settings) -> LeptosOptions {
    let site_root = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
    LeptosOptions::builder()
        .output_name("carer_portal")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(settings.bind)
        .build()
}

/// The app's routes, listed once per process. Listing them switches resource loading off for
/// the whole process while it runs (a global flag in Leptos), so a page rendering on another
/// thread at that moment would wait forever for data that never loads. Listing once, before
/// anything is served, keeps that from happening when several portals share a process (the
/// integration tests).
fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

fn router(state: AppState, extra: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Router {
    let options = state.leptos_options.clone();
    let services = state.services.clone();
    let context = move || provide_context(services.clone());
    let routes = page_routes();
    let shell = app::backend::shell::shell;
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), shell)
        .fallback(leptos_axum::render_app_async_with_context(context, shell))
        .layer(from_fn(web::form_posts::middleware))
        .layer(from_fn_with_state(state.clone(), web::visitor::middleware))
        .layer(from_fn_with_state(state.clone(), web::session::middleware))
        .layer(axum::extract::DefaultBodyLimit::max(web::form_posts::FORM_LIMIT))
        .layer(from_fn_with_state(BodyLimit::of(web::form_posts::FORM_LIMIT), web::body_limit::middleware));

    // Pictures and clips: a plain multipart form with its own, larger, body limit; the files
    // themselves, the PDF copy of a plan and the FHIR exports are plain responses too.
    let uploads = crate::routes::plain()
        .layer(from_fn_with_state(state.clone(), web::visitor::middleware))
        .layer(from_fn_with_state(state.clone(), web::session::middleware))
        .layer(axum::extract::DefaultBodyLimit::max(crate::routes::plan::files::BODY_LIMIT.bytes))
        .layer(from_fn_with_state(crate::routes::plan::files::BODY_LIMIT, web::body_limit::middleware));

    let site = PathBuf::from(options.site_root.as_ref());
    let assets = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(site.join(options.site_pkg_dir.as_ref())).precompressed_br().precompressed_gzip(),
        )
        .route_service("/islands.js", ServeFile::new(site.join("islands.js")).precompressed_br().precompressed_gzip())
        .route_service("/favicon.svg", ServeFile::new(site.join("favicon.svg")))
        .route_service("/robots.txt", ServeFile::new(site.join("robots.txt")));

    // Everything else takes no more than a form: nothing reads an unbounded body (`body_limit`).
    let others = extra(Router::new())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .merge(assets)
        .layer(from_fn_with_state(BodyLimit::of(web::form_posts::FORM_LIMIT), web::body_limit::middleware));

    let mut router = others
        .merge(uploads)
        .merge(pages)
        .layer(from_fn_with_state(state.clone(), web::csrf::middleware))
        .layer(from_fn(web::headers::middleware))
        // Pages are compressed as they are sent: brotli quality 5 is as quick as 4 here and
        // 8% smaller, which keeps the fullest pages' HTML and CSS within the first 14 KB.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(5)))
        .layer(CatchPanicLayer::custom(web::headers::panic_page));
    if state.settings.secure_cookies() {
        router = router.layer(from_fn(web::headers::hsts));
    }
    router.with_state(state)
}

fn prepare_data_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating the data folder {}", dir.display()))
}

/// The configured secret; in development, one generated once and kept in the data folder so
/// sessions survive a restart. Production refuses to start without one (see `config`).
fn session_secret(settings: &Settings) -> anyhow::Result<SecretString> {
    if let Some(secret) = &settings.session_secret {
        return Ok(secret.clone());
    }
    anyhow::ensure!(settings.mode == Mode::Development, "a session secret is required");
    let path = settings.data_dir.join("dev-session-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 32 {
            return Ok(SecretString::from(existing.trim().to_owned()));
        }
    }
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(&path, &secret).with_context(|| format!("writing {}", path.display()))?;
    Ok(SecretString::from(secret))
}

/// Deletes sessions that have run out, every ten minutes (they are refused anyway; this keeps
/// the table small and drops refused forms nobody came back for).
/// Emails people two weeks before a planned review is due, and carers two weeks before their
/// emergency plan should be confirmed again (checked every hour).
async fn remind_of_reviews(services: app::backend::ports::Services) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        match app::backend::jobs::reviews::send_reminders(&services).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!("sent {sent} review reminders"),
            Err(error) => tracing::error!("sending review reminders: {error:#}"),
        }
        match app::backend::jobs::emergency::send_reminders(&services).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!("sent {sent} emergency plan reminders"),
            Err(error) => tracing::error!("sending emergency plan reminders: {error:#}"),
        }
    }
}

/// Sends the emails that are due again (their relay was down), every thirty seconds.
async fn deliver_mail(mail: Arc<MailQueue>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(30));
    loop {
        every.tick().await;
        match mail.deliver_due().await {
            Ok(0) => {}
            Ok(sent) => tracing::info!("sent {sent} emails that had waited"),
            Err(error) => tracing::error!("sending waiting emails: {error:#}"),
        }
    }
}

/// Ends expired sessions and forgets registrations whose link expired, every ten minutes.
async fn forget_expired(store: Arc<dyn app::backend::ports::Store>) {
    use web::session::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};

    let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        let now = chrono::Utc::now();
        match store.delete_expired_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!("removed {removed} expired sessions"),
            Err(error) => tracing::error!("removing expired sessions: {error:#}"),
        }
        match store.delete_expired_registrations(now).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!("forgot {removed} registrations never confirmed"),
            Err(error) => tracing::error!("forgetting expired registrations: {error:#}"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
