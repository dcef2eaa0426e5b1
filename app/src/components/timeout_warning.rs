//! The GOV.UK timeout warning: a dialog shortly before a signed-in session ends for lack of
//! activity, with a button to stay signed in. If the session does end, the page stays as it
//! is (nothing typed is thrown away) and the dialog says what will happen: the next save asks
//! them to sign in again and then keeps what they typed.
//!
//! Without JavaScript there is no dialog; the server keeps what was posted after a timeout
//! and the sign-in page explains (see `server/src/web/form_posts.rs`).
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement};

use crate::components::activity;
use crate::components::enhanced_form::IslandsOnPage;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// How long before the end the warning appears (GOV.UK suggests two minutes or more).
const WARN_SECONDS: i64 = 120;

/// The warning's markup, rendered for signed-in people only.
#[component]
pub fn TimeoutDialog() -> impl IntoView {
    let visitor = use_visitor();
    if visitor.user.is_none() {
        return ().into_any();
    }
    IslandsOnPage::mark();
    let minutes = (visitor.idle_seconds / 60).to_string();
    view! {
        <TimeoutWarning>
            <dialog
                class="portal-timeout"
                aria-labelledby="timeout-title"
                aria-describedby="timeout-body"
                data-idle-seconds=visitor.idle_seconds
                data-warn-seconds=WARN_SECONDS
            >
                <div data-warning>
                    <h2 class="govuk-heading-m" id="timeout-title">
                        {visitor.t(Text::TimeoutTitle)}
                    </h2>
                    <p class="govuk-body" id="timeout-body" data-template=visitor.t(Text::TimeoutBody)></p>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button" data-stay>
                            {visitor.t(Text::TimeoutStay)}
                        </button>
                        <form method="post" action="/api/account/sign-out">
                            <button type="submit" class="portal-link-button">
                                {visitor.t(Text::LayoutSignOut)}
                            </button>
                        </form>
                    </div>
                </div>
                <div data-expired hidden>
                    <h2 class="govuk-heading-m" id="timeout-expired-title">
                        {visitor.t(Text::TimeoutExpiredTitle)}
                    </h2>
                    <p class="govuk-body">{visitor.locale.fill(Text::TimeoutExpiredBody, &[("minutes", &minutes)])}</p>
                    <button type="button" class="govuk-button" data-close>
                        {visitor.t(Text::TimeoutContinue)}
                    </button>
                </div>
            </dialog>
        </TimeoutWarning>
    }
    .into_any()
}

#[island]
fn TimeoutWarning(children: Children) -> impl IntoView {
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let dialog = move || {
        wrapper
            .get()
            .and_then(|w| w.query_selector("dialog").ok().flatten())
            .and_then(|d| d.dyn_into::<HtmlDialogElement>().ok())
    };
    Effect::new(move |_| {
        let Some(dialog) = dialog() else { return };
        activity::touch();
        // Whole seconds: parsing integers keeps float parsing out of the wasm.
        let seconds = |name| dialog.get_attribute(name).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        let idle_ms = f64::from(seconds("data-idle-seconds")) * 1000.0;
        let warn_ms = f64::from(seconds("data-warn-seconds")) * 1000.0;
        if idle_ms <= 0.0 {
            return;
        }
        // Tells tests (and styles) that the warning is armed.
        let _ = dialog.set_attribute("data-ready", "");
        let every_second = Closure::<dyn FnMut()>::new(move || tick(&dialog, idle_ms, warn_ms));
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_interval_with_callback_and_timeout_and_arguments_0(every_second.as_ref().unchecked_ref(), 1000);
        }
        // The check runs for as long as the page is open.
        every_second.forget();
    });
    let on_click = move |event: web_sys::MouseEvent| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(dialog) = dialog() else { return };
        if target.closest("[data-stay]").ok().flatten().is_some() {
            leptos::task::spawn_local(stay_signed_in(dialog));
        } else if target.closest("[data-close]").ok().flatten().is_some() {
            dialog.close();
        }
    };
    // Escape closes a dialog; while the warning shows, it means "stay signed in" (GOV.UK).
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" {
            if let Some(dialog) = dialog().filter(|d| !is_expired(d)) {
                leptos::task::spawn_local(stay_signed_in(dialog));
            }
        }
    };
    view! {
        <div on:click=on_click on:keydown=on_keydown node_ref=wrapper>
            {children()}
        </div>
    }
}

fn is_expired(dialog: &HtmlDialogElement) -> bool {
    dialog.has_attribute("data-state-expired")
}

fn tick(dialog: &HtmlDialogElement, idle_ms: f64, warn_ms: f64) {
    if is_expired(dialog) {
        return;
    }
    let quiet = activity::quiet_for_ms();
    if quiet >= idle_ms {
        let _ = dialog.set_attribute("data-state-expired", "");
        let _ = dialog.set_attribute("aria-labelledby", "timeout-expired-title");
        let _ = dialog.remove_attribute("aria-describedby");
        toggle(dialog, "[data-warning]", false);
        toggle(dialog, "[data-expired]", true);
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    } else if quiet >= idle_ms - warn_ms && !dialog.open() {
        if let Ok(Some(body)) = dialog.query_selector("[data-template]") {
            let template = body.get_attribute("data-template").unwrap_or_default();
            body.set_text_content(Some(&template.replace("{time}", &clock_time(activity::ends_at_ms(idle_ms)))));
        }
        let _ = dialog.show_modal();
    } else if quiet < idle_ms - warn_ms && dialog.open() {
        // Something else on the page (a save) reached the server: no need to warn any more.
        dialog.close();
    }
}

fn toggle(dialog: &HtmlDialogElement, selector: &str, show: bool) {
    if let Ok(Some(part)) = dialog.query_selector(selector) {
        let _ = part.toggle_attribute_with_force("hidden", !show);
    }
}

/// "14:05": a time is easier to act on than a countdown, and needs no plural forms.
fn clock_time(at_ms: f64) -> String {
    let date = js_sys::Date::new(&at_ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

async fn stay_signed_in(dialog: HtmlDialogElement) {
    match crate::components::form_script::post_empty("/api/account/stay-signed-in").await {
        Some(status) if (200..300).contains(&status) => dialog.close(),
        // Already signed out: say so, and keep the page as it is.
        Some(_) => tick(&dialog, 0.0, 0.0),
        // No connection: leave the warning up, so they can try again.
        None => {}
    }
}
