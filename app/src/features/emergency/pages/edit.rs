//! The form to write the emergency plan a bit at a time, and to confirm it is right.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::words;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{Checkboxes, ErrorSummary, Submit, TextArea, TextField};
use crate::components::layout::{LinkParagraph, PageHeading};
use crate::components::record_page::{loaded, signed_in};
use crate::domain::emergency::{CONTACTS, DETAIL_FIELDS, TEXT_MAX};
use crate::features::emergency::api::{my_emergency_plan, SaveEmergencyPlan};
use crate::features::emergency::wire::EmergencyPlanView;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};

/// The plan's form values from what is saved (how to get in is never sent back to the page).
fn initial_values(plan: &EmergencyPlanView) -> BTreeMap<String, String> {
    let mut values: BTreeMap<String, String> = DETAIL_FIELDS
        .iter()
        .filter_map(|field| Some((field.to_string(), plan.details.get(field)?.to_owned())))
        .collect();
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
    signed_in(|visitor| {
        let locale = visitor.locale;
        let flash = visitor.flash.clone();
        view! {
            {loaded(
                my_emergency_plan(),
                move |plan| {
                    let initial = plan.as_ref().map(initial_values).unwrap_or_default();
                    let state = FormState::for_action(SaveEmergencyPlan::PATH, flash.as_ref(), initial);
                    let home_saved = plan.as_ref().and_then(|p| p.home_access_saved_on.clone());
                    view! { <PlanForm state home_saved locale /> }.into_any()
                },
            )}
            <LinkParagraph href="/emergency" text=Text::EmergencyBack />
        }
    })
}

#[component]
fn PlanForm(state: FormState, home_saved: Option<String>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let details = DETAIL_FIELDS
        .iter()
        .map(|field| {
            let (label, hint) = words::detail(locale, field);
            if *field == "cared_for" {
                view! { <TextField name="cared_for" label=label.to_owned() hint=hint.to_owned() state=state.clone() /> }
                    .into_any()
            } else {
                view! {
                    <TextArea
                        name=field
                        label=label.to_owned()
                        hint=hint.to_owned()
                        state=state.clone()
                        max_chars=TEXT_MAX
                        rows=3
                    />
                }
                .into_any()
            }
        })
        .collect_view();
    let contacts = (1..=CONTACTS)
        .map(|n| {
            let name: &'static str = ["contact1_name", "contact2_name", "contact3_name"][n - 1];
            let relationship: &'static str =
                ["contact1_relationship", "contact2_relationship", "contact3_relationship"][n - 1];
            let phone: &'static str = ["contact1_phone", "contact2_phone", "contact3_phone"][n - 1];
            let agreed = format!("contact{n}_agreed");
            view! {
                <fieldset class="govuk-fieldset portal-contact">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                        {locale.fill(Text::EmergencyContactLegend, &[("number", &n.to_string())])}
                    </legend>
                    <TextField name label=t(Text::EmergencyContactName) state=state.clone() autocomplete="off" />
                    <TextField
                        name=relationship
                        label=t(Text::EmergencyContactRelationship)
                        state=state.clone()
                        width="20"
                    />
                    <TextField
                        name=phone
                        label=t(Text::EmergencyContactPhone)
                        state=state.clone()
                        input_type="tel"
                        autocomplete="off"
                        width="20"
                    />
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
        Some(on) => format!(
            "{} {}",
            locale.fill(Text::EmergencyHomeAccessSaved, &[("date", on)]),
            t(Text::EmergencyHomeAccessReplaceHint)
        ),
        None => t(Text::EmergencyHomeAccessHint),
    };
    view! {
        <ErrorSummary state=state.clone() order=field_order() />
        <PageHeading text=t(Text::EmergencyEditTitle) has_errors=state.has_errors() intro=t(Text::EmergencyEditIntro) />
        <PostForm action=SaveEmergencyPlan::PATH state=state.clone()>
            <h2 class="govuk-heading-m">{t(Text::EmergencyAboutHeading)}</h2>
            {details}
            <h2 class="govuk-heading-m">{t(Text::EmergencyContactsHeading)}</h2>
            <p class="govuk-body">{t(Text::EmergencyContactsIntro)}</p>
            {contacts}
            <h2 class="govuk-heading-m">{t(Text::EmergencyHomeAccessHeading)}</h2>
            <TextArea
                name="home_access"
                label=t(Text::EmergencyHomeAccessLabel)
                hint=home_hint
                max_chars=TEXT_MAX
                rows=3
                secret=true
            />
            <div class="govuk-button-group">
                <Submit text=Text::EmergencySaveButton name="confirm" value="no" />
                <Submit text=Text::EmergencyConfirmButton name="confirm" value="yes" secondary=true id="confirm" />
            </div>
        </PostForm>
    }
}
