//! Outgoing mail: over SMTP to the council's relay when one is configured (`PORTAL_SMTP_URL`),
//! otherwise written as RFC 5322 `.eml` files into the outbox folder, one per message, for a
//! relay to pick up. Each file is written under a temporary name and renamed, so a relay never
//! sees half a message.
use std::path::PathBuf;

use anyhow::Context;
use app::backend::ports::{Email, Mailer, StoreError};
use async_trait::async_trait;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub struct OutboxMailer {
    dir: PathBuf,
    from: String,
}

impl OutboxMailer {
    pub fn new(dir: PathBuf, from: String) -> std::io::Result<OutboxMailer> {
        std::fs::create_dir_all(&dir)?;
        Ok(OutboxMailer { dir, from })
    }
}

/// Encodes a header value that may hold non-ASCII text (RFC 2047).
fn header_text(value: &str) -> String {
    if value.is_ascii() {
        value.to_owned()
    } else {
        use base64::Engine;
        format!("=?UTF-8?B?{}?=", base64::engine::general_purpose::STANDARD.encode(value))
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, email: &Email) -> Result<(), StoreError> {
        let id = uuid::Uuid::new_v4();
        let message = format!(
            "From: {}\r\nTo: {}\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{id}@carer-portal>\r\nMIME-Version: 1.0\r\n\
             Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
            self.from,
            email.to,
            header_text(&email.subject),
            chrono::Utc::now().to_rfc2822(),
            email.body.replace('\n', "\r\n"),
        );
        let name = format!("{}-{id}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S"));
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
        let to: Mailbox = email.to.parse().map_err(unavailable)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&email.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(email.body.clone())
            .map_err(unavailable)?;
        self.transport.send(message).await.map_err(unavailable)?;
        Ok(())
    }
}
