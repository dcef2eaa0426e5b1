//! The page for council employees who are also carers: the employee carers network.
use leptos::prelude::*;

use crate::components::layout::{BackLink, PageHeading};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// For council employees who are also carers: the employee carers network.
#[component]
pub fn EmployeeCarersPage() -> impl IntoView {
    let t = use_visitor().locale.translator();
    view! {
        <BackLink href="/support" text=Text::DirectoryTitle />
        <PageHeading text=t(Text::EmployeeTitle) />
        <div class="govuk-inset-text">
            <p class="govuk-body">"“" {t(Text::EmployeeQuote)} "”"</p>
        </div>
        <h2 class="govuk-heading-m">{t(Text::EmployeeMeetingsHeading)}</h2>
        <p class="govuk-body">{t(Text::EmployeeMeetingsBody)}</p>
        <h2 class="govuk-heading-m">{t(Text::EmployeeIntranetHeading)}</h2>
        <p class="govuk-body">{t(Text::EmployeeIntranetBody)}</p>
        <h2 class="govuk-heading-m">{t(Text::EmployeeAlsoHeading)}</h2>
        <p class="govuk-body">{t(Text::EmployeeAlsoBody)}</p>
        <ul class="govuk-list govuk-list--bullet">
            <li>
                <a class="govuk-link" href="/register">
                    {t(Text::EmployeeAlsoAssessment)}
                </a>
            </li>
            <li>
                <a class="govuk-link" href="/support?category=carers_support">
                    {t(Text::EmployeeAlsoSupport)}
                </a>
            </li>
        </ul>
    }
}
