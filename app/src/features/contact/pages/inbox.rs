//! The staff inbox of messages sent from the contact page: the list, and one message with its
//! conversation, the way to reply, to link it to the person's account and to mark it done.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use std::collections::BTreeMap;

use super::mine::Conversation;
use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea};
use crate::components::layout::{BackLink, PageHeading, SuccessBanner, WarningText};
use crate::components::patterns::EmailField;
use crate::components::record_page::{loaded, record_page, signed_in};
use crate::components::summary_list::SummaryList;
use crate::components::table::{LinkCell, Table};
use crate::domain::contact::ReplyText;
use crate::features::contact::api::{contact_inbox, contact_message, LinkMessage, MarkMessageDone, ReplyToMessage};
use crate::features::contact::wire::{MessageView, ThreadView};
use crate::kit::forms::FormState;
use crate::kit::i18n::{Locale, Text};
use crate::kit::visitor::use_visitor;

/// `/staff/messages`.
#[component]
pub fn InboxPage() -> impl IntoView {
    signed_in(|visitor| {
        let (locale, t) = visitor.language();
        view! {
            <PageHeading text=t(Text::ContactInboxTitle) intro=t(Text::ContactInboxIntro) />
            {loaded(
                contact_inbox(),
                move |messages| match messages {
                    messages if messages.is_empty() => {
                        view! { <p class="govuk-body">{t(Text::ContactInboxNone)}</p> }.into_any()
                    }
                    messages => view! { <Messages messages locale /> }.into_any(),
                },
            )}
        }
    })
}

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 4] =
    [Text::ContactInboxReference, Text::ContactInboxFrom, Text::ContactInboxReceived, Text::ContactInboxStatus];

