//! `/staff/allocations/:id`: one person's worker now and before, what they sent while waiting,
//! and (as the visitor may) taking them on, allocating or reallocating them with a handover
//! note, or ending the allocation.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Radios, Submit, TextArea};
use crate::components::layout::{LinkParagraph, PageHeading, SuccessBanner};
use crate::components::record_page::record_page;
use crate::components::summary_list::SummaryList;
use crate::components::table::Table;
use crate::domain::allocation::Allocate;
use crate::features::allocation::api::{allocation, AllocateWorker, EndAllocation, TakeOn};
use crate::features::allocation::wire::AllocationView;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn AllocationPage() -> impl IntoView {
    let done = use_query_map().with_untracked(|q| q.get("done"));
    record_page(allocation, move |view| Some(view! { <Person view done=done.clone() /> }))
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 4] =
    [Text::AllocationWorkerLabel, Text::AllocationColumnFrom, Text::AllocationColumnUntil, Text::AllocationNoteLabel];

#[component]
fn Person(view: AllocationView, done: Option<String>) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let id = view.person_id;
    let banner = match done.as_deref() {
        Some("allocated") | Some("taken") => view
            .current
            .as_ref()
            .map(|c| locale.fill(Text::AllocationDone, &[("name", &view.name), ("worker", &c.worker)])),
        Some("ended") => Some(locale.fill(Text::AllocationEnded, &[("name", &view.name)])),
        _ => None,
    }
    .map(|message| view! { <SuccessBanner message /> });
    let worker = match &view.current {
        Some(current) => {
            locale.fill(Text::AllocationSince, &[("name", &current.worker_words(locale)), ("date", &current.from)])
        }
        None => t(Text::AllocationNoWorker),
    };
    let postcode = view.postcode.clone().unwrap_or_else(|| t(Text::AllocationPostcodeUnknown));
    let mut rows = vec![
        (t(Text::StaffRoleLabel), view.role.clone()),
        (t(Text::AllocationPostcodeLabel), postcode),
        (t(Text::AllocationWorkerLabel), worker),
    ];
    if let Some(note) = view.current.as_ref().and_then(|c| c.note.clone()) {
        rows.push((t(Text::AllocationNoteLabel), note));
    }
    if let Some(waiting) = &view.waiting {
        let status = match waiting.overdue {
            true => t(Text::AllocationOverdue),
            false => locale.fill(Text::AllocationDueBy, &[("date", &waiting.due_by)]),
        };
        rows.push((t(Text::AllocationColumnWaiting), format!("{} ({status})", waiting.waiting_since)));
        rows.push((t(Text::AllocationColumnSent), waiting.sent.join("; ")));
    }
    let name = view.name.clone();
    let take_on = view.may_take_on.then(move || {
        view! {
            <PostForm action=TakeOn::PATH>
                <input type="hidden" name="person_id" value=id />
                <button type="submit" class="govuk-button">
                    {locale.fill(Text::AllocationTakeOn, &[("name", &name)])}
                </button>
            </PostForm>
        }
    });
    let allocate = view.may_allocate.then(|| view! { <AllocateForm view=view.clone() /> });
    let end = view.may_end.then(|| {
        view! {
            <h2 class="govuk-heading-m">{t(Text::AllocationEndHeading)}</h2>
            <p class="govuk-body">{t(Text::AllocationEndIntro)}</p>
            <PostForm action=EndAllocation::PATH>
                <input type="hidden" name="person_id" value=id />
                <Submit text=Text::AllocationEndButton warning=true />
            </PostForm>
        }
    });
    let history = (!view.history.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">{t(Text::AllocationHistoryHeading)}</h2>
            <Table label=t(Text::AllocationHistoryHeading) columns=COLUMNS>
                {view
                    .history
                    .iter()
                    .map(|line| {
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">{line.worker_words(locale)}</td>
                                <td class="govuk-table__cell">{line.from.clone()}</td>
                                <td class="govuk-table__cell">{line.until.clone().unwrap_or_default()}</td>
                                <td class="govuk-table__cell">{line.note.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
    });
    let state = FormState::for_action(AllocateWorker::PATH, visitor.flash.as_ref(), BTreeMap::new());
    // Taking on and ending have no fields: a refusal (a fault) is told at the top, whatever
    // the page shows now.
    let refused = |action: &str| FormState::for_action(action, visitor.flash.as_ref(), BTreeMap::new());
    view! {
        <ErrorSummary state=state.clone() order=&["practitioner", "note"] />
        <ErrorSummary state=refused(TakeOn::PATH) order=&[] />
        <ErrorSummary state=refused(EndAllocation::PATH) order=&[] />
        {banner}
        <span class="govuk-caption-l">{t(Text::AllocationCaption)}</span>
        <PageHeading text=view.name.clone() has_errors=state.has_errors() />
        <SummaryList rows />
        {take_on}
        {allocate}
        {end}
        {history}
        <LinkParagraph href="/staff/intake" text=Text::AllocationIntakeTitle />
    }
}

/// A manager's form: who will work with them, and what the new worker should know.
#[component]
fn AllocateForm(view: AllocationView) -> impl IntoView {
    let visitor = use_visitor();
    let t = visitor.locale.translator();
    let state = FormState::for_action(AllocateWorker::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let heading = match view.current {
        Some(_) => t(Text::AllocationReallocateHeading),
        None => t(Text::AllocationAllocateHeading),
    };
    if view.candidates.is_empty() {
        return view! {
            <h2 class="govuk-heading-m">{heading}</h2>
            <p class="govuk-body">{t(Text::AllocationNobodyToAllocate)}</p>
        }
        .into_any();
    }
    let options = view.candidates.iter().map(|(id, name)| (id.to_string(), name.clone())).collect::<Vec<_>>();
    view! {
        <h2 class="govuk-heading-m">{heading}</h2>
        <PostForm action=AllocateWorker::PATH state>
            <input type="hidden" name="person_id" value=view.person_id />
            <Radios name="practitioner" legend=t(Text::AllocationWorkerLegend) options />
            <TextArea
                name="note"
                label=t(Text::AllocationNoteLabel)
                hint=t(Text::AllocationNoteHint)
                max_chars=Allocate::NOTE_MAX
                rows=4
            />
            <Submit text=Text::AllocationAllocateButton />
        </PostForm>
    }
    .into_any()
}
