//! Form fields in the GOV.UK Design System's markup, drawn from a `FormState` so a refused
//! form comes back exactly as it was typed, with each message next to its field.
//!
//! The markup carries `data-field` (the group) and `data-control` (where a message goes
//! before), which the `FormEnhancer` island relies on to draw the same messages in the browser.
use leptos::prelude::*;

use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

// The choices and the error summary live beside this file; pages take every form control from
// here.
pub use super::choices::{Checkboxes, ChoiceItem, ChoiceKind, Radios};
pub use super::error_summary::{ErrorSummary, FieldOrder};

pub(super) fn described_by(name: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, part)| format!("{name}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The message shown above a control when its value was refused.
#[component]
pub fn ErrorMessage(#[prop(into)] name: String, message: Option<String>) -> impl IntoView {
    let prefix = use_visitor().t(Text::ErrorsPrefix);
    message.map(|message| {
        view! {
            <p class="govuk-error-message" id=format!("{name}-error")>
                <span class="govuk-visually-hidden">{prefix}": "</span>
                {message}
            </p>
        }
    })
}

/// The GOV.UK character count's live message under a text box: empty until the script fills
/// it as the person types (the hint above states the limit for everyone).
#[component]
pub fn CharacterCount(#[prop(into)] name: String, max: usize) -> impl IntoView {
    let visitor = use_visitor();
    view! {
        <div
            class="govuk-hint govuk-character-count__message portal-count"
            aria-live="polite"
            data-count-for=name
            data-max=max
            data-remaining=visitor.t(Text::FormsCountRemaining)
            data-over=visitor.t(Text::FormsCountOver)
            data-remaining-one=visitor.t(Text::FormsCountRemainingOne)
            data-over-one=visitor.t(Text::FormsCountOverOne)
        ></div>
    }
}

/// The state a field is drawn in: the one it is given, else that of the `PostForm` around it.
pub(super) fn form_state(given: Option<FormState>) -> FormState {
    given.unwrap_or_else(expect_context::<FormState>)
}

/// A form's button (GOV.UK button) with words from the catalogue; `secondary` and `warning`
/// are GOV.UK's other two looks. Where a form has two buttons, `name` and `value` say which was
/// pressed (an answer, or whether to go on or save for later).
#[component]
pub fn Submit(
    text: Text,
    #[prop(optional)] secondary: bool,
    #[prop(optional)] warning: bool,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let class = match (secondary, warning) {
        (true, _) => "govuk-button govuk-button--secondary",
        (_, true) => "govuk-button govuk-button--warning",
        _ => "govuk-button",
    };
    view! {
        <button type="submit" class=class name=name value=value id=id>
            {use_visitor().t(text)}
        </button>
    }
}

/// The hint under a label or legend, if there is one; `{name}-hint` is what the control's
/// `aria-describedby` names.
#[component]
pub(super) fn Hint(name: &'static str, hint: Option<String>) -> impl IntoView {
    hint.map(|hint| {
        view! {
            <div class="govuk-hint" id=format!("{name}-hint")>
                {hint}
            </div>
        }
    })
}

pub(super) fn group_class(has_error: bool) -> &'static str {
    if has_error {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    name: &'static str,
    label: String,
    #[prop(optional)] state: Option<FormState>,
    #[prop(default = None, into)] hint: Option<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] width: Option<&'static str>,
    #[prop(optional)] spellcheck: Option<bool>,
    /// The keyboard a phone shows: `numeric` for codes.
    #[prop(optional)]
    input_mode: Option<&'static str>,
) -> impl IntoView {
    let state = form_state(state);
    let error = state.error(name);
    let has_error = error.is_some();
    let mut class = String::from("govuk-input");
    if let Some(width) = width {
        class.push_str(&format!(" govuk-input--width-{width}"));
    }
    if has_error {
        class.push_str(" govuk-input--error");
    }
    view! {
        <div class=group_class(has_error) data-field=name>
            <label class="govuk-label" for=name>
                {label}
            </label>
            <Hint name hint=hint.clone() />
            <ErrorMessage name message=error />
            <input
                class=class
                id=name
                name=name
                type=input_type
                value=state.value(name)
                autocomplete=autocomplete
                spellcheck=spellcheck.map(|s| s.to_string())
                inputmode=input_mode
                aria-describedby=described_by(name, hint.is_some(), has_error)
                data-control=""
                data-error-class="govuk-input--error"
            />
        </div>
    }
}

