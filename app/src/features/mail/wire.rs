//! What the admin's list shows of an email not sent: who it was for and what about, never what
//! it said (it may hold a one-use link).
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndeliveredEmail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub queued_on: String,
    pub attempts: u32,
    pub reason: String,
}
