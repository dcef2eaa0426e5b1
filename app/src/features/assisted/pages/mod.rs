//! The pages for records started with a carer who has no account or email: starting one, its
//! letter, the carer taking it over, and the banner on the assessment pages while a
//! practitioner fills them in with the carer.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, PasswordField, Submit};
use crate::components::layout::{LinkParagraph, NotificationBanner, PageHeading};
use crate::components::patterns::{CodeField, EmailField, NameField, PostcodeField};
use crate::components::record_page::{record_page, signed_in};
use crate::domain::account::{NewPassword, Role};
use crate::features::assisted::api::{
    letter_for, FillInWith, NewLetterCode, StartAssistedRecord, StopFillingIn, TakeOverAccount,
};
use crate::features::assisted::wire::AssistedLetter;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// `/staff/assisted`: a practitioner starts a record for a carer with no account or email.
#[component]
pub fn StartAssistedPage() -> impl IntoView {
    signed_in(|visitor| {
        let t = visitor.locale.translator();
        // A trusted assessor's record goes to the council's intake, not to themselves.
        let intro = match visitor.user.as_ref().map(|u| u.role) {
            Some(Role::TrustedAssessor) => Text::AssistedStartIntroAssessor,
            _ => Text::AssistedStartIntro,
        };
        let state = FormState::for_action(StartAssistedRecord::PATH, visitor.flash.as_ref(), BTreeMap::new());
        view! {
            <ErrorSummary state=state.clone() order=&["name", "postcode"] />
            <PageHeading text=t(Text::AssistedStartTitle) has_errors=state.has_errors() intro=t(intro) />
            <PostForm action=StartAssistedRecord::PATH state>
                <NameField label=t(Text::AssistedNameLabel) autocomplete="off" />
                <PostcodeField label=t(Text::AssistedPostcodeLabel) hint=t(Text::AccountPostcodeHint) />
                <Submit text=Text::AssistedStartButton />
            </PostForm>
            <LinkParagraph href="/home" text=Text::HomeBackLink />
        }
    })
}

/// `/staff/assisted/:id/letter`, with `?code=` once, right after the code is made.
#[component]
pub fn LetterPage() -> impl IntoView {
    let code = use_query_map().with_untracked(|q| q.get("code"));
    record_page(letter_for, move |letter| Some(view! { <Letter letter code=code.clone() /> }))
}

#[component]
fn Letter(letter: AssistedLetter, code: Option<String>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let id = letter.person_id;
    let body = match (letter.waiting, code) {
        (false, _) => view! { <p class="govuk-body">{t(Text::AssistedTakenOver)}</p> }.into_any(),
        (true, None) => view! { <p class="govuk-body">{t(Text::AssistedCodeShownOnce)}</p> }.into_any(),
        (true, Some(code)) => {
            let grouped = crate::domain::emergency::CardCode::parse(&code).map(|c| c.grouped()).unwrap_or(code);
            let days = letter.valid_days.to_string();
            view! {
                <div class="govuk-inset-text portal-letter">
                    <p class="govuk-body">{locale.fill(Text::AssistedLetterGreeting, &[("name", &letter.name)])}</p>
                    <p class="govuk-body">
                        {locale.fill(Text::AssistedLetterBody, &[("council", &visitor.council.name)])}
                    </p>
                    <p class="govuk-body">{locale.fill(Text::AssistedLetterGo, &[("address", &letter.address)])}</p>
                    <p class="govuk-body govuk-!-font-size-36 govuk-!-font-weight-bold" data-letter-code="">
                        {grouped}
                    </p>
                    <p class="govuk-body">{locale.fill(Text::AssistedLetterValid, &[("days", &days)])}</p>
                    <p class="govuk-body">
                        {locale.fill(Text::AssistedLetterHelp, &[("phone", &visitor.council.phone)])}
                    </p>
                </div>
                <p class="govuk-body">{t(Text::AssistedPrintHint)}</p>
            }
            .into_any()
        }
    };
    let new_code = letter.waiting.then(|| {
        view! {
            <PostForm action=NewLetterCode::PATH>
                <input type="hidden" name="person_id" value=id />
                <Submit text=Text::AssistedNewCodeButton secondary=true />
            </PostForm>
        }
    });
    let caseworker = visitor.user.as_ref().is_some_and(|u| u.role == Role::Practitioner);
    let allocation = caseworker
        .then(|| view! { <LinkParagraph href=format!("/staff/allocations/{id}") text=Text::AllocationCaption /> });
    // The buttons have no fields: a refusal (a fault) is told at the top.
    let refused = |action: &str| FormState::for_action(action, visitor.flash.as_ref(), BTreeMap::new());
    view! {
        <ErrorSummary state=refused(FillInWith::PATH) order=&[] />
        <ErrorSummary state=refused(NewLetterCode::PATH) order=&[] />
        <PageHeading text=locale.fill(Text::AssistedLetterTitle, &[("name", &letter.name)]) />
        {body}
        <PostForm action=FillInWith::PATH>
            <input type="hidden" name="person_id" value=id />
            <Submit text=Text::AssistedFillInButton />
        </PostForm>
        {new_code}
        {allocation}
        <LinkParagraph href="/home" text=Text::HomeBackLink />
    }
}

/// `/take-over`: the carer takes over the account with the code in their letter.
#[component]
pub fn TakeOverPage() -> impl IntoView {
    let visitor = use_visitor();
    let t = visitor.locale.translator();
    let state = FormState::for_action(TakeOverAccount::PATH, visitor.flash.as_ref(), BTreeMap::new());
    view! {
        <ErrorSummary state=state.clone() order=&["code", "email", "password"] />
        <PageHeading
            text=t(Text::AssistedTakeOverTitle)
            has_errors=state.has_errors()
            intro=t(Text::AssistedTakeOverIntro)
        />
        <PostForm action=TakeOverAccount::PATH state>
            <CodeField label=t(Text::AssistedCodeLabel) hint=t(Text::AssistedCodeHint) />
            <EmailField label=t(Text::AccountEmailLabel) />
            <PasswordField
                name="password"
                label=t(Text::AccountNewPasswordLabel)
                hint=visitor.locale.fill(Text::AccountPasswordHint, &[("min", &NewPassword::MIN.to_string())])
                autocomplete="new-password"
            />
            <Submit text=Text::AssistedTakeOverButton />
        </PostForm>
    }
}

/// On the assessment pages while a practitioner fills them in with a carer: whose they are, and
/// a button to stop.
#[component]
pub fn AssistingBanner(name: Option<String>) -> impl IntoView {
    let locale = use_visitor().locale;
    name.map(|name| {
        view! {
            <NotificationBanner title_id="assisting-title" title=locale.text(Text::AssistedBannerTitle)>
                <p class="govuk-notification-banner__heading">
                    {locale.fill(Text::AssistedBannerBody, &[("name", &name)])}
                </p>
                <PostForm action=StopFillingIn::PATH>
                    <Submit text=Text::AssistedStopButton secondary=true />
                </PostForm>
            </NotificationBanner>
        }
    })
}
