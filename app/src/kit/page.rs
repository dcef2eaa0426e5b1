//! What a page can ask of the HTTP response it is rendered into: a status (404, 500) or a
//! redirect. The server provides the means when it renders the shell (`backend::shell`); in the
//! browser there is none (pages are not rendered there, only islands hydrate), so these do
//! nothing.
use std::sync::Arc;

use leptos::prelude::use_context;

/// The response a page is being rendered into, as the server provides it.
#[derive(Clone)]
pub struct PageResponse {
    pub set_status: Arc<dyn Fn(u16) + Send + Sync>,
    pub redirect: Arc<dyn Fn(&str) + Send + Sync>,
}

/// Sets the status the page is sent with.
pub fn set_status(code: u16) {
    if let Some(response) = use_context::<PageResponse>() {
        (response.set_status)(code);
    }
}

/// Sends the browser elsewhere from a page render (e.g. to sign in first), with a 302 whatever
/// the request asked to accept.
pub fn redirect(path: &str) {
    if let Some(response) = use_context::<PageResponse>() {
        (response.redirect)(path);
    }
}
