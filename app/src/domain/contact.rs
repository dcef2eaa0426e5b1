//! A message sent to the carer portal team from the contact page.
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

/// A message as the staff inbox holds it: what was sent, and whether someone has dealt with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedMessage {
    pub id: i64,
    pub name: Option<String>,
    pub reply_to: Option<String>,
    pub body: String,
    pub locale: Locale,
    pub received_at: chrono::DateTime<chrono::Utc>,
    /// Who marked it done, and when.
    pub done: Option<(String, chrono::DateTime<chrono::Utc>)>,
}
