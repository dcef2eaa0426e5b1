//! Server functions for the contact page, and the staff inbox its messages arrive in.
use leptos::prelude::*;

use super::wire::{ContactForm, MessageView};
use crate::error::AppError;

/// Stores a message for the carer portal team and sends the person to the confirmation page.
/// Open to everyone, signed in or not: people who cannot sign in need to reach the council too.
#[server(prefix = "/api", endpoint = "contact")]
pub async fn send_contact_message(#[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::contact::ContactMessage;

    let cx = Cx::anyone()?;
    let message = ContactMessage::try_from(form).map_err(|p| cx.invalid(&p))?;
    let reference = cx.store().add_contact_message(&message, cx.locale(), cx.now()).await?;
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

/// One message, read by a member of staff (audited: it may hold personal details).
#[server(prefix = "/api", endpoint = "contact/message")]
pub async fn contact_message(#[server(default)] id: i64) -> Result<MessageView, AppError> {
    use crate::backend::cx::Cx;
    use crate::policy::Capability;

    let cx = Cx::with(Capability::ReadMessages, "contact message").await?;
    let message = cx.store().contact_message(id).await?.ok_or(AppError::NotFound)?;
    cx.audit("read contact message", None, Some(&message.id.to_string())).await?;
    Ok(MessageView::from_record(message, cx.locale()))
}

/// Marks a message done: someone has dealt with it. Once only.
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
