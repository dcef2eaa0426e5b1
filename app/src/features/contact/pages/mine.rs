//! A carer's or cared-for person's own messages: what they sent while signed in (or what the
//! council linked to them), the council's replies, and their answers.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use crate::components::enhanced_form::PostForm;
use crate::components::fields::{ErrorSummary, Submit, TextArea};
use crate::components::layout::{BackLink, ButtonLink, PageHeading, SuccessBanner};
use crate::components::record_page::{record_page, signed_in_page};
use crate::components::table::{LinkCell, Table};
use crate::domain::contact::ReplyText;
use crate::features::contact::api::{my_message, my_messages, AnswerMessage};
use crate::features::contact::wire::{MessageView, ReplyView, ThreadView};
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

/// The table's headings, in the order its rows draw their cells.
const COLUMNS: [Text; 3] = [Text::ContactInboxReference, Text::ContactMineSent, Text::ContactInboxStatus];

/// `/messages`.
#[component]
pub fn MyMessagesPage() -> impl IntoView {
    signed_in_page(my_messages, |messages: Vec<MessageView>| {
        let t = use_visitor().locale.translator();
        let list = if messages.is_empty() {
            view! { <p class="govuk-body">{t(Text::ContactMineNone)}</p> }.into_any()
        } else {
            let rows = messages
                .into_iter()
                .map(|m| {
                    view! {
                        <tr class="govuk-table__row">
                            <LinkCell href=format!("/messages/{}", m.id)>{m.reference}</LinkCell>
                            <td class="govuk-table__cell">{m.received_on}</td>
                            <td class="govuk-table__cell">{m.status}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <Table label=t(Text::ContactMineTitle) columns=COLUMNS>
                    {rows}
                </Table>
            }
            .into_any()
        };
        view! {
            <PageHeading text=t(Text::ContactMineTitle) intro=t(Text::ContactMineIntro) />
            {list}
            <ButtonLink href="/contact" text=Text::ContactMineNew />
        }
    })
}

/// `/messages/:id`.
#[component]
pub fn MyMessagePage() -> impl IntoView {
    let sent = use_query_map().with_untracked(|q| q.get("sent").is_some());
    record_page(my_message, move |thread| Some(view! { <MyMessage thread sent /> }))
}

#[component]
fn MyMessage(thread: ThreadView, sent: bool) -> impl IntoView {
    let visitor = use_visitor();
    let (locale, t) = visitor.language();
    let message = thread.message;
    let title = locale.fill(Text::ContactInboxMessageTitle, &[("reference", &message.reference)]);
    let state = FormState::for_action(AnswerMessage::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let banner = sent.then(|| view! { <SuccessBanner message=t(Text::ContactMineAnswerSent) /> });
    view! {
        <BackLink href="/messages" text=Text::ContactMineTitle />
        {banner}
        <ErrorSummary state=state.clone() order=&["reply"] />
        <PageHeading text=title has_errors=state.has_errors() />
        <h2 class="govuk-heading-m">{locale.fill(Text::ContactMineYouWrote, &[("date", &message.received_on)])}</h2>
        <p class="govuk-body portal-keep-lines">{message.body}</p>
        <Conversation replies=thread.replies />
        <h2 class="govuk-heading-m">{t(Text::ContactMineAnswerHeading)}</h2>
        <PostForm action=AnswerMessage::PATH state>
            <input type="hidden" name="id" value=message.id />
            <TextArea
                name="reply"
                label=t(Text::ContactMineAnswerLabel)
                hint=t(Text::ContactMineAnswerHint)
                max_chars=ReplyText::MAX
                rows=6
            />
            <Submit text=Text::ContactMineAnswerSend />
        </PostForm>
    }
}

/// The replies after a message, oldest first, each with who wrote it and when (and, for staff,
/// what became of its email).
#[component]
pub(super) fn Conversation(replies: Vec<ReplyView>) -> impl IntoView {
    let t = use_visitor().locale.translator();
    (!replies.is_empty()).then(|| {
        let replies = replies
            .into_iter()
            .map(|reply| {
                let class = if reply.from_council { "portal-reply portal-reply--council" } else { "portal-reply" };
                view! {
                    <li class=class>
                        <h3 class="govuk-heading-s">
                            {reply.author} <span class="govuk-caption-m">{reply.sent_on}</span>
                        </h3>
                        <p class="govuk-body portal-keep-lines">{reply.body}</p>
                        {reply.email.map(|email| view! { <p class="govuk-body-s">{email}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">{t(Text::ContactRepliesHeading)}</h2>
            <ul class="govuk-list portal-replies">{replies}</ul>
        }
    })
}
