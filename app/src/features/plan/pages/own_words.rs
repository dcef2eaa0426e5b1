//! "Write it in my own words": one long text, then the proposed section for each part with
//! the reason, which the person accepts or changes before anything is added to the plan.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea};
use crate::components::layout::{load_failed, BackLink, NotFound, PageHeading};
use crate::components::record_page::{signed_in, signed_in_page};
use crate::domain::plan::words::Because;
use crate::domain::plan::{PlanSection, WrittenContribution};
use crate::features::plan::api::{own_words_proposals, AcceptOwnWords, SaveOwnWords};
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn OwnWordsPage() -> impl IntoView {
    let visitor = use_visitor();
    let t = visitor.locale.translator();
    signed_in_page(own_words_proposals, move |kept| {
        let initial = BTreeMap::from([("words".to_owned(), kept.words.clone())]);
        let state = FormState::for_action(SaveOwnWords::PATH, visitor.flash.as_ref(), initial);
        view! {
            <BackLink href="/plan" text=Text::AssessmentBack />
            <ErrorSummary state=state.clone() order=&["words"] />
            <PageHeading
                text=t(Text::PlanOwnWordsTitle)
                has_errors=state.has_errors()
                intro=t(Text::PlanOwnWordsIntro)
            />
            <PostForm action=SaveOwnWords::PATH state=state.clone()>
                <TextArea
                    name="words"
                    label=t(Text::PlanOwnWordsLabel)
                    max_chars=WrittenContribution::TEXT_MAX * 4
                    rows=12
                />
                <Submit text=Text::PlanOwnWordsButton />
            </PostForm>
        }
        .into_any()
    })
}

#[component]
pub fn ProposalsPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <Await future=own_words_proposals() let:kept>
                {match kept.clone() {
                    Ok(kept) if !kept.parts.is_empty() => {
                        let parts = kept
                            .parts
                            .into_iter()
                            .enumerate()
                            .map(|(i, part)| {
                                let id = format!("section-{i}");
                                let because = match &part.because {
                                    Because::Heading => {
                                        locale
                                            .fill(Text::PlanBecauseHeading, &[("section", part.section.title(locale))])
                                    }
                                    Because::Words(words) => {
                                        locale.fill(Text::PlanBecauseWords, &[("words", &words.join(", "))])
                                    }
                                    Because::NoClue => t(Text::PlanBecauseNone),
                                };
                                let options = PlanSection::ALL
                                    .into_iter()
                                    .map(|s| {
                                        view! {
                                            <option value=s.code() selected=s == part.section>
                                                {s.title(locale)}
                                            </option>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <div class="govuk-form-group portal-proposal">
                                        <h2 class="govuk-heading-s">
                                            {locale.fill(Text::PlanPartLabel, &[("n", &(i + 1).to_string())])}
                                        </h2>
                                        <blockquote class="govuk-inset-text portal-keep-lines">
                                            {part.text.clone()}
                                        </blockquote>
                                        <label class="govuk-label" for=id.clone()>
                                            {t(Text::PlanSectionLegend)}
                                        </label>
                                        <div class="govuk-hint" id=format!("{id}-hint")>
                                            {because}
                                        </div>
                                        <select
                                            class="govuk-select"
                                            id=id.clone()
                                            name=id.clone()
                                            aria-describedby=format!("{id}-hint")
                                        >
                                            {options}
                                        </select>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! {
                            <BackLink href="/plan/own-words" text=Text::AssessmentBack />
                            <PageHeading text=t(Text::PlanProposalsTitle) intro=t(Text::PlanProposalsIntro) />
                            <PostForm action=AcceptOwnWords::PATH refused=use_visitor().flash>
                                {parts}
                                <Submit text=Text::PlanAcceptButton />
                            </PostForm>
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
