//! The contact page and the confirmation after sending a message.
mod form;
mod sent;

pub use form::ContactPage;
pub use sent::SentPage;
