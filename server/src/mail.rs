//! Outgoing mail, written as RFC 5322 `.eml` files into the outbox folder, one per message,
//! for the council's mail relay to pick up (and for tests to read). Each file is written under
//! a temporary name and renamed, so a relay never sees half a message.
use std::path::PathBuf;

use app::ports::{Email, Mailer, StoreError};
use async_trait::async_trait;

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
