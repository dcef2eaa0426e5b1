//! The carer's task list (GOV.UK "complete multiple tasks"), shown every time they return,
//! and the confirmation after sending.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit};
use crate::components::layout::{LinkParagraph, NotFound, PageHeading, PageTitle, SuccessBanner};
use crate::components::record_page::{signed_in, signed_in_page};
use crate::domain::assessment::{AgeBand, Answers, Draft, Section, SectionStatus};
use crate::features::assessment::api::{my_assessment, ConfirmAssessment};
use crate::features::assessment::wire::CarerAssessment;
use crate::features::assessment::words;
use crate::features::assisted::AssistingBanner;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

fn draft(mine: &CarerAssessment) -> Draft {
    Draft { answers: mine.answers.clone(), seen_pages: mine.seen_pages.iter().cloned().collect() }
}

/// The young-carer notice, when the carer told us they are under 18.
#[component]
pub fn YoungCarerNotice(answers: Answers, locale: Locale) -> impl IntoView {
    let band = answers.text("age_band").and_then(AgeBand::parse);
    let text = match band {
        Some(AgeBand::Under16) => Some(Text::AssessmentUnder16Notice),
        Some(AgeBand::From16To17) => Some(Text::AssessmentUnder18Notice),
        _ => None,
    };
    text.map(|text| view! { <div class="govuk-inset-text">{locale.text(text)}</div> })
}

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let (saved, confirmed) =
        use_query_map().with_untracked(|q| (q.get("saved").is_some(), q.get("confirmed").is_some()));
    signed_in_page(my_assessment, move |mine| view! { <TaskList mine saved confirmed /> })
}

