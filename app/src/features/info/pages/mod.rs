//! The accessibility statement and the privacy notice. Their wording is in the locale files.
use leptos::prelude::*;

use crate::components::layout::PageTitle;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// A heading followed by its paragraphs.
#[component]
fn Section(heading: Text, paragraphs: Vec<Text>) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <h2 class="govuk-heading-m">{visitor.t(heading)}</h2>
        {paragraphs.into_iter().map(|p| view! { <p class="govuk-body">{visitor.t(p)}</p> }).collect_view()}
    }
}

/// The frame of both pages: the title, and the introduction naming the council.
#[component]
fn InfoPage(title: Text, intro: Text, children: Children) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <PageTitle text=visitor.t(title).to_owned() />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{visitor.t(title)}</h1>
                <p class="govuk-body">{visitor.locale.fill(intro, &[("council", &visitor.council.name)])}</p>
                {children()}
            </div>
        </div>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let visitor = use_visitor();
    let council = visitor.council.clone();
    view! {
        <InfoPage title=Text::AccessibilityTitle intro=Text::AccessibilityIntro>
            <Section
                heading=Text::AccessibilityUsingHeading
                paragraphs=vec![Text::AccessibilityUsing1, Text::AccessibilityUsing2, Text::AccessibilityUsing3]
            />
            <Section heading=Text::AccessibilityStatusHeading paragraphs=vec![Text::AccessibilityStatus1] />
            <Section
                heading=Text::AccessibilityKnownHeading
                paragraphs=vec![Text::AccessibilityKnown1, Text::AccessibilityKnown2]
            />
            <h2 class="govuk-heading-m">{visitor.t(Text::AccessibilityReportHeading)}</h2>
            <p class="govuk-body">
                {visitor
                    .locale
                    .fill(Text::AccessibilityReport1, &[("email", &council.email), ("phone", &council.phone)])}
            </p>
            <Section heading=Text::AccessibilityEnforcementHeading paragraphs=vec![Text::AccessibilityEnforcement1] />
            <Section heading=Text::AccessibilityTestingHeading paragraphs=vec![Text::AccessibilityTesting1] />
        </InfoPage>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <InfoPage title=Text::PrivacyTitle intro=Text::PrivacyIntro>
            <Section heading=Text::PrivacyWhatHeading paragraphs=vec![Text::PrivacyWhat1, Text::PrivacyWhat2] />
            <Section heading=Text::PrivacyWhyHeading paragraphs=vec![Text::PrivacyWhy1, Text::PrivacyWhy2] />
            <Section heading=Text::PrivacySharingHeading paragraphs=vec![Text::PrivacySharing1] />
            <Section heading=Text::PrivacyKeepingHeading paragraphs=vec![Text::PrivacyKeeping1] />
            <Section heading=Text::PrivacyCookiesHeading paragraphs=vec![Text::PrivacyCookies1] />
            <h2 class="govuk-heading-m">{visitor.t(Text::PrivacyRightsHeading)}</h2>
            <p class="govuk-body">{visitor.t(Text::PrivacyRights1)}</p>
            <p class="govuk-body">{visitor.locale.fill(Text::PrivacyRights2, &[("email", &visitor.council.email)])}</p>
            <p class="govuk-body">{visitor.t(Text::PrivacyRights3)}</p>
        </InfoPage>
    }
}
