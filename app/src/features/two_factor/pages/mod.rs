//! `/account/two-factor` (setting it up and its state) and `/sign-in/code` (the code asked for
//! after the password). Both work without JavaScript: the QR code is an SVG drawn by the server.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextField};
use crate::components::layout::{LinkParagraph, PageHeading, SuccessBanner, WarningText};
use crate::components::record_page::signed_in_page;
use crate::features::two_factor::api::{two_factor_status, ConfirmTwoFactor, SignInCode, StartTwoFactor};
use crate::features::two_factor::wire::TwoFactorView;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// `/account/two-factor`, with `?on=1` once it is turned on.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let on = use_query_map().with_untracked(|q| q.get("on").is_some());
    signed_in_page(two_factor_status, move |view| view! { <TwoFactor view on /> })
}

/// The six-digit code box: numeric keyboard, one-time-code autofill, no spellcheck.
#[component]
fn CodeBox(label: String, hint: String) -> impl IntoView {
    view! {
        <TextField
            name="code"
            label
            hint
            autocomplete="one-time-code"
            spellcheck=false
            width="10"
            input_mode="numeric"
        />
    }
}

#[component]
fn TwoFactor(view: TwoFactorView, on: bool) -> impl IntoView {
    let visitor = use_visitor();
    let t = visitor.locale.translator();
    let body = match view {
        TwoFactorView::Off => {
            let state = FormState::for_action(StartTwoFactor::PATH, visitor.flash.as_ref(), BTreeMap::new());
            view! {
                <ErrorSummary state=state.clone() order=&["code"] />
                <p class="govuk-body">{t(Text::TwoFactorOffIntro)}</p>
                <PostForm action=StartTwoFactor::PATH state>
                    <Submit text=Text::TwoFactorStartButton />
                </PostForm>
            }
            .into_any()
        }
        TwoFactorView::SettingUp { qr_svg, secret, recovery_codes } => {
            let state = FormState::for_action(ConfirmTwoFactor::PATH, visitor.flash.as_ref(), BTreeMap::new());
            let codes = recovery_codes
                .into_iter()
                .map(|c| {
                    view! {
                        <li>
                            <code>{c}</code>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ErrorSummary state=state.clone() order=&["code"] />
                <h2 class="govuk-heading-m">{t(Text::TwoFactorStepApp)}</h2>
                <p class="govuk-body">{t(Text::TwoFactorScan)}</p>
                <div class="portal-qr" role="img" aria-label=t(Text::TwoFactorQrLabel) inner_html=qr_svg></div>
                <p class="govuk-body">{t(Text::TwoFactorSecretIntro)}</p>
                <p class="govuk-body">
                    <code class="portal-secret">{secret}</code>
                </p>
                <h2 class="govuk-heading-m">{t(Text::TwoFactorStepCodes)}</h2>
                <WarningText text=t(Text::TwoFactorCodesWarning) />
                <ul class="govuk-list govuk-list--bullet">{codes}</ul>
                <h2 class="govuk-heading-m" id="confirm">
                    {t(Text::TwoFactorStepConfirm)}
                </h2>
                <PostForm action=ConfirmTwoFactor::PATH state>
                    <CodeBox label=t(Text::TwoFactorCodeLabel) hint=t(Text::TwoFactorCodeHint) />
                    <Submit text=Text::TwoFactorConfirmButton />
                </PostForm>
            }
            .into_any()
        }
        TwoFactorView::On { codes_left } => view! {
            <p class="govuk-body">{t(Text::TwoFactorOnIntro)}</p>
            <p class="govuk-body">
                {visitor.locale.fill(Text::TwoFactorCodesLeft, &[("count", &codes_left.to_string())])}
            </p>
        }
        .into_any(),
    };
    let required = visitor.must_set_up_two_factor();
    view! {
        {on.then(|| view! { <SuccessBanner message=t(Text::TwoFactorTurnedOn) /> })}
        <PageHeading text=t(Text::TwoFactorTitle) intro=t(Text::TwoFactorIntro) />
        {required.then(|| view! { <WarningText text=t(Text::TwoFactorRequired) /> })}
        {body}
        <LinkParagraph href="/home" text=Text::HomeBackLink />
    }
}

/// `/sign-in/code?token=…`: the code after the right password.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let visitor = use_visitor();
    let token = use_query_map().with_untracked(|q| q.get("token")).unwrap_or_default();
    let state = FormState::for_action(SignInCode::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let t = visitor.locale.translator();
    view! {
        <ErrorSummary state=state.clone() order=&["code"] />
        <PageHeading
            text=t(Text::TwoFactorSignInTitle)
            has_errors=state.has_errors()
            intro=t(Text::TwoFactorSignInIntro)
        />
        <PostForm action=SignInCode::PATH state>
            <input type="hidden" name="token" value=token />
            <CodeBox label=t(Text::TwoFactorCodeLabel) hint=t(Text::TwoFactorSignInHint) />
            <Submit text=Text::TwoFactorSignInButton />
        </PostForm>
        <LinkParagraph href="/sign-in" text=Text::TwoFactorStartAgain />
    }
}
