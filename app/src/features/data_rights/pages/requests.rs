//! The admin's search for a person by email address, to handle a data rights request.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::fields::Submit;
use crate::components::layout::PageHeading;
use crate::components::record_page::signed_in_page;
use crate::features::data_rights::api::find_person_by_email;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// The admin's search: a plain GET form, so it works without JavaScript and can be bookmarked.
#[component]
pub fn DataRequestsPage() -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let email = use_query_map().with_untracked(|q| q.get("email")).unwrap_or_default();
    let searched = !email.trim().is_empty();
    let value = email.clone();
    signed_in_page(
        move || find_person_by_email(email.clone()),
        move |found| {
            let result = searched.then(|| match found {
                Some(person) => view! {
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
                .into_any(),
                None => view! { <p class="govuk-body">{t(Text::DataRightsNotFound)}</p> }.into_any(),
            });
            view! {
                <PageHeading text=t(Text::DataRightsRequestsTitle) intro=t(Text::DataRightsRequestsIntro) />
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
                    <Submit text=Text::DataRightsFindButton secondary=true />
                </form>
                {result}
            }
            .into_any()
        },
    )
}
