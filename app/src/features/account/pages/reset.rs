//! Forgotten password: ask for a link, then set a new password. Opening the emailed link only
//! shows a form; the code is used up by the form's POST, so mail scanners that follow links
//! cannot spend it.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, PasswordField, Submit};
use crate::components::layout::PageTitle;
use crate::components::patterns::EmailField;
use crate::domain::account::NewPassword;
use crate::features::account::api::{RequestPasswordReset, ResetPassword, RESET_LINK_MINUTES};
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let visitor = use_visitor();
    let state = FormState::for_action(RequestPasswordReset::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let locale = visitor.locale;
    let t = locale.translator();
    view! {
        <PageTitle text=t(Text::ResetRequestTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["email"] />
                <h1 class="govuk-heading-l">{t(Text::ResetRequestTitle)}</h1>
                <p class="govuk-body">
                    {visitor.locale.fill(Text::ResetRequestIntro, &[("minutes", &RESET_LINK_MINUTES.to_string())])}
                </p>
                <PostForm action=RequestPasswordReset::PATH state=state.clone()>
                    <EmailField label=t(Text::AccountEmailLabel) />
                    <Submit text=Text::ResetRequestButton />
                </PostForm>
            </div>
        </div>
    }
}

#[component]
pub fn ResetSentPage() -> impl IntoView {
    let visitor = use_visitor();
    let locale = visitor.locale;
    let t = locale.translator();
    view! {
        <PageTitle text=t(Text::ResetSentTitle) />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{t(Text::ResetSentTitle)}</h1>
                <p class="govuk-body">
                    {visitor.locale.fill(Text::ResetSentBody, &[("minutes", &RESET_LINK_MINUTES.to_string())])}
                </p>
                <p class="govuk-body">
                    {visitor.locale.fill(Text::ResetSentHelp, &[("phone", &visitor.council.phone)])}
                </p>
            </div>
        </div>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let visitor = use_visitor();
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    let state = FormState::for_action(ResetPassword::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let locale = visitor.locale;
    let t = locale.translator();
    let hint = visitor.locale.fill(Text::AccountPasswordHint, &[("min", &NewPassword::MIN.to_string())]);
    view! {
        <PageTitle text=t(Text::ResetPasswordTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["password"] />
                <h1 class="govuk-heading-l">{t(Text::ResetPasswordTitle)}</h1>
                <PostForm action=ResetPassword::PATH state=state.clone()>
                    <input type="hidden" name="code" value=code />
                    <PasswordField
                        name="password"
                        label=t(Text::AccountNewPasswordLabel)
                        hint=hint
                        autocomplete="new-password"
                    />
                    <Submit text=Text::ResetPasswordButton />
                </PostForm>
            </div>
        </div>
    }
}
