//! The HTML document around every page, rendered on the server only.
use std::sync::Arc;

use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use leptos_meta::MetaTags;

use crate::components::enhanced_form::IslandsOnPage;
use crate::kit;
use crate::kit::page::PageResponse;
use crate::kit::visitor::use_visitor;
use crate::App;

/// The HTML document around every page.
pub fn shell() -> impl IntoView {
    let visitor = use_visitor();
    let islands = IslandsOnPage::default();
    provide_context(islands.clone());
    provide_context(page_response());
    set_content_security_policy();
    // Only islands hydrate: the data the server-rendered parts read is not needed in the
    // browser, so it is not serialised into the page (islands switch this on for themselves).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang=visitor.locale.tag() class="govuk-template govuk-template--rebranded">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="theme-color" content="#00576e" />
                <link rel="stylesheet" href=kit::assets::stylesheet_href() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <MetaTags />
            </head>
            <body class="govuk-template__body">
                <App />
                // The islands' loader, only on pages that have an island: pages without one
                // (most of them) load no script or wasm at all.
                {move || islands.any().then(|| view! { <kit::assets::IslandScripts /> })}
            </body>
        </html>
    }
}

/// How pages set their status and redirect (`kit::page`), through leptos_axum's response.
fn page_response() -> PageResponse {
    PageResponse {
        set_status: Arc::new(|code| {
            if let (Some(response), Ok(status)) = (use_context::<ResponseOptions>(), http::StatusCode::from_u16(code)) {
                response.set_status(status);
            }
        }),
        redirect: Arc::new(|path| {
            leptos_axum::redirect(path);
            if let Some(response) = use_context::<ResponseOptions>() {
                response.set_status(http::StatusCode::FOUND);
            }
        }),
    }
}

/// Sets the page's Content-Security-Policy: scripts only from the portal itself or carrying
/// this response's nonce (the islands' loader), wasm allowed to compile, nothing framed.
/// `blob:` is the preview of a picture chosen for upload: the page's own object URL, which
/// Chromium also checks against `connect-src` when it shows it.
fn set_content_security_policy() {
    use leptos::nonce::use_nonce;

    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' blob:; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
