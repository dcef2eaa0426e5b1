//! HTTP middleware only: body limits, sessions, who is asking, cross-site checks, plain form posts, headers;
//! and the state every handler and middleware can reach.
pub mod body_limit;
pub mod csrf;
pub mod form_posts;
pub mod headers;
pub mod session;
pub mod visitor;

use std::sync::Arc;

use app::backend::ports::Services;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::config::Settings;

/// What every handler and middleware can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub services: Services,
    pub settings: Arc<Settings>,
    pub session_keys: session::SessionKeys,
    /// Staff sign-in through the council's identity provider, when one is configured.
    pub council_sign_in: Option<Arc<crate::council_sign_in::CouncilSignIn>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Reads one cookie from a request's headers.
pub fn cookie<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}
