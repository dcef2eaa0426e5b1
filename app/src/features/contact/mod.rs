//! The contact page: how to reach the council, and a message form.
pub mod api;
mod pages;
pub mod wire;

pub use pages::{ContactPage, InboxPage, MessagePage, MyMessagePage, MyMessagesPage, SentPage};
