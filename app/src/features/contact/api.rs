//! Server functions for the contact page.
use leptos::prelude::*;

use crate::error::AppError;

/// Stores a message for the carer portal team and sends the person to the confirmation page.
/// Open to everyone, signed in or not: people who cannot sign in need to reach the council too.
#[server(prefix = "/api", endpoint = "contact")]
pub async fn send_contact_message(
    #[server(default)] name: String,
    #[server(default)] email: String,
    #[server(default)] message: String,
) -> Result<(), AppError> {
    use crate::domain::contact::{ContactForm, ContactMessage};
    use crate::backend::cx::{internal, services};
    use crate::kit::visitor::use_visitor;

    let visitor = use_visitor();
    let services = services()?;
    let form = ContactForm { name, email, message };
    let message = ContactMessage::try_from(&form).map_err(|p| AppError::invalid(&p, visitor.locale))?;
    let reference = services
        .store
        .add_contact_message(&message, visitor.locale, services.clock.now())
        .await
        .map_err(|e| internal(&visitor, "saving a contact message", e))?;
    leptos_axum::redirect(&format!("/contact/sent?reference={reference}"));
    Ok(())
}
