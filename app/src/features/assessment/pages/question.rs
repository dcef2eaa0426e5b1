//! One page of the assessment (GOV.UK question pages): the question is the page's heading,
//! every answer may be skipped, and "Continue" or "Save and come back later" both save.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{CharacterCount, ErrorMessage, ErrorSummary, Submit};
use crate::components::layout::{load_failed, needs_sign_in, BackLink, LinkParagraph, NotFound, PageTitle};
use crate::domain::assessment::questions::{checkbox_name, locate, Kind, PageInSection, Question, LONG_MAX, SHORT_MAX};
use crate::domain::assessment::Answers;
use crate::features::assessment::api::{my_answers, SaveAssessmentPage};
use crate::features::assessment::words;
use crate::features::assisted::AssistingBanner;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn QuestionPage() -> impl IntoView {
    let visitor = use_visitor();
    let id = use_params_map().with_untracked(|p| p.get("page")).unwrap_or_default();
    if needs_sign_in(&visitor) {
        return ().into_any();
    }
    view! {
        <Await future=my_answers() let:mine>
            {match mine
                .clone()
                .map(|mine| locate(&id, &mine.answers).map(|found| (found, mine.answers, mine.assisting)))
            {
                Ok(Some((found, answers, assisting))) => view! { <QuestionForm found answers assisting /> }.into_any(),
                Ok(None) => NotFound().into_any(),
                Err(error) => load_failed(error),
            }}
        </Await>
    }
    .into_any()
}

#[component]
fn QuestionForm(found: PageInSection, answers: Answers, assisting: Option<String>) -> impl IntoView {
    let PageInSection { page, previous, .. } = found;
    let visitor = use_visitor();
    let locale = visitor.locale;
    let saved = page.form_values(&answers).into_iter().collect();
    let state = FormState::for_action(SaveAssessmentPage::PATH, visitor.flash.as_ref(), saved);
    let back = previous.map(|p| format!("/assessment/questions/{}", p.id)).unwrap_or_else(|| "/assessment".to_owned());
    let section = words::section(locale, page.section);
    let single = page.questions.len() == 1;
    let heading = match (single, page.questions[0].subject) {
        (true, _) | (false, None) => words::label(locale, &page.questions[0]),
        (false, Some(subject)) => words::subject(locale, subject),
    };
    let order: Vec<String> = page.questions.iter().map(|q| q.id.clone()).collect();
    // Kept on the device per person filling in, and per carer when filling in with one.
    let me = visitor.user.as_ref().map(|u| u.id).unwrap_or_default();
    let autosave_key = match visitor.assisting {
        Some(carer) => format!("assessment:{me}:for-{carer}:{}", page.id),
        None => format!("assessment:{me}:{}", page.id),
    };
    let fields = page
        .questions
        .iter()
        .map(|q| view! { <QuestionField question=q.clone() state=state.clone() as_heading=single locale /> })
        .collect_view();
    view! {
        <PageTitle text=heading.clone() has_errors=state.has_errors() />
        <BackLink href=back text=Text::AssessmentBack />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary state=state.clone() order=order />
                <AssistingBanner name=assisting />
                <span class="govuk-caption-l">{section}</span>
                {(!single).then(|| view! { <h1 class="govuk-heading-l">{heading.clone()}</h1> })}
                <PostForm action=SaveAssessmentPage::PATH autosave=autosave_key>
                    <input type="hidden" name="page" value=page.id.clone() />
                    {fields}
                    <div class="govuk-button-group">
                        <Submit text=Text::AssessmentContinue name="intent" value="continue" />
                        <Submit text=Text::AssessmentSaveLater name="intent" value="later" secondary=true />
                    </div>
                </PostForm>
                <LinkParagraph href="/assessment" text=Text::AssessmentBackToList />
            </div>
        </div>
    }
}

