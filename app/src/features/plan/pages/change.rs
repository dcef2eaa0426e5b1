//! Changing something already in the plan: new words, or a new caption and description for a
//! picture or clip. What was there is filled in, so nothing has to be typed again.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea, TextField};
use crate::components::layout::{BackLink, PageHeading};
use crate::components::record_page::record_page;
use crate::domain::plan::{ContributionKind, WrittenContribution};
use crate::features::plan::api::{my_plan, ChangeInPlan};
use crate::features::plan::wire::PlanItem;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn ChangeItemPage() -> impl IntoView {
    let item = |id| async move { my_plan().await.map(|items| items.into_iter().find(|i| i.contribution_id == id)) };
    record_page(item, |item| item.map(|item| view! { <ChangeItem item /> }))
}

#[component]
fn ChangeItem(item: PlanItem) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let initial = BTreeMap::from([
        ("text".to_owned(), item.body.clone()),
        ("caption".to_owned(), item.caption.clone().unwrap_or_default()),
        ("alt_text".to_owned(), item.alt_text.clone().unwrap_or_default()),
    ]);
    let state = FormState::for_action(ChangeInPlan::PATH, visitor.flash.as_ref(), initial);
    let back = format!("/plan#item-{}", item.contribution_id);
    let fields = match item.kind {
        ContributionKind::Words => view! {
            <TextArea
                name="text"
                label=t(Text::PlanChangeTextLabel)
                state=state.clone()
                max_chars=WrittenContribution::TEXT_MAX
                rows=8
            />
        }
        .into_any(),
        ContributionKind::Picture => view! {
            {super::upload::shown(&item, locale)}
            <TextField name="alt_text" label=t(Text::PlanAltLabel) hint=t(Text::PlanAltHint) state=state.clone() />
            <TextField name="caption" label=t(Text::PlanCaptionLabel) state=state.clone() />
        }
        .into_any(),
        ContributionKind::Clip => view! {
            {super::upload::shown(&item, locale)}
            <TextField name="caption" label=t(Text::PlanCaptionLabel) state=state.clone() />
        }
        .into_any(),
    };
    view! {
        <BackLink href=back.clone() text=Text::AssessmentBack />
        <ErrorSummary state=state.clone() order=&["text", "alt_text", "caption"] />
        <span class="govuk-caption-l">{item.section.title(locale)}</span>
        <PageHeading text=t(Text::PlanChangeTitle) has_errors=state.has_errors() />
        <PostForm action=ChangeInPlan::PATH>
            <input type="hidden" name="id" value=item.contribution_id />
            {fields}
            <div class="govuk-button-group">
                <Submit text=Text::PlanChangeButton />
                <a class="govuk-link" href=back>
                    {t(Text::PlanChangeCancel)}
                </a>
            </div>
        </PostForm>
    }
}
