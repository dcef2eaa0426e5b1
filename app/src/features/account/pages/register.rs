//! Creating an account (carers and the people they care for).
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, PasswordField, Radios, Submit};
use crate::components::layout::PageTitle;
use crate::components::patterns::{EmailField, NameField, PostcodeField};
use crate::domain::account::NewPassword;
use crate::features::account::api::Register;
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
