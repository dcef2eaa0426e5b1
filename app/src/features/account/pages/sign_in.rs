//! Signing in.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, PasswordField, Submit};
use crate::components::layout::{LinkParagraph, PageTitle};
use crate::components::patterns::EmailField;
use crate::features::account::api::SignIn;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn SignInPage() -> impl IntoView {
    let visitor = use_visitor();
    let query = use_query_map();
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    let was_reset = query.with_untracked(|q| q.get("reset")).is_some();
    let mut state = FormState::for_action(SignIn::PATH, visitor.flash.as_ref(), BTreeMap::new());
    // Sent back by the council's sign-in, which did not sign them in: why, beside its button.
    let refused = query.with_untracked(|q| q.get("council")).and_then(|why| council_refusal(&why));
    if let Some(why) = refused {
        state.errors.insert(COUNCIL_BUTTON.into(), visitor.t(why).into());
    }
    let through_council = visitor.council.staff_sign_in.through_council;
    // Sent here to sign in again before something that needs a recent sign-in: the council's
    // provider is asked to sign them in again too, not to reuse its own session.
    let again = query.with_untracked(|q| q.get("again")).is_some();
    let council_link = format!(
        "{COUNCIL_PATH}?next={}{}",
        crate::domain::text::percent_encode(&next, b"/"),
        if again { "&again=1" } else { "" }
    );
    // Sent here by a form posted after the session ran out: say that nothing was lost.
    let notice = if again {
        Some(visitor.t(Text::ErrorsSignInAgain))
    } else if visitor.timed_out || !next.is_empty() {
        Some(visitor.t(Text::AccountSignInToContinue))
    } else if was_reset {
        Some(visitor.t(Text::AccountPasswordChanged))
    } else {
        None
    };
    let locale = visitor.locale;
    let t = locale.translator();
    view! {
        <PageTitle text=t(Text::AccountSignInTitle) has_errors=state.has_errors() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=&["email", "password", COUNCIL_BUTTON] />
                {notice
                    .map(|notice| {
                        view! {
                            <div class="govuk-notification-banner" role="region" aria-labelledby="notice-title">
                                <div class="govuk-notification-banner__header">
                                    <h2 class="govuk-notification-banner__title" id="notice-title">
                                        {t(Text::AccountNoticeTitle)}
                                    </h2>
                                </div>
                                <div class="govuk-notification-banner__content">
                                    <p class="govuk-notification-banner__heading">{notice}</p>
                                </div>
                            </div>
                        }
                    })}
                <h1 class="govuk-heading-l">{t(Text::AccountSignInTitle)}</h1>
                <PostForm action=SignIn::PATH state=state.clone()>
                    <input type="hidden" name="next" value=next />
                    <EmailField label=t(Text::AccountEmailLabel) autocomplete="username" />
                    <PasswordField
                        name="password"
                        label=t(Text::AccountPasswordLabel)
                        autocomplete="current-password"
                    />
                    <Submit text=Text::AccountSignInButton />
                </PostForm>
                <LinkParagraph href="/password-reset" text=Text::AccountForgotten />
                {through_council
                    .then(|| {
                        view! {
                            <h2 class="govuk-heading-m">{t(Text::CouncilSignInHeading)}</h2>
                            <p class="govuk-body">{t(Text::CouncilSignInHint)}</p>
                            {refused
                                .map(|why| {
                                    view! {
                                        <p class="govuk-error-message">
                                            <span class="govuk-visually-hidden">{t(Text::ErrorsPrefix)}</span>
                                            {t(why)}
                                        </p>
                                    }
                                })}
                            <a
                                id=COUNCIL_BUTTON
                                class="govuk-button govuk-button--secondary"
                                href=council_link
                                role="button"
                                draggable="false"
                            >
                                {t(Text::CouncilSignInButton)}
                            </a>
                        }
                    })}
                <h2 class="govuk-heading-m">{t(Text::AccountNoAccountHeading)}</h2>
                <LinkParagraph href="/register" text=Text::AccountCreateLink />
            </div>
        </div>
    }
}

/// Where the council's sign-in starts (a plain route: it sends the browser to the provider).
pub const COUNCIL_PATH: &str = "/auth/council";
/// The council sign-in button's id, which its error message links to.
const COUNCIL_BUTTON: &str = "council-sign-in";

/// Why the council's sign-in sent someone back, from the code in the address.
fn council_refusal(code: &str) -> Option<Text> {
    Some(match code {
        "not-linked" => Text::CouncilSignInNotLinked,
        "unverified" => Text::CouncilSignInUnverified,
        "another" => Text::CouncilSignInAnother,
        "unavailable" => Text::CouncilSignInUnavailable,
        "cancelled" => Text::CouncilSignInCancelled,
        _ => return None,
    })
}
