//! GOV.UK patterns built from the fields, so every form asks for the same thing the same way:
//! an email address, a person's name and a code copied from a letter or a card.
use leptos::prelude::*;

use super::fields::{form_state, TextField};
use crate::kit::forms::FormState;

/// The email address pattern: an email keyboard on phones, no spellcheck, and the browser's
/// autofill (`email` to give one's own; `username` to sign in; `off` for someone else's).
#[component]
pub fn EmailField(
    label: String,
    #[prop(optional)] state: Option<FormState>,
    #[prop(default = "email")] name: &'static str,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = "email")] autocomplete: &'static str,
) -> impl IntoView {
    view! { <TextField name label hint state=form_state(state) input_type="email" autocomplete spellcheck=false /> }
}

/// The names pattern: one full-name box, no spellcheck (names are not dictionary words).
#[component]
pub fn NameField(
    label: String,
    #[prop(optional)] state: Option<FormState>,
    #[prop(default = "name")] name: &'static str,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = "name")] autocomplete: &'static str,
) -> impl IntoView {
    view! { <TextField name label hint state=form_state(state) autocomplete spellcheck=false /> }
}

/// The addresses pattern's postcode box: optional, sized for a postcode, autofilled; `label`
/// says why it is asked.
#[component]
pub fn PostcodeField(
    label: String,
    #[prop(into)] hint: String,
    #[prop(optional)] state: Option<FormState>,
) -> impl IntoView {
    view! {
        <TextField
            name="postcode"
            label
            hint
            state=form_state(state)
            autocomplete="postal-code"
            spellcheck=false
            width="10"
        />
    }
}

/// A code copied from a letter or a card (an invitation, an account to take over, an emergency
/// card): a short box named `code`, no autofill, no spellcheck.
#[component]
pub fn CodeField(
    label: String,
    #[prop(into)] hint: String,
    #[prop(optional)] state: Option<FormState>,
) -> impl IntoView {
    view! { <TextField name="code" label hint state=form_state(state) autocomplete="off" spellcheck=false width="10" /> }
}
