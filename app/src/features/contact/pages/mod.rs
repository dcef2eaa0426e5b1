//! The contact page, the confirmation after sending a message, and the staff inbox.
mod form;
mod inbox;
mod sent;

pub use form::ContactPage;
pub use inbox::{InboxPage, MessagePage};
pub use sent::SentPage;
