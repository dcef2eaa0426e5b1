//! The admin's search for a person by email address, to handle a data rights request.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::layout::{load_failed, needs_sign_in, PageTitle};
use crate::features::data_rights::api::find_person_by_email;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// The admin's search: a plain GET form, so it works without JavaScript and can be bookmarked.
#[component]
pub fn DataRequestsPage() -> impl IntoView {
    let visitor = use_visitor();
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    let locale = visitor.locale;
    let t = move |text| locale.text(text).to_owned();
    let email = use_query_map().with_untracked(|q| q.get("email")).unwrap_or_default();
    let searched = !email.trim().is_empty();
    let value = email.clone();
    view! {
        <Await future=find_person_by_email(email.clone()) let:found>
            {match found.clone() {
                Ok(found) => {
                    let result = searched
                        .then(|| match found {
                            Some(person) => {
                                view! {
                                    <p class="govuk-body">
                                        <a class="govuk-link" href=format!("/people/{}/data", person.id)>
                                            {person.name}
                                        </a>
                                        " – "
                                        {person.email}
                                        " – "
                                        {person.role.name(locale)}
                                    </p>
                                }
                                    .into_any()
                            }
                            None => view! { <p class="govuk-body">{t(Text::DataRightsNotFound)}</p> }.into_any(),
                        });
                    view! {
                        <PageTitle text=t(Text::DataRightsRequestsTitle) />
                        <h1 class="govuk-heading-l">{t(Text::DataRightsRequestsTitle)}</h1>
                        <p class="govuk-body">{t(Text::DataRightsRequestsIntro)}</p>
                        <form method="get" action="/staff/data-requests" novalidate>
                            <div class="govuk-form-group">
                                <label class="govuk-label" for="email">
                                    {t(Text::DataRightsFindEmailLabel)}
                                </label>
                                <input
                                    class="govuk-input"
                                    id="email"
                                    name="email"
                                    type="email"
                                    value=value.clone()
                                    autocomplete="off"
                                    spellcheck="false"
                                />
                            </div>
                            <button type="submit" class="govuk-button govuk-button--secondary">
                                {t(Text::DataRightsFindButton)}
                            </button>
                        </form>
                        {result}
                    }
                        .into_any()
                }
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}
