//! Server functions for the contact page, the staff inbox its messages arrive in, and the
//! conversation that follows with the person a message is about.
use leptos::prelude::*;

use super::wire::{ContactForm, MessageView, ReplyForm, ThreadView};
use crate::error::AppError;

/// Stores a message for the carer portal team and sends the person to the confirmation page.
/// Open to everyone, signed in or not: people who cannot sign in need to reach the council too.
/// A carer or cared-for person who is signed in owns it: its replies reach them in the portal,
/// and it waits in their team's intake until they have a worker.
#[server(prefix = "/api", endpoint = "contact")]
pub async fn send_contact_message(#[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::contact::ContactMessage;

    let cx = Cx::anyone()?;
    let message = ContactMessage::try_from(form).map_err(|p| cx.invalid(&p))?;
    let owner = cx.visitor().user.as_ref().filter(|u| u.actor().owns_message(Some(u.id))).map(|u| u.id);
    let reference = cx.store().add_contact_message(&message, owner, cx.locale(), cx.now()).await?;
    leptos_axum::redirect(&format!("/contact/sent?reference={reference}"));
    Ok(())
}

/// The staff inbox: open messages first, oldest first; then the latest done ones.
#[server(prefix = "/api", endpoint = "contact/inbox")]
pub async fn contact_inbox() -> Result<Vec<MessageView>, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadMessages, "contact messages").await?;
    let messages = cx.store().contact_messages().await?;
    Ok(messages.into_iter().map(|m| MessageView::from_record(m, cx.locale())).collect())
}

/// One message and its conversation, read by a member of staff (audited: it may hold personal
/// details).
#[server(prefix = "/api", endpoint = "contact/message")]
pub async fn contact_message(#[server(default)] id: i64) -> Result<ThreadView, AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::email_to;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadMessages, "contact message").await?;
    let message = cx.store().contact_message(id).await?.ok_or(AppError::NotFound)?;
    let person_id = message.person.as_ref().map(|(id, _)| *id);
    cx.audit("read contact message", person_id, Some(&message.id.to_string())).await?;
    let replies = cx.store().contact_replies(id).await?;
    let email = email_to(&cx, &message).await?;
    Ok(ThreadView::from_records(message, replies, email, cx.locale(), true))
}

/// A member of staff replies: the reply is kept in the conversation (the person reads it in
/// the portal, if the message is linked to them) and emailed where there is an address. An
/// email that cannot be sent does not lose the reply: its failure is shown beside it.
#[server(prefix = "/api", endpoint = "contact/reply")]
pub async fn reply_to_message(#[server(default)] id: i64, #[server(flatten)] form: ReplyForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::{email_to, Email};
    use crate::domain::contact::{ContactReference, ReplyEmail, ReplyText, Side};
    use crate::kit::i18n::Text;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadMessages, "reply to contact message").await?;
    let message = cx.store().contact_message(id).await?.ok_or(AppError::NotFound)?;
    let reply = ReplyText::try_from(form).map_err(|p| cx.invalid(&p))?;
    let reply_id = cx.store().add_contact_reply(id, cx.me().id, Side::Council, reply.as_str(), cx.now()).await?;
    let person_id = message.person.as_ref().map(|(id, _)| *id);
    cx.audit("replied to contact message", person_id, Some(&id.to_string())).await?;

    let outcome = match email_to(&cx, &message).await? {
        None => ReplyEmail::NoAddress,
        Some(to) => {
            let services = cx.services();
            let locale = message.locale;
            let reference = ContactReference(id).to_string();
            // Someone with an account reads the reply in the portal: the email only says it is
            // there (as review emails do). Someone who gave only an address gets it by email.
            let body = match person_id {
                Some(_) => locale.fill(
                    Text::ContactReplyEmailPortal,
                    &[
                        ("reference", &reference),
                        ("link", &format!("{}/messages/{id}", services.public_url)),
                        ("council", &services.council.name),
                    ],
                ),
                None => locale.fill(
                    Text::ContactReplyEmailBody,
                    &[
                        ("reply", reply.as_str()),
                        ("name", &cx.me().name),
                        ("council", &services.council.name),
                        ("reference", &reference),
                    ],
                ),
            };
            let subject = locale.fill(Text::ContactReplyEmailSubject, &[("reference", &reference)]);
            match services.mailer.send(&Email { to, subject, body }).await {
                Ok(()) => ReplyEmail::Sent,
                Err(error) => {
                    tracing::warn!(%error, "a reply to a contact message could not be emailed");
                    ReplyEmail::Failed
                }
            }
        }
    };
    // The reply is kept and its email tried: failing to note how that went must not tell the
    // member of staff to send it again.
    if let Err(error) = cx.store().set_reply_email(reply_id, outcome).await {
        tracing::warn!(%error, "could not record what became of a reply's email");
    }
    leptos_axum::redirect(&format!("/staff/messages/{id}?replied={}", outcome.code()));
    Ok(())
}

