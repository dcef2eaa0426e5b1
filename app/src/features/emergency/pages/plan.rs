//! The carer's emergency plan: what it says, whether it needs confirming, and who has looked it
//! up.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::words;
use crate::components::layout::{needs_sign_in, ButtonLink, NotificationBanner, OrNone, PageHeading, SuccessBanner};
use crate::components::record_page::loaded;
use crate::components::summary_list::SummaryList;
use crate::components::table::Table;
use crate::domain::emergency::{EmergencyDetails, Freshness, DETAIL_FIELDS};
use crate::features::emergency::api::my_emergency_plan;
use crate::features::emergency::wire::EmergencyPlanView;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn EmergencyPlanPage() -> impl IntoView {
    let visitor = use_visitor();
    let (saved, confirmed) =
        use_query_map().with_untracked(|q| (q.get("saved").is_some(), q.get("confirmed").is_some()));
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let (locale, t) = visitor.language();
    view! {
        {saved.then(|| view! { <SuccessBanner message=t(Text::EmergencySaved) /> })}
        {confirmed.then(|| view! { <SuccessBanner message=t(Text::EmergencyConfirmed) /> })}
        <PageHeading text=t(Text::EmergencyTitle) intro=t(Text::EmergencyIntro) />
        <div class="govuk-inset-text">
            <p class="govuk-body">"“" {t(Text::EmergencyQuote)} "”"</p>
        </div>
        {loaded(
            my_emergency_plan(),
            move |plan| match plan {
                Some(plan) => view! { <PlanSummary plan locale /> }.into_any(),
                None => {
                    view! {
                        <p class="govuk-body">{t(Text::EmergencyNone)}</p>
                        <ButtonLink href="/emergency/edit" text=Text::EmergencyStart />
                    }
                        .into_any()
                }
            },
        )}
    }
    .into_any()
}

/// A banner asking the carer to confirm the plan, when it was never confirmed or the year is
/// (nearly) up. Also shown on the home page.
#[component]
pub fn ConfirmBanner(freshness: Freshness, due_on: Option<String>, locale: Locale) -> impl IntoView {
    let message = match freshness {
        Freshness::Current { .. } => return ().into_any(),
        Freshness::NotConfirmed => locale.text(Text::EmergencyBannerNotConfirmed).to_owned(),
        Freshness::DueSoon { .. } => {
            locale.fill(Text::EmergencyBannerDueSoon, &[("date", &due_on.unwrap_or_default())])
        }
        Freshness::Overdue { .. } => {
            locale.fill(Text::EmergencyBannerOverdue, &[("date", &due_on.unwrap_or_default())])
        }
    };
    view! {
        <NotificationBanner
            title_id="emergency-banner-title"
            title=locale.text(Text::EmergencyBannerTitle)
            attr:data-module="govuk-notification-banner"
        >
            <p class="govuk-notification-banner__heading">{message}</p>
            <p class="govuk-body">
                <a class="govuk-notification-banner__link" href="/emergency/edit#confirm">
                    {locale.text(Text::EmergencyBannerLink)}
                </a>
            </p>
        </NotificationBanner>
    }
    .into_any()
}

#[component]
fn PlanSummary(plan: EmergencyPlanView, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let (tag_class, tag) = words::freshness_tag(locale, plan.freshness);
    let not_provided = t(Text::EmergencyNotProvided);
    let contacts = plan
        .contacts
        .iter()
        .map(|c| {
            let agreed = words::agreement(locale, c.agreed_on.as_deref());
            let who =
                if c.relationship.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, c.relationship) };
            (who, format!("{}\n{agreed}", c.phone))
        })
        .collect::<Vec<_>>();
    let home_access = match &plan.home_access_saved_on {
        Some(on) => locale.fill(Text::EmergencyHomeAccessSaved, &[("date", on)]),
        None => not_provided.clone(),
    };
    let confirmed = plan.confirmed_on.clone().map_or_else(
        || t(Text::EmergencyFreshnessNotConfirmed),
        |on| {
            locale.fill(Text::EmergencyConfirmedOn, &[("date", &on), ("due", &plan.due_on.clone().unwrap_or_default())])
        },
    );
    let lookups = plan
        .lookups
        .iter()
        .map(|l| {
            let why = match &l.note {
                Some(note) => format!("{} – {note}", words::reason(locale, l.reason)),
                None => words::reason(locale, l.reason).to_owned(),
            };
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{l.at.clone()}</td>
                    <td class="govuk-table__cell">{l.by.clone()}</td>
                    <td class="govuk-table__cell">{why}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ConfirmBanner freshness=plan.freshness due_on=plan.due_on.clone() locale />
        <p class="govuk-body">
            <strong class=tag_class>{tag}</strong>
            " "
            {confirmed}
        </p>
        <ButtonLink href="/emergency/edit" text=Text::EmergencyChange />
        " "
        {plan
            .card
            .as_ref()
            .map(|_| {
                view! { <ButtonLink href="/emergency/card" text=Text::EmergencyCardLink secondary=true /> }
            })}
        <h2 class="govuk-heading-m">{t(Text::EmergencyAboutHeading)}</h2>
        <DetailRows details=plan.details.clone() locale />
        <h2 class="govuk-heading-m">{t(Text::EmergencyContactsHeading)}</h2>
        <OrNone empty=plan.contacts.is_empty() none=not_provided.clone()>
            <SummaryList rows=contacts />
        </OrNone>
        <h2 class="govuk-heading-m">{t(Text::EmergencyHomeAccessHeading)}</h2>
        <p class="govuk-body">{home_access}</p>
        <h2 class="govuk-heading-m">{t(Text::EmergencyLookupsHeading)}</h2>
        <OrNone empty=plan.lookups.is_empty() none=t(Text::EmergencyLookupsNone)>
            <Table
                label=t(Text::EmergencyLookupsHeading)
                columns=vec![Text::EmergencyLookupsWhen, Text::EmergencyLookupsWho, Text::EmergencyLookupsWhy]
            >
                {lookups}
            </Table>
        </OrNone>
    }
}

/// The plan's words as a summary list, field by field, "Not written yet" where empty.
#[component]
pub(super) fn DetailRows(details: EmergencyDetails, locale: Locale) -> impl IntoView {
    let not_provided = locale.text(Text::EmergencyNotProvided);
    let rows = DETAIL_FIELDS
        .iter()
        .map(|field| (words::detail(locale, field).0.to_owned(), details.get(field).unwrap_or(not_provided).to_owned()))
        .collect();
    view! { <SummaryList rows /> }
}
