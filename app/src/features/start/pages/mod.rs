//! The start page (GOV.UK start page pattern), which is also the signed-out home.
use leptos::prelude::*;

use crate::components::layout::{LinkParagraph, PageTitle};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// A right as the council's procedures or the NHS guide state it, with where it comes from.
#[component]
fn Right(quote: Text, source: Text) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <div class="govuk-inset-text">
            <blockquote class="portal-quote">
                <p class="govuk-body">{visitor.t(quote)}</p>
            </blockquote>
            <p class="govuk-body-s portal-quote__source">{visitor.t(source)}</p>
        </div>
    }
}

#[component]
pub fn StartPage() -> impl IntoView {
    let visitor = use_visitor();
    let t = |text| visitor.t(text);
    let uses = [
        Text::StartUseAssessment,
        Text::StartUsePlan,
        Text::StartUseReview,
        Text::StartUseBudget,
        Text::StartUseEmergency,
        Text::StartUseSupport,
    ];
    view! {
        <PageTitle text=t(Text::StartTitle).to_owned() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-xl">{t(Text::StartTitle)}</h1>
                <p class="govuk-body-l">{t(Text::StartLead)}</p>
                <p class="govuk-body">{t(Text::StartUseIntro)}</p>
                <ul class="govuk-list govuk-list--bullet">
                    {uses.into_iter().map(|u| view! { <li>{t(u)}</li> }).collect_view()}
                </ul>
                <p class="govuk-body">{t(Text::StartSaveAsYouGo)}</p>
                <a href="/sign-in" role="button" draggable="false" class="govuk-button govuk-button--start">
                    {t(Text::StartButton)}
                    <svg
                        class="govuk-button__start-icon"
                        xmlns="http://www.w3.org/2000/svg"
                        width="17.5"
                        height="19"
                        viewBox="0 0 33 40"
                        aria-hidden="true"
                        focusable="false"
                    >
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </a>
                <p class="govuk-body">
                    {t(Text::StartNoAccount)} " " <a class="govuk-link" href="/register">
                        {t(Text::StartCreateAccount)}
                    </a>
                </p>

                <h2 class="govuk-heading-m">{t(Text::StartRightsHeading)}</h2>
                <Right quote=Text::StartRightCopyQuote source=Text::StartRightCopySource />
                <Right quote=Text::StartRightFormatQuote source=Text::StartRightFormatSource />
                <Right quote=Text::StartRightReviewQuote source=Text::StartRightReviewSource />

                <h2 class="govuk-heading-m">{t(Text::DirectoryTitle)}</h2>
                <LinkParagraph href="/support" text=Text::StartSupportLink />
                <LinkParagraph href="/support/employee-carers" text=Text::DirectoryEmployeeQuestion />

                <h2 class="govuk-heading-m">{t(Text::StartOtherWaysHeading)}</h2>
                <p class="govuk-body">
                    {visitor.locale.fill(Text::StartOtherWaysBody, &[("phone", &visitor.council.phone)])}
                </p>
                <LinkParagraph href="/contact" text=Text::StartContactLink />
            </div>
        </div>
    }
}
