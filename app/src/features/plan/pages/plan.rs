//! "My support plan": each section with what the person has put in it, in their order, and
//! a form to add words to any section.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{LinkParagraph, PageHeading, SuccessBanner};
use crate::components::record_page::{loaded, signed_in};
use crate::domain::plan::{PlanSection, WrittenContribution};
use crate::features::plan::api::{my_plan, AddToPlan, MoveInPlan, RemoveFromPlan};
use crate::features::plan::wire::PlanItem;
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

#[component]
pub fn PlanPage() -> impl IntoView {
    signed_in(|visitor| {
        let (added, accepted, sent, changed) = use_query_map().with_untracked(|q| {
            (q.get("added").is_some(), q.get("accepted"), q.get("sent").is_some(), q.get("changed").is_some())
        });
        let me = visitor.user.as_ref().map(|u| u.id);
        view! {
            // Outside the plan's own Await: a nested one would never resolve in an async render.
            {me.map(|person| view! { <crate::features::emergency::CarersEmergencyPlans person /> })}
            {loaded(my_plan(), move |items| view! { <Plan items added accepted=accepted.clone() sent changed /> })}
        }
    })
}

#[component]
fn Plan(items: Vec<PlanItem>, added: bool, accepted: Option<String>, sent: bool, changed: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let notice = match (added, accepted.and_then(|n| n.parse::<usize>().ok()), sent) {
        (_, _, true) => Some(t(Text::PlanSentNotice)),
        (_, Some(n), _) => Some(locale.fill(Text::PlanAccepted, &[("n", &n.to_string())])),
        (true, None, _) => Some(t(Text::PlanAdded)),
        _ if changed => Some(t(Text::PlanChanged)),
        _ => None,
    };
    let sections = PlanSection::ALL
        .into_iter()
        .map(|section| {
            let mine: Vec<PlanItem> = items.iter().filter(|i| i.section == section).cloned().collect();
            view! { <Section section items=mine locale /> }
        })
        .collect_view();
    let state = FormState::for_action(AddToPlan::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let options = PlanSection::ALL.into_iter().map(|s| (s.code(), s.title(locale).to_owned())).collect::<Vec<_>>();
    view! {
        {notice.map(|notice| view! { <SuccessBanner message=notice /> })}
        <ErrorSummary state=state.clone() order=&["section", "text"] />
        <PageHeading text=t(Text::PlanTitle) has_errors=state.has_errors() intro=t(Text::PlanIntro) />
        <LinkParagraph href="/plan/own-words" text=Text::PlanOwnWordsLink />
        {sections}
        <super::upload::UploadForm />
        <super::agreement::AgreementStatus />
        <h2 class="govuk-heading-l" id="add">
            {t(Text::PlanAddHeading)}
        </h2>
        <PostForm action=AddToPlan::PATH state=state.clone()>
            <Radios name="section" legend=t(Text::PlanSectionLegend) options=options />
            <TextArea name="text" label=t(Text::PlanTextLabel) max_chars=WrittenContribution::TEXT_MAX />
            <Submit text=Text::PlanAddButton />
        </PostForm>
    }
}

#[component]
fn Section(section: PlanSection, items: Vec<PlanItem>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let count = items.len();
    let list = if items.is_empty() {
        view! { <p class="govuk-body govuk-hint">{t(Text::PlanEmptySection)}</p> }.into_any()
    } else {
        let items = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let id = item.contribution_id.to_string();
                let shown = super::upload::shown(&item, locale);
                // Screen readers hear which item a button is for, not just "Move up".
                let about: String = match &item.caption {
                    Some(caption) if item.body.is_empty() => caption.clone(),
                    _ => item.body.chars().take(40).collect(),
                };
                let mover = |direction: &'static str, label: Text| {
                    view! { <ItemButton action=MoveInPlan::PATH id=id.clone() direction label=t(label) about=about.clone() /> }
                };
                view! {
                    <li class="portal-contribution" id=format!("item-{id}")>
                        {shown}
                        <div class="portal-contribution__actions">
                            <a class="govuk-link portal-contribution__change" href=format!("/plan/items/{id}")>
                                {t(Text::PlanChangeLink)}
                                <span class="govuk-visually-hidden">": " {about.clone()}</span>
                            </a>
                            {(i > 0).then(|| mover("up", Text::PlanMoveUp))}
                            {(i + 1 < count).then(|| mover("down", Text::PlanMoveDown))}
                            <ItemButton
                                action=RemoveFromPlan::PATH
                                id=id.clone()
                                direction=""
                                label=t(Text::PlanRemoveButton)
                                about=about.clone()
                            />
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="govuk-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="portal-plan-section" aria-labelledby=section.code()>
            <h2 class="govuk-heading-m" id=section.code()>
                {section.title(locale)}
            </h2>
            <p class="govuk-hint">{section.hint(locale)}</p>
            {list}
        </section>
    }
}

/// A small POST form with one button (moving or removing changes state, so never a link).
#[component]
fn ItemButton(
    action: &'static str,
    id: String,
    direction: &'static str,
    label: String,
    about: String,
) -> impl IntoView {
    // A move or removal that failed says so next to the item it was for.
    let refused = use_visitor().flash.filter(|flash| flash.values.get("id") == Some(&id));
    view! {
        <PostForm action refused>
            <input type="hidden" name="id" value=id />
            {(!direction.is_empty()).then(|| view! { <input type="hidden" name="direction" value=direction /> })}
            <button type="submit" class="govuk-button govuk-button--secondary">
                {label}
                <span class="govuk-visually-hidden">": " {about}</span>
            </button>
        </PostForm>
    }
}
