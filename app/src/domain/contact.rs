//! A message sent to the carer portal team from the contact page, and the conversation that
//! follows: the council's replies (in the portal, and by email where there is an address) and
//! the person's answers.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::{BoundedText, EmailAddress, EmailProblem, TextProblem};
use super::{with_max, Problem};
use crate::kit::i18n::{Locale, Text};

/// A message that is fit to store: it has a body, and a reply address if one was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactMessage {
    pub name: Option<BoundedText>,
    pub reply_to: Option<EmailAddress>,
    pub body: BoundedText,
}

impl ContactMessage {
    pub const NAME_MAX: usize = 100;
    pub const MESSAGE_MAX: usize = 1200;

    /// A message from what was typed: the name and reply address are optional, the message is
    /// not. Every problem is reported at once.
    pub fn new(name: &str, email: &str, message: &str) -> Result<ContactMessage, Vec<ContactProblem>> {
        let mut problems = Vec::new();
        let name = BoundedText::optional(name, Self::NAME_MAX)
            .map_err(|_| problems.push(ContactProblem::NameTooLong))
            .ok()
            .flatten();
        let reply_to = if email.trim().is_empty() {
            None
        } else {
            EmailAddress::parse(email).map_err(|p| problems.push(ContactProblem::Email(p))).ok()
        };
        let body = BoundedText::required(message, Self::MESSAGE_MAX)
            .map_err(|p| {
                problems.push(match p {
                    TextProblem::Missing => ContactProblem::MessageMissing,
                    TextProblem::TooLong { .. } => ContactProblem::MessageTooLong,
                })
            })
            .ok();
        match body {
            Some(body) if problems.is_empty() => Ok(ContactMessage { name, reply_to, body }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactProblem {
    NameTooLong,
    Email(EmailProblem),
    MessageMissing,
    MessageTooLong,
}

impl Problem for ContactProblem {
    fn field(&self) -> String {
        let name = match self {
            ContactProblem::NameTooLong => "name",
            ContactProblem::Email(_) => "email",
            ContactProblem::MessageMissing | ContactProblem::MessageTooLong => "message",
        };
        name.to_owned()
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            ContactProblem::NameTooLong => with_max(locale, Text::ContactNameTooLong, ContactMessage::NAME_MAX),
            ContactProblem::Email(EmailProblem::Format | EmailProblem::Missing) => {
                locale.text(Text::ErrorsEmailFormat).to_owned()
            }
            ContactProblem::Email(EmailProblem::TooLong) => {
                with_max(locale, Text::ErrorsEmailTooLong, EmailAddress::MAX)
            }
            ContactProblem::MessageMissing => locale.text(Text::ContactMessageMissing).to_owned(),
            ContactProblem::MessageTooLong => {
                with_max(locale, Text::ContactMessageTooLong, ContactMessage::MESSAGE_MAX)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_with_only_a_body_is_accepted() {
        let message = ContactMessage::new("", "", "Please call me").unwrap();
        assert_eq!(message.body.as_str(), "Please call me");
        assert_eq!(message.reply_to, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let long = "x".repeat(ContactMessage::MESSAGE_MAX + 1);
        let problems = ContactMessage::new(&"n".repeat(101), "nope", &long).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ContactProblem::NameTooLong,
                ContactProblem::Email(EmailProblem::Format),
                ContactProblem::MessageTooLong
            ]
        );
    }

    #[test]
    fn a_reply_needs_words_and_not_too_many() {
        assert_eq!(ReplyText::parse("  ").unwrap_err(), vec![ReplyProblem::Missing]);
        let long = "x".repeat(ReplyText::MAX + 1);
        assert_eq!(ReplyText::parse(&long).unwrap_err()[0].field(), "reply");
        assert_eq!(ReplyText::parse(" Thank you ").unwrap().as_str(), "Thank you");
    }

    #[test]
    fn a_message_awaits_the_council_until_it_replies_or_marks_it_done() {
        let at = chrono::DateTime::<Utc>::UNIX_EPOCH;
        let mut message = ReceivedMessage {
            id: 1,
            name: None,
            reply_to: None,
            body: "Hello".into(),
            locale: Locale::En,
            received_at: at,
            done: None,
            person: None,
            last_reply: None,
        };
        assert!(message.awaits_council());
        message.last_reply = Some((Side::Council, at));
        assert!(!message.awaits_council());
        message.last_reply = Some((Side::Person, at));
        assert!(message.awaits_council(), "they answered");
        message.done = Some(("Lee".into(), at));
        assert!(!message.awaits_council());
    }

    #[test]
    fn an_empty_message_is_refused_with_a_message_for_that_field() {
        let problems = ContactMessage::new("Ann", "", "  ").unwrap_err();
        assert_eq!(problems, vec![ContactProblem::MessageMissing]);
        assert_eq!(problems[0].field(), "message");
        assert_eq!(problems[0].message(Locale::En), "Enter your message");
    }
}

/// A reference a person can quote, e.g. `CM-000042`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactReference(pub i64);

impl std::fmt::Display for ContactReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CM-{:06}", self.0)
    }
}

/// A message as the staff inbox holds it: what was sent, whose it is, where the conversation
/// stands and whether someone has dealt with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedMessage {
    pub id: i64,
    pub name: Option<String>,
    pub reply_to: Option<String>,
    pub body: String,
    pub locale: Locale,
    pub received_at: DateTime<Utc>,
    /// Who marked it done, and when.
    pub done: Option<(String, DateTime<Utc>)>,
    /// The person it is about (id, name): the sender when they were signed in, or whom a
    /// member of staff linked it to. Only they read it and its replies in the portal.
    pub person: Option<(i64, String)>,
    /// The latest reply, if any: whose side sent it, and when.
    pub last_reply: Option<(Side, DateTime<Utc>)>,
}

impl ReceivedMessage {
    /// Waiting for the council: open, and the person spoke last (or nobody has replied yet).
    pub fn awaits_council(&self) -> bool {
        self.done.is_none() && !matches!(self.last_reply, Some((Side::Council, _)))
    }
}

choices! {
    /// Who wrote a reply in a message's conversation.
    Side {
        Council = "council",
        Person = "person",
    }
}

choices! {
    /// What became of the email that carries a reply from the council.
    ReplyEmail {
        Sent = "sent",
        Failed = "failed",
        NoAddress = "no_address",
    }
}

/// One reply in a message's conversation, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub id: i64,
    pub side: Side,
    /// The writer's name (a member of staff, or the person).
    pub author: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    /// For the council's replies: whether the email went.
    pub email: Option<ReplyEmail>,
}

/// A reply fit to store: it has words, and not too many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyText(BoundedText);

impl ReplyText {
    pub const MAX: usize = ContactMessage::MESSAGE_MAX;

    pub fn parse(input: &str) -> Result<ReplyText, Vec<ReplyProblem>> {
        BoundedText::required(input, Self::MAX).map(ReplyText).map_err(|p| {
            vec![match p {
                TextProblem::Missing => ReplyProblem::Missing,
                TextProblem::TooLong { .. } => ReplyProblem::TooLong,
            }]
        })
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyProblem {
    Missing,
    TooLong,
    /// Linking: no carer or cared-for person has an account with that email address.
    NoSuchPerson,
}

impl Problem for ReplyProblem {
    fn field(&self) -> String {
        match self {
            ReplyProblem::Missing | ReplyProblem::TooLong => "reply".to_owned(),
            ReplyProblem::NoSuchPerson => "email".to_owned(),
        }
    }

    fn message(&self, locale: Locale) -> String {
        match self {
            ReplyProblem::Missing => locale.text(Text::ContactReplyMissing).to_owned(),
            ReplyProblem::TooLong => with_max(locale, Text::ContactReplyTooLong, ReplyText::MAX),
            ReplyProblem::NoSuchPerson => locale.text(Text::ContactLinkNoSuchPerson).to_owned(),
        }
    }
}
