//! The practitioner's side: the queue of sent assessments and one assessment as the
//! structured record, with the eligibility decision form.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::check::AnswersSummary;
use super::decision::DecisionExplained;
use super::record_tables::{OutcomesTable, TasksTable};

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ChoiceItem, ChoiceKind, ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{BackLink, PageHeading, WarningText};
use crate::components::record_page::{record_page, signed_in_page};
use crate::components::table::{LinkCell, Table};
use crate::domain::assessment::questions::{find_page, pages};
use crate::domain::assessment::{Assessment, CarerOutcome, EligibilityDecision};
use crate::features::assessment::api::{assessment_queue, assessment_record, AllocateToMe, RecordEligibility};
use crate::features::assessment::wire::{QueueLine, StructuredAssessment};
use crate::features::assessment::words;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn QueuePage() -> impl IntoView {
    let visitor = use_visitor();
    let status = use_query_map().with_untracked(|q| q.get("status")).unwrap_or_else(|| "waiting".to_owned());
    let (locale, t) = visitor.language();
    let chosen = status.clone();
    let filter = move || {
        [("waiting", Text::QueueFilterWaiting), ("decided", Text::QueueFilterDecided), ("all", Text::QueueFilterAll)]
            .into_iter()
            .map(|(value, text)| {
                view! {
                    <option value=value selected=chosen == value>
                        {t(text)}
                    </option>
                }
            })
            .collect_view()
    };
    signed_in_page(
        move || assessment_queue(status.clone()),
        move |queue| {
            view! {
                <PageHeading text=t(Text::QueueTitle) intro=t(Text::QueueIntro) />
                // Filtering only reads, so it is a GET form.
                <form method="get" action="/staff/assessments" class="portal-filter">
                    <div class="govuk-form-group">
                        <label class="govuk-label" for="status">
                            {t(Text::QueueFilterLabel)}
                        </label>
                        <select class="govuk-select" id="status" name="status">
                            {filter()}
                        </select>
                    </div>
                    <Submit text=Text::QueueFilterButton secondary=true />
                </form>
                <QueueTable lines=queue.mine locale />
                <h2 class="govuk-heading-m">{t(Text::QueueUnallocatedHeading)}</h2>
                <Unallocated lines=queue.unallocated locale />
            }
            .into_any()
        },
    )
}

fn status_text(locale: Locale, line: &QueueLine) -> &'static str {
    locale.text(match line.eligible {
        None => Text::QueueStatusWaiting,
        Some(true) => Text::QueueStatusDecidedEligible,
        Some(false) => Text::QueueStatusDecidedNotEligible,
    })
}

