//! The responder's side: look a plan up by card code and a reason, then read that one plan.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::plan::DetailRows;
use super::words;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{BackLink, NotFound, OrNone, PageHeading};
use crate::components::patterns::CodeField;
use crate::components::record_page::{record_page, signed_in};
use crate::domain::emergency::{LookupReason, LOOKUP_MINUTES, TEXT_MAX};
use crate::features::emergency::api::{look_up_result, LookUp};
use crate::features::emergency::wire::LookupResult;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;
use crate::policy::Capability;

#[component]
pub fn ResponderPage() -> impl IntoView {
    signed_in(|visitor| {
        if !visitor.user.as_ref().is_some_and(|u| u.actor().may(Capability::LookUpEmergencyPlans)) {
            return NotFound().into_any();
        }
        let (locale, t) = visitor.language();
        let state = FormState::for_action(LookUp::PATH, visitor.flash.as_ref(), BTreeMap::new());
        let reasons =
            LookupReason::ALL.iter().map(|r| (r.code(), words::reason(locale, *r).to_owned())).collect::<Vec<_>>();
        view! {
            <ErrorSummary state=state.clone() order=&["code", "reason", "note"] />
            <PageHeading text=t(Text::ResponderTitle) has_errors=state.has_errors() intro=t(Text::ResponderIntro) />
            <PostForm action=LookUp::PATH state=state.clone()>
                <CodeField label=t(Text::ResponderCodeLabel) hint=t(Text::ResponderCodeHint) />
                <Radios name="reason" legend=t(Text::ResponderReasonLegend) options=reasons />
                <TextArea
                    name="note"
                    label=t(Text::ResponderNoteLabel)
                    hint=t(Text::ResponderNoteHint)
                    max_chars=TEXT_MAX
                    rows=3
                />
                <Submit text=Text::ResponderButton />
            </PostForm>
        }
        .into_any()
    })
}

#[component]
pub fn LookupResultPage() -> impl IntoView {
    let locale = use_visitor().locale;
    record_page(look_up_result, move |result| Some(view! { <LookedUp result locale /> }))
}

#[component]
fn LookedUp(result: LookupResult, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let title = locale.fill(Text::ResponderResultTitle, &[("name", &result.carer_name)]);
    let (tag_class, tag) = words::freshness_tag(locale, result.freshness);
    let not_provided = t(Text::EmergencyNotProvided);
    let contacts = result
        .contacts
        .iter()
        .map(|c| {
            let agreed = words::agreement(locale, c.agreed_on.as_deref());
            view! {
                <li>
                    <strong>{c.name.clone()}</strong>
                    {(!c.relationship.is_empty()).then(|| format!(" ({})", c.relationship))}
                    " – "
                    <a class="govuk-link" href=format!("tel:{}", c.phone.replace(' ', ""))>
                        {c.phone.clone()}
                    </a>
                    <br />
                    <span class="govuk-body-s">{agreed}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <BackLink href="/responder" text=Text::ResponderAnother />
        <PageHeading text=title />
        <p class="govuk-body">
            <strong class=tag_class>{tag}</strong>
            " "
            {result.confirmed_on.clone().map(|on| locale.fill(Text::ResponderConfirmedOn, &[("date", &on)]))}
        </p>
        <div class="govuk-inset-text">
            {locale
                .fill(
                    Text::ResponderRecorded,
                    &[("when", &result.lookup.at), ("minutes", &LOOKUP_MINUTES.to_string())],
                )}
        </div>
        <h2 class="govuk-heading-m">{t(Text::EmergencyContactsHeading)}</h2>
        <OrNone empty=result.contacts.is_empty() none=not_provided.clone()>
            <ul class="govuk-list govuk-list--spaced">{contacts}</ul>
        </OrNone>
        <h2 class="govuk-heading-m">{t(Text::EmergencyHomeAccessHeading)}</h2>
        <p class="govuk-body portal-keep-lines" data-home-access="">
            {result.home_access.clone().unwrap_or_else(|| not_provided.clone())}
        </p>
        <h2 class="govuk-heading-m">{t(Text::EmergencyAboutHeading)}</h2>
        <DetailRows details=result.details.clone() locale />
    }
}