/// One question in GOV.UK markup. On a one-question page its label (or legend) is the `<h1>`.
#[component]
fn QuestionField(question: Question, state: FormState, as_heading: bool, locale: Locale) -> impl IntoView {
    let id = question.id.clone();
    let error = state.error(&id);
    let has_error = error.is_some();
    let label = words::label(locale, &question);
    let hint = match question.kind {
        Kind::Short | Kind::Long => {
            let max = if question.kind == Kind::Short { SHORT_MAX } else { LONG_MAX };
            let limit = locale.fill(Text::AssessmentCountHint, &[("max", &max.to_string())]);
            Some(words::hint(locale, &question).map(|h| format!("{h} {limit}")).unwrap_or(limit))
        }
        _ => words::hint(locale, &question),
    };
    let described = [hint.as_ref().map(|_| format!("{id}-hint")), error.as_ref().map(|_| format!("{id}-error"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let group_class = if has_error { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" };
    let hint_view = hint.map(|h| {
        view! {
            <div class="govuk-hint" id=format!("{id}-hint")>
                {h}
            </div>
        }
    });
    let control = match question.kind {
        Kind::Choice(options) | Kind::Choices(options) => {
            let multiple = matches!(question.kind, Kind::Choices(_));
            let legend_class = if as_heading {
                "govuk-fieldset__legend govuk-fieldset__legend--l"
            } else {
                "govuk-fieldset__legend govuk-fieldset__legend--m"
            };
            let legend = if as_heading {
                view! { <h1 class="govuk-fieldset__heading">{label}</h1> }.into_any()
            } else {
                label.into_any()
            };
            let chosen = state.value(&id);
            let items = options
                .iter()
                .enumerate()
                .map(|(i, code)| {
                    let item_id = if i == 0 { id.clone() } else { format!("{id}-{code}") };
                    let text = words::option(locale, &question, code);
                    let (class, input_class, label_class, kind) = if multiple {
                        (
                            "govuk-checkboxes__item",
                            "govuk-checkboxes__input",
                            "govuk-label govuk-checkboxes__label",
                            "checkbox",
                        )
                    } else {
                        ("govuk-radios__item", "govuk-radios__input", "govuk-label govuk-radios__label", "radio")
                    };
                    let (name, value, checked) = if multiple {
                        let name = checkbox_name(&id, code);
                        let checked = !state.value(&name).is_empty();
                        (name, "yes".to_owned(), checked)
                    } else {
                        (id.clone(), code.to_string(), chosen == *code)
                    };
                    view! {
                        <div class=class>
                            <input
                                class=input_class
                                id=item_id.clone()
                                name=name
                                type=kind
                                value=value
                                checked=checked
                            />
                            <label class=label_class for=item_id>
                                {text}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            let list_class = if multiple { "govuk-checkboxes" } else { "govuk-radios" };
            view! {
                <fieldset class="govuk-fieldset" aria-describedby=described>
                    <legend class=legend_class>{legend}</legend>
                    {hint_view}
                    <ErrorMessage name=id.clone() message=error />
                    <div class=list_class data-control="">
                        {items}
                    </div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Short | Kind::Long => {
            let label_class = if as_heading { "govuk-label govuk-label--l" } else { "govuk-label govuk-label--m" };
            let label = view! {
                <label class=label_class for=id.clone()>
                    {label}
                </label>
            };
            let label = if as_heading {
                view! { <h1 class="govuk-label-wrapper">{label}</h1> }.into_any()
            } else {
                label.into_any()
            };
            let input = if question.kind == Kind::Short {
                let class = if has_error { "govuk-input govuk-input--error" } else { "govuk-input" };
                view! {
                    <input
                        class=class
                        id=id.clone()
                        name=id.clone()
                        type="text"
                        value=state.value(&id)
                        aria-describedby=described
                        data-control=""
                        data-error-class="govuk-input--error"
                    />
                }
                .into_any()
            } else {
                let class = if has_error { "govuk-textarea govuk-textarea--error" } else { "govuk-textarea" };
                view! {
                    <textarea
                        class=class
                        id=id.clone()
                        name=id.clone()
                        rows="6"
                        aria-describedby=described
                        data-control=""
                        data-error-class="govuk-textarea--error"
                    >
                        {state.value(&id)}
                    </textarea>
                    <CharacterCount name=id.clone() max=LONG_MAX />
                }
                .into_any()
            };
            view! {
                {label}
                {hint_view}
                <ErrorMessage name=id.clone() message=error />
                {input}
            }
            .into_any()
        }
    };
    view! {
        <div class=group_class data-field=question.id.clone()>
            {control}
        </div>
    }
}
