//! "Check your answers", the printable copy of a sent version, and the shared summary of
//! every answer (skipped ones read "Not provided").
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::list::YoungCarerNotice;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit};
use crate::components::layout::{BackLink, NotFound, PageHeading};
use crate::components::record_page::{signed_in, signed_in_page};
use crate::domain::assessment::questions::pages;
use crate::domain::assessment::{Answers, Section};
use crate::features::assessment::api::{my_answers, my_assessment, SendAssessment};
use crate::features::assessment::wire::REPLY_DAYS;
use crate::features::assessment::words;
use crate::features::assisted::AssistingBanner;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// Every answer, section by section; with `change_links`, each row links to its page.
#[component]
pub fn AnswersSummary(answers: Answers, change_links: bool, locale: Locale) -> impl IntoView {
    let all = pages(&answers);
    Section::ALL
        .iter()
        .map(|&section| {
            let rows = all
                .iter()
                .filter(|page| page.section == section)
                .flat_map(|page| page.questions.iter().map(move |q| (page.id.clone(), q.clone())))
                .map(|(page_id, question)| {
                    let mut key = words::label(locale, &question);
                    if let Some(subject) = question.subject {
                        key = format!("{}: {key}", words::subject(locale, subject));
                    }
                    let value = words::answer(locale, &question, answers.get(&question.id));
                    let change = change_links.then(|| {
                        view! {
                            <dd class="govuk-summary-list__actions">
                                <a class="govuk-link" href=format!("/assessment/questions/{page_id}")>
                                    {locale.text(Text::AssessmentChange)}
                                    <span class="govuk-visually-hidden">" "{key.clone()}</span>
                                </a>
                            </dd>
                        }
                    });
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{key.clone()}</dt>
                            <dd class="govuk-summary-list__value portal-keep-lines">{value}</dd>
                            {change}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="govuk-heading-m">{words::section(locale, section)}</h2>
                <dl class="govuk-summary-list govuk-!-margin-bottom-9">{rows}</dl>
            }
        })
        .collect_view()
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let state = FormState::for_action(SendAssessment::PATH, visitor.flash.as_ref(), Default::default());
    signed_in_page(my_answers, move |mine| {
        view! {
            <BackLink href="/assessment" text=Text::AssessmentBack />
            <ErrorSummary state=state.clone() order=&[] />
            <AssistingBanner name=mine.assisting.clone() />
            <PageHeading text=t(Text::CheckTitle) has_errors=state.has_errors() intro=t(Text::CheckIntro) />
            {mine.answers.is_empty().then(|| view! { <div class="govuk-inset-text">{t(Text::CheckNothingYet)}</div> })}
            <YoungCarerNotice answers=mine.answers.clone() locale />
            <AnswersSummary answers=mine.answers.clone() change_links=true locale />
            <h2 class="govuk-heading-m">{t(Text::CheckSendHeading)}</h2>
            <p class="govuk-body">{locale.fill(Text::CheckSendBody, &[("days", &REPLY_DAYS.to_string())])}</p>
            <PostForm action=SendAssessment::PATH>
                <Submit text=Text::CheckSendButton />
            </PostForm>
        }
        .into_any()
    })
}

/// A sent version as a page to keep or print.
#[component]
pub fn CopyPage() -> impl IntoView {
    signed_in(|visitor| {
        let number = use_params_map().with_untracked(|p| p.get("version")).and_then(|v| v.parse::<i64>().ok());
        let locale = visitor.locale;
        view! {
            <Await future=my_assessment() let:mine>
                {match mine.clone().ok().and_then(|m| m.versions.into_iter().find(|v| Some(v.version) == number)) {
                    Some(sent) => {
                        let title = locale.fill(Text::CopyTitle, &[("version", &sent.version.to_string())]);
                        view! {
                            <PageHeading text=title />
                            <p class="govuk-body">
                                {locale
                                    .fill(Text::CopySentOn, &[("date", &sent.sent_on), ("reference", &sent.reference)])}
                            </p>
                            <p class="govuk-body portal-no-print">{locale.text(Text::CopyPrintHint)}</p>
                            <AnswersSummary answers=sent.answers.clone() change_links=false locale />
                        }
                            .into_any()
                    }
                    None => NotFound().into_any(),
                }}
            </Await>
        }
    })
}
