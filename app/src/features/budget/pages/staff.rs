//! The practitioner sets the personal budget for a signed-off plan version.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{DateInput, ErrorSummary, Radios, Submit, TextArea, TextField};
use crate::components::layout::{BackLink, PageHeading};
use crate::components::record_page::record_page;
use crate::domain::budget::{BudgetPeriod, PaymentFrequency, TakenAs, PURPOSE_MAX};
use crate::features::budget::api::SetBudget;
use crate::features::budget::words;
use crate::features::plan::api::plan_version;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn SetBudgetPage() -> impl IntoView {
    let locale = use_visitor().locale;
    record_page(plan_version, move |version| {
        let (id, name) = (version.id, version.person_name);
        version.signed_off.is_some().then(|| view! { <BudgetForm id name locale /> })
    })
}

#[component]
fn BudgetForm(id: i64, name: String, locale: Locale) -> impl IntoView {
    let visitor = use_visitor();
    let t = locale.translator();
    let state = FormState::for_action(SetBudget::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let title = locale.fill(Text::BudgetStaffTitle, &[("name", &name)]);
    let periods = BudgetPeriod::ALL.iter().map(|p| (p.code(), words::period(locale, *p).to_owned())).collect();
    let taken = TakenAs::ALL.iter().map(|p| (p.code(), words::taken_as(locale, *p).to_owned())).collect();
    let frequencies =
        PaymentFrequency::ALL.iter().map(|p| (p.code(), words::frequency(locale, *p).to_owned())).collect();
    let order =
        &["indicative", "amount", "period", "taken_as", "dp_amount", "dp_frequency", "dp_start-day", "dp_purpose"];
    view! {
        <BackLink href=format!("/plan/versions/{id}") text=Text::AssessmentBack />
        <ErrorSummary state=state.clone() order=order />
        <PageHeading text=title has_errors=state.has_errors() />
        <PostForm action=SetBudget::PATH state=state.clone()>
            <input type="hidden" name="id" value=id />
            <TextField name="indicative" label=t(Text::BudgetStaffIndicativeField) width="10" />
            <TextField name="amount" label=t(Text::BudgetStaffAmountField) width="10" />
            <Radios name="period" legend=t(Text::BudgetStaffPeriodLegend) options=periods />
            <Radios name="taken_as" legend=t(Text::BudgetStaffTakenAsLegend) options=taken />
            <h2 class="govuk-heading-m">{t(Text::BudgetDpHeading)}</h2>
            <p class="govuk-hint">{t(Text::BudgetStaffDpHint)}</p>
            <TextField name="dp_amount" label=t(Text::BudgetStaffDpAmountField) width="10" />
            <Radios name="dp_frequency" legend=t(Text::BudgetStaffDpFrequencyLegend) options=frequencies />
            <DateInput
                prefix="dp_start"
                legend=t(Text::BudgetStaffDpStartLegend)
                hint=t(Text::BudgetStaffDpStartHint)
            />
            <TextArea name="dp_purpose" label=t(Text::BudgetStaffDpPurposeLabel) max_chars=PURPOSE_MAX rows=3 />
            <Submit text=Text::BudgetStaffButton />
        </PostForm>
    }
}
