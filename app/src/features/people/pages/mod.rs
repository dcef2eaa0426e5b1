//! The person summary page.
use leptos::prelude::*;

use crate::components::layout::{LinkParagraph, PageHeading};
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::features::people::api::view_person;
use crate::features::people::wire::PersonSummary;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;
use crate::policy::Capability;

#[component]
pub fn PersonPage() -> impl IntoView {
    record_page(view_person, |person| Some(view! { <Person person /> }))
}

#[component]
fn Person(person: PersonSummary) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    view! {
        <PageHeading text=person.name.clone() />
        <SummaryList rows=vec![
            (t(Text::AccountEmailLabel), person.email.clone()),
            (t(Text::StaffRoleLabel), person.role.name(locale).to_owned()),
        ] />
        // A practitioner records independent advocacy for the people they work with.
        {visitor
            .user
            .as_ref()
            .is_some_and(|me| me.actor().may(Capability::ViewCaseload))
            .then(|| {
                view! { <LinkParagraph href=format!("/people/{}/advocacy", person.id) text=Text::AdvocacyLink /> }
            })}
        {visitor
            .user
            .as_ref()
            .is_some_and(|me| me.role.is_staff())
            .then(|| {
                view! {
                    <p class="govuk-body">
                        <a class="govuk-link" href=format!("/people/{}/data", person.id)>
                            {t(Text::DataRightsPersonLink)}
                        </a>
                    </p>
                }
            })}
        <LinkParagraph href="/home" text=Text::HomeBackLink />
    }
}
