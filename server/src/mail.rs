//! Outgoing mail: over SMTP to the council's relay when one is configured (`PORTAL_SMTP_URL`),
//! otherwise written as RFC 5322 `.eml` files into the outbox folder, one per message, for a
//! relay to pick up. Each file is written under a temporary name and renamed, so a relay never
//! sees half a message.
use std::path::PathBuf;

use anyhow::Context;
use app::backend::ports::{Email, Mailer, StoreError};
use async_trait::async_trait;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::Body;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub struct OutboxMailer {
    dir: PathBuf,
    from: Mailbox,
}

impl OutboxMailer {
    pub fn new(dir: PathBuf, from: &str) -> anyhow::Result<OutboxMailer> {
        std::fs::create_dir_all(&dir)?;
        Ok(OutboxMailer { dir, from: from.parse().context("the sender's address")? })
    }
}

/// The message as RFC 5322, its headers encoded by the mail library (RFC 2047 where needed), so
/// nothing in a subject or name can end a header line and start another.
/// The outbox keeps the body as written (8-bit), so a person or a relay reads it as it is; over
/// SMTP the library chooses the encoding the relay is sure to carry.
fn message(from: &Mailbox, email: &Email, as_written: bool) -> Result<Message, StoreError> {
    let to: Mailbox = email.to.parse().map_err(unavailable)?;
    let builder =
        Message::builder().from(from.clone()).to(to).subject(email.subject.as_str()).header(ContentType::TEXT_PLAIN);
    let body = email.body.replace("\r\n", "\n").replace('\n', "\r\n");
    // RFC 5322 allows lines of up to 998 characters; a body with longer ones (or a NUL) is
    // left to the library to encode.
    let fits = !body.contains('\0') && body.split("\r\n").all(|line| line.len() <= 998);
    if as_written && fits {
        builder.body(Body::dangerous_pre_encoded(body.into_bytes(), ContentTransferEncoding::EightBit))
    } else {
        builder.body(body)
    }
    .map_err(unavailable)
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, email: &Email) -> Result<(), StoreError> {
        let id = uuid::Uuid::new_v4();
        let message = message(&self.from, email, true)?.formatted();
        // Nanoseconds in the name, so the folder sorts in the order the messages were written
        // (two in the same second otherwise sorted by their random id).
        let name = format!("{}-{id}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S%.9fZ"));
        let temporary = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&temporary, message).await.map_err(|e| StoreError::Unavailable(Box::new(e)))?;
        tokio::fs::rename(&temporary, self.dir.join(name)).await.map_err(|e| StoreError::Unavailable(Box::new(e)))
    }
}

/// Sends each message over SMTP, e.g. `smtp://relay.council.local:25` (plain, on the council's
/// network), `smtp://user:pass@smtp.example.org:587?tls=required` or `smtps://…:465`.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> anyhow::Result<SmtpMailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).context("reading PORTAL_SMTP_URL")?.build();
        let from = from.parse().context("the sender's address")?;
        Ok(SmtpMailer { transport, from })
    }
}

fn unavailable(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Unavailable(Box::new(error))
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, email: &Email) -> Result<(), StoreError> {
        self.transport.send(message(&self.from, email, false)?).await.map_err(unavailable)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_line_break_in_a_subject_cannot_add_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = OutboxMailer::new(dir.path().to_owned(), "Carer portal <portal@example.org>").unwrap();
        let email = Email {
            to: "sam@example.org".into(),
            subject: "Sam Carer\r\nBcc: everyone@evil.example\r\n\r\nhello".into(),
            body: "Hello".into(),
        };
        mailer.send(&email).await.unwrap();
        let file = std::fs::read_dir(dir.path()).unwrap().next().unwrap().unwrap().path();
        let text = std::fs::read_to_string(file).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(!headers.lines().any(|line| line.to_ascii_lowercase().starts_with("bcc:")), "{headers}");
        assert!(headers.lines().any(|line| line.starts_with("Subject: ")), "{headers}");
    }
}
