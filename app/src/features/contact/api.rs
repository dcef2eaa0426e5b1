//! Server functions for the contact page.
use leptos::prelude::*;

use super::wire::ContactForm;
use crate::error::AppError;

/// Stores a message for the carer portal team and sends the person to the confirmation page.
/// Open to everyone, signed in or not: people who cannot sign in need to reach the council too.
#[server(prefix = "/api", endpoint = "contact")]
pub async fn send_contact_message(#[server(flatten)] form: ContactForm) -> Result<(), AppError> {
    use crate::backend::cx::Cx;
    use crate::domain::contact::ContactMessage;

    let cx = Cx::anyone()?;
    let message = ContactMessage::try_from(form).map_err(|p| cx.invalid(&p))?;
    let reference = cx.store().add_contact_message(&message, cx.locale(), cx.now()).await?;
    leptos_axum::redirect(&format!("/contact/sent?reference={reference}"));
    Ok(())
}
