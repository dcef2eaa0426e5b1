//! Choices in the GOV.UK Design System's markup: radios (one of a few) and checkboxes (any of
//! a few), drawn from a `FormState` like the other fields.
use leptos::prelude::*;

use super::fields::{described_by, form_state, group_class, ErrorMessage, Hint};
use crate::kit::forms::FormState;

/// One choice among a few (GOV.UK radios).
#[component]
pub fn Radios<V: AsRef<str> + Send + 'static>(
    name: &'static str,
    legend: String,
    #[prop(optional)] state: Option<FormState>,
    /// Each choice's value and its words.
    options: Vec<(V, String)>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let state = form_state(state);
    let error = state.error(name);
    let has_error = error.is_some();
    let chosen = state.value(name);
    view! {
        <div class=group_class(has_error) data-field=name>
            <fieldset class="govuk-fieldset" aria-describedby=described_by(name, hint.is_some(), has_error)>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
                <Hint name hint=hint.clone() />
                <ErrorMessage name message=error />
                <div class="govuk-radios" data-module="govuk-radios" data-control="">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (value, label))| {
                            let value = value.as_ref().to_owned();
                            let id = if i == 0 { name.to_owned() } else { format!("{name}-{value}") };
                            let checked = chosen == value;
                            view! { <ChoiceItem kind=ChoiceKind::Radio id name=name.to_owned() value checked label /> }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// Boxes to tick (GOV.UK checkboxes), each its own field posting `yes` when ticked. The
/// group's message belongs to the first box's field.
#[component]
pub fn Checkboxes(
    legend: String,
    #[prop(optional)] state: Option<FormState>,
    /// Each box's field name and its words.
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let state = form_state(state);
    let first = options.first().map(|(name, _)| name.clone()).unwrap_or_default();
    let error = options.iter().find_map(|(name, _)| state.error(name));
    let has_error = error.is_some();
    let hint_id = hint.as_ref().map(|_| format!("{first}-hint"));
    let described = [hint_id.clone(), has_error.then(|| format!("{first}-error"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let legend_class = if small {
        "govuk-fieldset__legend govuk-fieldset__legend--s"
    } else {
        "govuk-fieldset__legend govuk-fieldset__legend--m"
    };
    let list_class = if small { "govuk-checkboxes govuk-checkboxes--small" } else { "govuk-checkboxes" };
    view! {
        <div class=group_class(has_error) data-field=first.clone()>
            <fieldset class="govuk-fieldset" aria-describedby=(!described.is_empty()).then_some(described)>
                <legend class=legend_class>{legend}</legend>
                {hint
                    .map(|hint| {
                        view! {
                            <div class="govuk-hint" id=hint_id.clone()>
                                {hint}
                            </div>
                        }
                    })}
                <ErrorMessage name=first.clone() message=error />
                <div class=list_class data-module="govuk-checkboxes" data-control="">
                    {options
                        .into_iter()
                        .map(|(name, label)| {
                            let checked = state.value(&name) == "yes";
                            view! {
                                <ChoiceItem kind=ChoiceKind::Checkbox id=name.clone() name value="yes" checked label />
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// Whether a choice is one of a few (a radio) or any of a few (a box to tick).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceKind {
    Radio,
    Checkbox,
}

/// One radio or box to tick with its label, in GOV.UK's markup.
#[component]
pub fn ChoiceItem(
    kind: ChoiceKind,
    id: String,
    name: String,
    #[prop(into)] value: String,
    checked: bool,
    label: String,
) -> impl IntoView {
    let (item, input, label_class, input_type) = match kind {
        ChoiceKind::Radio => ("govuk-radios__item", "govuk-radios__input", "govuk-label govuk-radios__label", "radio"),
        ChoiceKind::Checkbox => {
            ("govuk-checkboxes__item", "govuk-checkboxes__input", "govuk-label govuk-checkboxes__label", "checkbox")
        }
    };
    view! {
        <div class=item>
            <input class=input id=id.clone() name=name type=input_type value=value checked=checked />
            <label class=label_class for=id>
                {label}
            </label>
        </div>
    }
}
