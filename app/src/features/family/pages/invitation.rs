//! Answering an invitation: enter the code (or follow the emailed link), see who sent it, and
//! accept or decline – or, for a helper without an account, create one.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::words;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{Checkboxes, ErrorSummary, PasswordField, Radios, Submit, TextField};
use crate::components::layout::{load_failed, LinkParagraph, PageHeading};
use crate::components::patterns::CodeField;
use crate::domain::account::Role;
use crate::domain::family::{shareable, InvitationKind};
use crate::domain::text::percent_encode;
use crate::features::family::api::{acting_for_customers, invitation_by_code, AnswerInvitation, CreateHelperAccount};
use crate::features::family::wire::InvitationView;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::{use_visitor, Visitor};

/// `/invitations`: a box for the code; with `?code=` it shows the invitation.
#[component]
pub fn EnterCodePage() -> impl IntoView {
    let code = use_query_map().with_untracked(|q| q.get("code"));
    view! { <Invitation code /> }
}

/// `/invitations/:code`: the link in a helper's email.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let code = use_params_map().with_untracked(|p| p.get("code"));
    view! { <Invitation code /> }
}

#[component]
fn Invitation(code: Option<String>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let Some(code) = code.filter(|c| !c.trim().is_empty()) else {
        return view! { <CodeForm code=String::new() error=None locale /> }.into_any();
    };
    view! {
        <Await future=invitation_by_code(code.clone()) let:found>
            {match found.clone() {
                Ok(invitation) => view! { <Answer invitation code=code.clone() visitor=use_visitor() /> }.into_any(),
                Err(error @ crate::error::AppError::Internal { .. }) => load_failed(error),
                Err(error) => {
                    let message = error
                        .field_messages()
                        .remove("code")
                        .or_else(|| error.summary(locale))
                        .unwrap_or_else(|| t(Text::FamilyErrorsCodeUnknown));
                    // A fault is not a wrong code: the page says so, and a refused form waits for it.
                    view! { <CodeForm code=code.clone() error=Some(message) locale /> }
                        .into_any()
                }
            }}
        </Await>
        <LinkParagraph href="/family" text=Text::FamilyTitle />
    }
    .into_any()
}

#[component]
fn CodeForm(code: String, error: Option<String>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let mut state = FormState { action: "/invitations".into(), ..FormState::default() };
    state.values.insert("code".into(), code);
    if let Some(error) = error {
        state.errors.insert("code".into(), error);
    }
    view! {
        <ErrorSummary state=state.clone() order=&["code"] />
        <PageHeading text=t(Text::FamilyCodeTitle) has_errors=state.has_errors() intro=t(Text::FamilyCodeIntro) />
        <form method="get" action="/invitations" novalidate>
            <CodeField label=t(Text::FamilyCodeLabel) hint=t(Text::FamilyCodeHint) state />
            <Submit text=Text::FamilyCodeButton />
        </form>
    }
}

