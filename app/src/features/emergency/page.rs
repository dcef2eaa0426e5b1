//! The carer's emergency plan: what it says, whether it needs confirming, who has looked it up,
//! and the form to write it a bit at a time.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::api::{my_emergency_plan, EmergencyPlanView, SaveEmergencyPlan};
use super::words;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{Checkboxes, ErrorSummary, TextArea, TextField};
use crate::components::layout::{load_failed, needs_sign_in, PageTitle, SuccessBanner};
use crate::domain::emergency::{Freshness, CONTACTS, DETAIL_FIELDS, TEXT_MAX};
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn EmergencyPlanPage() -> impl IntoView {
    let visitor = use_visitor();
    let (saved, confirmed) = use_query_map().with_untracked(|q| (q.get("saved").is_some(), q.get("confirmed").is_some()));
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let locale = visitor.locale;
    let t = move |text| locale.text(text).to_owned();
    view! {
        <PageTitle text=t(Text::EmergencyTitle) />
        {saved.then(|| view! { <SuccessBanner message=t(Text::EmergencySaved) /> })}
        {confirmed.then(|| view! { <SuccessBanner message=t(Text::EmergencyConfirmed) /> })}
        <h1 class="govuk-heading-l">{t(Text::EmergencyTitle)}</h1>
        <p class="govuk-body">{t(Text::EmergencyIntro)}</p>
        <div class="govuk-inset-text">
            <p class="govuk-body">"“" {t(Text::EmergencyQuote)} "”"</p>
        </div>
        <Await future=my_emergency_plan() let:plan>
            {match plan.clone() {
                Ok(Some(plan)) => view! { <PlanSummary plan locale /> }.into_any(),
                Ok(None) => {
                    view! {
                        <p class="govuk-body">{t(Text::EmergencyNone)}</p>
                        <a class="govuk-button" href="/emergency/edit" role="button" draggable="false">{t(Text::EmergencyStart)}</a>
                    }
                        .into_any()
                }
                Err(error) => load_failed(error),
            }}
        </Await>
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
        Freshness::DueSoon { .. } => locale.fill(Text::EmergencyBannerDueSoon, &[("date", &due_on.unwrap_or_default())]),
        Freshness::Overdue { .. } => locale.fill(Text::EmergencyBannerOverdue, &[("date", &due_on.unwrap_or_default())]),
    };
    view! {
        <div class="govuk-notification-banner" role="region" aria-labelledby="emergency-banner-title" data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="emergency-banner-title">{locale.text(Text::EmergencyBannerTitle)}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{message}</p>
                <p class="govuk-body">
                    <a class="govuk-notification-banner__link" href="/emergency/edit#confirm">{locale.text(Text::EmergencyBannerLink)}</a>
                </p>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn PlanSummary(plan: EmergencyPlanView, locale: Locale) -> impl IntoView {
    let t = move |text| locale.text(text).to_owned();
    let (tag_class, tag) = words::freshness_tag(locale, plan.freshness);
    let row = |label: String, value: String| {
        view! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{label}</dt>
                <dd class="govuk-summary-list__value portal-keep-lines">{value}</dd>
            </div>
        }
    };
    let not_provided = t(Text::EmergencyNotProvided);
    let contacts = plan
        .contacts
        .iter()
        .map(|c| {
            let agreed = words::agreement(locale, c.agreed_on.as_deref());
            let who = if c.relationship.is_empty() { c.name.clone() } else { format!("{} ({})", c.name, c.relationship) };
            row(who, format!("{}\n{agreed}", c.phone))
        })
        .collect_view();
    let home_access = match &plan.home_access_saved_on {
        Some(on) => locale.fill(Text::EmergencyHomeAccessSaved, &[("date", on)]),
        None => not_provided.clone(),
    };
    let confirmed = plan.confirmed_on.clone().map_or_else(|| t(Text::EmergencyFreshnessNotConfirmed), |on| {
        locale.fill(Text::EmergencyConfirmedOn, &[("date", &on), ("due", &plan.due_on.clone().unwrap_or_default())])
    });
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
            <strong class=tag_class>{tag}</strong> " " {confirmed}
        </p>
        <a class="govuk-button" href="/emergency/edit" role="button" draggable="false">{t(Text::EmergencyChange)}</a>
        " "
        {plan.card.as_ref().map(|_| view! {
            <a class="govuk-button govuk-button--secondary" href="/emergency/card" role="button" draggable="false">{t(Text::EmergencyCardLink)}</a>
        })}
        <h2 class="govuk-heading-m">{t(Text::EmergencyAboutHeading)}</h2>
        <DetailRows words=plan.words.clone() locale />
        <h2 class="govuk-heading-m">{t(Text::EmergencyContactsHeading)}</h2>
        {if plan.contacts.is_empty() {
            view! { <p class="govuk-body">{not_provided.clone()}</p> }.into_any()
        } else {
            view! { <dl class="govuk-summary-list">{contacts}</dl> }.into_any()
        }}
        <h2 class="govuk-heading-m">{t(Text::EmergencyHomeAccessHeading)}</h2>
        <p class="govuk-body">{home_access}</p>
        <h2 class="govuk-heading-m">{t(Text::EmergencyLookupsHeading)}</h2>
        {if plan.lookups.is_empty() {
            view! { <p class="govuk-body">{t(Text::EmergencyLookupsNone)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{t(Text::EmergencyLookupsHeading)}</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{t(Text::EmergencyLookupsWhen)}</th>
                            <th scope="col" class="govuk-table__header">{t(Text::EmergencyLookupsWho)}</th>
                            <th scope="col" class="govuk-table__header">{t(Text::EmergencyLookupsWhy)}</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{lookups}</tbody>
                </table>
            }
                .into_any()
        }}
    }
}

/// The plan's words as a summary list, field by field, "Not written yet" where empty.
#[component]
pub(super) fn DetailRows(words: BTreeMap<String, String>, locale: Locale) -> impl IntoView {
    let not_provided = locale.text(Text::EmergencyNotProvided);
    let rows = DETAIL_FIELDS
        .iter()
        .map(|field| {
            let (label, _) = super::words::detail(locale, field);
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{label}</dt>
                    <dd class="govuk-summary-list__value portal-keep-lines">{words.get(*field).cloned().unwrap_or_else(|| not_provided.to_owned())}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="govuk-summary-list">{rows}</dl> }
}

/// The plan's form values from what is saved (how to get in is never sent back to the page).
fn initial_values(plan: &EmergencyPlanView) -> BTreeMap<String, String> {
    let mut values = plan.words.clone();
    for (n, c) in plan.contacts.iter().enumerate() {
        let key = |part: &str| format!("contact{}_{part}", n + 1);
        values.insert(key("name"), c.name.clone());
        values.insert(key("relationship"), c.relationship.clone());
        values.insert(key("phone"), c.phone.clone());
        if c.agreed_on.is_some() {
            values.insert(key("agreed"), "yes".into());
        }
    }
    values
}

fn field_order() -> Vec<String> {
    let mut order: Vec<String> = DETAIL_FIELDS.iter().map(|f| f.to_string()).collect();
    for n in 1..=CONTACTS {
        for part in ["name", "relationship", "phone", "agreed"] {
            order.push(format!("contact{n}_{part}"));
        }
    }
    order.push("home_access".into());
    order
}

#[component]
pub fn EditEmergencyPlanPage() -> impl IntoView {
    let visitor = use_visitor();
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let locale = visitor.locale;
    let t = move |text| locale.text(text).to_owned();
    let flash = visitor.flash.clone();
    view! {
        <Await future=my_emergency_plan() let:plan>
            {match plan.clone() {
                Ok(plan) => {
                    let initial = plan.as_ref().map(initial_values).unwrap_or_default();
                    let state = FormState::for_action(SaveEmergencyPlan::PATH, flash.as_ref(), initial);
                    let home_saved = plan.as_ref().and_then(|p| p.home_access_saved_on.clone());
                    view! { <PlanForm state home_saved locale /> }.into_any()
                }
                Err(error) => load_failed(error),
            }}
        </Await>
        <p class="govuk-body"><a class="govuk-link" href="/emergency">{t(Text::EmergencyBack)}</a></p>
    }
    .into_any()
}

#[component]
fn PlanForm(state: FormState, home_saved: Option<String>, locale: Locale) -> impl IntoView {
    let t = move |text| locale.text(text).to_owned();
    let details = DETAIL_FIELDS
        .iter()
        .map(|field| {
            let (label, hint) = words::detail(locale, field);
            if *field == "cared_for" {
                view! { <TextField name="cared_for" label=label.to_owned() hint=hint.to_owned() state=state.clone() /> }.into_any()
            } else {
                view! { <TextArea name=field label=label.to_owned() hint=hint.to_owned() state=state.clone() max_chars=TEXT_MAX rows=3 /> }
                    .into_any()
            }
        })
        .collect_view();
    let contacts = (1..=CONTACTS)
        .map(|n| {
            let name: &'static str = ["contact1_name", "contact2_name", "contact3_name"][n - 1];
            let relationship: &'static str = ["contact1_relationship", "contact2_relationship", "contact3_relationship"][n - 1];
            let phone: &'static str = ["contact1_phone", "contact2_phone", "contact3_phone"][n - 1];
            let agreed = format!("contact{n}_agreed");
            view! {
                <fieldset class="govuk-fieldset portal-contact">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{locale.fill(Text::EmergencyContactLegend, &[("number", &n.to_string())])}</legend>
                    <TextField name label=t(Text::EmergencyContactName) state=state.clone() autocomplete="off" />
                    <TextField name=relationship label=t(Text::EmergencyContactRelationship) state=state.clone() width="20" />
                    <TextField name=phone label=t(Text::EmergencyContactPhone) state=state.clone() input_type="tel" autocomplete="off" width="20" />
                    <Checkboxes
                        legend=t(Text::EmergencyContactAgreedLegend)
                        state=state.clone()
                        options=vec![(agreed, t(Text::EmergencyContactAgreedLabel))]
                        small=true
                    />
                </fieldset>
            }
        })
        .collect_view();
    let home_hint = match &home_saved {
        Some(on) => format!("{} {}", locale.fill(Text::EmergencyHomeAccessSaved, &[("date", on)]), t(Text::EmergencyHomeAccessReplaceHint)),
        None => t(Text::EmergencyHomeAccessHint),
    };
    view! {
        <PageTitle text=t(Text::EmergencyEditTitle) has_errors=state.has_errors() />
        <ErrorSummary state=state.clone() order=field_order() />
        <h1 class="govuk-heading-l">{t(Text::EmergencyEditTitle)}</h1>
        <p class="govuk-body">{t(Text::EmergencyEditIntro)}</p>
        <PostForm action=SaveEmergencyPlan::PATH>
            <h2 class="govuk-heading-m">{t(Text::EmergencyAboutHeading)}</h2>
            {details}
            <h2 class="govuk-heading-m">{t(Text::EmergencyContactsHeading)}</h2>
            <p class="govuk-body">{t(Text::EmergencyContactsIntro)}</p>
            {contacts}
            <h2 class="govuk-heading-m">{t(Text::EmergencyHomeAccessHeading)}</h2>
            <TextArea name="home_access" label=t(Text::EmergencyHomeAccessLabel) hint=home_hint state=state.clone() max_chars=TEXT_MAX rows=3 />
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button" name="confirm" value="no">{t(Text::EmergencySaveButton)}</button>
                <button type="submit" class="govuk-button govuk-button--secondary" name="confirm" value="yes" id="confirm">
                    {t(Text::EmergencyConfirmButton)}
                </button>
            </div>
        </PostForm>
    }
}

/// The carers' emergency plans, highlighted in the cared-for person's Care and Support Plan as
/// the procedure asks: who has one, when it was confirmed, and whether it needs checking.
#[component]
pub fn CarersEmergencyPlans(person: i64) -> impl IntoView {
    view! {
        <Await future=super::api::carers_emergency_plans(person) let:notices>
            <CarerPlanNotices notices=notices.clone().unwrap_or_default() />
        </Await>
    }
}

#[component]
pub fn CarerPlanNotices(notices: Vec<super::api::CarerPlanNotice>) -> impl IntoView {
    let locale = use_visitor().locale;
    view! {
            {notices.into_iter().map(|notice| {
                let (tag_class, tag) = words::freshness_tag(locale, notice.freshness);
                let when = match &notice.confirmed_on {
                    Some(on) => locale.fill(Text::EmergencyNoticeConfirmed, &[("date", on)]),
                    None => locale.text(Text::EmergencyNoticeNotConfirmed).to_owned(),
                };
                let check = matches!(notice.freshness, Freshness::Overdue { .. }).then(|| locale.text(Text::EmergencyNoticeCheck));
                view! {
                    <div class="govuk-notification-banner" role="region" aria-label=locale.text(Text::EmergencyNoticeTitle) data-carer-emergency-plan="">
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title">{locale.text(Text::EmergencyNoticeTitle)}</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-body">{locale.fill(Text::EmergencyNoticeBody, &[("name", &notice.carer_name)])}</p>
                            <p class="govuk-body"><strong class=tag_class>{tag}</strong> " " {when} " " {check}</p>
                        </div>
                    </div>
                }
            }).collect_view()}
    }
}
