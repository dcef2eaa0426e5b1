//! The confirmation after sending a message, with its reference.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::layout::{LinkParagraph, PageTitle};
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// A reference as the store issues it (`CM-` and six digits); anything else is not shown.
fn valid_reference(reference: &str) -> bool {
    reference.strip_prefix("CM-").is_some_and(|digits| digits.len() >= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
}

#[component]
pub fn SentPage() -> impl IntoView {
    let visitor = use_visitor();
    let reference = use_query_map().with_untracked(|q| q.get("reference")).filter(|r| valid_reference(r));
    let t = move |text| visitor.t(text).to_owned();
    view! {
        <PageTitle text=t(Text::ContactSentTitle) />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">{t(Text::ContactSentTitle)}</h1>
                    {reference
                        .map(|reference| {
                            view! {
                                <div class="govuk-panel__body">
                                    {t(Text::ContactSentReference)} <br /> <strong>{reference}</strong>
                                </div>
                            }
                        })}
                </div>
                <h2 class="govuk-heading-m">{t(Text::ContactSentNextHeading)}</h2>
                <p class="govuk-body">{t(Text::ContactSentNext)}</p>
                <LinkParagraph href="/" text=Text::ContactSentBack />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::valid_reference;

    #[test]
    fn only_references_in_the_stores_format_are_shown() {
        assert!(valid_reference("CM-000042"));
        assert!(!valid_reference("CM-<script>"));
        assert!(!valid_reference("XX-000042"));
    }
}
