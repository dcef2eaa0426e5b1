//! `/staff/mail`: the emails the portal gave up on, each with a button to send it again.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

use super::api::{undelivered_emails, SendAgain};
use crate::components::enhanced_form::PostForm;
use crate::components::fields::ErrorSummary;
use crate::components::layout::{PageHeading, SuccessBanner};
use crate::components::record_page::signed_in_page;
use crate::components::table::Table;
use crate::kit::forms::FormState;
use crate::kit::i18n::Text;
use crate::kit::visitor::use_visitor;

#[component]
pub fn UndeliveredPage() -> impl IntoView {
    let visitor = use_visitor();
    let (_, t) = visitor.language();
    let state = FormState::for_action(SendAgain::PATH, visitor.flash.as_ref(), BTreeMap::new());
    let again = use_query_map().with_untracked(|q| q.get("again").is_some());
    signed_in_page(undelivered_emails, move |emails| {
        let list = if emails.is_empty() {
            view! { <p class="govuk-body">{t(Text::MailNoneWaiting)}</p> }.into_any()
        } else {
            let columns = vec![Text::MailTo, Text::MailSubject, Text::MailQueued, Text::MailTries, Text::MailAction];
            view! {
                <Table label=t(Text::MailTitle) columns>
                    {emails
                        .into_iter()
                        .map(|email| {
                            let button = format!("{} ({})", t(Text::MailSendAgain), email.to);
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">{email.to.clone()}</td>
                                    <td class="govuk-table__cell">{email.subject}</td>
                                    <td class="govuk-table__cell">{email.queued_on}</td>
                                    <td class="govuk-table__cell">{email.attempts} " – " {email.reason}</td>
                                    <td class="govuk-table__cell">
                                        <PostForm action=SendAgain::PATH>
                                            <input type="hidden" name="id" value=email.id />
                                            <button
                                                type="submit"
                                                class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                                                aria-label=button
                                            >
                                                {t(Text::MailSendAgain)}
                                            </button>
                                        </PostForm>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
            .into_any()
        };
        view! {
            {again.then(|| view! { <SuccessBanner message=t(Text::MailSentAgain) /> })}
            <ErrorSummary state=state order=&["id"] />
            <PageHeading text=t(Text::MailTitle) intro=t(Text::MailIntro) />
            {list}
        }
    })
}