#[component]
fn Answer(invitation: InvitationView, code: String, visitor: Visitor) -> impl IntoView {
    let (locale, t) = visitor.language();
    let (title, body) = match invitation.kind {
        InvitationKind::CareLink => (
            locale.fill(Text::FamilyAnswerCareLinkTitle, &[("name", &invitation.from_name)]),
            locale.fill(
                Text::FamilyAnswerCareLinkBody,
                &[("name", &invitation.from_name), ("records", &words::records(locale, &invitation.shares))],
            ),
        ),
        InvitationKind::Helper => (
            locale.fill(Text::FamilyAnswerHelperTitle, &[("name", &invitation.from_name)]),
            locale.fill(
                Text::FamilyAnswerHelperBody,
                &[
                    ("name", &invitation.from_name),
                    ("scope", invitation.scope.map(|s| words::scope(locale, s)).unwrap_or_default()),
                ],
            ),
        ),
    };
    let state = FormState::for_action(AnswerInvitation::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let role = visitor.user.as_ref().map(|u| u.role);
    let kind = invitation.kind;
    let signed_out_code = code.clone();
    let answer_form = move |extra: AnyView| {
        let state = state.clone();
        view! {
            <PostForm action=AnswerInvitation::PATH>
                <input type="hidden" name="code" value=code.clone() />
                {extra}
                <div class="govuk-button-group">
                    <Submit text=Text::FamilyAccept name="answer" value="accept" />
                    <Submit text=Text::FamilyDecline name="answer" value="decline" secondary=true />
                </div>
                {state.error("code").map(|e| view! { <p class="govuk-error-message">{e}</p> })}
            </PostForm>
        }
    };
    let action = match (kind, role) {
        (_, None) => {
            let email = invitation.helper_email.clone();
            view! { <SignedOut kind code=signed_out_code email locale /> }.into_any()
        }
        (InvitationKind::CareLink, Some(Role::Customer)) => answer_form(
            view! {
                <Checkboxes
                    legend=locale.fill(Text::FamilyIShareLegend, &[("name", &invitation.from_name)])
                    hint=t(Text::FamilyIShareHint)
                    state=FormState::default()
                    options=words::share_options(locale, shareable(Role::Customer))
                />
            }
            .into_any(),
        )
        .into_any(),
        (InvitationKind::CareLink, Some(Role::Representative)) => answer_form(
            view! {
                <Await future=acting_for_customers() let:people>
                    {
                        let options = people
                            .clone()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|p| (p.id.to_string(), p.name))
                            .collect::<Vec<_>>();
                        view! {
                            <Radios
                                name="person"
                                legend=t(Text::FamilyAnswerPersonLegend)
                                state=FormState::default()
                                options
                            />
                        }
                    }
                </Await>
            }
            .into_any(),
        )
        .into_any(),
        (InvitationKind::Helper, Some(Role::Representative)) => answer_form(().into_any()).into_any(),
        _ => view! { <p class="govuk-body">{t(Text::FamilyErrorsNotForYou)}</p> }.into_any(),
    };
    view! {
        <ErrorSummary
            state=FormState::for_action(AnswerInvitation::PATH, visitor.flash.as_ref(), BTreeMap::new())
            order=&["code", "person", "answer"]
        />
        <PageHeading text=title />
        <p class="govuk-body">{body}</p>
        <p class="govuk-body">{locale.fill(Text::FamilyAnswerExpires, &[("date", &invitation.expires_on)])}</p>
        {action}
    }
}

/// Not signed in: sign in to answer; a helper can start their account here (with the address
/// the invitation was sent to, confirmed by the link emailed there).
#[component]
fn SignedOut(kind: InvitationKind, code: String, email: Option<String>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let visitor = use_visitor();
    let next = format!("/invitations?code={code}");
    let sign_in = format!("/sign-in?next={}", percent_encode(&next, b"/"));
    let mut state = FormState::for_action(CreateHelperAccount::PATH, visitor.flash.as_ref(), BTreeMap::new());
    state.values.insert("code".into(), code.clone());
    let new_helper = (kind == InvitationKind::Helper).then_some(()).and(email);
    view! {
        <LinkParagraph href=sign_in text=Text::FamilySignInToAnswer />
        {new_helper
            .map(|email| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::FamilyHelperAccountHeading)}</h2>
                    <p class="govuk-body">{locale.fill(Text::FamilyHelperAccountIntro, &[("email", &email)])}</p>
                    <ErrorSummary state=state.clone() order=&["code", "name", "password"] />
                    <PostForm action=CreateHelperAccount::PATH state=state.clone()>
                        <input type="hidden" name="code" value=code.clone() />
                        <TextField name="name" label=t(Text::AccountNameLabel) autocomplete="name" />
                        <PasswordField
                            name="password"
                            label=t(Text::AccountNewPasswordLabel)
                            hint=locale
                                .fill(
                                    Text::AccountPasswordHint,
                                    &[("min", &crate::domain::account::NewPassword::MIN.to_string())],
                                )
                            autocomplete="new-password"
                        />
                        <Submit text=Text::FamilyHelperAccountButton />
                    </PostForm>
                }
            })}
    }
}
