//! Creating an account (carers and the people they care for): the form, then the emailed link
//! that proves the address and makes the account.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, PasswordField, Radios, Submit};
use crate::components::layout::PageTitle;
use crate::components::patterns::{EmailField, NameField, PostcodeField};
use crate::domain::account::{NewPassword, REGISTRATION_LINK_HOURS};
use crate::features::account::api::{ConfirmRegistration, Register};
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let visitor = use_visitor();
    let state = FormState::for_action(Register::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let locale = visitor.locale;
    let t = locale.translator();
    let password_hint = visitor.locale.fill(Text::AccountPasswordHint, &[("min", &NewPassword::MIN.to_string())]);
    view! {
        <PageTitle text=t(Text::AccountRegisterTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["role", "name", "email", "postcode", "password"] />
                <h1 class="govuk-heading-l">{t(Text::AccountRegisterTitle)}</h1>
                <p class="govuk-body">{t(Text::AccountRegisterIntro)}</p>
                <PostForm action=Register::PATH state=state.clone()>
                    <Radios
                        name="role"
                        legend=t(Text::AccountRoleLegend)
                        options=vec![("carer", t(Text::AccountRoleCarer)), ("customer", t(Text::AccountRoleCustomer))]
                    />
                    <NameField label=t(Text::AccountNameLabel) />
                    <EmailField label=t(Text::AccountEmailLabel) hint=t(Text::AccountEmailHint) />
                    <PostcodeField label=t(Text::AccountPostcodeLabel) hint=t(Text::AccountPostcodeHint) />
                    <PasswordField
                        name="password"
                        label=t(Text::AccountNewPasswordLabel)
                        hint=password_hint
                        autocomplete="new-password"
                    />
                    <Submit text=Text::AccountRegisterButton />
                </PostForm>
                <p class="govuk-body">
                    {t(Text::AccountHaveAccount)} " " <a class="govuk-link" href="/sign-in">
                        {t(Text::AccountSignInLink)}
                    </a>
                </p>
            </div>
        </div>
    }
}

/// `/register/check-email`: after the form, whichever way it went.
#[component]
pub fn RegisterSentPage() -> impl IntoView {
    let visitor = use_visitor();
    let locale = visitor.locale;
    let t = locale.translator();
    let hours = REGISTRATION_LINK_HOURS.to_string();
    view! {
        <PageTitle text=t(Text::RegistrationSentTitle) />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{t(Text::RegistrationSentTitle)}</h1>
                <p class="govuk-body">{locale.fill(Text::RegistrationSentBody, &[("hours", &hours)])}</p>
                <p class="govuk-body">{t(Text::RegistrationSentKept)}</p>
                <p class="govuk-body">
                    {locale.fill(Text::RegistrationSentHelp, &[("phone", &visitor.council.phone)])}
                </p>
            </div>
        </div>
    }
}

/// `/register/confirm/:code`: the emailed link. Opening it only shows a button; the account is
/// made by the button's POST, so mail scanners that follow links cannot spend the link.
#[component]
pub fn ConfirmRegistrationPage() -> impl IntoView {
    let visitor = use_visitor();
    let code = use_params_map().with_untracked(|p| p.get("code")).unwrap_or_default();
    let next = use_query_map().with_untracked(|q| q.get("next")).unwrap_or_default();
    let state = FormState::for_action(ConfirmRegistration::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let t = visitor.locale.translator();
    let refused = state.error("code");
    view! {
        <PageTitle text=t(Text::RegistrationConfirmTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["code"] />
                <h1 class="govuk-heading-l">{t(Text::RegistrationConfirmTitle)}</h1>
                {match refused {
                    Some(message) => {
                        view! {
                            <p class="govuk-error-message" id="code">
                                {message}
                            </p>
                            <p class="govuk-body">
                                <a class="govuk-link" href="/register">
                                    {t(Text::AccountCreateLink)}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <p class="govuk-body">{t(Text::RegistrationConfirmIntro)}</p>
                            <PostForm action=ConfirmRegistration::PATH state=state.clone()>
                                <input type="hidden" name="code" value=code />
                                <input type="hidden" name="next" value=next />
                                <Submit text=Text::RegistrationConfirmButton />
                            </PostForm>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}
