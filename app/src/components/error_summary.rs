//! The GOV.UK error summary at the top of a page: every refused field, in page order, each a
//! link to its field.
use leptos::prelude::*;

use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// The order of a form's fields on the page, for the error summary.
pub struct FieldOrder(pub Vec<String>);

impl<const N: usize> From<&[&str; N]> for FieldOrder {
    fn from(fields: &[&str; N]) -> FieldOrder {
        FieldOrder(fields.iter().map(|f| f.to_string()).collect())
    }
}

impl From<Vec<String>> for FieldOrder {
    fn from(fields: Vec<String>) -> FieldOrder {
        FieldOrder(fields)
    }
}

/// The slot for the GOV.UK error summary, at the top of the page. Filled by the server when a
/// refused form comes back, or by the `FormEnhancer` island in the browser. `order` lists the
/// form's fields as they appear on the page, so the summary follows the page.
#[component]
pub fn ErrorSummary(state: FormState, #[prop(into)] order: FieldOrder) -> impl IntoView {
    let visitor = use_visitor();
    let action = state.action.clone();
    let order = order.0;
    let position = |field: &str| order.iter().position(|f| f == field).unwrap_or(order.len());
    let mut items: Vec<(Option<String>, String)> =
        state.errors.iter().map(|(field, message)| (Some(field.clone()), message.clone())).collect();
    items.sort_by_key(|(field, _)| field.as_deref().map(position));
    if let Some(summary) = &state.summary {
        items.insert(0, (None, summary.clone()));
    }
    let content = (!items.is_empty()).then(|| {
        view! {
            <div class="govuk-error-summary">
                <div role="alert">
                    <h2 class="govuk-error-summary__title">{visitor.t(Text::ErrorsSummaryTitle)}</h2>
                    <div class="govuk-error-summary__body">
                        <ul class="govuk-list govuk-error-summary__list">
                            {items
                                .into_iter()
                                .map(|(field, message)| match field {
                                    Some(field) => {
                                        view! {
                                            <li>
                                                <a href=format!("#{field}")>{message}</a>
                                            </li>
                                        }
                                            .into_any()
                                    }
                                    None => view! { <li>{message}</li> }.into_any(),
                                })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            </div>
        }
    });
    view! {
        <div data-error-summary=action tabindex="-1">
            {content}
        </div>
    }
}
