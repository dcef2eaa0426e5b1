//! GOV.UK patterns built from the fields, so every form asks for the same thing the same way:
//! an email address and a person's name.
use leptos::prelude::*;

use super::fields::TextField;
use crate::kit::forms::FormState;

/// The email address pattern: an email keyboard on phones, no spellcheck, and the browser's
/// autofill (`email` to give one's own; `username` to sign in; `off` for someone else's).
#[component]
pub fn EmailField(
    label: String,
    state: FormState,
    #[prop(default = "email")] name: &'static str,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = "email")] autocomplete: &'static str,
) -> impl IntoView {
    view! { <TextField name label hint state input_type="email" autocomplete spellcheck=false /> }
}

/// The names pattern: one full-name box, no spellcheck (names are not dictionary words).
#[component]
pub fn NameField(
    label: String,
    state: FormState,
    #[prop(default = "name")] name: &'static str,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = "name")] autocomplete: &'static str,
) -> impl IntoView {
    view! { <TextField name label hint state autocomplete spellcheck=false /> }
}
