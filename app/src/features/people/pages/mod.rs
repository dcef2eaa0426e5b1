//! The person summary page.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::layout::{load_failed, redirect, NotFound, PageTitle};
use crate::error::AppError;
use crate::features::people::api::view_person;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn PersonPage() -> impl IntoView {
    let visitor = use_visitor();
    let id = use_params_map().with_untracked(|p| p.get("id")).and_then(|id| id.parse::<i64>().ok());
    let Some(id) = id else { return NotFound().into_any() };
    view! {
        <Await future=view_person(id) let:result>
            {match result.clone() {
                Ok(person) => {
                    let locale = visitor.locale;
                    let t = move |text| locale.text(text).to_owned();
                    view! {
                        <PageTitle text=person.name.clone() />
                        <h1 class="govuk-heading-l">{person.name.clone()}</h1>
                        <dl class="govuk-summary-list">
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{t(Text::AccountEmailLabel)}</dt>
                                <dd class="govuk-summary-list__value">{person.email.clone()}</dd>
                            </div>
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{t(Text::HomeRoleLabel)}</dt>
                                <dd class="govuk-summary-list__value">{person.role.name(visitor.locale)}</dd>
                            </div>
                        </dl>
                        {visitor.user.as_ref().is_some_and(|me| me.role.is_staff()).then(|| view! {
                            <p class="govuk-body">
                                <a class="govuk-link" href=format!("/people/{}/data", person.id)>{t(Text::DataRightsPersonLink)}</a>
                            </p>
                        })}
                        <p class="govuk-body">
                            <a class="govuk-link" href="/home">{t(Text::HomeBackLink)}</a>
                        </p>
                    }
                        .into_any()
                }
                Err(AppError::Unauthenticated) => {
                    redirect("/sign-in?next=/home");
                    ().into_any()
                }
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}
