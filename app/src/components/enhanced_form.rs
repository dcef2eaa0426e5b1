//! A form that posts to its server function. Without JavaScript it is a plain HTML form (the
//! server keeps what was typed and redirects back with messages). With JavaScript the
//! `EnhancedForm` island sends the same fields, shows the server's messages next to the
//! fields and in the error summary without reloading, and follows the server's redirect on
//! success. Anything it cannot handle (an expired session, a server fault) falls back to the
//! plain post, so the server's answer is the same either way.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::i18n::Text;
use crate::visitor::use_visitor;

/// Words the island needs in the browser, passed from the server in the person's language.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FormWords {
    pub summary_title: String,
    pub error_prefix: String,
    pub offline: String,
}

/// A POST form for the server function at `action`.
#[component]
pub fn PostForm(action: &'static str, children: Children) -> impl IntoView {
    let visitor = use_visitor();
    let words = FormWords {
        summary_title: visitor.t(Text::ErrorsSummaryTitle).to_owned(),
        error_prefix: visitor.t(Text::ErrorsPrefix).to_owned(),
        offline: visitor.t(Text::ErrorsOffline).to_owned(),
    };
    view! { <EnhancedForm action=action.to_owned() words>{children()}</EnhancedForm> }
}

#[island]
fn EnhancedForm(action: String, words: FormWords, children: Children) -> impl IntoView {
    let target = action.clone();
    let on_submit = move |event: web_sys::SubmitEvent| {
        let Some(form) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
            return;
        };
        event.prevent_default();
        let (target, words) = (target.clone(), words.clone());
        leptos::task::spawn_local(async move {
            crate::components::form_script::submit(form, &target, &words).await;
        });
    };
    // Marks the form once the script is running, so tests (and styles) can tell.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let Some(form) = form_ref.get() {
            let _ = form.set_attribute("data-enhanced", "");
        }
    });
    view! {
        <form method="post" action=action novalidate on:submit=on_submit node_ref=form_ref>
            {children()}
        </form>
    }
}
