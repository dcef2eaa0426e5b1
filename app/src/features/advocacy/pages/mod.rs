//! `/people/:id/advocacy`: what is recorded about independent advocacy for a person, and the
//! form to record it.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{Checkboxes, ErrorSummary, Radios, Submit};
use crate::components::layout::{BackLink, PageHeading, SuccessBanner};
use crate::components::patterns::{EmailField, NameField};
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::domain::advocacy::AdvocacyAnswer;
use crate::features::advocacy::api::{advocacy_of, RecordAdvocacy};
use crate::features::advocacy::wire::AdvocacyView;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn AdvocacyPage() -> impl IntoView {
    let query = use_query_map();
    let saved = query.with_untracked(|q| q.get("saved").is_some());
    let invited = query.with_untracked(|q| q.get("invited").is_some());
    record_page(advocacy_of, move |advocacy| Some(view! { <Advocacy advocacy saved invited /> }))
}

#[component]
fn Advocacy(advocacy: AdvocacyView, saved: bool, invited: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let id = advocacy.person_id;
    let state = FormState::for_action(RecordAdvocacy::PATH, visitor.flash.as_ref(), advocacy.form_values());
    let advocate = advocacy.record.as_ref().and_then(|r| r.advocate_name.clone());
    let banner = saved.then(|| {
        let mut message = t(Text::AdvocacySaved);
        if let (true, Some(name)) = (invited, &advocate) {
            message = format!("{message} {}", locale.fill(Text::AdvocacyInvited, &[("name", name)]));
        }
        view! { <SuccessBanner message /> }
    });
    let recorded = match &advocacy.record {
        None => view! { <p class="govuk-body">{t(Text::AdvocacyNoneRecorded)}</p> }.into_any(),
        Some(record) => {
            let advocate = [record.advocate_name.clone(), record.advocate_email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let by = record.recorded_by.clone().unwrap_or_default();
            let on = locale.long_date(record.recorded_at.date_naive());
            let mut rows = vec![(t(Text::AdvocacyAnswerLabel), record.answer.name(locale).to_owned())];
            if !advocate.is_empty() {
                rows.push((t(Text::AdvocacyAdvocateLabel), advocate));
            }
            if record.answer == AdvocacyAnswer::Accepted {
                let copy = if record.copy_agreed { Text::AdvocacyCopyYes } else { Text::AdvocacyCopyNo };
                rows.push((t(Text::AdvocacyCopyLabel), t(copy)));
            }
            rows.push((
                t(Text::AdvocacyRecordedLabel),
                locale.fill(Text::AdvocacyRecorded, &[("name", &by), ("date", &on)]),
            ));
            view! { <SummaryList rows /> }.into_any()
        }
    };
    let answers = AdvocacyAnswer::ALL.iter().map(|a| (a.code(), a.name(locale).to_owned())).collect::<Vec<_>>();
    let agreements =
        vec![("copy".to_owned(), t(Text::AdvocacyCopyOption)), ("invite".to_owned(), t(Text::AdvocacyInviteOption))];
    view! {
        <BackLink href=format!("/people/{id}") text=Text::AssessmentBack />
        {banner}
        <ErrorSummary state=state.clone() order=&["answer", "advocate_name", "advocate_email", "copy"] />
        <PageHeading
            text=locale.fill(Text::AdvocacyTitle, &[("name", &advocacy.name)])
            has_errors=state.has_errors()
            intro=t(Text::AdvocacyIntro)
        />
        {recorded}
        <h2 class="govuk-heading-m">{t(Text::AdvocacyFormHeading)}</h2>
        <PostForm action=RecordAdvocacy::PATH state=state.clone()>
            <input type="hidden" name="person_id" value=id />
            <Radios name="answer" legend=t(Text::AdvocacyAnswerLegend) state=state.clone() options=answers />
            <NameField
                name="advocate_name"
                label=t(Text::AdvocacyNameLabel)
                hint=t(Text::AdvocacyNameHint)
                state=state.clone()
                autocomplete="off"
            />
            <EmailField
                name="advocate_email"
                label=t(Text::AdvocacyEmailLabel)
                hint=t(Text::AdvocacyEmailHint)
                state=state.clone()
                autocomplete="off"
            />
            <Checkboxes
                legend=t(Text::AdvocacyAgreeLegend)
                hint=t(Text::AdvocacyAgreeHint)
                state
                options=agreements
                small=true
            />
            <Submit text=Text::AdvocacySaveButton />
        </PostForm>
    }
}
