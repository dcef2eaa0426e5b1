//! "Your information" on the account page: the right of access, the download of everything
//! the portal holds about the signed-in person, and their two-factor sign-in.
use leptos::prelude::*;

use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn YourData() -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <h2 class="govuk-heading-m" id="your-information">
            {visitor.t(Text::DataRightsYourDataHeading)}
        </h2>
        <p class="govuk-body">{visitor.t(Text::DataRightsYourDataIntro)}</p>
        <p class="govuk-body">
            <a class="govuk-link" href="/account/my-data" download="">
                {visitor.t(Text::DataRightsYourDataLink)}
            </a>
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href="/account/two-factor">
                {visitor.t(Text::TwoFactorLink)}
            </a>
        </p>
    }
}
