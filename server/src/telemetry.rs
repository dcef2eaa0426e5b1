//! Structured logging with `tracing`: human-readable by default, JSON lines when configured.
use tracing_subscriber::{fmt, EnvFilter};

use crate::config::Settings;

pub fn init(settings: &Settings) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    // A second call (e.g. from tests) is harmless: the first subscriber stays.
    let _ = if settings.log_json { builder.json().try_init() } else { builder.try_init() };
}
