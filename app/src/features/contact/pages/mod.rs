//! The contact page, the confirmation after sending a message, the staff inbox, and a person's
//! own messages.
mod form;
mod inbox;
mod mine;
mod sent;

pub use form::ContactPage;
pub use inbox::{InboxPage, MessagePage};
pub use mine::{MyMessagePage, MyMessagesPage};
pub use sent::SentPage;