#[component]
fn Messages(messages: Vec<MessageView>, locale: Locale) -> impl IntoView {
    let t = locale.translator();
    let rows = messages
        .into_iter()
        .map(|m| {
            let status = match (m.done, m.awaits_council) {
                (Some(done), _) => view! { <strong class="govuk-tag govuk-tag--grey">{done}</strong> }.into_any(),
                (None, true) => view! { <strong class="govuk-tag govuk-tag--blue">{m.status}</strong> }.into_any(),
                (None, false) => view! { <strong class="govuk-tag govuk-tag--green">{m.status}</strong> }.into_any(),
            };
            view! {
                <tr class="govuk-table__row">
                    <LinkCell href=format!("/staff/messages/{}", m.id)>{m.reference}</LinkCell>
                    <td class="govuk-table__cell">{m.name.unwrap_or_else(|| t(Text::ContactInboxNoName))}</td>
                    <td class="govuk-table__cell">{m.received_on}</td>
                    <td class="govuk-table__cell">{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table label=t(Text::ContactInboxTitle) columns=COLUMNS>
            {rows}
        </Table>
    }
}

/// `/staff/messages/:id`.
#[component]
pub fn MessagePage() -> impl IntoView {
    let query = use_query_map();
    let done = query.with_untracked(|q| q.get("done").is_some());
    let replied = query.with_untracked(|q| q.get("replied"));
    let linked = query.with_untracked(|q| q.get("linked").is_some());
    record_page(contact_message, move |thread| Some(view! { <Message thread done replied=replied.clone() linked /> }))
}

#[component]
fn Message(thread: ThreadView, done: bool, replied: Option<String>, linked: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let message = thread.message.clone();
    let title = locale.fill(Text::ContactInboxMessageTitle, &[("reference", &message.reference)]);
    let banner = match (done && message.done.is_some(), replied.as_deref(), linked && message.person.is_some()) {
        (true, _, _) => Some(locale.fill(Text::ContactInboxMarkedDone, &[("reference", &message.reference)])),
        (_, Some("sent"), _) => Some(t(Text::ContactReplySentEmailed)),
        (_, Some("no_address"), _) => Some(t(Text::ContactReplySentPortal)),
        (_, _, true) => Some(t(Text::ContactLinked)),
        _ => None,
    };
    let banner = banner.map(|message| view! { <SuccessBanner message /> });
    // The reply is kept; only its email failed: say so where it cannot be missed.
    let failed = (replied.as_deref() == Some("failed"))
        .then(|| view! { <WarningText text=t(Text::ContactReplyFailedWarning) /> });
    let about = message.person.as_ref().map(|(_, name)| name.clone()).unwrap_or_else(|| t(Text::ContactNotLinked));
    let record = message.person.as_ref().map(|(id, name)| {
        let words = locale.fill(Text::ContactWorkerLink, &[("name", name)]);
        view! {
            <p class="govuk-body">
                <a class="govuk-link" href=format!("/staff/allocations/{id}")>
                    {words}
                </a>
            </p>
        }
    });
    let reply_state = FormState::for_action(ReplyToMessage::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let initial = message.reply_to.iter().map(|e| ("email".to_owned(), e.clone())).collect();
    let link_state = FormState::for_action(LinkMessage::PATH, visitor.flash.as_ref(), initial);
    let has_errors = reply_state.has_errors() || link_state.has_errors();
    let rows = vec![
        (t(Text::ContactInboxFrom), message.name.clone().unwrap_or_else(|| t(Text::ContactInboxNoName))),
        (t(Text::AccountEmailLabel), message.reply_to.clone().unwrap_or_else(|| t(Text::ContactInboxNoEmail))),
        (t(Text::ContactInboxReceived), message.received_on.clone()),
        (t(Text::ContactInboxLanguage), message.language.clone()),
        (t(Text::ContactInboxStatus), message.done.clone().unwrap_or_else(|| message.status.clone())),
        (t(Text::ContactAbout), about),
    ];
    let mark = message.done.is_none().then(|| {
        view! {
            <PostForm action=MarkMessageDone::PATH refused=visitor.flash.clone()>
                <input type="hidden" name="id" value=message.id />
                <Submit text=Text::ContactInboxMarkDone secondary=true />
            </PostForm>
        }
    });
    view! {
        <BackLink href="/staff/messages" text=Text::ContactInboxTitle />
        {banner}
        {failed}
        <ErrorSummary state=reply_state.clone() order=&["reply"] />
        <ErrorSummary state=link_state.clone() order=&["email"] />
        <PageHeading text=title has_errors />
        <SummaryList rows />
        {record}
        <h2 class="govuk-heading-m">{t(Text::ContactInboxMessageHeading)}</h2>
        <p class="govuk-body portal-keep-lines">{message.body.clone()}</p>
        <Conversation replies=thread.replies.clone() />
        <ReplyForm thread=thread.clone() state=reply_state />
        {message.person.is_none().then(|| view! { <LinkForm id=message.id state=link_state /> })}
        {mark}
    }
}

/// The reply form, saying where the reply will reach the person; none when it cannot reach them.
#[component]
fn ReplyForm(thread: ThreadView, state: FormState) -> impl IntoView {
    let (locale, t) = use_visitor().language();
    let hint = match (thread.message.person.is_some(), &thread.email_to) {
        (true, Some(to)) => locale.fill(Text::ContactReplyHintBoth, &[("email", to)]),
        (true, None) => t(Text::ContactReplyHintPortal),
        (false, Some(to)) => locale.fill(Text::ContactReplyHintEmail, &[("email", to)]),
        (false, None) => {
            return view! {
                <h2 class="govuk-heading-m">{t(Text::ContactReplyHeading)}</h2>
                <p class="govuk-body">{t(Text::ContactReplyNowhere)}</p>
            }
            .into_any();
        }
    };
    view! {
        <h2 class="govuk-heading-m">{t(Text::ContactReplyHeading)}</h2>
        <PostForm action=ReplyToMessage::PATH state>
            <input type="hidden" name="id" value=thread.message.id />
            <TextArea name="reply" label=t(Text::ContactReplyLabel) hint max_chars=ReplyText::MAX rows=6 />
            <Submit text=Text::ContactReplySend />
        </PostForm>
    }
    .into_any()
}

/// Links a message to the account of the person it is about, found by email address (the one
/// they gave, to start with).
#[component]
fn LinkForm(id: i64, state: FormState) -> impl IntoView {
    let t = use_visitor().locale.translator();
    view! {
        <h2 class="govuk-heading-m">{t(Text::ContactLinkHeading)}</h2>
        <PostForm action=LinkMessage::PATH state>
            <input type="hidden" name="id" value=id />
            <EmailField label=t(Text::ContactLinkLabel) hint=t(Text::ContactLinkHint) autocomplete="off" />
            <Submit text=Text::ContactLinkButton secondary=true />
        </PostForm>
    }
}