/// A multi-line text box with its limit stated (GOV.UK character count, without the script).
/// A `secret` one (how to get into a home) is kept from the browser's spelling services, which
/// may send what is typed away, and from its autofill memory.
#[component]
pub fn TextArea(
    name: &'static str,
    label: String,
    #[prop(optional)] state: Option<FormState>,
    max_chars: usize,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = 5)] rows: u32,
    #[prop(optional)] secret: bool,
) -> impl IntoView {
    let visitor = use_visitor();
    let state = form_state(state);
    let error = state.error(name);
    let has_error = error.is_some();
    let limit = visitor.locale.fill(Text::FormsCharacterLimit, &[("max", &max_chars.to_string())]);
    let hint = match hint {
        Some(hint) => format!("{hint} {limit}"),
        None => limit,
    };
    let class = if has_error { "govuk-textarea govuk-textarea--error" } else { "govuk-textarea" };
    view! {
        <div class=group_class(has_error) data-field=name>
            <label class="govuk-label" for=name>
                {label}
            </label>
            <div class="govuk-hint" id=format!("{name}-hint")>
                {hint}
            </div>
            <ErrorMessage name message=error />
            <textarea
                class=class
                id=name
                name=name
                rows=rows
                spellcheck=secret.then_some("false")
                autocomplete=secret.then_some("off")
                aria-describedby=described_by(name, true, has_error)
                data-control=""
                data-error-class="govuk-textarea--error"
            >
                {state.value(name)}
            </textarea>
            <CharacterCount name=name max=max_chars />
        </div>
    }
}

/// A password input (GOV.UK password input): pasting allowed, the right `autocomplete`, and a
/// "Show" button that works once the `PasswordReveal` island is running (hidden until then).
#[component]
pub fn PasswordField(
    name: &'static str,
    label: String,
    #[prop(optional)] state: Option<FormState>,
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let visitor = use_visitor();
    let state = form_state(state);
    let error = state.error(name);
    let has_error = error.is_some();
    let class = if has_error {
        "govuk-input govuk-password-input__input govuk-input--error"
    } else {
        "govuk-input govuk-password-input__input"
    };
    let show = visitor.t(Text::AccountShowPassword);
    view! {
        <div class=format!("{} govuk-password-input", group_class(has_error)) data-field=name>
            <label class="govuk-label" for=name>
                {label}
            </label>
            <Hint name hint=hint.clone() />
            <ErrorMessage name message=error />
            <super::password_reveal::PasswordReveal>
                <div
                    class="govuk-input__wrapper govuk-password-input__wrapper"
                    data-control=""
                    data-error-class="govuk-input--error"
                >
                    <input
                        class=class
                        id=name
                        name=name
                        type="password"
                        spellcheck="false"
                        autocapitalize="none"
                        autocomplete=autocomplete
                        aria-describedby=described_by(name, hint.is_some(), has_error)
                    />
                    <button
                        type="button"
                        class="govuk-button govuk-button--secondary govuk-password-input__toggle"
                        aria-controls=name
                        aria-label=visitor.t(Text::AccountShowPasswordLabel)
                        data-show=show
                        data-hide=visitor.t(Text::AccountHidePassword)
                        data-show-label=visitor.t(Text::AccountShowPasswordLabel)
                        data-hide-label=visitor.t(Text::AccountHidePasswordLabel)
                        hidden
                    >
                        {show}
                    </button>
                </div>
            </super::password_reveal::PasswordReveal>
        </div>
    }
}

/// A GOV.UK date input: day, month and year boxes named `{prefix}-day`, `-month`, `-year`. Its
/// error belongs to `{prefix}-day`, so the error summary links to the first box.
#[component]
pub fn DateInput(
    prefix: &'static str,
    legend: String,
    hint: String,
    #[prop(optional)] state: Option<FormState>,
) -> impl IntoView {
    let locale = use_visitor().locale;
    let state = form_state(state);
    let field = format!("{prefix}-day");
    let error = state.error(&field);
    let has_error = error.is_some();
    let hint_id = format!("{prefix}-hint");
    let described = if has_error { format!("{hint_id} {field}-error") } else { hint_id.clone() };
    let part = move |part: &'static str, label: Text, width: &'static str| {
        let name = format!("{prefix}-{part}");
        let class = format!(
            "govuk-input govuk-date-input__input govuk-input--width-{width}{}",
            if has_error { " govuk-input--error" } else { "" }
        );
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=name.clone()>
                        {locale.text(label)}
                    </label>
                    <input
                        class=class
                        id=name.clone()
                        name=name.clone()
                        type="text"
                        inputmode="numeric"
                        value=state.value(&name)
                    />
                </div>
            </div>
        }
    };
    view! {
        <div class=group_class(has_error) data-field=field.clone()>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <div class="govuk-hint" id=hint_id>
                    {hint}
                </div>
                <ErrorMessage name=field.clone() message=error />
                <div class="govuk-date-input" data-control="">
                    {part("day", Text::RecordPlanDay, "2")}
                    {part("month", Text::RecordPlanMonth, "2")}
                    {part("year", Text::RecordPlanYear, "4")}
                </div>
            </fieldset>
        </div>
    }
}
