//! The family page: who the person is linked to and what each shares, their helpers, and the
//! invitations they have sent; and the forms that invite.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::words;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{Checkboxes, ErrorSummary, Radios, Submit, TextField};
use crate::components::layout::{BackLink, ButtonLink, LinkParagraph, NotFound, PageHeading, PageTitle, SuccessBanner};
use crate::components::patterns::EmailField;
use crate::components::record_page::{loaded, signed_in};
use crate::domain::account::Role;
use crate::domain::family::{shareable, InvitationKind, InvitationStatus};
use crate::features::family::api::{
    my_family, InviteCaredFor, InviteHelper, RemoveHelper, SetShares, Unlink, WithdrawInvitation,
};
use crate::features::family::wire::{FamilyView, LinkView};
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;
use crate::policy::Scope;

#[component]
pub fn FamilyPage() -> impl IntoView {
    signed_in(|visitor| {
        let query = use_query_map().with_untracked(|q| {
            ["accepted", "declined", "shared", "unlinked", "removed"].into_iter().find(|k| q.get(k).is_some())
        });
        let (locale, t) = visitor.language();
        let role = visitor.user.as_ref().map(|u| u.role).unwrap_or(Role::Customer);
        let banner = query.map(|key| {
            let text = match key {
                "accepted" => Text::FamilyDoneAccepted,
                "declined" => Text::FamilyDoneDeclined,
                "shared" => Text::FamilyDoneShared,
                "unlinked" => Text::FamilyDoneUnlinked,
                _ => Text::FamilyDoneRemoved,
            };
            view! { <SuccessBanner message=t(text) /> }
        });
        view! {
            {banner}
            <PageHeading text=t(Text::FamilyTitle) intro=t(Text::FamilyIntro) />
            {loaded(my_family(), move |family| view! { <Family family role locale /> })}
            <LinkParagraph href="/invitations" text=Text::FamilyEnterCodeLink />
        }
    })
}

#[component]
fn Family(family: FamilyView, role: Role, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let plan_holder = matches!(role, Role::Carer | Role::Customer);
    let links = family.links.into_iter().map(|link| view! { <Link link role locale /> }).collect_view();
    let helpers = family
        .helpers
        .into_iter()
        .map(|h| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">
                        {h.name.clone()} <br /> <span class="govuk-body-s">{h.email.clone()}</span>
                    </dt>
                    <dd class="govuk-summary-list__value">
                        {words::scope(locale, h.scope)} <br />
                        <span class="govuk-body-s">{locale.fill(Text::FamilySince, &[("date", &h.since)])}</span>
                    </dd>
                    <dd class="govuk-summary-list__actions">
                        <PostForm action=RemoveHelper::PATH refused=use_visitor().flash>
                            <input type="hidden" name="helper" value=h.id.to_string() />
                            <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                                {t(Text::FamilyRemoveHelper)}
                                <span class="govuk-visually-hidden">{format!(" – {}", h.name)}</span>
                            </button>
                        </PostForm>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let invitations = family
        .invitations
        .into_iter()
        .map(|i| {
            let who = match i.kind {
                InvitationKind::CareLink => t(Text::FamilyInvitationCareLink),
                InvitationKind::Helper => locale.fill(
                    Text::FamilyInvitationHelper,
                    &[
                        ("name", i.helper_name.as_deref().unwrap_or_default()),
                        ("scope", i.scope.map(|s| words::scope(locale, s)).unwrap_or_default()),
                    ],
                ),
            };
            let open = i.status == InvitationStatus::Open;
            view! {
                <li>
                    {who} " – " {words::status(locale, i.status)} ", "
                    {locale.fill(Text::FamilySentOn, &[("date", &i.sent_on)])}
                    {open
                        .then(|| {
                            view! {
                                <PostForm action=WithdrawInvitation::PATH refused=use_visitor().flash>
                                    <input type="hidden" name="id" value=i.id.to_string() />
                                    <button
                                        type="submit"
                                        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                                    >
                                        {t(Text::FamilyWithdraw)}
                                    </button>
                                </PostForm>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    let acting_for = family
        .acting_for
        .into_iter()
        .map(|p| view! { <li>{p.name} " – " {words::scope(locale, p.scope)}</li> })
        .collect_view();
    view! {
        {(role == Role::Representative)
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::FamilyActingForHeading)}</h2>
                    <ul class="govuk-list govuk-list--bullet">{acting_for}</ul>
                }
            })}
        {plan_holder
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::FamilyLinksHeading)}</h2>
                    {links}
                    {(role == Role::Carer)
                        .then(|| {
                            view! {
                                <ButtonLink
                                    href="/family/invite-cared-for"
                                    text=Text::FamilyInviteCaredForLink
                                    secondary=true
                                />
                            }
                        })}
                    <h2 class="govuk-heading-m">{t(Text::FamilyHelpersHeading)}</h2>
                    <p class="govuk-body">{t(Text::FamilyHelpersIntro)}</p>
                    <dl class="govuk-summary-list">{helpers}</dl>
                    <ButtonLink href="/family/invite-helper" text=Text::FamilyInviteHelperLink secondary=true />
                    <h2 class="govuk-heading-m">{t(Text::FamilyInvitationsHeading)}</h2>
                    <ul class="govuk-list govuk-list--spaced">{invitations}</ul>
                }
            })}
    }
}

