//! What the contact form posts.
use serde::{Deserialize, Serialize};

use crate::domain::contact::{
    ContactMessage, ContactProblem, ContactReference, ReceivedMessage, Reply, ReplyEmail, ReplyProblem, ReplyText, Side,
};
use crate::kit::forms::text_form;
use crate::kit::i18n::{Locale, Text};

text_form! {
    /// What was typed into the contact form, as it arrived.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ContactForm { name, email, message }
    parsed by ContactMessage::new(name, email, message) -> Vec<ContactProblem>;
}

text_form! {
    /// A reply, from the council or from the person, as typed.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ReplyForm { reply }
    parsed by ReplyText::parse(reply) -> Vec<ReplyProblem>;
}

/// A message as the staff inbox and the person's own list show it, dates in the reader's
/// language.
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
    /// The person it is about (id, name), once known.
    pub person: Option<(i64, String)>,
    /// It waits for the council: open, and nobody has replied since the person last wrote.
    pub awaits_council: bool,
    /// Where the conversation stands, for the reader: "Replied on …", "They answered on …".
    pub status: String,
}

impl MessageView {
    pub fn from_record(message: ReceivedMessage, locale: Locale) -> MessageView {
        let awaits_council = message.awaits_council();
        let date = |at: chrono::DateTime<chrono::Utc>| locale.long_date(at.date_naive());
        let status = match (&message.done, message.last_reply) {
            (Some(_), _) => locale.text(Text::ContactStatusDone).to_owned(),
            (None, Some((Side::Council, at))) => locale.fill(Text::ContactStatusReplied, &[("date", &date(at))]),
            (None, Some((Side::Person, at))) => locale.fill(Text::ContactStatusAnswered, &[("date", &date(at))]),
            (None, None) => locale.text(Text::ContactInboxOpen).to_owned(),
        };
        MessageView {
            awaits_council,
            status,
            person: message.person,
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

/// One reply in a conversation, as either side reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyView {
    pub from_council: bool,
    pub author: String,
    pub sent_on: String,
    pub body: String,
    /// For staff: what became of the email ("Emailed", "The email could not be sent"…).
    pub email: Option<String>,
}

impl ReplyView {
    /// `for_staff`: staff see who wrote each reply and what became of its email; the person
    /// sees "the council" and their own name.
    pub fn from_record(reply: Reply, locale: Locale, for_staff: bool) -> ReplyView {
        let from_council = reply.side == Side::Council;
        let author = if from_council && !for_staff {
            locale.fill(Text::ContactReplyFromCouncil, &[("name", &reply.author)])
        } else {
            reply.author
        };
        let email = reply.email.filter(|_| for_staff).map(|email| {
            locale
                .text(match email {
                    ReplyEmail::Sent => Text::ContactReplyEmailed,
                    ReplyEmail::Failed => Text::ContactReplyEmailFailed,
                    ReplyEmail::NoAddress => Text::ContactReplyNotEmailed,
                })
                .to_owned()
        });
        ReplyView {
            from_council,
            author,
            sent_on: locale.long_date(reply.sent_at.date_naive()),
            body: reply.body,
            email,
        }
    }
}

/// A message with its conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadView {
    pub message: MessageView,
    pub replies: Vec<ReplyView>,
    /// For staff: where a reply goes besides the person's portal (the address they gave, or
    /// their account's), if anywhere.
    pub email_to: Option<String>,
}

impl ThreadView {
    pub fn from_records(
        message: ReceivedMessage,
        replies: Vec<Reply>,
        email_to: Option<String>,
        locale: Locale,
        for_staff: bool,
    ) -> ThreadView {
        ThreadView {
            message: MessageView::from_record(message, locale),
            replies: replies.into_iter().map(|r| ReplyView::from_record(r, locale, for_staff)).collect(),
            email_to,
        }
    }
}
