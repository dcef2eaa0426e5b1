//! A person's information for a staff member handling a data rights request: a copy to
//! download, and for admins the erasure form.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea};
use crate::components::layout::{PageHeading, SuccessBanner, WarningText};
use crate::components::patterns::NameField;
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::domain::data_rights::ErasureRequest;
use crate::features::approvals::ApprovalPanel;
use crate::features::data_rights::api::{person_data_rights, ErasePersonData};
use crate::features::data_rights::wire::DataRightsView;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn PersonDataPage() -> impl IntoView {
    let (erased, asked) = use_query_map().with_untracked(|q| (q.get("erased").is_some(), q.get("asked").is_some()));
    record_page(person_data_rights, move |view| Some(view! { <PersonData view erased asked /> }))
}

#[component]
fn PersonData(view: DataRightsView, erased: bool, asked: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let person = view.person;
    let title = locale.fill(Text::DataRightsPageTitle, &[("name", &person.name)]);
    let mut defaults = BTreeMap::new();
    defaults.insert("person_id".to_owned(), person.id.to_string());
    let state = FormState::for_action(ErasePersonData::PATH, visitor.flash.as_ref(), defaults);
    let form_state = state.clone();
    let needs_second_admin = view.needs_second_admin;
    // Waiting for a second admin: what was asked, instead of the form.
    let pending = view.pending_erasure.map(|approval| view! { <ApprovalPanel approval /> });
    let erase = (view.may_erase && pending.is_none()).then(move || {
        let state = form_state;
        view! {
            <h2 class="govuk-heading-m" id="erase">
                {t(Text::DataRightsEraseHeading)}
            </h2>
            <WarningText text=t(Text::DataRightsEraseIntro) />
            <ul class="govuk-list govuk-list--bullet">
                <li>{t(Text::DataRightsEraseDeleted)}</li>
                <li>{t(Text::DataRightsEraseKept)}</li>
                <li>{t(Text::DataRightsEraseAccount)}</li>
            </ul>
            {needs_second_admin.then(|| view! { <p class="govuk-body">{t(Text::ApprovalsNeedsSecond)}</p> })}
            <PostForm action=ErasePersonData::PATH state=state.clone()>
                <input type="hidden" name="person_id" value=person.id.to_string() />
                <NameField
                    name="confirm_name"
                    label=t(Text::DataRightsConfirmNameLabel)
                    hint=t(Text::DataRightsConfirmNameHint)
                    autocomplete="off"
                />
                <TextArea
                    name="reason"
                    label=t(Text::DataRightsReasonLabel)
                    hint=t(Text::DataRightsReasonHint)
                    max_chars=ErasureRequest::REASON_MAX
                    rows=3
                />
                <Submit text=Text::DataRightsEraseButton warning=true />
            </PostForm>
        }
    });
    view! {
        <ErrorSummary state=state.clone() order=&["confirm_name", "reason"] />
        {erased.then(|| view! { <SuccessBanner message=t(Text::DataRightsErased) /> })}
        {asked.then(|| view! { <SuccessBanner message=t(Text::ApprovalsAskedBanner) /> })}
        <PageHeading text=title has_errors=state.has_errors() intro=t(Text::DataRightsPageIntro) />
        <SummaryList rows=vec![
            (t(Text::AccountEmailLabel), person.email.clone()),
            (t(Text::StaffRoleLabel), person.role.name(locale).to_owned()),
        ] />
        <h2 class="govuk-heading-m">{t(Text::DataRightsDownloadHeading)}</h2>
        <p class="govuk-body">{t(Text::DataRightsDownloadHint)}</p>
        // A plain form: the browser saves the ZIP it answers with, script or not.
        <form method="post" action=format!("/people/{}/data.zip", person.id) novalidate>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                {locale.fill(Text::DataRightsDownloadLink, &[("name", &person.name)])}
            </button>
        </form>
        {pending}
        {erase}
    }
}