#[component]
fn TaskList(mine: CarerAssessment, saved: bool, confirmed: bool) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let draft = draft(&mine);
    let sections = draft.task_list();
    let done = sections.iter().filter(|(_, status, _)| *status == SectionStatus::Completed).count();
    let rows = sections
        .into_iter()
        .map(|(section, status, entry)| {
            let title = words::section(locale, section);
            let status_id = format!("{}-status", section.code());
            let link = entry.map(|page| format!("/assessment/questions/{}", page.id));
            let status_view = match status {
                SectionStatus::Completed => {
                    view! { <strong class="govuk-tag">{words::status(locale, status)}</strong> }.into_any()
                }
                SectionStatus::InProgress => {
                    view! { <strong class="govuk-tag govuk-tag--light-blue">{words::status(locale, status)}</strong> }
                        .into_any()
                }
                SectionStatus::NotStarted => {
                    view! { <strong class="govuk-tag govuk-tag--blue">{words::status(locale, status)}</strong> }
                        .into_any()
                }
                SectionStatus::CannotStartYet => words::status(locale, status).into_any(),
            };
            let name = match link {
                Some(href) => view! {
                    <a class="govuk-link govuk-task-list__link" href=href aria-describedby=status_id.clone()>
                        {title}
                    </a>
                }
                .into_any(),
                None => view! {
                    <div>{title}</div>
                    <div class="govuk-task-list__hint">{t(Text::AssessmentCannotStartHint)}</div>
                }
                .into_any(),
            };
            view! {
                <li class="govuk-task-list__item govuk-task-list__item--with-link">
                    <div class="govuk-task-list__name-and-hint">{name}</div>
                    <div class="govuk-task-list__status" id=status_id>
                        {status_view}
                    </div>
                </li>
            }
        })
        .collect_view();
    let latest = mine.versions.first().cloned();
    let visitor = use_visitor();
    let refused = FormState::for_action(ConfirmAssessment::PATH, visitor.flash.as_ref(), Default::default());
    // A version someone filled in with the carer waits for them to say it is right.
    let to_confirm = latest.clone().filter(|_| mine.assisting.is_none()).and_then(|v| {
        let (id, by) = (v.to_confirm?, v.filled_in_by?);
        Some(view! {
            <div class="govuk-inset-text">
                <p class="govuk-body">
                    {locale.fill(Text::AssistedFilledInWith, &[("name", &by), ("date", &v.sent_on)])}
                </p>
                <PostForm action=ConfirmAssessment::PATH>
                    <input type="hidden" name="version_id" value=id />
                    <Submit text=Text::AssistedConfirmButton />
                </PostForm>
            </div>
        })
    });
    view! {
        {saved.then(|| view! { <SuccessBanner message=t(Text::AssessmentSavedNotice) /> })}
        {confirmed.then(|| view! { <SuccessBanner message=t(Text::AssistedConfirmed) /> })}
        <ErrorSummary state=refused order=&[] />
        <AssistingBanner name=mine.assisting.clone() />
        {to_confirm}
        <PageHeading text=t(Text::AssessmentTitle) intro=t(Text::AssessmentIntro) />
        <YoungCarerNotice answers=mine.answers.clone() locale />
        {latest
            .clone()
            .map(|v| {
                view! {
                    <div class="govuk-inset-text">
                        <p class="govuk-body">
                            {locale
                                .fill(
                                    Text::AssessmentLatestSubmission,
                                    &[("date", &v.sent_on), ("reference", &v.reference)],
                                )}
                        </p>
                        {v
                            .decision
                            .is_some()
                            .then(|| {
                                view! {
                                    <p class="govuk-body">
                                        {t(Text::AssessmentDecisionReady)} " "
                                        <a class="govuk-link" href="/assessment/decision">
                                            {t(Text::AssessmentDecisionLink)}
                                        </a>
                                    </p>
                                }
                            })}
                    </div>
                }
            })}
        <p class="govuk-body">
            {locale
                .fill(
                    Text::AssessmentProgress,
                    &[("done", &done.to_string()), ("total", &Section::ALL.len().to_string())],
                )}
        </p>
        <ul class="govuk-task-list">{rows}</ul>
        <p class="govuk-body">
            <a class="govuk-button" href="/assessment/check">
                {t(Text::AssessmentCheckLink)}
            </a>
        </p>
        <blockquote class="portal-quote govuk-body">
            <p>"“"{t(Text::AssessmentQuote)}"”"</p>
            <footer class="govuk-body-s">{t(Text::AssessmentQuoteSource)}</footer>
        </blockquote>
    }
}

#[component]
pub fn SentPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        let council = visitor.council.clone();
        view! {
            <Await future=my_assessment() let:mine>
                {match mine.clone().ok().and_then(|m| m.versions.first().cloned()) {
                    Some(sent) => {
                        view! {
                            <PageTitle text=t(Text::SubmittedTitle) />
                            <div class="govuk-panel govuk-panel--confirmation">
                                <h1 class="govuk-panel__title">{t(Text::SubmittedTitle)}</h1>
                                <div class="govuk-panel__body">
                                    {t(Text::SubmittedReference)}<br /><strong>{sent.reference.clone()}</strong>
                                </div>
                            </div>
                            <h2 class="govuk-heading-m">{t(Text::SubmittedNextHeading)}</h2>
                            <p class="govuk-body">
                                {locale
                                    .fill(
                                        Text::SubmittedNextBody,
                                        &[("council", &council.name), ("date", &sent.reply_by)],
                                    )}
                            </p>
                            <p class="govuk-body">
                                {locale.fill(Text::SubmittedNextCall, &[("phone", &council.phone)])}
                            </p>
                            <p class="govuk-body">
                                <a class="govuk-link" href=format!("/assessment/versions/{}", sent.version)>
                                    {t(Text::SubmittedCopyLink)}
                                </a>
                            </p>
                            <LinkParagraph href="/assessment" text=Text::SubmittedBackLink />
                        }
                            .into_any()
                    }
                    None => NotFound().into_any(),
                }}
            </Await>
        }
    })
}
