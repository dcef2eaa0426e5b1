//! The eligibility decision explained against the carer's own answers: shown to the carer,
//! and to the practitioner once recorded.
use leptos::prelude::*;

use crate::components::layout::{BackLink, NotFound, PageHeading};
use crate::components::record_page::signed_in;
use crate::domain::assessment::questions::find_page;
use crate::domain::assessment::Answers;
use crate::features::assessment::api::my_assessment;
use crate::features::assessment::wire::DecisionSeen;
use crate::features::assessment::words;
use crate::kit::i18n::{Locale, Text};

#[component]
pub fn DecisionExplained(seen: DecisionSeen, answers: Answers, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let decision = seen.decision;
    let verdict = if decision.eligible() { Text::DecisionEligible } else { Text::DecisionNotEligible };
    let met = move |yes: bool| t(if yes { Text::DecisionMet } else { Text::DecisionNotMet });
    // One row per part of the test: met or not, and why.
    let row = move |label: Text, yes: bool, reason: String, extra: Option<AnyView>| {
        view! {
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t(label)}</dt>
                <dd class="govuk-summary-list__value">
                    <p class="govuk-body govuk-!-font-weight-bold">{met(yes)}</p>
                    {extra}
                    <p class="govuk-body portal-keep-lines">{reason}</p>
                </dd>
            </div>
        }
    };
    // Each outcome the practitioner found, with what the carer said about it.
    let outcomes = decision
        .outcomes_not_achieved
        .iter()
        .map(|outcome| {
            let said = find_page(&format!("outcome-{}", outcome.code()), &answers).map(|page| {
                let question = &page.questions[0];
                words::answer(locale, question, answers.get(&question.id))
            });
            let name = locale.text(
                Text::from_key(&format!("assessment.outcomes.{}", outcome.code()))
                    .unwrap_or(Text::AssessmentNotProvided),
            );
            view! {
                <li>
                    {name}
                    {said
                        .map(|said| {
                            view! {
                                <br />
                                <span class="govuk-hint">
                                    {locale.fill(Text::DecisionYourAnswer, &[("answer", &said)])}
                                </span>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="govuk-panel govuk-panel--confirmation portal-decision">
            <h2 class="govuk-panel__title govuk-!-font-size-27">{t(verdict)}</h2>
        </div>
        {decision.eligible().then(|| view! { <p class="govuk-body">{t(Text::DecisionEligibleNext)}</p> })}
        <p class="govuk-body">{t(Text::DecisionTestIntro)}</p>
        <dl class="govuk-summary-list">
            {row(
                Text::DecisionNecessaryCare,
                decision.needs_from_necessary_care,
                decision.reasons.necessary_care.clone(),
                None,
            )} {row(Text::DecisionHealth, decision.health_at_risk, decision.reasons.health.clone(), None)}
            {row(
                Text::DecisionOutcomes,
                !decision.outcomes_not_achieved.is_empty(),
                decision.reasons.outcomes.clone(),
                (!decision.outcomes_not_achieved.is_empty())
                    .then(|| view! { <ul class="govuk-list govuk-list--bullet">{outcomes}</ul> }.into_any()),
            )} {row(Text::DecisionImpact, decision.significant_impact, decision.reasons.impact.clone(), None)}
        </dl>
        {(!decision.advice.is_empty())
            .then(|| {
                view! {
                    <h2 class="govuk-heading-m">{t(Text::DecisionAdvice)}</h2>
                    <p class="govuk-body portal-keep-lines">{decision.advice.clone()}</p>
                }
            })}
        <p class="govuk-body">{locale.fill(Text::DecisionDecidedOn, &[("date", &seen.decided_on)])}</p>
    }
}

/// The carer's view of the latest decision on their assessment.
#[component]
pub fn DecisionPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <Await future=my_assessment() let:mine>
                {match mine
                    .clone()
                    .ok()
                    .and_then(|m| m.versions.into_iter().find_map(|v| v.decision.map(|seen| (seen, v.answers))))
                {
                    Some((seen, answers)) => {
                        view! {
                            <BackLink href="/assessment" text=Text::AssessmentBack />
                            <PageHeading text=t(Text::DecisionCarerTitle) />
                            <DecisionExplained seen=seen.clone() answers=answers.clone() locale />
                            <div class="govuk-inset-text">{t(Text::DecisionRightToAsk)}</div>
                        }
                            .into_any()
                    }
                    None => NotFound().into_any(),
                }}
            </Await>
        }
    })
}
