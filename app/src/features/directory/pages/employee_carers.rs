//! The page for council employees who are also carers: the employee carers network.
use leptos::prelude::*;

use crate::components::layout::{BackLink, PageTitle};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// For council employees who are also carers: the employee carers network.
#[component]
pub fn EmployeeCarersPage() -> impl IntoView {
    let visitor = use_visitor();
    let locale = visitor.locale;
    let t = locale.translator();
    view! {
        <PageTitle text=t(Text::EmployeeTitle) />
        <BackLink href="/support" text=Text::DirectoryTitle />
        <h1 class="govuk-heading-l">{t(Text::EmployeeTitle)}</h1>
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
