//! The budget letter: the amounts and how they are paid, to print or keep (a PDF copy comes
//! from the server's `budget_letter` route).
use leptos::prelude::*;

use super::person::BudgetFigures;
use crate::components::layout::{load_failed, NotFound, PageTitle};
use crate::components::record_page::signed_in;
use crate::features::budget::api::my_budget;
use crate::kit::i18n::Text;

#[component]
pub fn BudgetLetterPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <PageTitle text=t(Text::BudgetLetterTitle) />
            <a href="/budget" class="govuk-back-link portal-no-print">
                {t(Text::BudgetTitle)}
            </a>
            <Await future=my_budget() let:found>
                {match found.clone() {
                    Ok(Some(view)) => {
                        view! {
                            <h1 class="govuk-heading-l">{t(Text::BudgetLetterTitle)}</h1>
                            <p class="govuk-body">
                                {locale
                                    .fill(
                                        Text::BudgetLetterIntro,
                                        &[
                                            ("name", &view.person_name),
                                            ("version", &view.plan_version.to_string()),
                                            ("date", &view.set_on),
                                        ],
                                    )}
                            </p>
                            <BudgetFigures view=view.clone() locale />
                            <p class="govuk-body">{t(Text::BudgetLetterReview)}</p>
                            <div class="portal-no-print">
                                <p class="govuk-body">
                                    <a class="govuk-link" href="/budget/letter.pdf" download="">
                                        {t(Text::BudgetLetterPdfLink)}
                                    </a>
                                </p>
                                <p class="govuk-body">{t(Text::CopyPrintHint)}</p>
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => load_failed(error),
                    _ => NotFound().into_any(),
                }}
            </Await>
        }
    })
}
