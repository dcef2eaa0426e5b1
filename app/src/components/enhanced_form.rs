//! A form that posts to its server function. Without JavaScript it is a plain HTML form (the
//! server keeps what was typed and redirects back with messages). With JavaScript the
//! `FormEnhancer` island sends the same fields, shows the server's messages next to the fields
//! and in the error summary without reloading, and follows the server's redirect on success.
//! Anything it cannot handle (an expired session, a server fault) falls back to the plain
//! post, so the server's answer is the same either way.
//!
//! Islands here take no props: what they need is in the server-rendered markup (`data-*`
//! attributes), which keeps serde out of the browser's wasm.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::fields::{ErrorSummary, FieldOrder};
use crate::kit::forms::{FormFlash, FormState};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// Set by components that render an island, so the page includes the islands' loader.
#[derive(Clone, Default)]
pub struct IslandsOnPage(Arc<AtomicBool>);

impl IslandsOnPage {
    pub fn mark() {
        if let Some(flag) = use_context::<IslandsOnPage>() {
            flag.0.store(true, Ordering::Relaxed);
        }
    }

    pub fn any(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A POST form for the server function at `action`. With `autosave` (a key unique to the
/// person and the page), what they type is kept on the device and saved as they go.
///
/// Forms without an error summary of their own (a single button) pass the refused form as
/// `refused`: its message about the whole form (a fault, a conflict) is shown at the top of the
/// form, so nobody is sent back to a page that says nothing.
///
/// Forms with fields pass their `state`: the fields inside take it from there. The children
/// are drawn at once, while it is this form's state that is provided, because components share
/// their parent's context and a later form on the same page provides its own.
#[component]
pub fn PostForm(
    action: &'static str,
    #[prop(optional)] state: Option<FormState>,
    #[prop(optional, into)] autosave: Option<String>,
    #[prop(default = None)] refused: Option<FormFlash>,
    children: Children,
) -> impl IntoView {
    IslandsOnPage::mark();
    if let Some(state) = state {
        provide_context(state);
    }
    let children = children();
    let visitor = use_visitor();
    let status = autosave.is_some().then(|| {
        view! { <p class="govuk-body-s portal-autosave" role="status" data-autosave-status=""></p> }
    });
    let unshown = refused.filter(|flash| flash.action == action && flash.summary.is_some()).map(|flash| {
        let state = FormState { action: action.to_owned(), summary: flash.summary, ..FormState::default() };
        view! { <ErrorSummary state order=FieldOrder(Vec::new()) /> }
    });
    view! {
        <FormEnhancer>
            <form
                method="post"
                action=action
                novalidate
                data-summary-title=visitor.t(Text::ErrorsSummaryTitle)
                data-error-prefix=visitor.t(Text::ErrorsPrefix)
                data-offline=visitor.t(Text::ErrorsOffline)
                data-autosave=autosave.clone()
                data-autosave-saved=autosave.as_ref().map(|_| visitor.t(Text::AssessmentAutosaveSaved))
                data-autosave-offline=autosave.as_ref().map(|_| visitor.t(Text::AssessmentAutosaveOffline))
                data-autosave-signed-out=autosave.as_ref().map(|_| visitor.t(Text::AssessmentAutosaveSignedOut))
                data-autosave-restored=autosave.as_ref().map(|_| visitor.t(Text::AssessmentRestored))
            >
                {unshown}
                {children}
                {status}
            </form>
        </FormEnhancer>
    }
}

#[island]
pub(crate) fn FormEnhancer(children: Children) -> impl IntoView {
    let wrapper = NodeRef::<leptos::html::Div>::new();
    // Marks the forms once the script is running, so tests (and styles) can tell.
    Effect::new(move |_| {
        if let Some(forms) = wrapper.get().and_then(|div| div.query_selector_all("form").ok()) {
            for i in 0..forms.length() {
                if let Some(form) = forms.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlFormElement>().ok()) {
                    let _ = form.set_attribute("data-enhanced", "");
                    if form.has_attribute("data-autosave") {
                        crate::components::autosave::restore(form);
                    }
                }
            }
        }
    });
    let on_submit = move |event: web_sys::SubmitEvent| {
        let Some(form) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else {
            return;
        };
        event.prevent_default();
        // The button pressed (e.g. "Save and come back later") is part of what a browser sends.
        let pressed = event
            .submitter()
            .and_then(|b| Some((b.get_attribute("name")?, b.get_attribute("value").unwrap_or_default())));
        leptos::task::spawn_local(crate::components::form_script::submit(form, pressed));
    };
    // Typing or choosing in an autosaving form keeps the answer and soon sends it.
    let on_change = move |event: web_sys::Event| {
        let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(textarea) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
            crate::components::form_script::count_characters(textarea);
        }
        if let Some(input) =
            target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>()).filter(|i| i.type_() == "file")
        {
            crate::components::upload_script::preview(input);
        }
        let form = target
            .and_then(|e| e.closest("form[data-autosave]").ok().flatten())
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            crate::components::autosave::changed(form);
        }
    };
    view! {
        <div on:submit=on_submit on:input=on_change on:change=on_change node_ref=wrapper>
            {children()}
        </div>
    }
}
