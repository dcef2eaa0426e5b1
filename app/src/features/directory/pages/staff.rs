//! Keeping the directory up to date (admins): every entry with its state, and the form that
//! adds or changes one, or retires it.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextArea, TextField};
use crate::components::layout::{needs_sign_in, BackLink, ButtonLink, NotFound, PageHeading, SuccessBanner};
use crate::components::patterns::EmailField;
use crate::components::record_page::loaded;
use crate::components::table::Table;
use crate::domain::directory::{Category, ServiceEntry, LONG_MAX};
use crate::features::directory::api::{all_services, service_detail, RetireService, SaveService};
use crate::features::directory::wire::ServiceView;
use crate::features::directory::words;
use crate::kit::forms::{FormFlash, FormState};
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 3] = [Text::DirectoryStaffService, Text::DirectoryCategoryLabel, Text::DirectoryStaffState];

#[component]
pub fn StaffSupportPage() -> impl IntoView {
    let visitor = use_visitor();
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let (locale, t) = visitor.language();
    view! {
        {loaded(
            all_services(),
            move |services| {
                let rows = services
                    .into_iter()
                    .map(|s| {
                        let state = if s.retired {
                            t(Text::DirectoryStaffRetired)
                        } else {
                            t(Text::DirectoryStaffListed)
                        };
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=format!("/staff/support/{}", s.id)>
                                        {s.entry.name.clone()}
                                    </a>
                                    <br />
                                    <span class="govuk-body-s">{s.entry.organisation.clone()}</span>
                                </td>
                                <td class="govuk-table__cell">{words::category(locale, s.entry.category)}</td>
                                <td class="govuk-table__cell">
                                    {state} <br /><span class="govuk-body-s">{s.updated_on.clone()}</span>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    {saved.then(|| view! { <SuccessBanner message=t(Text::DirectoryStaffSaved) /> })}
                    <PageHeading text=t(Text::DirectoryStaffTitle) />
                    <ButtonLink href="/staff/support/new" text=Text::DirectoryStaffAdd />
                    <Table label=t(Text::DirectoryStaffTitle) columns=COLUMNS>
                        {rows}
                    </Table>
                }
                    .into_any()
            },
        )}
    }
    .into_any()
}

/// `/staff/support/new` and `/staff/support/:id`.
#[component]
pub fn EditServicePage() -> impl IntoView {
    let visitor = use_visitor();
    let id = use_params_map().with_untracked(|p| p.get("id"));
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let locale = visitor.locale;
    match id.as_deref().map(str::parse::<i64>) {
        None => {
            let state = FormState::for_action(SaveService::PATH, visitor.flash.as_ref(), BTreeMap::new());
            if !visitor.user.as_ref().is_some_and(|u| u.actor().may(crate::policy::Capability::ManageDirectory)) {
                return NotFound().into_any();
            }
            view! { <ServiceForm id=0 state service=None refused=None locale /> }.into_any()
        }
        Some(Ok(id)) => {
            let flash = visitor.flash.clone();
            view! {
                {loaded(
                    service_detail(id),
                    move |service| {
                        let state = FormState::for_action(
                            SaveService::PATH,
                            flash.as_ref(),
                            form_values(&service.entry),
                        );
                        view! { <ServiceForm id state service=Some(service) refused=flash.clone() locale /> }.into_any()
                    },
                )}
            }
            .into_any()
        }
        Some(Err(_)) => NotFound().into_any(),
    }
}

/// The entry as form values, to fill the edit form.
fn form_values(entry: &ServiceEntry) -> BTreeMap<String, String> {
    let mut values = BTreeMap::from([
        ("organisation".to_owned(), entry.organisation.clone()),
        ("name".to_owned(), entry.name.clone()),
        ("description".to_owned(), entry.description.clone()),
        ("category".to_owned(), entry.category.code().to_owned()),
        ("area".to_owned(), entry.area.clone()),
        ("eligibility".to_owned(), entry.eligibility.clone()),
    ]);
    for (key, value) in [("url", &entry.url), ("email", &entry.email), ("phone", &entry.phone)] {
        if let Some(value) = value {
            values.insert(key.to_owned(), value.clone());
        }
    }
    values
}

#[component]
fn ServiceForm(
    id: i64,
    state: FormState,
    service: Option<ServiceView>,
    refused: Option<FormFlash>,
    locale: Locale,
) -> impl IntoView {
    let t = locale.translator();
    let title = if id == 0 { t(Text::DirectoryStaffAdd) } else { t(Text::DirectoryStaffChange) };
    let categories =
        Category::ALL.iter().map(|c| (c.code(), words::category(locale, *c).to_owned())).collect::<Vec<_>>();
    let order = ["organisation", "name", "description", "category", "url", "email", "phone", "area", "eligibility"];
    view! {
        <BackLink href="/staff/support" text=Text::DirectoryStaffTitle />
        <ErrorSummary state=state.clone() order=&order />
        <PageHeading text=title has_errors=state.has_errors() />
        <PostForm action=SaveService::PATH state=state.clone()>
            <input type="hidden" name="id" value=id.to_string() />
            <TextField name="organisation" label=t(Text::DirectoryFieldsOrganisation) />
            <TextField name="name" label=t(Text::DirectoryFieldsName) />
            <TextArea
                name="description"
                label=t(Text::DirectoryFieldsDescription)
                hint=t(Text::DirectoryFieldsDescriptionHint)
                max_chars=LONG_MAX
                rows=4
            />
            <Radios name="category" legend=t(Text::DirectoryCategoryLabel) options=categories />
            <TextField
                name="url"
                label=t(Text::DirectoryFieldsUrl)
                hint=t(Text::DirectoryFieldsUrlHint)
                input_type="url"
                spellcheck=false
            />
            <EmailField label=t(Text::DirectoryFieldsEmail) autocomplete="off" />
            <TextField
                name="phone"
                label=t(Text::DirectoryFieldsPhone)
                hint=t(Text::DirectoryFieldsPhoneHint)
                input_type="tel"
                width="20"
            />
            <TextField name="area" label=t(Text::DirectoryFieldsArea) />
            <TextArea name="eligibility" label=t(Text::DirectoryFieldsEligibility) max_chars=LONG_MAX rows=3 />
            <Submit text=Text::DirectoryStaffSave />
        </PostForm>
        {service
            .map(|s| {
                let (label, value) = if s.retired {
                    (t(Text::DirectoryStaffRestore), "no")
                } else {
                    (t(Text::DirectoryStaffRetire), "yes")
                };
                view! {
                    <h2 class="govuk-heading-m">{t(Text::DirectoryStaffRetireHeading)}</h2>
                    <p class="govuk-body">{t(Text::DirectoryStaffRetireBody)}</p>
                    <PostForm action=RetireService::PATH refused=refused.clone()>
                        <input type="hidden" name="id" value=s.id.to_string() />
                        <input type="hidden" name="retire" value=value />
                        <button type="submit" class="govuk-button govuk-button--warning">
                            {label}
                        </button>
                    </PostForm>
                }
            })}
    }
}
