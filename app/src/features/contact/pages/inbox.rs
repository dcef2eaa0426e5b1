//! The staff inbox of messages sent from the contact page: the list, and one message with the
//! way to reply and to mark it done.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::Submit;
use crate::components::layout::{BackLink, LinkParagraph, PageHeading, SuccessBanner};
use crate::components::record_page::{loaded, record_page, signed_in};
use crate::components::summary_list::SummaryList;
use crate::components::table::{LinkCell, Table};
use crate::features::contact::api::{contact_inbox, contact_message, MarkMessageDone};
use crate::features::contact::wire::MessageView;
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
            let status = match m.done {
                Some(done) => view! { <strong class="govuk-tag govuk-tag--grey">{done}</strong> }.into_any(),
                None => {
                    view! { <strong class="govuk-tag govuk-tag--blue">{t(Text::ContactInboxOpen)}</strong> }.into_any()
                }
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
    let done = use_query_map().with_untracked(|q| q.get("done").is_some());
    record_page(contact_message, move |message| Some(view! { <Message message done /> }))
}

#[component]
fn Message(message: MessageView, done: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let title = locale.fill(Text::ContactInboxMessageTitle, &[("reference", &message.reference)]);
    let banner = (done && message.done.is_some()).then(|| {
        view! { <SuccessBanner message=locale.fill(Text::ContactInboxMarkedDone, &[("reference", &message.reference)]) /> }
    });
    let rows = vec![
        (t(Text::ContactInboxFrom), message.name.clone().unwrap_or_else(|| t(Text::ContactInboxNoName))),
        (t(Text::AccountEmailLabel), message.reply_to.clone().unwrap_or_else(|| t(Text::ContactInboxNoEmail))),
        (t(Text::ContactInboxReceived), message.received_on.clone()),
        (t(Text::ContactInboxLanguage), message.language.clone()),
        (t(Text::ContactInboxStatus), message.done.clone().unwrap_or_else(|| t(Text::ContactInboxOpen))),
    ];
    let reply = message.reply_to.clone().map(|to| {
        let subject = format!("subject={}", message.reference);
        view! { <LinkParagraph href=format!("mailto:{to}?{subject}") text=Text::ContactInboxReplyLink /> }
    });
    let mark = message.done.is_none().then(|| {
        view! {
            <PostForm action=MarkMessageDone::PATH refused=visitor.flash.clone()>
                <input type="hidden" name="id" value=message.id />
                <Submit text=Text::ContactInboxMarkDone />
            </PostForm>
        }
    });
    view! {
        <BackLink href="/staff/messages" text=Text::ContactInboxTitle />
        {banner}
        <PageHeading text=title />
        <SummaryList rows />
        <h2 class="govuk-heading-m">{t(Text::ContactInboxMessageHeading)}</h2>
        <p class="govuk-body portal-keep-lines">{message.body.clone()}</p>
        {reply}
        {mark}
    }
}
