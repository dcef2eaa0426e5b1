//! What the contact form posts.
use serde::{Deserialize, Serialize};

use crate::domain::contact::{ContactMessage, ContactProblem};

/// What was typed into the contact form, as it arrived.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    pub message: String,
}

impl TryFrom<ContactForm> for ContactMessage {
    type Error = Vec<ContactProblem>;

    fn try_from(form: ContactForm) -> Result<Self, Self::Error> {
        ContactMessage::new(&form.name, &form.email, &form.message)
    }
}