#[component]
fn Link(link: LinkView, role: Role, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let relation = if role == Role::Carer { Text::FamilyYouCareFor } else { Text::FamilyCaresForYou };
    let initial: BTreeMap<String, String> =
        link.i_share.iter().map(|r| (format!("share_{}", r.code()), "yes".to_owned())).collect();
    let state = FormState { values: initial, ..FormState::default() };
    let they_share = locale
        .fill(Text::FamilyTheyShare, &[("name", &link.name), ("records", &words::records(locale, &link.they_share))]);
    let legend = locale.fill(Text::FamilyIShareLegend, &[("name", &link.name)]);
    let unlink_body = locale.fill(Text::FamilyUnlinkBody, &[("name", &link.name)]);
    let heading = format!("{} – {}", link.name, t(relation));
    view! {
        <div class="portal-link">
            <h3 class="govuk-heading-s">{heading}</h3>
            <p class="govuk-body">{they_share}</p>
            <PostForm action=SetShares::PATH refused=use_visitor().flash>
                <input type="hidden" name="person" value=link.person_id.to_string() />
                <Checkboxes
                    legend
                    hint=t(Text::FamilyIShareHint)
                    state
                    options=words::share_options(locale, shareable(role))
                    small=true
                />
                <Submit text=Text::FamilySaveShares />
            </PostForm>
            <details class="govuk-details">
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{t(Text::FamilyUnlinkSummary)}</span>
                </summary>
                <div class="govuk-details__text">
                    <p class="govuk-body">{unlink_body}</p>
                    <PostForm action=Unlink::PATH refused=use_visitor().flash>
                        <input type="hidden" name="person" value=link.person_id.to_string() />
                        <Submit text=Text::FamilyUnlinkButton warning=true />
                    </PostForm>
                </div>
            </details>
        </div>
    }
}

#[component]
pub fn InviteCaredForPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        let state = FormState::for_action(InviteCaredFor::PATH, visitor.flash.as_ref(), BTreeMap::new());
        view! {
            <BackLink href="/family" text=Text::FamilyTitle />
            <PageHeading text=t(Text::FamilyInviteCaredForTitle) intro=t(Text::FamilyInviteCaredForIntro) />
            <PostForm action=InviteCaredFor::PATH refused=use_visitor().flash>
                <Checkboxes
                    legend=t(Text::FamilyInviteCaredForShareLegend)
                    hint=t(Text::FamilyIShareHint)
                    state
                    options=words::share_options(locale, shareable(Role::Carer))
                />
                <Submit text=Text::FamilyInviteCaredForButton />
            </PostForm>
        }
    })
}

#[component]
pub fn InviteHelperPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        let state = FormState::for_action(InviteHelper::PATH, visitor.flash.as_ref(), BTreeMap::new());
        let scopes = [Scope::View, Scope::Edit]
            .iter()
            .map(|s| (s.as_str(), words::scope(locale, *s).to_owned()))
            .collect::<Vec<_>>();
        view! {
            <BackLink href="/family" text=Text::FamilyTitle />
            <ErrorSummary state=state.clone() order=&["name", "email", "scope"] />
            <PageHeading
                text=t(Text::FamilyInviteHelperTitle)
                has_errors=state.has_errors()
                intro=t(Text::FamilyInviteHelperIntro)
            />
            <PostForm action=InviteHelper::PATH state=state.clone()>
                <TextField name="name" label=t(Text::FamilyHelperName) autocomplete="off" />
                <EmailField label=t(Text::FamilyHelperEmail) hint=t(Text::FamilyHelperEmailHint) autocomplete="off" />
                <Radios name="scope" legend=t(Text::FamilyHelperScopeLegend) options=scopes />
                <Submit text=Text::FamilyInviteHelperButton />
            </PostForm>
        }
    })
}

/// The code to give, straight after inviting.
#[component]
pub fn InvitedPage() -> impl IntoView {
    signed_in(|visitor| {
        let (code, helper) = use_query_map().with_untracked(|q| (q.get("code"), q.get("helper").is_some()));
        let Some(code) = code.and_then(|c| crate::domain::emergency::CardCode::parse(&c)) else {
            return NotFound().into_any();
        };
        let (locale, t) = visitor.language();
        let days = crate::domain::family::INVITATION_DAYS.to_string();
        view! {
            <PageTitle text=t(Text::FamilyInvitedTitle) />
            <div class="govuk-panel govuk-panel--confirmation">
                <h1 class="govuk-panel__title">{t(Text::FamilyInvitedTitle)}</h1>
                <div class="govuk-panel__body">
                    {t(Text::FamilyInvitedCode)} <br /> <strong class="portal-code" data-invitation-code="">
                        {code.grouped()}
                    </strong>
                </div>
            </div>
            <p class="govuk-body">
                {if helper { t(Text::FamilyInvitedHelperBody) } else { t(Text::FamilyInvitedCaredForBody) }}
            </p>
            <p class="govuk-body">{locale.fill(Text::FamilyInvitedExpires, &[("days", &days)])}</p>
            <LinkParagraph href="/family" text=Text::FamilyTitle />
        }
        .into_any()
    })
}
