//! The store's side of the contact page's messages and their conversations, and who may read
//! one in the portal.
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;
use crate::backend::cx::Cx;
use crate::domain::contact::{ContactMessage, ContactReference, ReceivedMessage, Reply, ReplyEmail, Side};
use crate::domain::text::EmailAddress;
use crate::error::AppError;
use crate::kit::i18n::Locale;
use crate::kit::visitor::SignedInUser;

#[async_trait]
pub trait ContactStore: Send + Sync {
    /// Stores a message; `person_id` is the sender when they were signed in.
    async fn add_contact_message(
        &self,
        message: &ContactMessage,
        person_id: Option<i64>,
        locale: Locale,
        received_at: DateTime<Utc>,
    ) -> StoreResult<ContactReference>;
    /// The staff inbox: messages not yet done (oldest first, so none waits unseen), then the
    /// latest done ones.
    async fn contact_messages(&self) -> StoreResult<Vec<ReceivedMessage>>;
    async fn contact_message(&self, id: i64) -> StoreResult<Option<ReceivedMessage>>;
    /// A person's own messages, newest first.
    async fn messages_of(&self, person_id: i64) -> StoreResult<Vec<ReceivedMessage>>;
    /// A message's conversation, oldest first.
    async fn contact_replies(&self, message_id: i64) -> StoreResult<Vec<Reply>>;
    /// Adds a reply. One from the person opens the message again (it needs the council once
    /// more), in the same transaction. `NotFound` if there is no such message.
    async fn add_contact_reply(
        &self,
        message_id: i64,
        author_id: i64,
        side: Side,
        body: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Records what became of the email carrying a reply from the council.
    async fn set_reply_email(&self, reply_id: i64, email: ReplyEmail) -> StoreResult<()>;
    /// Links a message to the person it is about. `NotFound` if there is no such message.
    async fn link_contact_message(&self, id: i64, person_id: i64) -> StoreResult<()>;
    /// `Conflict` once it is done; `NotFound` if there is no such message.
    async fn mark_contact_done(&self, id: i64, by: i64, at: DateTime<Utc>) -> StoreResult<()>;
}

/// One of the signed-in person's own messages; anyone else's (or one linked to nobody) is "not
/// found", as `policy` decides.
pub async fn own_message(cx: &Cx<SignedInUser>, id: i64) -> Result<ReceivedMessage, AppError> {
    let message = cx.store().contact_message(id).await?.ok_or(AppError::NotFound)?;
    if !cx.actor().owns_message(message.person.as_ref().map(|(id, _)| *id)) {
        return Err(AppError::NotFound);
    }
    Ok(message)
}

/// Where the council's reply to a message is emailed: the address the sender gave, or else the
/// account of the person it is linked to, if mail can reach it.
pub async fn email_to(cx: &Cx<SignedInUser>, message: &ReceivedMessage) -> Result<Option<String>, AppError> {
    if let Some(address) = &message.reply_to {
        return Ok(Some(address.clone()));
    }
    let Some((person_id, _)) = message.person else { return Ok(None) };
    let account = cx.store().find_account(person_id).await?;
    Ok(account.map(|a| a.email).filter(|email| EmailAddress::deliverable(email)))
}