/// Links a message to the carer or cared-for person it is about, found by their account's
/// email address: they then read it and its replies in the portal, and it counts in their
/// team's intake.
#[server(prefix = "/api", endpoint = "contact/link")]
pub async fn link_message(#[server(default)] id: i64, #[server(default)] email: String) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::contact::ReplyProblem;
    use crate::domain::text::EmailAddress;
    use crate::policy::{Actor, Capability};

    let cx = Cx::with(Capability::ReadMessages, "link contact message").await?;
    cx.store().contact_message(id).await?.ok_or(AppError::NotFound)?;
    let address = EmailAddress::parse(&email).map_err(|_| cx.invalid(&[ReplyProblem::NoSuchPerson]))?;
    let person = cx
        .store()
        .find_credentials(address.as_str())
        .await?
        .map(|found| found.account)
        .filter(|a| Actor { user_id: a.id, role: a.role }.owns_message(Some(a.id)))
        .ok_or_else(|| cx.invalid(&[ReplyProblem::NoSuchPerson]))?;
    cx.store().link_contact_message(id, person.id).await?;
    cx.audit("linked contact message", Some(person.id), Some(&id.to_string())).await?;
    leptos_axum::redirect(&format!("/staff/messages/{id}?linked=1"));
    Ok(())
}

/// Marks a message done: someone has dealt with it. Once only (an answer from the person opens
/// it again).
#[server(prefix = "/api", endpoint = "contact/done")]
pub async fn mark_message_done(#[server(default)] id: i64) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadMessages, "mark contact message done").await?;
    cx.store().mark_contact_done(id, cx.me().id, cx.now()).await?;
    cx.audit("contact message done", None, Some(&id.to_string())).await?;
    leptos_axum::redirect(&format!("/staff/messages/{id}?done=1"));
    Ok(())
}

/// The signed-in person's own messages, newest first.
#[server(prefix = "/api", endpoint = "contact/mine")]
pub async fn my_messages() -> Result<Vec<MessageView>, AppError> {
    use crate::backend::cx::Cx;

    let cx = Cx::plan_holder()?;
    let messages = cx.store().messages_of(cx.me().id).await?;
    Ok(messages.into_iter().map(|m| MessageView::from_record(m, cx.locale())).collect())
}

/// One of the signed-in person's messages and its conversation.
#[server(prefix = "/api", endpoint = "contact/my-message")]
pub async fn my_message(#[server(default)] id: i64) -> Result<ThreadView, AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::own_message;

    let cx = Cx::plan_holder()?;
    let message = own_message(&cx, id).await?;
    let replies = cx.store().contact_replies(id).await?;
    Ok(ThreadView::from_records(message, replies, None, cx.locale(), false))
}

/// The person answers in a message's conversation: it opens the message again for the council.
#[server(prefix = "/api", endpoint = "contact/answer")]
pub async fn answer_message(#[server(default)] id: i64, #[server(flatten)] form: ReplyForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::backend::ports::own_message;
    use crate::domain::contact::{ReplyText, Side};

    let cx = Cx::plan_holder()?;
    own_message(&cx, id).await?;
    let answer = ReplyText::try_from(form).map_err(|p| cx.invalid(&p))?;
    cx.store().add_contact_reply(id, cx.me().id, Side::Person, answer.as_str(), cx.now()).await?;
    leptos_axum::redirect(&format!("/messages/{id}?sent=1"));
    Ok(())
}
