//! What the contact form posts.
use serde::{Deserialize, Serialize};

use crate::domain::contact::{ContactMessage, ContactProblem, ContactReference, ReceivedMessage};
use crate::kit::forms::text_form;
use crate::kit::i18n::{Locale, Text};

text_form! {
    /// What was typed into the contact form, as it arrived.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ContactForm { name, email, message }
    parsed by ContactMessage::new(name, email, message) -> Vec<ContactProblem>;
}

/// A message as the staff inbox shows it, dates in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    pub reference: String,
    pub name: Option<String>,
    pub reply_to: Option<String>,
    pub body: String,
    /// The language they wrote from (the portal's language at the time).
    pub language: String,
    pub received_on: String,
    /// "Done by … on …", once it is.
    pub done: Option<String>,
}

impl MessageView {
    pub fn from_record(message: ReceivedMessage, locale: Locale) -> MessageView {
        MessageView {
            id: message.id,
            reference: ContactReference(message.id).to_string(),
            name: message.name,
            reply_to: message.reply_to,
            body: message.body,
            language: message.locale.native_name().to_owned(),
            received_on: locale.long_date(message.received_at.date_naive()),
            done: message.done.map(|(name, at)| {
                locale.fill(Text::ContactInboxDone, &[("name", &name), ("date", &locale.long_date(at.date_naive()))])
            }),
        }
    }
}