#[component]
fn QueueTable(lines: Vec<QueueLine>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    if lines.is_empty() {
        return view! { <p class="govuk-body">{t(Text::QueueNone)}</p> }.into_any();
    }
    let rows = lines
        .into_iter()
        .map(|line| {
            let reference = line.reference.clone();
            view! {
                <tr class="govuk-table__row">
                    <LinkCell href=format!("/staff/assessments/{}", line.id)>{reference}</LinkCell>
                    <td class="govuk-table__cell">
                        {line.carer_name.clone()}
                        {line
                            .under_18
                            .then(|| {
                                view! {
                                    " "
                                    <strong class="govuk-tag govuk-tag--red">{t(Text::QueueUnder18)}</strong>
                                }
                            })}
                    </td>
                    <td class="govuk-table__cell">{line.sent_on.clone()}</td>
                    <td class="govuk-table__cell">{status_text(locale, &line)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            label=t(Text::QueueTitle)
            columns=vec![Text::QueueReference, Text::QueueCarer, Text::QueueSent, Text::QueueStatus]
        >
            {rows}
        </Table>
    }
    .into_any()
}

#[component]
fn Unallocated(lines: Vec<QueueLine>, locale: Locale) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p class="govuk-body">{locale.text(Text::QueueNone)}</p> }.into_any();
    }
    lines
        .into_iter()
        .map(|line| {
            let button = locale.fill(Text::QueueAllocateButton, &[("name", &line.carer_name)]);
            view! {
                <PostForm action=AllocateToMe::PATH refused=use_visitor().flash>
                    <p class="govuk-body">
                        {line.carer_name.clone()} " – " {line.reference.clone()} " – " {line.sent_on.clone()}
                    </p>
                    <input type="hidden" name="carer_id" value=line.carer_id />
                    <button type="submit" class="govuk-button govuk-button--secondary">
                        {button}
                    </button>
                </PostForm>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn RecordPage() -> impl IntoView {
    record_page(assessment_record, |record| Some(view! { <Record record /> }))
}

#[component]
fn Record(record: StructuredAssessment) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let assessment = Assessment::from_answers(&record.answers);
    let title = locale.fill(Text::RecordTitle, &[("reference", &record.reference)]);
    let changes = match &record.previous {
        None => view! { <p class="govuk-body">{t(Text::RecordFirstVersion)}</p> }.into_any(),
        Some(previous) => {
            let changed = assessment.changed_since(previous);
            let all = pages(&record.answers);
            let names: Vec<String> = changed
                .iter()
                .filter_map(|id| all.iter().flat_map(|p| p.questions.iter()).find(|q| &q.id == id))
                .map(|q| match q.subject {
                    Some(subject) => format!("{}: {}", words::subject(locale, subject), words::label(locale, q)),
                    None => words::label(locale, q),
                })
                .collect();
            if names.is_empty() {
                view! { <p class="govuk-body">{t(Text::RecordNoChanges)}</p> }.into_any()
            } else {
                view! {
                    <ul class="govuk-list govuk-list--bullet">
                        {names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }
    };
    let decision = match record.decision.clone() {
        Some(seen) => view! {
            <h2 class="govuk-heading-l">{t(Text::DecisionTitle)}</h2>
            <DecisionExplained seen answers=record.answers.clone() locale />
        }
        .into_any(),
        None => {
            view! { <DecisionForm record=record.clone() suggested=assessment.outcomes_not_achieved() /> }.into_any()
        }
    };
    view! {
        <BackLink href="/staff/assessments" text=Text::AssessmentBack />
        <PageHeading text=title />
        <p class="govuk-body">
            {locale
                .fill(
                    Text::RecordCarer,
                    &[("name", &record.carer_name), ("version", &record.version.to_string()), ("date", &record.sent_on)],
                )}
        </p>
        <p class="govuk-body">
            <a class="govuk-link" href=format!("/staff/assessments/{}/fhir", record.id) download="">
                {t(Text::FhirLink)}
            </a>
        </p>
        <p class="govuk-hint">{t(Text::FhirAssessmentHint)}</p>
        {assessment
            .is_under_18()
            .then(|| {
                view! { <WarningText text=t(Text::RecordUnder18) /> }
            })}
        <h2 class="govuk-heading-m">{t(Text::RecordChangesHeading)}</h2>
        {changes}
        <TasksTable assessment=assessment.clone() locale />
        <OutcomesTable assessment=assessment.clone() locale />
        {decision}
        <h2 class="govuk-heading-l">{t(Text::RecordAnswersHeading)}</h2>
        <AnswersSummary answers=record.answers.clone() change_links=false locale />
    }
}

#[component]
fn DecisionForm(record: StructuredAssessment, suggested: Vec<CarerOutcome>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let mut initial = BTreeMap::new();
    for outcome in &suggested {
        initial.insert(format!("outcomes-{}", outcome.code()), "yes".to_owned());
    }
    let state = FormState::for_action(RecordEligibility::PATH, visitor.flash.as_ref(), initial);
    let yes_no = move || vec![("yes", t(Text::DecisionYes)), ("no", t(Text::DecisionNo))];
    let outcome_boxes = CarerOutcome::ALL
        .iter()
        .enumerate()
        .map(|(i, outcome)| {
            let name = format!("outcomes-{}", outcome.code());
            let id = if i == 0 { "outcomes".to_owned() } else { name.clone() };
            let checked = !state.value(&name).is_empty();
            let label = find_page(&format!("outcome-{}", outcome.code()), &record.answers)
                .and_then(|p| p.questions[0].subject)
                .map(|s| words::subject(locale, s))
                .unwrap_or_default();
            view! { <ChoiceItem kind=ChoiceKind::Checkbox id name value="yes" checked label /> }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-l" id="decide">
            {t(Text::DecisionFormHeading)}
        </h2>
        <ErrorSummary
            state=state.clone()
            order=&[
                "necessary_care",
                "necessary_care_reason",
                "health_at_risk",
                "health_reason",
                "outcomes_reason",
                "significant_impact",
                "impact_reason",
                "advice",
            ]
        />
        <PostForm action=RecordEligibility::PATH state=state.clone()>
            <input type="hidden" name="version_id" value=record.id />
            <Radios name="necessary_care" legend=t(Text::DecisionNecessaryCare) options=yes_no() />
            <Why name="necessary_care_reason" />
            <Radios name="health_at_risk" legend=t(Text::DecisionHealth) options=yes_no() />
            <Why name="health_reason" />
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset" aria-describedby="outcomes-hint">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                        {t(Text::DecisionFormOutcomes)}
                    </legend>
                    <div class="govuk-hint" id="outcomes-hint">
                        {t(Text::DecisionFormOutcomesHint)}
                    </div>
                    <div class="govuk-checkboxes govuk-checkboxes--small">{outcome_boxes}</div>
                </fieldset>
            </div>
            <Why name="outcomes_reason" />
            <Radios name="significant_impact" legend=t(Text::DecisionImpact) options=yes_no() />
            <Why name="impact_reason" />
            <TextArea
                name="advice"
                label=t(Text::DecisionFormAdvice)
                hint=t(Text::DecisionFormAdviceHint)
                max_chars=EligibilityDecision::TEXT_MAX
            />
            <Submit text=Text::DecisionFormButton />
        </PostForm>
    }
}

/// The box after each part of the decision, where the practitioner says why in plain words.
#[component]
fn Why(name: &'static str) -> impl IntoView {
    let t = use_visitor().locale.translator();
    view! { <TextArea name label=t(Text::DecisionFormWhy) max_chars=EligibilityDecision::TEXT_MAX rows=3 /> }
}
